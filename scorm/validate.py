"""Validate manifests against the official SCORM schemas shipped in ``schemas/``.

libxml2 compiles one schema per validation, so we hand it a small driver schema
that imports every namespace of the version from the local files. The XML
namespace schema comes first: otherwise libxml2 resolves ``xml:lang`` through the
first importer's location, and the 1.2 set's own ``ims_xml.xsd`` declares the XML
namespace as its default namespace, which libxml2 rejects. The W3C ``xml.xsd``
(shipped with the 2004 set) is imported first; later imports of the namespace
are then skipped. Packages still ship the official 1.2 files unchanged.

``imsmd_rootv1p2p1.xsd`` (IMS Meta-data 1.2.1) has content models libxml2 calls not
deterministic: ``grp.any`` is ``##any``, which also matches the schema's own
elements. For validation only, it is read with ``##other`` there (what the
content models mean); packages ship the official file.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from lxml import etree

from .manifest import LOCATIONS12, LOCATIONS2004
from .model import Version

SCHEMAS_DIR = Path(__file__).parent / "schemas"
XML_NS = "http://www.w3.org/XML/1998/namespace"
_SETS: dict[str, tuple[str, tuple[tuple[str, str], ...]]] = {
    "1.2": ("12", LOCATIONS12),
    "2004": ("2004", LOCATIONS2004),
}


def schema_dir(version: Version) -> Path:
    """Return the folder of the official schemas for ``version``."""
    return SCHEMAS_DIR / _SETS[version][0]


def schema_files(version: Version) -> list[Path]:
    """Return the schema files shipped at the root of every package of ``version``."""
    return sorted(p for p in schema_dir(version).iterdir() if p.suffix in (".xsd", ".dtd"))


class _MetadataResolver(etree.Resolver):  # type: ignore[misc]
    """Serves the deterministic reading of ``imsmd_rootv1p2p1.xsd`` (see above)."""

    def resolve(self, system_url: str, public_id: str, context: object) -> object:
        if not system_url.endswith("/12/imsmd_rootv1p2p1.xsd"):
            return None
        text = (SCHEMAS_DIR / "12" / "imsmd_rootv1p2p1.xsd").read_text(encoding="utf-8")
        return self.resolve_string(text.replace('namespace="##any"', 'namespace="##other"'),
                                   context, base_url=system_url)


@cache
def _schema(version: Version) -> etree.XMLSchema:
    folder, imports = _SETS[version]
    base = SCHEMAS_DIR / folder
    xml_xsd = (SCHEMAS_DIR / "2004" / "xml.xsd").as_uri()
    lines = [f'<xs:import namespace="{XML_NS}" schemaLocation="{xml_xsd}"/>']
    lines += [f'<xs:import namespace="{ns}" schemaLocation="{(base / name).as_uri()}"/>'
             for ns, name in imports]
    driver = ('<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">'
              + "".join(lines) + "</xs:schema>")
    parser = etree.XMLParser(no_network=True)
    parser.resolvers.add(_MetadataResolver())
    doc = etree.fromstring(driver.encode(), parser, base_url=(base / "driver.xsd").as_uri())
    return etree.XMLSchema(doc)


def validate_manifest(manifest: bytes, version: Version) -> list[str]:
    """Return the schema errors of ``manifest`` as ``line N: message`` strings; empty if valid."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    try:
        doc = etree.fromstring(manifest, parser)
    except etree.XMLSyntaxError as exc:
        return [f"line {exc.lineno}: {exc.msg}"]
    schema = _schema(version)
    if schema.validate(doc):
        return []
    return [f"line {e.line}: {e.message}" for e in schema.error_log]
