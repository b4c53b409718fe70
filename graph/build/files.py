"""Writing output files so that a reader never sees half of one.

Every file is written to a temporary file beside its target and renamed over it; a set of files
is renamed only after all of them were written, so an interrupted build leaves the last
complete output in place.
"""

from __future__ import annotations

import os
import shutil
import signal
import tempfile
import threading
from contextlib import contextmanager
from pathlib import Path


def write_all_atomically(files: dict[Path, bytes | Path]) -> None:
    """Write every file, or (on any error) none of them. A Path in place of bytes is a file
    already written on the same file system (in a build's work folder), moved into place."""
    staged: list[tuple[Path, Path]] = []
    try:
        for target, content in files.items():
            target.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, Path):
                os.chmod(content, 0o644)
                staged.append((content, target))
                continue
            handle, temporary_name = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
            with os.fdopen(handle, "wb") as stream:
                stream.write(content)
            os.chmod(temporary_name, 0o644)  # mkstemp makes files only their owner may read
            staged.append((Path(temporary_name), target))
        with _interrupts_held():
            for temporary, target in staged:
                os.replace(temporary, target)
    finally:
        for temporary, _ in staged:
            if temporary.exists():
                temporary.unlink()


def replace_folder(new: Path, target: Path) -> None:
    """Put the folder `new` where `target` is, the old one removed: two renames, held together."""
    old = target.with_name(f".{target.name}.plankg-old")
    shutil.rmtree(old, ignore_errors=True)
    with _interrupts_held():
        if target.exists():
            os.replace(target, old)
        os.replace(new, target)
    shutil.rmtree(old, ignore_errors=True)


@contextmanager
def _interrupts_held():
    """Ctrl-C and SIGTERM wait until the block is done: the renames happen all or none."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    received: list[int] = []
    previous = {number: signal.signal(number, lambda n, frame: received.append(n))
                for number in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
        if received:
            signal.raise_signal(received[0])
