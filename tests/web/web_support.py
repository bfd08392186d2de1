"""Helpers of the web tests: applications over an index, the command line's JSON, a server
on a loopback port, and a hostile page."""

from __future__ import annotations

import html
import json
import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from searcher.cli import main
from searcher.web import ServeConfig, create_app

ROOT = Path(__file__).resolve().parents[2]
RAW_HTML = ROOT / "raw_html"
LOCAL = "http://127.0.0.1"
#: A sample page of the current site, and the title a hostile copy of it is given.
PAGE = RAW_HTML / "current" / "cable-mao-zedong-stalin.html"
HOSTILE_TITLE = (
    'Cable <script>document.title="pwned";window.__pwned=1</script>'
    '<img src=x onerror="window.__pwned=2"> to Stalin'
)
HOSTILE_ID = "999052"


def client_for(location: str | Path, **config: object) -> TestClient:
    """A test client of the application serving ``location``, as a browser on this machine."""
    app = create_app(ServeConfig(index=str(location), **config))  # type: ignore[arg-type]
    return TestClient(app, base_url=LOCAL)


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Run ``search ARGS`` in-process: (status, stdout, stderr)."""
    capsys.readouterr()
    with pytest.raises(SystemExit) as exit_info:
        main(list(args))
    out, err = capsys.readouterr()
    return int(exit_info.value.code or 0), out, err


def cli_json(capsys: pytest.CaptureFixture[str], *args: str) -> object:
    status, out, err = cli(capsys, *args)
    assert status in (0, 1), err
    return json.loads(out)


def hostile_page(folder: Path) -> Path:
    """A copy of a real page whose title holds a script and an onerror attribute."""
    text = PAGE.read_text(encoding="utf-8")
    text = text.replace("Cable, Mao Zedong to Stalin", html.escape(HOSTILE_TITLE, quote=False))
    text = text.replace(">900052<", f">{HOSTILE_ID}<")
    text = text.replace("cable-mao-zedong-stalin", "cable-hostile-title").replace(
        "234327", "999327"
    )
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "hostile.html"
    path.write_text(text, encoding="utf-8")
    return path


def build_hostile_index(tmp: Path) -> Path:
    """An index of the hostile page beside the real one it was made from (twice)."""
    from searcher.build import rebuild

    source = tmp / "pages"
    hostile_page(source)
    (source / PAGE.name).write_bytes(PAGE.read_bytes())
    (source / "again").mkdir()
    (source / "again" / PAGE.name).write_bytes(PAGE.read_bytes())  # a second copy of it
    index = tmp / "index"
    report = rebuild(source, index, full=True, workers=1)
    assert report.indexed == 3 and not report.failed, report
    return index


class Served:
    """``search serve`` running in a child process on a free loopback port."""

    def __init__(self, index: str | Path, *extra: str, env: dict[str, str] | None = None) -> None:
        command = [sys.executable, "-m", "searcher", "serve", "--index", str(index)]
        self.process = subprocess.Popen(
            [*command, "--port", "0", *extra],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
            env={**os.environ, **(env or {})},
        )
        assert self.process.stdout is not None
        # The first line says where it serves; it is written once the port is listening.
        self.first_line = self.process.stdout.readline()
        found = re.search(r"http://\S+/", self.first_line)
        if not found:
            self.process.kill()
            _, err = self.process.communicate(timeout=30)
            raise AssertionError(f"no address printed: {self.first_line!r} {err!r}")
        self.url = found.group()

    def stop(self, sig: int = signal.SIGTERM) -> tuple[int, str]:
        """Send ``sig``; the exit status and what went to stderr."""
        if self.process.poll() is None:
            self.process.send_signal(sig)
        try:
            _, err = self.process.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            self.process.kill()
            _, err = self.process.communicate()
            raise AssertionError("the server did not stop within 60 s") from None
        return self.process.returncode, err
