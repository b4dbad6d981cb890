"""scorm/ stays independent of MkDocs and of the pipeline: stdlib and lxml only."""

import ast
import sys
from pathlib import Path

SCORM = Path(__file__).resolve().parents[2] / "scorm"
BANNED = ("mkdocs", "markdown", "material", "build_tools", "pymdownx", "yaml", "babel")


def imported_modules(path: Path) -> list[str]:
    names = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.append(node.module)
    return names


def test_scorm_imports_only_stdlib_and_lxml() -> None:
    files = sorted(SCORM.glob("*.py"))
    assert len(files) >= 7
    for path in files:
        for name in imported_modules(path):
            top = name.split(".")[0]
            assert top not in BANNED, f"{path.name} imports {name}"
            assert top in sys.stdlib_module_names or top in ("lxml", "__future__"), (
                f"{path.name} imports {name}, which is neither the stdlib nor lxml"
            )
