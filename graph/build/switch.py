"""switch: a build's output folder replaced as one, so that it is always the whole old output or
the whole new one, never a new graph.ttl beside an old build.json.

Why a folder and not four renames: four renames are four moments, and a kill or an I/O error
between two of them leaves a mix. So the new files are written into a folder beside the output,
`.NAME.plankg-new-PID`, with everything else the output folder holds (the build cache, files the
user put there) hard-linked in, fsynced, renamed `.NAME.plankg-ready-PID` (complete from then on),
and switched with the output folder in one step:

    exchange   renameat2(RENAME_EXCHANGE) on Linux: one system call, the path OUT names the old
               folder until it names the new one; a reader that opens OUT/graph.ttl then
               OUT/build.json after the switch sees only new files
    two moves  where the system cannot exchange (another OS, a file system without it):
               OUT -> .NAME.plankg-old-PID, then ready -> OUT; between the two, OUT does not exist
               (a reader gets "no such file", never a mix); an error at the second move puts the
               old folder back

A build killed at any moment leaves OUT whole (old or new) or, killed between the two moves, no OUT
and a complete ready folder: recover(), at the start of the next build, moves that one in (or the
old one back if no ready folder is there) and removes every staging and work folder of a build
whose process is gone.

The persistent store of `--store oxigraph:DIR` is a folder of its own, wherever the user put it,
so it cannot be the same rename: it is made complete beside DIR (`.DIR.plankg-ready-PID`, marked
with the build it belongs to, which build.json names too) and switched right after OUT, inside
the same held signals; a failure there switches OUT back. Only a kill between the two leaves the
new output beside the old store, and recover_companion, at the next build, rolls the store
forward to the one build.json names.

Where OUT cannot be swapped (it is a mount point, the current folder or one above it, or its parent
cannot be written), the files are renamed one by one into it, each whole but not all in one step.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import re
import shutil
import signal
import stat
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

WORK_PREFIX = ".plankg-work-"
_STAGING = re.compile(r"\.(?P<name>.+)\.plankg-(?P<stage>new|ready|old)-(?P<pid>\d+)$")
_WORK = re.compile(re.escape(WORK_PREFIX) + r"(?P<pid>\d+)-")


def staging(out_dir: Path, stage: str, pid: int | None = None) -> Path:
    return out_dir.parent / f".{out_dir.name}.plankg-{stage}-{os.getpid() if pid is None else pid}"


def can_switch_folder(out_dir: Path) -> bool:
    """Whether OUT may be swapped for a new folder: not a mount point, not where this process (or
    a shell that started it) stands, and in a parent folder this process can write."""
    out = out_dir.resolve()
    cwd = Path.cwd().resolve()
    if out.exists() and (os.path.ismount(out) or cwd == out or out in cwd.parents):
        return False
    return os.access(out.parent, os.W_OK | os.X_OK)


def publish(out_dir: Path, files: dict[str, bytes | Path], carried: frozenset[str],
            companion: Path | None = None) -> None:
    """Make OUT hold `files` (name -> bytes, or a file already written on this file system) and,
    of what it held, all but the names in `carried` (this build's own files and work folders).

    `companion`: a folder switched in the same step, the persistent store of `--store`, complete
    at `staging(companion, "ready")` and marked with the build it belongs to (mark_companion).
    It is switched right after OUT; should that fail, OUT is switched back, so that both are old.
    A kill between the two leaves OUT new: recover_companion rolls the store forward."""
    out = out_dir.resolve()
    new, ready = staging(out, "new"), staging(out, "ready")
    switched = False
    undo = _Undo()
    try:
        _remove(new)
        new.mkdir()
        for name, content in files.items():
            _put(new / name, content)
        if out.is_dir():
            _carry_over(out, new, carried)
            os.chmod(new, stat.S_IMODE(out.stat().st_mode))
        _fsync_tree(new)
        os.replace(new, ready)
        fsync_folder(out.parent)
        with _interrupts_held() as received:
            how = _switch(ready, out)
            if companion is not None:
                _switch_companion(companion, ready, out, how, undo)
            switched = True
            with contextlib.suppress(OSError):  # the files and folders are durable; a lost entry is the old folder whole
                fsync_folder(out.parent)
            for done in (out, companion):
                if done is not None:
                    _remove(staging(done, "ready"))  # the old folder, after an exchange
                    _remove(staging(done, "old"))
        if received:
            raise KeyboardInterrupt(f"the build had finished: {out_dir}/ holds its new files")
    finally:
        if not switched and not undo.failed:
            _remove(new)
            _remove(ready)
            if companion is not None:
                _remove(staging(companion, "ready"))


class _Undo:
    """Whether switching OUT back failed: OUT is then new, its store old and the new store ready
    beside it, all left for recover_companion to finish (it rolls the store forward)."""

    failed = False


def _switch_companion(companion: Path, ready: Path, out: Path, how: str, undo: _Undo) -> None:
    """The store switched after OUT; if it cannot be, OUT back as it was, and the error raised."""
    try:
        _switch(staging(companion, "ready"), companion)
        with contextlib.suppress(OSError):
            fsync_folder(companion.parent)
    except BaseException:
        try:
            _switch_back(ready, out, how)
        except BaseException:
            undo.failed = True
            raise
        raise


def _switch(ready: Path, out: Path) -> str:
    """The one step: `ready` becomes OUT; OUT's old folder ends at `ready` (exchanged) or at the
    old staging path (two moves), or nowhere if there was none. Says which it was."""
    if not out.exists():
        os.replace(ready, out)
        return "new"
    if exchange(ready, out):
        return "exchanged"
    old = staging(out, "old")
    _remove(old)
    os.replace(out, old)
    try:
        os.replace(ready, out)
    except BaseException:
        os.replace(old, out)  # the old folder back: the build failed, the output is as it was
        raise
    return "moved"


def _switch_back(ready: Path, out: Path, how: str) -> None:
    """Undo _switch: the new folder back at `ready`, OUT the old one again (or gone, if it was)."""
    if how == "exchanged":
        if not exchange(ready, out):
            raise OSError(errno.ENOTSUP, "cannot exchange back", str(out))
        return
    os.replace(out, ready)
    if how == "moved":
        os.replace(staging(out, "old"), out)


COMPANION_MARK = "plankg-build"  # a file in the store's folder naming the build it belongs to


def mark_companion(folder: Path, build: str) -> None:
    """Name in the new store's folder the build it belongs to (the same name is in build.json)."""
    with open(folder / COMPANION_MARK, "w", encoding="ascii") as stream:
        stream.write(build)
        stream.flush()
        os.fsync(stream.fileno())


def recover_companion(companion: Path, committed: str | None) -> None:
    """Finish what a build killed between switching OUT and its store left: the store of the
    build OUT now holds (`committed`, from its build.json) is moved in; every other staging
    folder of a dead build is removed (the old store put back first if the store is missing)."""
    target = companion.resolve()
    dead = [(stage, path) for stage, path in _staging_of(target) if not _alive(path)]
    forward = next((path for stage, path in dead if stage == "ready" and committed is not None
                    and _mark(path) == committed and _mark(target) != committed), None)
    if forward is not None:
        _switch(forward, target)
        fsync_folder(target.parent)
    elif not target.exists():
        old = next((path for stage, path in dead if stage == "old"), None)
        if old is not None:
            os.replace(old, target)
            fsync_folder(target.parent)
    for _, path in dead:
        _remove(path)
    _remove(staging(target, "old", os.getpid()))


def _mark(folder: Path) -> str | None:
    try:
        return (folder / COMPANION_MARK).read_text(encoding="ascii")
    except (OSError, UnicodeDecodeError):
        return None


def exchange(first: Path, second: Path) -> bool:
    """Swap two paths in one step with Linux's renameat2(RENAME_EXCHANGE); False where the system
    or the file system has no such call (then the caller moves twice)."""
    if not sys.platform.startswith("linux"):
        return False
    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if renameat2 is None:  # glibc before 2.28
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    at_cwd, rename_exchange = -100, 2
    if renameat2(at_cwd, os.fsencode(first), at_cwd, os.fsencode(second), rename_exchange) == 0:
        return True
    number = ctypes.get_errno()
    if number in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False
    raise OSError(number, os.strerror(number), str(first), None, str(second))


def recover(out_dir: Path) -> None:
    """Finish what a killed build left: OUT missing between two moves gets its ready folder (or its
    old one back), and the staging and work folders of builds whose process is gone are removed."""
    out = out_dir.resolve()
    dead = [(stage, path) for stage, path in _staging_of(out) if not _alive(path)]
    if not out.exists() and dead:
        chosen = next((path for stage, path in dead if stage == "ready"), None) or \
            next((path for stage, path in dead if stage == "old"), None)
        if chosen:
            os.replace(chosen, out)
            fsync_folder(out.parent)
    for _, path in dead:
        _remove(path)
    if out.is_dir():
        for entry in out.iterdir():
            if entry.name.startswith(WORK_PREFIX) and not _work_alive(entry.name):
                _remove(entry)


def _staging_of(out: Path) -> Iterator[tuple[str, Path]]:
    if not out.parent.is_dir():
        return
    for entry in out.parent.iterdir():
        found = _STAGING.match(entry.name)
        if found and found["name"] == out.name:
            yield found["stage"], entry


def _alive(path: Path) -> bool:
    found = _STAGING.match(path.name)
    return found is not None and _pid_alive(int(found["pid"]))


def _work_alive(name: str) -> bool:
    """A work folder of a build still running; one without a process id is an older plankg's."""
    found = _WORK.match(name)
    return found is not None and _pid_alive(int(found["pid"]))


def _pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return False  # a folder of an earlier process that had this one's number: this build has none yet
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    return True


def _put(target: Path, content: bytes | Path) -> None:
    """One new file, on disk before the switch."""
    target.parent.mkdir(exist_ok=True)  # text/, for the text read from PDF, Word and HTML reports
    if isinstance(content, Path):
        fsync_file(content)
        os.replace(content, target)
    else:
        with open(target, "wb") as stream:
            stream.write(content)
            stream.flush()
            os.fsync(stream.fileno())
    os.chmod(target, 0o644)


def _carry_over(out: Path, new: Path, carried: frozenset[str]) -> None:
    """What OUT holds besides this build's files, hard-linked into the new folder (copied where
    links cannot be made): the build cache, and the user's own files stay as they were."""
    for entry in out.iterdir():
        if entry.name not in carried and not entry.name.startswith(WORK_PREFIX):
            _link_tree(entry, new / entry.name)


def _link_tree(source: Path, target: Path) -> None:
    """A file, folder or symbolic link at `target` that is `source`; a FIFO made anew; a socket or
    device is not carried (nothing plankg or a user keeps in an output folder)."""
    mode = source.lstat().st_mode
    if stat.S_ISLNK(mode):
        os.symlink(os.readlink(source), target)
    elif stat.S_ISDIR(mode):
        target.mkdir()
        for child in source.iterdir():
            _link_tree(child, target / child.name)
        os.chmod(target, stat.S_IMODE(mode))
    elif stat.S_ISREG(mode):
        try:
            os.link(source, target)
        except OSError:
            shutil.copy2(source, target)
    elif stat.S_ISFIFO(mode):
        os.mkfifo(target, stat.S_IMODE(mode))


def _fsync_tree(folder: Path) -> None:
    """The new folder's entries on disk (its own files were fsynced as written)."""
    for root, _, _ in os.walk(folder):
        fsync_folder(Path(root))


def fsync_file(path: Path) -> None:
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def fsync_folder(folder: Path) -> None:
    """A folder's entries on disk; a file system that cannot fsync a folder (EINVAL) is left be."""
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    except OSError as error:
        if error.errno != errno.EINVAL:
            raise
    finally:
        os.close(descriptor)


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    elif path.exists() or path.is_symlink():
        with contextlib.suppress(OSError):
            path.unlink()


@contextlib.contextmanager
def _interrupts_held() -> Iterator[list[int]]:
    """Ctrl-C and SIGTERM wait until the switch is done, and are then said truthfully."""
    received: list[int] = []
    if threading.current_thread() is not threading.main_thread():
        yield received
        return
    previous = {number: signal.signal(number, lambda n, frame: received.append(n))
                for number in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield received
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
