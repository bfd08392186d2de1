"""Nothing lost on a re-scrape: error pages, a wrong or empty folder, an unreadable folder,
odd file names, an index path that is a file, an index from an older version."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pg_support
import pytest
from reliability_support import RAW_HTML, env, invoke

import searcher.build
from searcher import Archive
from searcher.engine import store
from searcher.errors import SourceError
from searcher.ingest.refusals import refusal

pytestmark = pytest.mark.skipif(not RAW_HTML.is_dir(), reason="no sample pages in raw_html/")

#: What servers send in a page's place, as scrapers save it.
ERROR_PAGES = {
    "403": "<html>\r\n<head><title>403 Forbidden</title></head>\r\n<body>\r\n"
    "<center><h1>403 Forbidden</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>",
    "404": '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n'
    "<title>404 Not Found</title>\n</head><body>\n<h1>Not Found</h1>\n"
    "<p>The requested URL was not found on this server.</p>\n</body></html>",
    "500": "<html><head><title>500 Internal Server Error</title></head><body>"
    "<h1>Internal Server Error</h1><p>The server encountered an internal error.</p></body></html>",
    "503": "<html><body><h1>503 Service Unavailable</h1>\nNo server is available to handle"
    " this request.\n</body></html>",
    "denied": "<HTML><HEAD>\n<TITLE>Access Denied</TITLE>\n</HEAD><BODY>\n<H1>Access Denied</H1>"
    "\nYou don't have permission to access \"http&#58;&#47;&#47;digitalarchive&#46;"
    'wilsoncenter&#46;org&#47;document&#47;900003" on this server.<P>\n'
    "Reference&#32;&#35;18&#46;5c3b1d17&#46;1701948000&#46;2a1f\n</BODY>\n</HTML>",
    "login": '<html><head><title>Log in | Wilson Center</title></head><body><form method="post">'
    '<label>Username <input name="name"></label><label>Password <input type="password" '
    'name="pass"></label><button>Log in</button></form></body></html>',
    "captcha": "<html><head><title>Just a moment...</title></head><body><div "
    'id="challenge-stage">Checking your browser before accessing digitalarchive.'
    'wilsoncenter.org.</div><script src="/cdn-cgi/challenge-platform/h/b/orchestrate/jsch/v1">'
    "</script></body></html>",
}
OLD_PAGE = RAW_HTML / "old" / "900003.html"


def docs(index: Path) -> dict[str, str]:
    with Archive.open(index) as archive:
        return {p: r.id for r in archive.iter_records() for p in r.copies}


def test_error_pages_are_recognised_and_documents_are_not():
    reasons = {name: refusal(page) for name, page in ERROR_PAGES.items()}
    assert reasons["403"] == "error page: 403 Forbidden"
    assert reasons["404"] == "error page: 404 Not Found"
    assert reasons["500"] == "error page: 500 Internal Server Error"
    assert reasons["503"] == "error page: 503 Service Unavailable"
    assert reasons["denied"] == "error page: Access denied"
    assert reasons["login"] and reasons["login"].startswith("log-in page")
    assert reasons["captcha"] and reasons["captcha"].startswith("captcha page")
    for page in sorted(RAW_HTML.rglob("*.htm*")) + sorted(RAW_HTML.rglob("*.txt")):
        if page.suffix != ".gz":
            text = page.read_bytes().decode("utf-8", "replace")
            assert refusal(text) is None, page


def test_error_pages_never_become_documents_even_on_a_first_build(tmp_path: Path):
    source, index = tmp_path / "pages", tmp_path / "index"
    (source / "old").mkdir(parents=True)
    shutil.copyfile(OLD_PAGE, source / "old" / "900003.html")
    for name, page in ERROR_PAGES.items():
        (source / f"{name}.html").write_text(page, "utf-8")
    done = invoke("rebuild", "--source", str(source), "--index", str(index))
    assert done.returncode == 1
    assert "failed 7 of 8 pages" in done.stdout
    assert docs(index) == {"old/900003.html": "900003"}
    listed = json.loads(
        invoke("stats", "--failed", "--index", str(index), "--format", "json").stdout
    )
    assert sorted(row["path"] for row in listed) == sorted(f"{n}.html" for n in ERROR_PAGES)
    assert not any(row["stale"] for row in listed), "never indexed: failed, not stale"


@pytest.mark.parametrize(
    "engine", ["whoosh", pytest.param("postgres", marks=pg_support.needs_server)]
)
def test_an_error_page_over_a_good_page_keeps_the_record_stale(
    tmp_path: Path, monkeypatch, engine: str
):
    source = tmp_path / "pages"
    index: Path | str = tmp_path / "index"
    if engine == "postgres":
        index = pg_support.fresh_database(pg_support.single(), "searcher_stale")
    shutil.copytree(RAW_HTML / "old", source / "old")
    assert Archive.build(source, index, workers=1).failed == ()
    (source / "old" / "900003.html").write_text(ERROR_PAGES["403"], "utf-8")
    done = invoke("rebuild", "--source", str(source), "--index", str(index), "--format", "json")
    assert done.returncode == 1
    summary = json.loads(done.stdout)
    assert (summary["failed"], summary["stale"], summary["removed"]) == (1, 1, 0)
    assert summary["failures"] == [
        {"path": "old/900003.html", "reason": "error page: 403 Forbidden", "stale": True}
    ]
    hits = json.loads(
        invoke("query", "id:900003", "--index", str(index), "--format", "json").stdout
    )
    assert hits["hits"][0]["stale"] == "error page: 403 Forbidden"
    shown = invoke("show", "900003", "--index", str(index))
    assert "stale: error page: 403 Forbidden" in shown.stdout
    assert "Zhou Enlai to Filippov" in shown.stdout, "the last good record, not the error page"
    # a full rebuild keeps it too, in one process or with workers writing their own segments
    full = invoke("rebuild", "--source", str(source), "--index", str(index), "--full")
    assert full.returncode == 1 and "1 kept stale" in full.stdout
    monkeypatch.setattr(searcher.build, "PARALLEL_FROM", 1)
    for workers in (1, 2):
        report = Archive.build(source, index, full=True, workers=workers)
        assert [path for path, _ in report.stale] == ["old/900003.html"]
        with Archive.open(index) as archive:
            kept = archive.get("900003")
            assert kept is not None and kept.stale == "error page: 403 Forbidden"
            assert kept.title.startswith("Ciphered telegram, Zhou Enlai")
    # the good page comes back: the record is fresh again
    shutil.copyfile(OLD_PAGE, source / "old" / "900003.html")
    assert invoke("rebuild", "--source", str(source), "--index", str(index)).returncode == 0
    with Archive.open(index) as archive:
        assert archive.get("900003").stale == ""


def test_a_rebuild_from_elsewhere_reads_the_remembered_folder(tmp_path: Path):
    source, index, elsewhere = tmp_path / "pages", tmp_path / "index", tmp_path / "elsewhere"
    shutil.copytree(RAW_HTML / "old", source / "old")
    (elsewhere / "raw_html").mkdir(parents=True)  # a folder of pages, not this index's
    shutil.copyfile(
        RAW_HTML / "generic" / "two-plus-four-bibliography.html", elsewhere / "raw_html" / "b.html"
    )
    assert invoke("rebuild", "--source", str(source), "--index", str(index)).returncode == 0
    stats = json.loads(invoke("stats", "--index", str(index), "--format", "json").stdout)
    assert stats["source"] == str(source.resolve())
    child = {k: v for k, v in env().items() if k != "SEARCHER_SOURCE"}
    again = subprocess.run(
        [sys.executable, "-m", "searcher", "rebuild", "--index", str(index)],
        cwd=elsewhere,
        env=child,
        capture_output=True,
        text=True,
        check=False,
    )
    assert again.returncode == 0, again.stderr
    assert (
        f"unchanged {len(docs(index))}," in again.stdout and str(source.resolve()) in again.stdout
    )


def test_a_rebuild_that_would_remove_most_records_stops(tmp_path: Path):
    source, index, other = tmp_path / "pages", tmp_path / "index", tmp_path / "other"
    shutil.copytree(RAW_HTML / "old", source / "old")
    (other / "old").mkdir(parents=True)
    shutil.copyfile(OLD_PAGE, other / "old" / "900003.html")
    Archive.build(source, index, workers=1)
    before = docs(index)
    assert len(before) > 20
    done = invoke("rebuild", "--source", str(other), "--index", str(index))
    assert done.returncode == 2 and "--allow-removals" in done.stderr
    assert f"would remove {len(before) - 1} of its {len(before)} records" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert docs(index) == before
    with pytest.raises(SourceError):
        Archive.build(other, index, workers=1)
    allowed = invoke("rebuild", "--source", str(other), "--index", str(index), "--allow-removals")
    assert allowed.returncode == 0, allowed.stderr
    assert docs(index) == {"old/900003.html": "900003"}


@pytest.mark.parametrize("how", ["empty", "missing", "no pages"])
def test_an_empty_or_missing_source_is_refused_by_the_cli_and_the_api(tmp_path: Path, how: str):
    source, index, bad = tmp_path / "pages", tmp_path / "index", tmp_path / "bad"
    (source / "old").mkdir(parents=True)
    shutil.copyfile(OLD_PAGE, source / "old" / "900003.html")  # too few to guard removals
    Archive.build(source, index, workers=1)
    before = docs(index)
    if how != "missing":
        bad.mkdir()
    if how == "no pages":
        (bad / "notes.pdf").write_bytes(b"%PDF-1.4")
    said = "no folder of pages at" if how == "missing" else "no pages (.html"
    done = invoke("rebuild", "--source", str(bad), "--index", str(index))
    assert done.returncode == 2 and str(bad) in done.stderr and said in done.stderr
    assert "index is kept" in done.stderr and len(done.stderr.strip().splitlines()) == 1
    with pytest.raises(SourceError, match="index is kept") as raised:
        Archive.build(bad, index)
    assert said in str(raised.value)
    assert docs(index) == before
    assert invoke("query", "Zhou", "--index", str(index)).returncode == 0


def test_an_index_of_no_documents_answers_and_its_stats_agree(tmp_path: Path):
    source, index = tmp_path / "pages", tmp_path / "index"
    source.mkdir()
    (source / "gone.html").write_text(ERROR_PAGES["404"], "utf-8")
    assert invoke("rebuild", "--source", str(source), "--index", str(index)).returncode == 1
    query = invoke("query", "Stalin", "--index", str(index), "--format", "json")
    assert query.returncode == 1, query.stderr
    assert json.loads(query.stdout)["total"] == 0
    stats = json.loads(invoke("stats", "--index", str(index), "--format", "json").stdout)
    assert (stats["documents"], stats["date_min"], stats["date_max"]) == (0, None, None)
    facets = invoke("facets", "sender", "--index", str(index), "--format", "json")
    assert facets.returncode in (0, 1) and "damaged" not in facets.stderr


def _nobody() -> tuple[int, int]:
    import pwd

    user = pwd.getpwnam("nobody")
    return user.pw_uid, user.pw_gid


#: Run as root, the command line drops to ``nobody`` after a first rebuild as root has
#: loaded every module it needs (the interpreter's own files may not be readable to it).
AS_NOBODY = """
import os, sys
from searcher import Archive
from searcher.cli import main
Archive.build(sys.argv[1], sys.argv[2], workers=1).failed
with Archive.open(sys.argv[2]) as archive:
    archive.stats(); list(archive.iter_records())
os.setgid(int(sys.argv[4])); os.setuid(int(sys.argv[3]))
sys.argv = ["search", *sys.argv[5:]]
main()
"""


@pytest.fixture
def shared_tmp() -> Iterator[Path]:
    """A folder another user may work in (pytest's own are the running user's only)."""
    base = Path(tempfile.mkdtemp(prefix="searcher-test-"))
    base.chmod(0o777)
    try:
        yield base
    finally:
        for folder in base.rglob("*"):
            if folder.is_dir():
                folder.chmod(0o755)
        shutil.rmtree(base, ignore_errors=True)


def test_an_unreadable_folder_is_reported_and_its_records_kept(shared_tmp: Path):
    source, index, warm = shared_tmp / "pages", shared_tmp / "index", shared_tmp / "warm"
    shutil.copytree(RAW_HTML / "old", source / "old")
    shutil.copytree(RAW_HTML / "current", source / "current")
    shutil.copytree(RAW_HTML / "old", warm / "old")
    Archive.build(source, index, workers=1)
    before = docs(index)
    old = source / "old"

    def search(*args: str) -> subprocess.CompletedProcess[str]:
        if os.geteuid() != 0:
            return invoke(*args)
        uid, gid = _nobody()
        for path in (shared_tmp, *shared_tmp.rglob("*")):
            os.chown(path, uid, gid, follow_symlinks=False)
        scratch = shared_tmp / "scratch"
        command = [sys.executable, "-c", AS_NOBODY, str(warm), str(scratch), str(uid), str(gid)]
        return subprocess.run(
            [*command, *args], env=env(), capture_output=True, text=True, check=False
        )

    old.chmod(0)
    try:
        done = search("rebuild", "--source", str(source), "--index", str(index))
        stats = search("stats", "--failed", "--index", str(index), "--format", "json")
    finally:
        old.chmod(0o755)
    assert done.returncode == 1, (done.stdout, done.stderr)
    assert "removed 0," in done.stdout and "failed 1 of" in done.stdout
    assert "old/: cannot read folder: Permission denied" in done.stderr
    assert json.loads(stats.stdout) == [
        {"path": "old/", "reason": "cannot read folder: Permission denied", "stale": False}
    ]
    assert docs(index) == before, "the records of the unreadable folder are kept"


def _bad_name_build(source: Path, index: str) -> None:
    (source / "old").mkdir(parents=True)
    shutil.copyfile(OLD_PAGE, source / "old" / "900003.html")
    notes = RAW_HTML / "generic" / "notes" / "korean-armistice-chronology.htm"
    bad = os.fsencode(source) + b"/bad\xff.htm"
    with open(bad, "wb") as fh:
        fh.write(notes.read_bytes())
    for _ in range(2):
        done = invoke("rebuild", "--source", str(source), "--index", index)
        assert done.returncode == 0, done.stderr
        assert "internal error" not in done.stderr
    assert "unchanged 2," in done.stdout
    with Archive.open(index) as archive:
        found = {r.path: r for r in archive.iter_records()}
    assert sorted(found) == ["bad\\xff.htm", "old/900003.html"]
    assert found["bad\\xff.htm"].title == "Notes on the Korean Armistice: A Chronology"


def test_a_file_name_that_is_not_utf8_is_indexed(tmp_path: Path):
    _bad_name_build(tmp_path / "pages", str(tmp_path / "index"))


@pg_support.needs_server
def test_a_file_name_that_is_not_utf8_is_indexed_on_postgresql(tmp_path: Path):
    url = pg_support.fresh_database(pg_support.single(), "searcher_bad_name")
    _bad_name_build(tmp_path / "pages", url)


def test_an_index_path_that_is_a_file_is_said_to_be_one_and_left_alone(tmp_path: Path):
    source, index = tmp_path / "pages", tmp_path / "index"
    (source / "old").mkdir(parents=True)
    shutil.copyfile(OLD_PAGE, source / "old" / "900003.html")
    index.write_text("my notes\n")
    query = invoke("query", "Zhou", "--index", str(index))
    assert query.returncode == 3
    assert "is a file, not an index folder" in query.stderr and str(index) in query.stderr
    built = invoke("rebuild", "--source", str(source), "--index", str(index))
    assert built.returncode == 5
    assert "is a file, not an index folder" in built.stderr
    assert index.read_text() == "my notes\n"


def test_an_index_from_an_older_version_is_refused_and_rebuilt_in_full(tmp_path: Path):
    source, index = tmp_path / "pages", tmp_path / "index"
    shutil.copytree(RAW_HTML / "old", source / "old")
    Archive.build(source, index, workers=1)
    live = store.current(index)
    assert live is not None
    meta = store.read_meta(live)
    del meta["format"]  # as indexes were written before records were one per document
    store.write_meta(live, meta)
    query = invoke("query", "Zhou", "--index", str(index))
    assert query.returncode == 3 and "search rebuild --full" in query.stderr
    done = invoke("rebuild", "--index", str(index))
    assert done.returncode == 0, done.stderr
    assert "rebuilt in full" in done.stdout and "unchanged 0," in done.stdout
    assert invoke("query", "Zhou", "--index", str(index)).returncode == 0


@pytest.mark.parametrize("format_", [2, store.FORMAT], ids=["as-written", "format-current"])
def test_an_index_naming_the_engine_classes_where_they_were_is_refused_and_rebuilt_in_full(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, format_: int
):
    """An index's table of contents names the classes of its schema and codec: one written
    before they moved to ``searcher.engine.whoosh`` names them where they were."""
    from searcher.engine.whoosh import blocks, schema

    for module in (schema, blocks):
        old = module.__name__.replace(".whoosh.", ".")
        monkeypatch.setitem(sys.modules, old, module)
        for value in vars(module).values():
            if isinstance(value, type) and value.__module__ == module.__name__:
                monkeypatch.setattr(value, "__module__", old)
    source, index = tmp_path / "pages", tmp_path / "index"
    shutil.copytree(RAW_HTML / "old", source / "old")
    Archive.build(source, index, workers=1)
    monkeypatch.undo()
    live = store.current(index)
    assert live is not None
    toc = b"".join(path.read_bytes() for path in live.glob("*.toc"))
    assert b"searcher.engine.schema" in toc and b"searcher.engine.blocks" in toc
    assert b"searcher.engine.whoosh" not in toc
    meta = store.read_meta(live)
    meta["format"] = format_  # 2: as written then; the current one: the classes alone tell
    store.write_meta(live, meta)
    for command in ("query", "stats"):
        done = invoke(command, *(["Zhou"] if command == "query" else []), "--index", str(index))
        assert done.returncode == 3 and "Traceback" not in done.stderr
        assert "older version of searcher: run `search rebuild`" in done.stderr
    done = invoke("rebuild", "--index", str(index))
    assert done.returncode == 0, done.stderr
    assert "rebuilt in full" in done.stdout and "unchanged 0," in done.stdout
    assert invoke("query", "Zhou", "--index", str(index)).returncode == 0


def test_a_page_cut_short_by_a_new_scrape_keeps_its_whole_record(tmp_path: Path):
    source, index = tmp_path / "pages", tmp_path / "index"
    seed = RAW_HTML / "text" / "seed-page-mao-to-filippov-1951-11-14.txt"
    (source / "text").mkdir(parents=True)
    page = source / "text" / seed.name
    whole = seed.read_bytes()
    page.write_bytes(whole)
    Archive.build(source, index, workers=1)
    ident = f"text-{seed.stem}"
    with Archive.open(index) as archive:
        before = archive.get(ident)
    assert before is not None and not before.partial
    page.write_bytes(whole[:2000])  # the scrape stopped mid-word, as the real dumps do
    report = Archive.build(source, index, workers=1)
    assert [path for path, _ in report.stale] == [f"text/{seed.name}"]
    with Archive.open(index) as archive:
        kept = archive.get(ident)
    assert kept is not None and kept.body == before.body and "cut short" in kept.stale
