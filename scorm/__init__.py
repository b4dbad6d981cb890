"""SCORM 1.2 and 2004 packages from a built site; depends only on the stdlib and lxml."""

from .launcher import with_runtime as with_runtime
from .manifest import build_manifest as build_manifest
from .manifest import manifest_bytes as manifest_bytes
from .model import Item as Item
from .model import Organization as Organization
from .model import Package as Package
from .model import Resource as Resource
from .model import Sco as Sco
from .model import ScoPage as ScoPage
from .model import TrackedQuestion as TrackedQuestion
from .package import write_package as write_package
from .suspend import worst_case as worst_case
from .validate import validate_manifest as validate_manifest
