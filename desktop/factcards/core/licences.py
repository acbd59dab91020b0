"""The libraries factcards runs on, with their versions and licences, for Help ▸ About.

Read from the installed packages' own metadata (a wheel's License-Expression, else its
licence classifiers), walking factcards' runtime requirements, so the list is always
the one actually installed or bundled; Python, Qt and SQLite are named by the caller.
"""

import re
from dataclasses import dataclass
from importlib.metadata import PackageMetadata, PackageNotFoundError, distribution

UNKNOWN = "licence not recorded"


@dataclass(frozen=True, slots=True)
class Library:
    """One library: its name, version and licence."""

    name: str
    version: str
    licence: str


def runtime_libraries(root: str = "factcards") -> list[Library]:
    """Every package `root` needs at run time (its requirements, theirs, and so on),
    sorted by name. Requirements of an extra, and packages that are not installed (for
    another platform or Python), are left out."""
    found: dict[str, Library] = {}
    waiting = [root]
    while waiting:
        try:
            requirements = distribution(waiting.pop()).requires or []
        except PackageNotFoundError:
            continue
        for line in requirements:
            name, _, marker = line.partition(";")
            if "extra ==" in marker:
                continue  # an optional extra, not needed to run
            key = _normal(re.split(r"[\s<>=!~\[(]", name.strip(), maxsplit=1)[0])
            if key in found:
                continue
            try:
                metadata = distribution(key).metadata
            except PackageNotFoundError:
                continue
            found[key] = Library(metadata["Name"], metadata["Version"], _licence(metadata))
            waiting.append(key)
    return sorted(found.values(), key=lambda library: library.name.lower())


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _licence(metadata: PackageMetadata) -> str:
    if "License-Expression" in metadata:
        return metadata["License-Expression"]
    classifiers = [
        c.rsplit("::", 1)[-1].strip()
        for c in metadata.get_all("Classifier") or []
        if c.startswith("License ::")
    ]
    if classifiers:
        return ", ".join(classifiers)
    text = " ".join(metadata["License"].split()) if "License" in metadata else ""
    return text if 0 < len(text) <= 60 else UNKNOWN
