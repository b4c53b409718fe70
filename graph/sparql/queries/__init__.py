"""Bundled SPARQL queries: NAME.rq, first line a comment saying what the query answers."""
