"""Reading the answer key the quiz extension writes into ``data-quiz-key``."""

from __future__ import annotations

import base64
import json
from typing import Any


def decode_key(question_id: str, encoded: str) -> dict[str, Any]:
    """Reverse :func:`build_tools.markdown.quiz.encode_key`."""
    mixed = base64.b64decode(encoded)
    key = question_id.encode("utf-8") or b"quiz"
    data = bytes(byte ^ key[i % len(key)] for i, byte in enumerate(mixed))
    result: dict[str, Any] = json.loads(data.decode("utf-8"))
    return result
