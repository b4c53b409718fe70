"""The wheel holds the whole package: every folder of graph/, every data file, the ontology.

pyproject.toml once listed packages by hand and left out graph.rdf and graph.resolve, so that
`pip install .` gave a plankg whose build failed; an editable install cannot show that.
"""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from graph.version import __version__

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel_names(tmp_path_factory) -> set[str]:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(out), str(ROOT)],
                   check=True, capture_output=True)
    wheels = list(out.glob("plankg-*.whl"))
    assert len(wheels) == 1, wheels
    with zipfile.ZipFile(wheels[0]) as wheel:
        return set(wheel.namelist())


def _package_files() -> list[str]:
    """Every file of graph/ that an installed plankg needs: code and data, caches aside."""
    return sorted(str(path.relative_to(ROOT)) for path in (ROOT / "graph").rglob("*")
                  if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc")


def test_every_package_folder_is_in_the_wheel(wheel_names):
    folders = {str(path.relative_to(ROOT)) for path in (ROOT / "graph").rglob("__init__.py")}
    assert folders, "no package found"
    assert folders <= wheel_names, sorted(folders - wheel_names)


def test_every_file_of_the_package_is_in_the_wheel(wheel_names):
    missing = [name for name in _package_files() if name not in wheel_names]
    assert not missing, missing


def test_the_ontology_ships_inside_the_package(wheel_names):
    assert {"graph/ontology/plan.ttl", "graph/ontology/shapes.ttl"} <= wheel_names


def test_the_version_is_the_packages_own(wheel_names):
    assert f"plankg-{__version__}.dist-info/METADATA" in wheel_names
