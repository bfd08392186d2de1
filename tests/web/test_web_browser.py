"""The pages in a real browser (Debian's Chromium driven by Playwright): search, narrow by a
facet, open a document, come back, download citations; no script from page text runs.

Chromium is looked for at /usr/bin/chromium (``.ci/browser.sh`` installs it).  Without it
these tests are skipped on a developer's machine and fail under CI (``CI=true``).  With
SEARCHER_SCREENSHOTS=1 they also save docs/screenshot-results.png and
docs/screenshot-document.png.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import rispy
from web_support import HOSTILE_ID, HOSTILE_TITLE, ROOT, Served

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
IN_CI = os.environ.get("CI", "").lower() in ("true", "1", "yes")
SCREENSHOTS = os.environ.get("SEARCHER_SCREENSHOTS") == "1"


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} missing (run .ci/browser.sh)"
        if IN_CI:
            pytest.fail(f"{message}; CI must run the browser tests", pytrace=False)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def server(raw_html_index) -> Iterator[Served]:
    served = Served(raw_html_index)
    yield served
    assert served.stop() == (0, "")


class Watched:
    """A page whose script errors and console errors are kept, to assert there were none."""

    def __init__(self, browser, base: str, **context: object) -> None:
        self.context = browser.new_context(accept_downloads=True, **context)
        self.page = self.context.new_page()
        self.base = base
        self.errors: list[str] = []
        self.page.on("pageerror", lambda exc: self.errors.append(f"page error: {exc}"))
        self.page.on(
            "console",
            lambda msg: self.errors.append(f"console: {msg.text}") if msg.type == "error" else None,
        )

    def goto(self, path: str) -> None:
        response = self.page.goto(self.base + path.lstrip("/"))
        assert response is not None and response.ok, path

    def total(self) -> int:
        text = self.page.locator("#total").inner_text()
        found = re.fullmatch(r"([\d,]+) documents?", text.strip())
        assert found, text
        return int(found.group(1).replace(",", ""))

    def close(self) -> None:
        self.context.close()
        assert self.errors == []


@pytest.fixture()
def tab(browser, server) -> Iterator[Watched]:
    watched = Watched(browser, server.url, viewport={"width": 1280, "height": 900})
    yield watched
    watched.close()


def test_search_facet_document_back_and_citation(tab, tmp_path):
    page = tab.page
    tab.goto("/")
    page.get_by_label("Words, phrases, fields and dates").fill("armistice")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/search\?q=armistice$"))
    everything = tab.total()
    assert everything > 3
    assert page.get_by_role("list", name="Results").get_by_role("listitem").count() == min(
        everything, 20
    )

    facets = page.get_by_role("complementary", name="Narrow the results")
    link = facets.get_by_role("region", name="Sender").get_by_role(
        "link", name=re.compile(r"^Mao Zedong \d+$")
    )
    count = int(link.inner_text().split()[-1])
    assert 0 < count < everything
    link.click()
    page.wait_for_url(re.compile(r"where=sender%3DMao\+Zedong"))
    assert tab.total() == count
    assert (
        page.get_by_role("list", name="Active filters")
        .get_by_role("link")
        .inner_text()
        .startswith("Sender: Mao Zedong")
    )
    results = page.get_by_role("list", name="Results")
    assert results.get_by_role("listitem").count() == min(count, 20)
    assert results.locator("mark").count() > 0

    first = results.get_by_role("listitem").first.get_by_role("link").first
    title = first.inner_text()
    first.click()
    page.wait_for_url(re.compile(r"/documents/"))
    assert page.get_by_role("heading", level=1).inner_text() == title
    assert page.locator(".body mark").count() > 0

    with page.expect_download() as download_info:
        page.get_by_role("link", name="RIS", exact=True).click()
    download = download_info.value
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    assert saved.suffix == ".ris"
    [entry] = rispy.loads(saved.read_text(encoding="utf-8"))
    assert entry["title"] == title

    page.go_back()
    page.wait_for_url(re.compile(r"where=sender%3DMao\+Zedong"))
    assert tab.total() == count
    assert page.get_by_role("list", name="Active filters").count() == 1

    with page.expect_download() as download_info:
        page.get_by_role("region", name=re.compile("Take the")).get_by_role(
            "link", name="RIS"
        ).click()
    saved = tmp_path / "all.ris"
    download_info.value.save_as(saved)
    assert len(rispy.loads(saved.read_text(encoding="utf-8"))) == count


def test_slash_focuses_the_search_box_and_sorting_applies_itself(tab):
    page = tab.page
    tab.goto("/search?q=Stalin")
    page.locator("h1").click()
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.name") == "q"
    # The query is selected: typing replaces it.
    page.keyboard.type("Stalin Korea")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"q=Stalin\+Korea"))
    page.get_by_label("Sort by").select_option("date")
    page.wait_for_url(re.compile(r"sort=date"))
    dates = page.get_by_role("list", name="Results").locator(".date").all_inner_texts()
    assert dates


def test_timeline_bar_narrows_to_its_period(tab):
    page = tab.page
    tab.goto("/search?q=Stalin")
    before = tab.total()
    bars = page.get_by_role("list", name="Timeline").get_by_role("link")
    assert bars.count() > 1
    bars.nth(bars.count() - 1).click()
    page.wait_for_url(re.compile(r"from=\d{4}"))
    assert 0 < tab.total() < before
    assert page.get_by_role("list", name="Active filters").get_by_role("link").count() == 2


def test_no_script_from_page_text_runs(browser, hostile_index):
    served = Served(hostile_index)
    watched = Watched(browser, served.url)
    try:
        page = watched.page
        for path in ("/search?q=Stalin", f"/documents/{HOSTILE_ID}", "/search?q=pwned"):
            watched.goto(path)
            assert page.evaluate("window.__pwned === undefined"), path
            assert page.title() != "pwned"
            assert page.locator("img").count() == 0
            if path.startswith("/documents/"):
                assert page.get_by_role("heading", level=1).inner_text() == HOSTILE_TITLE
            else:
                assert HOSTILE_TITLE in page.get_by_role("list", name="Results").inner_text()
    finally:
        watched.close()
        assert served.stop() == (0, "")


def test_screenshots_of_the_results_and_a_document(browser, server, tmp_path):
    """Pictures of the two main pages; with SEARCHER_SCREENSHOTS=1 they go to docs/."""
    folder = ROOT / "docs" if SCREENSHOTS else tmp_path
    watched = Watched(browser, server.url, viewport={"width": 1280, "height": 860})
    try:
        watched.goto("/search?q=Stalin&where=type%3DTelegram")
        assert watched.page.get_by_role("list", name="Results").locator("mark").count() > 0
        watched.page.screenshot(path=str(folder / "screenshot-results.png"))
        watched.goto("/documents/900001?q=armistice+negotiations")
        assert watched.page.locator(".body mark").count() > 0
        watched.page.screenshot(path=str(folder / "screenshot-document.png"))
    finally:
        watched.close()
    for name in ("screenshot-results.png", "screenshot-document.png"):
        assert (folder / name).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
