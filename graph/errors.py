"""The errors plankg raises for things a user can fix.

The command line turns each into one line on stderr and exit status 2; anything else is a bug.
"""


class PlankgError(Exception):
    """Base class: a problem with what the user asked for, explained in one line."""


class InputError(PlankgError):
    """A report file that is missing, empty, not text, or cannot be decoded."""


class QueryError(PlankgError):
    """A SPARQL query that is broken, unknown by name, or cannot be run on the data."""


class DataError(PlankgError):
    """A graph file given to query or validate that is missing or not RDF."""


class OutputError(PlankgError):
    """The output cannot be written: a read-only folder or file system, no permission, a full disk."""
