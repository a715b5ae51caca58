"""A stored question in a real Neo4j Browser, as the README tells an analyst to run it.

Headless Debian chromium (``tools/ensure_chromium`` installs it; no browser is downloaded at run
time) driven by Playwright opens the Browser app served by the project's local server, connects
with the test credentials, sets the parameters with ``:param`` lines, pastes
``cypher/sectors_discussed.cypher`` whole (its ``//`` header included) and reads the result table.
Every request that is not to the loopback address (web fonts, telemetry) is refused in the page.

The local server keeps to itself: a second test connects the Browser and checks that the page
asked for nothing but the loopback address (its own policy header stops the analytics and
changelog scripts the Browser loads on Community) and shows no product-usage consent banner.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from relgraph.pipeline import load
from tests.conftest import DATA, ROOT, backend

LOCAL = backend() == "local"  # the Browser page and `relgraph db` belong to the local server
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TIMEOUT_MS = 60_000  # for every wait (Playwright's and expect's): the app boots in seconds; CI gets room
LOOPBACK = re.compile(r"^(https?|wss?)://(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?(/|$)")

pytestmark = pytest.mark.skipif(not LOCAL, reason="the Browser page is served by the project's local server")


@pytest.fixture(scope="module")
def browser():
    """One headless chromium for the module (each test gets its own fresh context)."""
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: run tools/ensure_chromium (as root) to install Debian's chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail("the playwright package is missing: .venv/bin/pip install -e '.[test]'")
    with sync_playwright() as pw:
        # headless=False: the headless mode is chosen by --headless=new among the flags
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=False)
        yield b
        b.close()


@pytest.fixture
def page(browser, tmp_path):
    """A page in a fresh context (empty profile: no stored connection) that reaches only the
    loopback address."""
    from relgraph.graph.server import LocalServer

    origin = LocalServer.default().browser_url.split("/browser/")[0]
    ctx = browser.new_context(viewport={"width": 1400, "height": 900})
    ctx.grant_permissions(["clipboard-read", "clipboard-write"], origin=origin)
    ctx.set_default_timeout(TIMEOUT_MS)
    # every request the page sends towards the network, seen where the route below lets it go or
    # refuses it (a request the page's own security policy blocks never gets there), its web
    # sockets, and what failed and why, for the message of a failed test
    p = ctx.new_page()
    p.requested, p.failed = [], []

    def route(r):
        p.requested.append(r.request.url)
        r.continue_() if LOOPBACK.match(r.request.url) else r.abort()

    ctx.route("**/*", route)
    p.on("websocket", lambda ws: p.requested.append(ws.url))
    p.on("requestfailed", lambda r: p.failed.append(f"{r.url[:80]} ({r.failure})"))
    yield p
    ctx.close()


def _run(page, text: str):
    """Put ``text`` in the main editor (typed, or pasted from the clipboard when multi-line) and
    press the editor's Run button."""
    editor = page.get_by_test_id("activeEditor").locator("#monaco-main-editor")
    editor.click()
    if "\n" in text:
        page.evaluate("t => navigator.clipboard.writeText(t)", text)
        page.keyboard.press("Control+V")
    else:
        page.keyboard.type(text)
    page.get_by_test_id("editor-Run").click()


def _frame(page, command_text: str):
    """The newest result frame whose command contains ``command_text`` (frames stack newest first)."""
    return (
        page.get_by_test_id("frame").filter(has=page.get_by_test_id("frameCommand").filter(has_text=command_text)).first
    )


def _table(frame) -> tuple[list[str], list[dict]]:
    """The rows of a frame's result table, values parsed (strings are shown JSON-quoted)."""
    # explicit role attributes: the row-number column's th/td have only implicit roles
    headers = frame.locator("[role=columnheader]").all_inner_texts()
    rows = []
    for row in frame.locator("[role=row]:has([role=cell])").all():
        cells = []
        for text in row.locator("[role=cell]").all_inner_texts():
            try:
                cells.append(json.loads(text))
            except ValueError:
                cells.append(text)
        rows.append(dict(zip(headers, cells)))
    return headers, rows


def _save_page(page, tmp_path: Path) -> None:
    """A screenshot and the HTML of the page, for a failed test (printed paths show in the report)."""
    shot, html = tmp_path / "browser.png", tmp_path / "browser.html"
    try:
        page.screenshot(path=str(shot), full_page=True)
        html.write_text(page.content(), encoding="utf-8")
        print(f"Neo4j Browser at the failure: {shot} and {html}")
    except Exception as e:  # the page may be gone; the test's own failure matters more
        print(f"no screenshot of the failure: {e}")


def _driver_answer(driver, settings) -> str:
    """The same question through the driver, to tell a Browser fault from a graph changed meanwhile
    (another test run emptying the shared local server, say)."""
    from relgraph.api import run_query

    try:
        _, data = run_query(driver, "sectors_discussed", database=settings.database, a="RUS", b="PRK")
        n = driver.execute_query("MATCH (a:Article) RETURN count(a) AS n", database_=settings.database).records[0]["n"]
        return f"through the driver now: sectors {[r[0] for r in data]}, {n} Article node(s) in the graph"
    except Exception as e:
        return f"through the driver now: {e}"


def _connect(page, settings) -> None:
    """Fill the connect frame the Browser shows when it has no connection, and connect."""
    from playwright.sync_api import expect

    bolt = urlsplit(settings.uri)
    page.get_by_test_id("bolt-scheme-select").select_option(f"{bolt.scheme}://")
    page.get_by_test_id("boltaddress").fill(bolt.netloc)
    page.get_by_test_id("database").fill(settings.database)
    page.get_by_test_id("username").fill(settings.user)
    page.get_by_test_id("password").fill(settings.password)
    page.get_by_test_id("connect").click()
    expect(page.get_by_text("You are connected as user")).to_be_visible(timeout=TIMEOUT_MS)


# what the Browser's product-usage consent banner and its telemetry settings say
USAGE_TEXT = re.compile(r"product usage|usage statistics|crash reports|collect information", re.I)


def test_the_browser_asks_only_this_machine_and_shows_no_usage_banner(driver, neo4j_settings, page, tmp_path):
    from playwright.sync_api import expect

    from relgraph.graph.server import LocalServer

    url = LocalServer.default().browser_url
    try:
        response = page.goto(url)
        policy = response.headers.get("content-security-policy", "")
        _connect(page, neo4j_settings)
        # once connected, the Community Browser mounts its analytics and changelog loaders: let
        # them try, and the connection settle (the banner is decided by the server's settings)
        page.wait_for_load_state("networkidle")
        _run(page, "RETURN 1 AS one")
        expect(_frame(page, "RETURN 1 AS one").get_by_test_id("frameStatusbar")).to_contain_text(
            "completed", ignore_case=True, timeout=TIMEOUT_MS
        )
        page.wait_for_load_state("networkidle")

        assert page.requested, "no request was recorded: the recorder is broken"
        assert any(u.startswith("ws://127.0.0.1:") for u in page.requested), page.requested
        away = sorted({u for u in page.requested if not LOOPBACK.match(u)})
        assert not away, f"the Browser page asked for addresses off this machine: {away}; failed: {page.failed}"
        # the policy header of the Browser's pages names no other host than this one
        assert "'self'" in policy and not re.search(r"[a-z]\.(com|io|net|org)\b", policy), policy
        shown = [t for t in page.get_by_text(USAGE_TEXT).all_inner_texts() if t.strip()]
        assert not shown, f"the Browser shows a product-usage text: {shown}"
        print("requests that failed in the page (blocked by its policy):", page.failed)
    except BaseException:
        _save_page(page, tmp_path)
        raise


def test_stored_question_runs_in_neo4j_browser(driver, neo4j_settings, page, tmp_path):
    from playwright.sync_api import expect

    from relgraph.graph.server import LocalServer

    report = load(driver, [str(DATA / "fr_summit.txt")], neo4j_settings.database)
    assert report.loaded == 1 and report.failed == 0, report.errors
    question = (ROOT / "cypher" / "sectors_discussed.cypher").read_text(encoding="utf-8")
    bolt = urlsplit(neo4j_settings.uri)

    try:
        page.goto(LocalServer.default().browser_url)

        # the connect frame (:server connect) the Browser shows when it has no connection
        page.get_by_test_id("bolt-scheme-select").select_option(f"{bolt.scheme}://")
        page.get_by_test_id("boltaddress").fill(bolt.netloc)
        page.get_by_test_id("database").fill(neo4j_settings.database)
        page.get_by_test_id("username").fill(neo4j_settings.user)
        page.get_by_test_id("password").fill(neo4j_settings.password)
        page.get_by_test_id("connect").click()
        expect(page.get_by_text("You are connected as user")).to_be_visible(timeout=TIMEOUT_MS)

        for line in (":param a => 'RUS'", ":param b => 'PRK'", ":param since => null", ":param until => null"):
            _run(page, line)
            expect(_frame(page, line).get_by_test_id("frameStatusbar")).to_contain_text(
                "Successfully set your parameters", timeout=TIMEOUT_MS
            )

        _run(page, question)
        frame = _frame(page, "Which sectors did two states discuss?")
        # done: the status bar says "... completed after 2 ms." ("completed in less than 1 ms.",
        # "Completed after ..." with no records), or the frame shows an error message instead
        done = (
            frame.get_by_test_id("frameStatusbar")
            .filter(has_text=re.compile(r"\bcompleted\b", re.I))
            .or_(frame.get_by_test_id("cypherFrameErrorMessage"))
        )
        expect(done.first).to_be_visible(timeout=TIMEOUT_MS)
        expect(frame.get_by_test_id("frameCommand")).to_contain_text(
            "ORDER BY articles DESC, sector", timeout=TIMEOUT_MS
        )
        if not frame.get_by_role("table").is_visible():
            raise AssertionError(
                "no result table; the frame says:\n"
                + frame.inner_text()
                + "\n"
                + _driver_answer(driver, neo4j_settings)
            )

        headers, rows = _table(frame)
        assert headers == ["sector", "articles", "quotes"]
        sectors = {r["sector"]: r for r in rows}
        assert {"space", "transport"} <= set(sectors), f"{rows}\n{_driver_answer(driver, neo4j_settings)}"
        for name in ("space", "transport"):
            assert sectors[name]["articles"] >= 1 and sectors[name]["quotes"], sectors[name]
    except BaseException:
        _save_page(page, tmp_path)
        raise
