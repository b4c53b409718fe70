"""Writing output files so that a reader never sees half of one.

Every file is written to a temporary file beside its target and renamed over it; a set of files
is renamed only after all of them were written, so an interrupted build leaves the last
complete output in place.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_all_atomically(files: dict[Path, bytes]) -> None:
    """Write every file, or (on any error) none of them."""
    staged: list[tuple[Path, Path]] = []
    try:
        for target, content in files.items():
            target.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
            with os.fdopen(handle, "wb") as stream:
                stream.write(content)
            os.chmod(temporary, 0o644)  # mkstemp makes files only their owner may read
            staged.append((Path(temporary), target))
        for temporary, target in staged:
            os.replace(temporary, target)
    finally:
        for temporary, _ in staged:
            if temporary.exists():
                temporary.unlink()
