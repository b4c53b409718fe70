"""The output folder is switched whole: at every fault injected into the final switch, and after a
kill at any moment and the next build's recovery, it is the whole old output or the whole new one."""

from __future__ import annotations

import errno
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from conftest import ROOT

import graph.build.switch as switch
from graph.build.switch import publish, recover, recover_companion

OLD = {"graph.ttl": b"old ttl", "graph.trig": b"old trig", "graph.html": b"old html", "build.json": b"old json"}
NEW = {"graph.ttl": b"new ttl", "graph.trig": b"new trig", "graph.html": b"new html", "build.json": b"new json"}
KEPT = {".plankg-cache/entry.json.gz": b"cached", "notes.txt": b"the user's own"}


def _old_output(out: Path) -> None:
    shutil.rmtree(out, ignore_errors=True)
    (out / ".plankg-cache").mkdir(parents=True)
    for name, content in {**OLD, **KEPT}.items():
        (out / name).write_bytes(content)


def _state(out: Path) -> str:
    """"old" or "new" when the folder is wholly one (a build's work folder, which the build
    removes, aside); else what it holds, to fail with."""
    held = {str(p.relative_to(out)): p.read_bytes() for p in out.rglob("*")
            if p.is_file() and not p.relative_to(out).parts[0].startswith(switch.WORK_PREFIX)} if out.is_dir() else {}
    for name, files in (("old", OLD), ("new", NEW)):
        if held == {**files, **KEPT}:
            return name
    return repr(held)


def _spooled(out: Path) -> dict[str, bytes | Path]:
    """The new files as a build hands them over: graph.ttl from its work folder, the rest as bytes."""
    work = out / f"{switch.WORK_PREFIX}{os.getpid()}-test"
    work.mkdir()
    (work / "graph.ttl").write_bytes(NEW["graph.ttl"])
    return {**NEW, "graph.ttl": work / "graph.ttl"}


def _failing_at(number: int, names: tuple[str, ...], monkeypatch) -> None:
    """os.replace, os.fsync and the exchange raise EIO at their `number`th call in all."""
    calls = {"n": 0}
    for name in names:
        module = switch if name == "exchange" else os
        original = getattr(module, name)

        def faulty(*args, _original=original, **kwargs):
            calls["n"] += 1
            if calls["n"] == number:
                raise OSError(errno.EIO, os.strerror(errno.EIO))
            return _original(*args, **kwargs)
        monkeypatch.setattr(module, name, faulty)


@pytest.mark.parametrize("can_exchange", [True, False])
def test_at_every_fault_in_the_switch_the_output_is_wholly_old_or_wholly_new(tmp_path, monkeypatch, can_exchange):
    out = tmp_path / "out"
    if not can_exchange:
        monkeypatch.setattr(switch, "exchange", lambda first, second: False)
    faults, number = 0, 1
    while True:
        _old_output(out)
        files = _spooled(out)
        with monkeypatch.context() as patch:
            _failing_at(number, ("replace", "fsync", "exchange"), patch)
            try:
                publish(out, files, frozenset(NEW))
                failed = False
            except OSError:
                failed = True
        assert _state(out) in ("old", "new"), (number, _state(out))
        if failed:
            assert _state(out) == "old", number  # an error before the switch: the old output, as it was
        recover(out)
        assert _state(out) in ("old", "new"), number
        assert sorted(p.name for p in tmp_path.iterdir()) == ["out"], number  # no staging folder left
        if not failed:
            assert _state(out) == "new"
            break
        faults, number = faults + 1, number + 1
    assert faults >= 6  # every file's fsync, the folders', the moves


def test_recovery_moves_in_a_complete_new_folder_or_the_old_one_back(tmp_path):
    out = tmp_path / "out"
    dead = 4_000_000  # above any pid_max: no process has it
    _old_output(out)
    os.replace(out, switch.staging(out, "old", dead))  # killed between the two moves ...
    _old_output(out)
    for name, content in NEW.items():
        (out / name).write_bytes(content)
    os.replace(out, switch.staging(out, "ready", dead))  # ... with the new folder complete
    recover(out)
    assert _state(out) == "new" and sorted(p.name for p in tmp_path.iterdir()) == ["out"]
    os.replace(out, switch.staging(out, "old", dead))  # killed before the new folder was complete
    (switch.staging(out, "new", dead)).mkdir()
    recover(out)
    assert _state(out) == "new" and sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_work_folders_of_dead_builds_are_removed_and_a_live_ones_kept(tmp_path):
    out = tmp_path / "out"
    _old_output(out)
    dead, alive, legacy = (out / f"{switch.WORK_PREFIX}4000000-x", out / f"{switch.WORK_PREFIX}{os.getppid()}-y",
                           out / f"{switch.WORK_PREFIX}k3j2h1g0")
    for folder in (dead, alive, legacy):
        folder.mkdir()
    recover(out)
    assert not dead.exists() and not legacy.exists() and alive.exists()


KILLED = textwrap.dedent("""
    import os, sys, time
    from pathlib import Path
    import graph.build.switch as switch
    out, can_exchange = Path(sys.argv[1]), sys.argv[2] == "1"
    if not can_exchange:
        switch.exchange = lambda first, second: False
    def slow(original):
        def slowly(*args, **kwargs):
            time.sleep(0.02)
            return original(*args, **kwargs)
        return slowly
    os.replace, os.fsync, os.link = slow(os.replace), slow(os.fsync), slow(os.link)
    work = out / f"{switch.WORK_PREFIX}{os.getpid()}-w"
    work.mkdir()
    (work / "graph.ttl").write_bytes(b"new ttl")
    print("ready", flush=True)
    switch.publish(out, {"graph.ttl": work / "graph.ttl", "graph.trig": b"new trig", "graph.html": b"new html",
                         "build.json": b"new json"}, frozenset({"graph.ttl", "graph.trig", "graph.html", "build.json"}))
""")


def test_a_switch_killed_at_random_moments_leaves_old_or_new_after_recovery(tmp_path):
    rng = random.Random(17)
    out = tmp_path / "out"
    for attempt in range(8):
        _old_output(out)
        process = subprocess.Popen([sys.executable, "-c", KILLED, str(out), str(attempt % 2)], cwd=ROOT,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        assert process.stdout is not None and process.stdout.readline() == b"ready\n"
        time.sleep(rng.uniform(0.0, 0.4))  # before, during or after the switch
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        recover(out)
        assert _state(out) in ("old", "new"), attempt
        assert sorted(p.name for p in tmp_path.iterdir()) == ["out"], attempt
        assert not any(p.name.startswith(switch.WORK_PREFIX) for p in out.iterdir()), attempt


# The persistent store of `--store oxigraph:DIR`, switched with the output (a folder of its own
# beside it, marked with the build it belongs to)
STORE_OLD = {"000001.sst": b"old store", switch.COMPANION_MARK: b"old build"}
STORE_NEW = {"000001.sst": b"new store", switch.COMPANION_MARK: b"new build"}


def _store_files(folder: Path, files: dict[str, bytes]) -> None:
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    for name, content in files.items():
        (folder / name).write_bytes(content)


def _store_state(store: Path) -> str:
    held = {p.name: p.read_bytes() for p in store.iterdir()} if store.is_dir() else {}
    return "old" if held == STORE_OLD else "new" if held == STORE_NEW else repr(held)


@pytest.mark.parametrize("can_exchange", [True, False])
def test_at_every_fault_the_output_and_its_store_are_both_old_or_both_new(tmp_path, monkeypatch, can_exchange):
    """The store is switched right after the output; a fault there switches the output back. A
    fault while switching back leaves the new output, and the next build's recovery moves the
    new store in."""
    out, store = tmp_path / "out", tmp_path / "store"
    if not can_exchange:
        monkeypatch.setattr(switch, "exchange", lambda first, second: False)
    number, undone = 1, 0
    while True:
        _old_output(out)
        _store_files(store, STORE_OLD)
        files = _spooled(out)
        _store_files(switch.staging(store.resolve(), "ready"), STORE_NEW)
        with monkeypatch.context() as patch:
            _failing_at(number, ("replace", "fsync", "exchange"), patch)
            try:
                publish(out, files, frozenset(NEW), store)
                failed = False
            except OSError:
                failed = True
        both = (_state(out), _store_state(store))
        assert both in (("old", "old"), ("new", "new")) or (failed and both == ("new", "old")), (number, both)
        undone += both == ("new", "old")
        recover(out)
        recover_companion(store, "new build" if _state(out) == "new" else "old build")
        assert (_state(out), _store_state(store)) in (("old", "old"), ("new", "new")), number
        assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "store"], number  # no staging folder left
        if not failed:
            assert both == ("new", "new")
            break
        number += 1
    assert number >= 8


def test_a_build_killed_between_the_output_and_the_store_has_both_new_after_the_next(tmp_path):
    """Killed (SIGKILL: nothing can hold it) once the output is switched and before the store is:
    the next build's recovery finds the new store beside the output that names it, and moves it in."""
    from conftest import FIXTURES, SEEDS

    from graph.build import build
    from graph.build.pipeline import _committed_store
    from graph.sparql.oxigraph import OxigraphStore

    out, store = tmp_path / "out", tmp_path / "store"
    killed = textwrap.dedent("""
        import os, sys
        from pathlib import Path
        import graph.build.switch as switch
        from graph.build import build
        switch._switch_companion = lambda *args: os._exit(9)
        build([Path(p) for p in sys.argv[3:]], Path(sys.argv[1]), store="oxigraph:" + sys.argv[2], use_cache=False)
    """)

    def killed_build(*reports: Path) -> None:
        ran = subprocess.run([sys.executable, "-c", killed, str(out), str(store), *map(str, reports)], cwd=ROOT)
        assert ran.returncode == 9

    def reports_in_store() -> int:
        answer = OxigraphStore.open(store, read_only=True).query("SELECT (COUNT(*) AS ?n) WHERE { ?r a plan:Report }")
        return int(answer.rows[0][0])

    def reports_in_output() -> int:
        return len(json.loads((out / "build.json").read_text(encoding="utf-8"))["reports"])

    killed_build(SEEDS)
    assert reports_in_output() == 1 and not store.exists()
    recover(out)  # as the next build begins
    recover_companion(store, _committed_store(out))
    assert reports_in_store() == 1
    killed_build(SEEDS, FIXTURES)
    assert reports_in_output() > 1 and reports_in_store() == 1  # the corpus's output, the seed's store ...
    recover(out)
    recover_companion(store, _committed_store(out))
    assert reports_in_store() == reports_in_output()  # ... until the next build begins
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "store"]
    build([SEEDS], out, store=f"oxigraph:{store}")  # and a whole build keeps them together
    assert reports_in_store() == reports_in_output() == 1
