"""Package data in one place (the folders shipped with the tool, files inside the package) and the machine's cores."""
from __future__ import annotations

from importlib import resources as _resources
from pathlib import Path

HERE = Path(__file__).parent


def resource(name: str) -> Path:
    """A folder shipped with the tool (ontology, corpus, queries): in the wheel or in the checkout."""
    inside = HERE / name
    return inside if inside.exists() else HERE.parent / name


def package_file(*parts: str):
    """A file inside the `kg` package (a Traversable: `.open()`, `.is_file()`, `.read_text()`)."""
    return _resources.files("kg").joinpath(*parts)


def usable_cores() -> int:
    """The cores this process may run on (CPU affinity where the OS has it)."""
    import os

    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1
