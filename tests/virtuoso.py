"""A private Virtuoso (Debian's virtuoso-opensource) for the tests: its own database in a temporary
folder, listening on 127.0.0.1 only, on free ports, allowed SPARQL updates, and stopped after."""

from __future__ import annotations

import re
import socket
import subprocess
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

SYSTEM_INI = Path("/etc/virtuoso-opensource-7/virtuoso.ini")
START_SECONDS = 60


def _free_ports(count: int) -> list[int]:
    """Ports free on 127.0.0.1, all different: each probe holds its port until all are chosen
    (one probe closed before the next is bound may be given the same port again)."""
    probes = [socket.socket() for _ in range(count)]
    try:
        for probe in probes:
            probe.bind(("127.0.0.1", 0))
        return [probe.getsockname()[1] for probe in probes]
    finally:
        for probe in probes:
            probe.close()


def _ini(folder: Path, sql_port: int, http_port: int) -> str:
    text = SYSTEM_INI.read_text(encoding="utf-8")
    text = text.replace("/var/lib/virtuoso-opensource-7/db/", f"{folder}/")
    text = re.sub(r"(?m)^(\s*ServerRoot\s*=\s*).*$", rf"\g<1>{folder}", text)
    text = re.sub(r"(?ms)(\[Parameters\].*?^\s*ServerPort\s*=\s*)\S+", rf"\g<1>127.0.0.1:{sql_port}", text, count=1)
    text = re.sub(r"(?ms)(\[HTTPServer\].*?^\s*ServerPort\s*=\s*)\S+", rf"\g<1>127.0.0.1:{http_port}", text, count=1)
    return text


@contextmanager
def running_virtuoso(virtuoso: str, isql: str, folder: Path):
    """Start Virtuoso in `folder`; yield its SPARQL endpoint URL; stop it."""
    sql_port, http_port = _free_ports(2)
    ini = folder / "virtuoso.ini"
    ini.write_text(_ini(folder, sql_port, http_port), encoding="utf-8")
    log = (folder / "server.log").open("w")
    process = subprocess.Popen([virtuoso, "+configfile", str(ini), "+foreground"], cwd=folder,
                               stdout=log, stderr=subprocess.STDOUT)
    endpoint = f"http://127.0.0.1:{http_port}/sparql"
    try:
        _wait_for(endpoint, process, folder)
        subprocess.run([isql, f"127.0.0.1:{sql_port}", "dba", "dba", 'exec=GRANT SPARQL_UPDATE TO "SPARQL";'],
                       check=True, capture_output=True, timeout=60)
        yield endpoint
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


def _wait_for(endpoint: str, process: subprocess.Popen, folder: Path) -> None:
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("Virtuoso stopped: " + (folder / "server.log").read_text()[-500:])
        try:
            with urllib.request.urlopen(endpoint + "?query=ASK%7B%7D", timeout=2):
                return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"Virtuoso did not answer at {endpoint} within {START_SECONDS} s")
