"""bounds: what one request and one query of `plankg serve` may take.

A query runs in a forked child process, so that the server can stop it: the child is killed when
its time is up, and its memory is limited (RLIMIT_DATA) so that a cross product sorted by ORDER BY
fails with MemoryError in the child instead of growing the machine's memory by gigabytes. A
request must arrive whole within a deadline, so that a slow client holds its thread for seconds,
not for as long as it likes.
"""

from __future__ import annotations

import io
import multiprocessing
import signal
import socket
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass

from graph.errors import PlankgError

MEMORY_MESSAGE = "the query needs more memory than the server allows ({} MB a query)"


@dataclass
class Outcome:
    """What became of a query run in a child: ok (payload), error, memory or timeout (message)."""

    status: str
    payload: object = None
    message: str = ""


def run_in_child(work: Callable[[], object], seconds: float, memory_bytes: int | None) -> Outcome:
    """`work()` in a forked child that is killed after `seconds` and may allocate `memory_bytes`
    more than the server held when it was forked (None: no limit)."""
    context = multiprocessing.get_context("fork")
    parent, child = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(child, work, memory_bytes), daemon=True)
    process.start()
    child.close()
    try:
        if not parent.poll(seconds):
            process.kill()
            return Outcome("timeout", message=f"the query took more than {seconds:g} s and was stopped")
        try:
            return parent.recv()
        except EOFError:
            process.join()
            return _died(process.exitcode, memory_bytes)
    finally:
        process.join()
        parent.close()


def _died(exitcode: int | None, memory_bytes: int | None) -> Outcome:
    """A child that ended without an answer. Oxigraph (Rust) aborts when an allocation fails, so
    SIGABRT under a memory limit means the limit was reached."""
    if memory_bytes is not None and exitcode == -signal.SIGABRT:
        return Outcome("memory", message=MEMORY_MESSAGE.format(memory_bytes // 2**20))
    return Outcome("error", message=f"the query failed: the engine stopped (exit status {exitcode})")


def _child(connection, work: Callable[[], object], memory_bytes: int | None) -> None:
    # rdflib's generators, closed as a MemoryError unwinds, fail to close for want of memory and
    # print "Exception ignored" with a traceback each: the outcome below says what happened
    sys.unraisablehook = lambda _: None
    try:
        if memory_bytes is not None:
            limit_memory(memory_bytes)
        outcome = Outcome("ok", work())
    except PlankgError as error:
        outcome = _memory_outcome(error, memory_bytes) or Outcome("error", message=str(error))
    except Exception as error:  # noqa: BLE001 - a bug or an engine failure: reported, never a traceback to the client
        outcome = _memory_outcome(error, memory_bytes) or Outcome(
            "error", message=f"the query failed: {type(error).__name__}: {error}")
    try:
        lift_memory_limit()  # room to pickle the answer or the message
        connection.send(outcome)
    finally:
        connection.close()


def _memory_outcome(error: BaseException, memory_bytes: int | None) -> Outcome | None:
    """The memory outcome if MemoryError is the error or lies behind it: run_query wraps what
    rdflib raises in a QueryError (`from None` hides the cause, `__context__` still holds it)."""
    seen: BaseException | None = error
    while seen is not None:
        if isinstance(seen, MemoryError):
            return Outcome("memory", message=MEMORY_MESSAGE.format((memory_bytes or 0) // 2**20))
        seen = seen.__cause__ or seen.__context__
    return None


def limit_memory(allowance: int) -> None:
    """Let this process's data segment grow by `allowance` bytes at most. RLIMIT_DATA rather than
    RLIMIT_AS: the child inherits the server's threads' malloc arenas, reserved address space
    that malloc turns into data without mapping more, which RLIMIT_AS does not see and
    RLIMIT_DATA (Linux 4.7 on) counts. Elsewhere than Linux, nothing is limited."""
    if not sys.platform.startswith("linux"):
        return
    import resource

    _, hard = resource.getrlimit(resource.RLIMIT_DATA)
    wanted = _data_bytes() + allowance
    resource.setrlimit(resource.RLIMIT_DATA, (wanted if hard == resource.RLIM_INFINITY else min(wanted, hard), hard))


def lift_memory_limit() -> None:
    """The soft limit back up to the hard one: set by limit_memory, so the child may lift it."""
    if not sys.platform.startswith("linux"):
        return
    import resource

    _, hard = resource.getrlimit(resource.RLIMIT_DATA)
    resource.setrlimit(resource.RLIMIT_DATA, (hard, hard))


def _data_bytes() -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmData:"):
                return int(line.split()[1]) * 1024
    return 0


def content_length(value: str | None) -> int:
    """The body's length from its header: absent is 0; anything but digits is refused, for the
    server cannot tell where such a body ends (int() would take "+5", " 5" and "-1")."""
    if value is None:
        return 0
    value = value.strip()
    if not (value.isascii() and value.isdigit()):
        raise ValueError(f"Content-Length must be a number of bytes, not {value[:40]!r}")
    return int(value)


class DeadlineReader(io.RawIOBase):
    """A connection's socket read against a deadline for the whole request, not for each read:
    a client that sends a byte every few seconds would keep a plain socket timeout waiting."""

    def __init__(self, connection: socket.socket, seconds: float):
        super().__init__()
        self.connection = connection
        self.seconds = seconds
        self.deadline = time.monotonic() + seconds

    def restart(self) -> None:
        """A new request on the connection: it has the whole time again."""
        self.deadline = time.monotonic() + self.seconds

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        remaining = self.deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError("the request did not arrive in time")
        self.connection.settimeout(remaining)
        try:
            return self.connection.recv_into(buffer)
        except ConnectionResetError:
            return 0  # the client has gone: the end of what it sent
