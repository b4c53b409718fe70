"""target: where an export goes, written whole or not at all.

A file is written to a temporary file beside it and renamed over it once complete (through
graph.build.files, as the build and `plankg view` write theirs), so that a reader, or a failed
or interrupted export, never leaves half a file; without -o it goes to stdout as it is made.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from graph.build.files import write_all_atomically
from graph.errors import OutputError


def check_file(target: Path) -> None:
    """One line, before anything is read, for a -o that cannot be a file."""
    if target.is_dir():
        raise OutputError(f"{target}: is a folder; -o names the file to write")
    if not target.parent.is_dir():
        raise OutputError(f"{target.parent}: no such folder to write {target.name} into")


def check_folder(target: Path) -> None:
    """One line for a -o that cannot be the folder of a set of files (made if it is missing)."""
    if target.exists() and not target.is_dir():
        raise OutputError(f"{target}: is a file; -o names the folder to write the files into")
    if not target.parent.is_dir():
        raise OutputError(f"{target.parent}: no such folder to make {target.name} in")


@contextmanager
def opened(target: Path | None) -> Iterator[BinaryIO]:
    """A binary stream to write the export to: stdout, or a temporary file that becomes `target`
    when the block ends without error (and is removed if it does not)."""
    if target is None:
        sys.stdout.flush()
        yield sys.stdout.buffer
        sys.stdout.buffer.flush()
        return
    check_file(target)
    handle, name = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    temporary = Path(name)
    try:
        with os.fdopen(handle, "wb") as stream:
            yield stream
        write_all_atomically({target: temporary})
    except OSError as error:
        raise OutputError(f"{target}: cannot write it: {error.strerror or error}") from None
    finally:
        if temporary.exists():
            temporary.unlink()


def write_files(files: dict[Path, bytes | Path]) -> None:
    """Several files, all or none (a folder's set, as neo4j's import reads it)."""
    try:
        write_all_atomically(files)
    except OSError as error:
        raise OutputError(f"cannot write {', '.join(str(p) for p in files)}: {error.strerror or error}") from None
