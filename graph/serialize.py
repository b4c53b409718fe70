"""Turtle and TriG that keep every number as the report writes it.

rdflib's Turtle writer prints the decimal "30" in its short form as 30.0, a different lexical form
of the same value; a report that says 实现产值30亿元 must read "30" in the graph too. These writers
keep the short forms rdflib uses, except for decimals it would have to rewrite.
"""

from __future__ import annotations

from rdflib import XSD, Literal, plugin
from rdflib.graph import Graph
from rdflib.plugins.serializers.trig import TrigSerializer
from rdflib.plugins.serializers.turtle import TurtleSerializer
from rdflib.serializer import Serializer

TURTLE = "plankg-turtle"
TRIG = "plankg-trig"


class _AsWritten:
    def label(self, node, position):
        if isinstance(node, Literal) and node.datatype == XSD.decimal and "." not in str(node):
            return node._literal_n3(
                use_plain=False, qname_callback=lambda dt: self.get_pname(dt, True))
        return super().label(node, position)


class AsWrittenTurtleSerializer(_AsWritten, TurtleSerializer):
    pass


class AsWrittenTrigSerializer(_AsWritten, TrigSerializer):
    pass


plugin.register(TURTLE, Serializer, __name__, "AsWrittenTurtleSerializer")
plugin.register(TRIG, Serializer, __name__, "AsWrittenTrigSerializer")


def to_turtle(graph: Graph) -> bytes:
    return graph.serialize(format=TURTLE, encoding="utf-8")


def to_trig(graph: Graph) -> bytes:
    return graph.serialize(format=TRIG, encoding="utf-8")
