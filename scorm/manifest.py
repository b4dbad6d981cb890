"""``imsmanifest.xml`` for SCORM 1.2 and SCORM 2004 4th Edition, from a :class:`Package`.

SCORM 1.2: IMS Content Packaging 1.1.2 with ``adlcp_rootv1p2`` (CAM 1.2 section 2.3).
SCORM 2004 4th Edition: IMS CP 1.1.4 with ``adlcp_v1p3`` and IMS Simple Sequencing
(CAM 4th Edition sections 3.4 and 5).
"""

from __future__ import annotations

from lxml import etree

from .model import Item, Package, Resource

XSI = "http://www.w3.org/2001/XMLSchema-instance"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

NS12 = {
    None: "http://www.imsproject.org/xsd/imscp_rootv1p1p2",
    "adlcp": "http://www.adlnet.org/xsd/adlcp_rootv1p2",
    "xsi": XSI,
}
IMSMD12 = "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1"
LOCATIONS12 = (
    (NS12[None], "imscp_rootv1p1p2.xsd"),
    (IMSMD12, "imsmd_rootv1p2p1.xsd"),
    (NS12["adlcp"], "adlcp_rootv1p2.xsd"),
)

NS2004 = {
    None: "http://www.imsglobal.org/xsd/imscp_v1p1",
    "adlcp": "http://www.adlnet.org/xsd/adlcp_v1p3",
    "adlseq": "http://www.adlnet.org/xsd/adlseq_v1p3",
    "adlnav": "http://www.adlnet.org/xsd/adlnav_v1p3",
    "imsss": "http://www.imsglobal.org/xsd/imsss",
    "xsi": XSI,
}
LOM2004 = "http://ltsc.ieee.org/xsd/LOM"
LOCATIONS2004 = (
    (NS2004[None], "imscp_v1p1.xsd"),
    (NS2004["adlcp"], "adlcp_v1p3.xsd"),
    (NS2004["adlseq"], "adlseq_v1p3.xsd"),
    (NS2004["adlnav"], "adlnav_v1p3.xsd"),
    (NS2004["imsss"], "imsss_v1p0.xsd"),
)


def build_manifest(package: Package) -> etree._Element:
    """Return the manifest element of ``package`` for its SCORM version."""
    if package.version == "1.2":
        return _Writer12(package).manifest()
    return _Writer2004(package).manifest()


def manifest_bytes(package: Package) -> bytes:
    """Return ``imsmanifest.xml`` as UTF-8 bytes with an XML declaration."""
    data: bytes = etree.tostring(
        build_manifest(package), xml_declaration=True, encoding="UTF-8", pretty_print=True
    )
    return data


class _Writer:
    """What both versions share: the manifest frame, resources and titles."""

    ns: dict[str | None, str]
    locations: tuple[tuple[str, str], ...]
    schemaversion: str
    scorm_type_attr: str

    def __init__(self, package: Package) -> None:
        self.package = package

    def q(self, prefix: str | None, name: str) -> str:
        return f"{{{self.ns[prefix]}}}{name}"

    def sub(self, parent: etree._Element, name: str, text: str | None = None,
            prefix: str | None = None, **attrs: str) -> etree._Element:
        element = etree.SubElement(parent, self.q(prefix, name), attrs)
        if text is not None:
            element.text = text
        return element

    def manifest(self) -> etree._Element:
        pkg = self.package
        root = etree.Element(self.q(None, "manifest"), nsmap=self.ns)
        root.set("identifier", pkg.identifier)
        root.set("version", "1.0")
        root.set(f"{{{XSI}}}schemaLocation", " ".join(f"{n} {f}" for n, f in self.locations))
        metadata = self.sub(root, "metadata")
        self.sub(metadata, "schema", "ADL SCORM")
        self.sub(metadata, "schemaversion", self.schemaversion)
        metadata.append(self.lom())
        organizations = self.sub(root, "organizations", default=pkg.organization.identifier)
        organizations.append(self.organization())
        resources = self.sub(root, "resources")
        for resource in pkg.resources:
            resources.append(self.resource(resource))
        return root

    def organization(self) -> etree._Element:
        org = self.package.organization
        element = etree.Element(self.q(None, "organization"), identifier=org.identifier)
        self.sub(element, "title", org.title)
        for item in org.items:
            element.append(self.item(item))
        return element

    def item(self, item: Item) -> etree._Element:
        element = etree.Element(self.q(None, "item"), identifier=item.identifier)
        if item.resource:
            element.set("identifierref", item.resource)
        element.set("isvisible", "true")
        self.sub(element, "title", item.title)
        for child in item.children:
            element.append(self.item(child))
        self.item_extras(element, item)
        return element

    def item_extras(self, element: etree._Element, item: Item) -> None:
        """Add the version's tracking elements after the title and children."""

    def resource(self, resource: Resource) -> etree._Element:
        element = etree.Element(self.q(None, "resource"), identifier=resource.identifier,
                                type="webcontent")
        element.set(self.q("adlcp", self.scorm_type_attr), resource.scorm_type)
        if resource.href:
            element.set("href", resource.href)
        for href in resource.files:
            self.sub(element, "file", href=href)
        for dependency in resource.dependencies:
            self.sub(element, "dependency", identifierref=dependency)
        return element

    def lom(self) -> etree._Element:
        raise NotImplementedError

    def titles(self) -> dict[str, str]:
        """The package's title by language: every language of a multilingual package."""
        pkg = self.package
        return {lang: pkg.titles.get(lang, pkg.title) for lang in pkg.all_languages}


class _Writer12(_Writer):
    ns = NS12
    locations = LOCATIONS12
    schemaversion = "1.2"
    scorm_type_attr = "scormtype"

    def lom(self) -> etree._Element:
        # IMS Meta-data 1.2.1 (imsmd_rootv1p2p1.xsd): general/title/langstring, language.
        lom = etree.Element(f"{{{IMSMD12}}}lom", nsmap={None: IMSMD12})
        general = etree.SubElement(lom, f"{{{IMSMD12}}}general")
        title = etree.SubElement(general, f"{{{IMSMD12}}}title")
        for lang, text in self.titles().items():
            langstring = etree.SubElement(title, f"{{{IMSMD12}}}langstring")
            langstring.set(XML_LANG, lang)
            langstring.text = text
        for lang in self.package.all_languages:
            etree.SubElement(general, f"{{{IMSMD12}}}language").text = lang
        return lom

    def item_extras(self, element: etree._Element, item: Item) -> None:
        # CAM 1.2 section 2.3.5.2.1: the LMS compares cmi.core.score.raw with it.
        if item.mastery_score is not None:
            self.sub(element, "masteryscore", str(item.mastery_score), prefix="adlcp")


class _Writer2004(_Writer):
    ns = NS2004
    locations = LOCATIONS2004
    schemaversion = "2004 4th Edition"
    scorm_type_attr = "scormType"

    def lom(self) -> etree._Element:
        # IEEE LOM (CAM 4th Ed. 4.1); the manifest schema accepts it laxly (##other).
        lom = etree.Element(f"{{{LOM2004}}}lom", nsmap={None: LOM2004})
        general = etree.SubElement(lom, f"{{{LOM2004}}}general")
        title = etree.SubElement(general, f"{{{LOM2004}}}title")
        for lang, text in self.titles().items():
            etree.SubElement(title, f"{{{LOM2004}}}string", language=lang).text = text
        for lang in self.package.all_languages:
            etree.SubElement(general, f"{{{LOM2004}}}language").text = lang
        return lom

    def organization(self) -> etree._Element:
        element = super().organization()
        # SN 4th Ed. 3.2: free choice in the LMS's tree and previous/next flow.
        sequencing = self.sub(element, "sequencing", prefix="imsss")
        self.sub(sequencing, "controlMode", prefix="imsss", choice="true", flow="true")
        return element

    def item_extras(self, element: etree._Element, item: Item) -> None:
        if item.resource is None:
            return
        sequencing = self.sub(element, "sequencing", prefix="imsss")
        if not item.tracked:
            # SN 4th Ed. 4.6.4 and 5.1.1: an untracked page (the glossary) counts for
            # nothing in the course's completion, satisfaction or score.
            self.sub(sequencing, "rollupRules", prefix="imsss", rollupObjectiveSatisfied="false",
                     rollupProgressCompletion="false", objectiveMeasureWeight="0")
            self.sub(sequencing, "deliveryControls", prefix="imsss", tracked="false")
            return
        if item.mastery_score is None:
            # Without a test, the SCO's missing measure must not pull the course score
            # down, nor decide the course's satisfaction (SN 4th Ed. 4.6.5, 4.6.6).
            self.sub(sequencing, "rollupRules", prefix="imsss", rollupObjectiveSatisfied="false",
                     objectiveMeasureWeight="0")
        objectives = self.sub(sequencing, "objectives", prefix="imsss")
        primary = self.sub(objectives, "primaryObjective", prefix="imsss",
                           objectiveID=item.objective_id or item.identifier)
        if item.mastery_score is not None:
            # SN 4th Ed. 3.10.1: satisfied when the normalized score reaches the pass mark.
            primary.set("satisfiedByMeasure", "true")
            self.sub(primary, "minNormalizedMeasure", _scaled(item.mastery_score),
                     prefix="imsss")
        self.sub(sequencing, "deliveryControls", prefix="imsss", completionSetByContent="true",
                 objectiveSetByContent="true")


def _scaled(percent: int) -> str:
    """Return ``percent`` as a normalized measure (``70`` -> ``0.7``)."""
    text = f"{percent / 100:.2f}".rstrip("0").rstrip(".")
    return text or "0"
