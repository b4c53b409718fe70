"""Writing files so that a reader never sees half of one.

Every file is written to a temporary file beside its target and renamed over it; a set of files
is renamed only after all of them were written. A build's output folder is switched whole
(graph.build.switch); this is for single files (the cache's entries, `plankg view`'s page) and for
an output folder that cannot be swapped, where each file is whole but the set is renamed one by one.
"""

from __future__ import annotations

import os
import shutil
import signal
import tempfile
import threading
from contextlib import contextmanager
from pathlib import Path

from graph.build.switch import fsync_file, fsync_folder


def write_all_atomically(files: dict[Path, bytes | Path], durable: bool = True) -> None:
    """Write every file, or (on any error) none of them. A Path in place of bytes is a file
    already written on the same file system (in a build's work folder), moved into place.
    `durable`: fsynced before they are renamed, and their folders after (a cache entry need not
    be: a damaged one is compiled anew)."""
    staged: list[tuple[Path, Path]] = []
    try:
        for target, content in files.items():
            target.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, Path):
                os.chmod(content, 0o644)
                if durable:
                    fsync_file(content)
                staged.append((content, target))
                continue
            handle, temporary_name = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
            with os.fdopen(handle, "wb") as stream:
                stream.write(content)
                if durable:
                    stream.flush()
                    os.fsync(stream.fileno())
            os.chmod(temporary_name, 0o644)  # mkstemp makes files only their owner may read
            staged.append((Path(temporary_name), target))
        with _interrupts_held(f"the build had finished: {', '.join(str(target) for target in files)} written"):
            for temporary, target in staged:
                os.replace(temporary, target)
        for folder in {target.parent for target in files} if durable else ():
            fsync_folder(folder)
    finally:
        for temporary, _ in staged:
            if temporary.exists():
                temporary.unlink()


@contextmanager
def _interrupts_held(done: str):
    """Ctrl-C and SIGTERM wait until the block is done: the renames happen all or none, and the
    interrupt then says what was done (`done`), not that the files are as they were."""
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
        raise KeyboardInterrupt(done)
