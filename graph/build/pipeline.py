"""pipeline: report files -> output/ (graph.ttl, graph.trig, graph.html, build.json).

`plankg build` is build() here. Each report compiles on its own (graph.build.compile: read -> extract
-> resolve -> its named graph, checked against the SHACL shapes), in parallel with --jobs, or
comes from the build cache when its text has not changed; a report that cannot be read is
skipped and said so. Its triples and its part of the page wait on disk (graph.build.spool), so a
corpus need not fit in memory. Then the reports join: targets meet their outcomes across reports,
the union of the named graphs is written as Turtle, each as a named graph in TriG, the network
page is drawn, and the output folder is switched to the new files in one step
(graph.build.switch), so that it holds either the last complete build or this one, never a mix.
"""

from __future__ import annotations

import errno
import gc
import hashlib
import json
import multiprocessing
import os
import shutil
import signal
from collections import Counter
from collections.abc import Callable, Iterable
from contextlib import nullcontext
from dataclasses import dataclass, field, replace
from pathlib import Path

from graph.build.cache import BuildCache
from graph.build.compile import CompiledReport, compile_report, timed
from graph.build.files import write_all_atomically
from graph.build.switch import can_switch_folder, mark_companion, publish, recover, recover_companion, staging
from graph.build.serialize import write_trig, write_turtle
from graph.build.spool import Spool, unique_merge
from graph.build.validate import BackgroundCheck, ValidationResult
from graph.errors import InputError, OutputError
from graph.read.decode import require_regular_file
from graph.read.formats import SUFFIXES
from graph.page.nodes import part_to_json
from graph.version import __version__
from graph.vocab import PLAN_IRI

OUTPUT_FILES = ("graph.ttl", "graph.trig", "graph.html", "build.json")
TEXT_FOLDER = "text"  # the text read from each PDF, Word or HTML report, which its offsets point into
RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
Progress = Callable[[int, int], None]  # (reports done, reports in all)
# What the machine, not plankg or the reports, gets wrong: one line and exit 2, not a traceback
ENVIRONMENT_ERRORS = frozenset({errno.EACCES, errno.EPERM, errno.EROFS, errno.ENOSPC, errno.EDQUOT, errno.EIO,
                                errno.EMFILE, errno.ENFILE, errno.EFBIG})


@dataclass(frozen=True)
class Skipped:
    path: str
    reason: str


@dataclass
class BuildSummary:
    """What a build did: for the command's summary line and for build.json."""

    out_dir: Path
    reports: list[dict] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    reused: int = 0  # reports taken from the build cache
    counts: dict[str, int] = field(default_factory=dict)
    triples: int = 0
    validation: ValidationResult | None = None
    notes: list[str] = field(default_factory=list)  # what the page leaves out
    seconds: dict[str, float] = field(default_factory=dict)
    store: dict[str, str] = field(default_factory=dict)  # --store: its folder and the build it holds

    @property
    def page(self) -> Path:
        return self.out_dir / "graph.html"


def collect_reports(paths: list[Path]) -> list[Path]:
    """The report files named, folders expanded to the report files in them (.txt, .pdf, .docx,
    .html, .htm), in a stable order.
    A FIFO or device named is refused here, before anything opens it; one found in a folder is
    kept, to be skipped and named when it is read (graph.read.decode never opens it)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.suffix.lower() in SUFFIXES
                           and not p.is_dir() and p.exists())
            if not files:
                raise InputError(f"{path}: no report files ({', '.join('*' + s for s in SUFFIXES)}) in this folder")
            found.extend(files)
        elif path.exists():
            require_regular_file(path)
            found.append(path)
        else:
            raise InputError(f"{path}: no such file or folder")
    return found


def build(paths: list[Path], out_dir: Path, jobs: int = 1, store: str = "memory",
          progress: Progress | None = None, use_cache: bool = True) -> BuildSummary:
    """Build the graph of the reports at `paths` into `out_dir`; raises InputError when no report
    could be read, and then writes nothing."""
    if store != "memory" and not store.startswith("oxigraph:"):
        raise InputError(f"unknown store {store!r}: use memory or oxigraph:DIR")
    store_dir = Path(store[len("oxigraph:"):]) if store.startswith("oxigraph:") else None
    if store_dir:
        _check_store_folder(store_dir)
    files = collect_reports(paths)
    if out_dir.exists() and not out_dir.is_dir():
        raise InputError(f"{out_dir}: a file, not a folder to write the graph into")
    try:
        recover(out_dir)
        if store_dir:
            recover_companion(store_dir, _committed_store(out_dir))
        out_was_there = out_dir.exists()
        try:
            with Spool(out_dir) as spool:
                return _build(files, out_dir, spool, jobs, store_dir, progress, use_cache)
        finally:
            if not out_was_there and out_dir.is_dir() and not any(out_dir.iterdir()):
                out_dir.rmdir()  # a build that wrote nothing leaves no empty folder behind
    except OSError as error:
        if error.errno not in ENVIRONMENT_ERRORS:
            raise
        raise OutputError(f"{error.filename or out_dir}: cannot write the graph here ({error.strerror}); "
                          f"{out_dir}/ is as it was") from None


def _build(files: list[Path], out_dir: Path, spool: Spool, jobs: int, store_dir: Path | None,
           progress: Progress | None, use_cache: bool) -> BuildSummary:
    summary = BuildSummary(out_dir=out_dir)
    cache = BuildCache(out_dir) if use_cache else None
    compiled, pending = _compile_all(files, jobs, cache, summary, progress, spool)
    reports = _distinct(compiled, summary)
    _require(reports, summary)
    html, added = _join(reports, spool, store_dir, summary)
    with timed(summary.seconds, "validate"):
        if pending:  # the one report, compiled in this process and checked in the background
            checked = pending()
            reports = [replace(report, validation=checked) for report in reports]
        conforming = _conforming(reports, summary)
    if len(conforming) < len(reports):  # rare: written anew without the reports the shapes reject
        reports = conforming
        _require(reports, summary)
        html, added = _join(reports, spool, store_dir, summary)
    summary.validation = _combined(reports)
    by_iri = sorted(reports, key=lambda report: report.iri)
    summary.reports = [report.entry for report in reports]
    if store_dir:
        with timed(summary.seconds, "store"):
            summary.store = _load_oxigraph(store_dir, ((report.iri, _graph_of(report, spool, added))
                                                       for report in by_iri), spool.lines("union.nt"),
                                           spool.path("graph.trig"))
    if cache:
        cache.keep_only(compiled)  # before the switch: the new folder gets this build's entries only
    with timed(summary.seconds, "write"):
        _write_output(out_dir, {
            "graph.ttl": spool.path("graph.ttl"),
            "graph.trig": spool.path("graph.trig"),
            "graph.html": html,
            "build.json": _build_json(summary),
            **{report.entry["text"]: spool.path(f"{report.sha256}.txt") for report in by_iri if "text" in report.entry},
        }, store_dir)
    return summary


def _write_output(out_dir: Path, files: dict[str, bytes | Path], store_dir: Path | None) -> None:
    """The output folder and the store switched to the new files in one step (graph.build.switch),
    or, where OUT cannot be swapped, the files renamed into it one by one, then the store."""
    if can_switch_folder(out_dir):
        publish(out_dir, files, frozenset((*OUTPUT_FILES, TEXT_FOLDER)), store_dir)
        return
    write_all_atomically({out_dir / name: content for name, content in files.items()})
    if store_dir:
        recover_companion(store_dir, _committed_store(out_dir))  # build.json names the new store: it goes in


def _committed_store(out_dir: Path) -> str | None:
    """The build whose store OUT's build.json names, if any (graph.build.switch.recover_companion)."""
    try:
        return json.loads((out_dir / "build.json").read_text(encoding="utf-8")).get("store", {}).get("build")
    except (OSError, ValueError, AttributeError):
        return None


def _require(reports: list[CompiledReport], summary: BuildSummary) -> None:
    if not reports:
        reasons = "; ".join(s.reason for s in summary.skipped)
        raise InputError(reasons or "no reports to build")


def _join(reports: list[CompiledReport], spool: Spool, store_dir: Path | None,
          summary: BuildSummary) -> tuple[bytes, dict[str, list[bytes]]]:
    """The reports joined: graph.trig, graph.ttl (and the store's lines) in the spool, the page,
    and the lines the join adds to each report's graph."""
    by_iri = sorted(reports, key=lambda report: report.iri)
    with timed(summary.seconds, "join"):
        added, links = _links_across(reports)
    with timed(summary.seconds, "serialize"):
        with open(spool.path("graph.trig"), "wb") as trig:
            write_trig(((report.iri, _graph_of(report, spool, added)) for report in by_iri), trig)
        counted = _Counted()
        with open(spool.path("graph.ttl"), "wb") as turtle, \
                open(spool.path("union.nt"), "wb") if store_dir else nullcontext() as union:
            lines = spool.union([_graph_of(report, spool, added) for report in by_iri])
            write_turtle(counted(lines, also_to=union), turtle)
    summary.counts, summary.triples = counted.classes(), counted.lines
    with timed(summary.seconds, "render"):
        html = _page(by_iri, links, summary, spool)
    return html, added


def _conforming(reports: list[CompiledReport], summary: BuildSummary) -> list[CompiledReport]:
    """The reports whose graphs the shapes accept; any other is skipped and said so, never written.
    Extraction should never make such a graph: one that does is a fault of plankg's."""
    kept = []
    for report in reports:
        if report.validation and not report.validation.conforms:
            summary.skipped.append(Skipped(report.source, (
                f"{report.source}: its graph breaks ontology/shapes.ttl ({report.validation.violations} "
                "violation(s)), so it is left out; plankg failed on this report, please report it")))
        else:
            kept.append(report)
    return kept


def _compile_all(files: list[Path], jobs: int, cache: BuildCache | None, summary: BuildSummary,
                 progress: Progress | None, spool: Spool):
    """Every file compiled or taken from the cache, in the order given: ({cache key:
    CompiledReport without its lines and its part of the page, which go to the spool}, and the
    pending SHACL result when the one report compiled here is checked in the background). A
    report newly compiled goes to the cache at once."""
    keys = {path: _cache_key(cache, path) for path in files}
    done: dict[Path, CompiledReport] = {}

    def keep(path: Path, report: CompiledReport, new: bool) -> None:
        key = keys[path]
        if new and cache and key:
            cache.put(key, report)
        spool.put(report.sha256, report.lines)
        if report.text is not None:
            spool.path(f"{report.sha256}.txt").write_bytes(report.text.encode("utf-8"))
        assert report.network is not None  # compiled or taken from the cache: its part of the page is still here
        spool.put_data(f"{report.sha256}.page", part_to_json(report.network))
        done[path] = replace(report, source=str(path), lines=(), network=None, text=None)

    for path, key in keys.items():
        cached = cache.get(key) if cache and key else None
        if cached is not None:
            keep(path, cached, new=False)
            summary.reused += 1
    todo = [path for path in files if path not in done]
    tick = _ticker(progress, len(files), len(done))
    pending = None
    if len(todo) == 1 and not done:
        # one report: a forked child readies the SHACL check while this process compiles it,
        # and checks it while this process writes and draws
        checker = BackgroundCheck()
        outcome = _compile_one(todo[0], checker)
        if isinstance(outcome, CompiledReport):
            keep(todo[0], outcome, new=False)  # cached when its check is known, see below
            pending = _then_cached(checker.result, cache, keys[todo[0]], outcome)
        else:
            checker.cancel()
            summary.skipped.append(Skipped(str(todo[0]), outcome))
        tick()
    else:
        gc.enable()  # many reports: their garbage must not pile up (graph.cli.run paused the collector)
        for path, outcome in zip(todo, _compiled_outcomes(todo, jobs)):
            if isinstance(outcome, CompiledReport):
                keep(path, outcome, new=True)
            else:
                summary.skipped.append(Skipped(str(path), outcome))
            tick()
    for report in done.values():
        for stage, value in report.seconds.items():
            summary.seconds[stage] = summary.seconds.get(stage, 0.0) + value
    compiled = {keys[path] or f"uncached-{index}": done[path] for index, path in enumerate(files) if path in done}
    return compiled, pending


def _then_cached(result, cache: BuildCache | None, key: str | None, report: CompiledReport):
    """The background check's result, and the report cached with it."""
    def checked():
        validation = result()
        if cache and key:
            cache.put(key, replace(report, validation=validation))
        return validation
    return checked


def _compiled_outcomes(files: list[Path], jobs: int):
    """Each file's CompiledReport or the reason it was skipped, in order, as they come. On
    Ctrl-C or any error here the workers are stopped at once, not left to finish."""
    if jobs == 1 or len(files) == 1:
        yield from map(_compile_one, files)
        return
    pool = multiprocessing.Pool(jobs, initializer=_ignore_interrupts)
    try:
        yield from pool.imap(_compile_one, files, chunksize=max(1, min(8, len(files) // (jobs * 8))))
        pool.close()
    except BaseException:
        pool.terminate()
        raise
    finally:
        pool.join()


def _ignore_interrupts() -> None:
    """In workers and background children: Ctrl-C is the parent's to handle, and the parent's
    SIGTERM (which it stops them with) simply ends them, not as an interrupt with a traceback."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _compile_one(path: Path, checker: BackgroundCheck | None = None):
    try:
        return compile_report(path, checker)
    except InputError as error:
        return str(error)
    except Exception as error:  # noqa: BLE001 - a fault met on this one report: say so, build the others
        return f"{path}: plankg failed on this report ({type(error).__name__}: {error}); please report it"


def _cache_key(cache: BuildCache | None, path: Path) -> str | None:
    try:
        return cache.key(path) if cache else None
    except (OSError, InputError):
        return None  # compiling it says what is wrong with the file


def _ticker(progress: Progress | None, total: int, already: int):
    state = {"done": already}
    if progress:
        progress(already, total)

    def tick():
        state["done"] += 1
        if progress:
            progress(state["done"], total)
    return tick


def _distinct(compiled: dict[str, CompiledReport], summary: BuildSummary) -> list[CompiledReport]:
    """The compiled reports in input order, a text given twice (under two names) once."""
    seen: dict[str, str] = {}
    reports = []
    for report in compiled.values():
        if report.sha256 in seen:
            summary.skipped.append(Skipped(report.source, f"{report.source}: the same text as {seen[report.sha256]}"))
            continue
        seen[report.sha256] = report.source
        reports.append(report)
    return reports


def _links_across(reports: list[CompiledReport]):
    """Targets of any report linked to the outcomes stated (plan:actual): the lines each report's
    graph gains (in the graph of the report stating the outcome), and the links for the page."""
    from graph.rdf import target_outcomes

    outcomes = target_outcomes([(report.iri, report.figures) for report in reports])
    added: dict[str, list[bytes]] = {}
    for target, observation, report in outcomes:
        added.setdefault(report, []).append(f"<{target}> <{PLAN_IRI}actual> <{observation}> .\n".encode())
    links = tuple((target, observation, "actual") for target, observation, _ in outcomes)
    return {iri: sorted(lines) for iri, lines in added.items()}, links


def _graph_of(report: CompiledReport, spool: Spool, added: dict[str, list[bytes]]):
    """The report's named graph: its lines as compiled, with what the join added."""
    return unique_merge([spool.lines(report.sha256), added.get(report.iri, [])])


def _page(reports: list[CompiledReport], links: tuple, summary: BuildSummary, spool: Spool) -> bytes:
    from graph.page.analyse import join_streamed
    from graph.page.nodes import part_from_json
    from graph.page.render import render_page

    def parts():
        return (part_from_json(spool.data(f"{report.sha256}.page")) for report in reports)
    network, summary.notes = join_streamed(parts, links)
    return render_page(network, _page_title(reports), tuple(summary.notes)).encode("utf-8")


def _combined(reports: list[CompiledReport]) -> ValidationResult:
    """One SHACL result for the build: each report's graph was checked on its own."""
    failing = [(report, report.validation) for report in reports
               if report.validation and not report.validation.conforms]
    return ValidationResult(
        conforms=not failing,
        violations=sum(result.violations for _, result in failing),
        report="\n".join(f"{report.source}:\n{result.report}" for report, result in failing)
        or "Validation Report\nConforms: True\n")


def _check_store_folder(directory: Path) -> None:
    """The store's folder is replaced by each build: refuse one that holds anything else."""
    if directory.is_file() or (directory.is_dir() and any(directory.iterdir())
                               and not (directory / "CURRENT").is_file()):
        raise InputError(f"{directory}: not empty and not an Oxigraph store; name a new or an empty folder")


def _load_oxigraph(directory: Path, graphs: Iterable[tuple[str, Iterable[bytes]]], union: Iterable[bytes],
                   trig: Path) -> dict[str, str]:
    """The graph in a new Oxigraph store beside DIR, complete and marked with the build it belongs
    to (the hash of graph.trig), to be switched in with the output folder (graph.build.switch):
    an interrupted build leaves the old store as it was. Returns build.json's entry for it."""
    from graph.sparql.oxigraph import OxigraphStore

    new, ready = staging(directory.resolve(), "new"), staging(directory.resolve(), "ready")
    for folder in (new, ready):
        shutil.rmtree(folder, ignore_errors=True)
    new.parent.mkdir(parents=True, exist_ok=True)
    store = OxigraphStore.open(new)
    store.replace(graphs, union)
    del store  # closes the database before it is moved
    build = _sha256_of(trig)
    mark_companion(new, build)
    os.replace(new, ready)
    return {"path": str(directory), "build": build}


def _sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        while piece := stream.read(1 << 20):
            digest.update(piece)
    return digest.hexdigest()


class _Counted:
    """Counts the union's lines, and its nodes of each plan class, as they pass on their way."""

    def __init__(self):
        self.lines = 0
        self.by_class: Counter[bytes] = Counter()

    def __call__(self, lines, also_to=None):
        rdf_type, plan = RDF_TYPE.encode(), f"<{PLAN_IRI}".encode()
        for line in lines:
            self.lines += 1
            _, predicate, rest = line.split(b" ", 2)
            if predicate == rdf_type and rest.startswith(plan):
                self.by_class[rest[len(plan):rest.index(b">")]] += 1
            if also_to:
                also_to.write(line)
            yield line

    def classes(self) -> dict[str, int]:
        return {name.decode(): count for name, count in sorted(self.by_class.items())}


def _page_title(reports: list[CompiledReport]) -> str:
    if len(reports) == 1:
        return reports[0].title
    return f"plankg: {len(reports)} reports"


def _build_json(summary: BuildSummary) -> bytes:
    validation = summary.validation
    assert validation is not None  # _build sets it before it writes build.json
    data = {
        "plankg": __version__,
        "reports": summary.reports,
        "skipped": [{"path": s.path, "reason": s.reason} for s in summary.skipped],
        "triples": summary.triples,
        "counts": summary.counts,
        "shacl": {"conforms": validation.conforms, "violations": validation.violations},
        "page": summary.notes,
        "seconds": {stage: round(value, 3) for stage, value in sorted(summary.seconds.items())},
        "files": [*OUTPUT_FILES, *sorted(report["text"] for report in summary.reports if "text" in report)],
    }
    if summary.store:
        data["store"] = summary.store
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
