"""Which packages a wheel holds: found, never listed by hand (a forgotten one breaks `pip install .`).

Everything else is in pyproject.toml. This file exists for one thing pyproject.toml cannot say: the
ontology lives at the top of the repository (DESIGN.md) and ships inside the package as
graph.ontology, beside the packages found under graph/.
"""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["graph", "graph.*"]), "graph.ontology"],
    package_dir={"graph.ontology": "ontology"},
)
