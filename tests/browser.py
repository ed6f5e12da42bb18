"""Open a page in Debian's headless Chromium (through Playwright, no browser download)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = os.environ.get("GRAPHKIT_CHROMIUM", "/usr/bin/chromium")
# Bounds every wait on a page, the browser's start included: a deadline against a hang, not a
# measure (a machine busy with other work can take minutes to start Chromium and lay out a graph).
WAIT_MS = 600_000
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@dataclass
class Visit:
    page: object
    console_errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)


@contextmanager
def open_page(path: Path, *, wait_ready_ms: int = WAIT_MS) -> Iterator[Visit]:
    """Load a local HTML file, wait until the graph is laid out and drawn; collect console
    errors and every request it makes. ``wait_ready_ms`` bounds every wait on the page (a
    deadline against a hang: on a busy machine the layout can take a while)."""
    if not shutil.which(CHROMIUM) and not Path(CHROMIUM).exists():
        reason = f"no Chromium at {CHROMIUM} (apt-get install chromium)"
        if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
            pytest.fail(reason)
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, timeout=wait_ready_ms)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.set_default_timeout(wait_ready_ms)
            visit = Visit(page)
            page.on(
                "console",
                lambda m: visit.console_errors.append(m.text) if m.type == "error" else None,
            )
            page.on("pageerror", lambda e: visit.console_errors.append(str(e)))
            page.on("request", lambda r: visit.requests.append(r.url))
            page.goto(path.resolve().as_uri())
            # Ready is set once the layout is done, which may come before the first drawing.
            page.wait_for_function("window.graphkitReady === true && window.graphkitDrawn === true")
            yield visit
        finally:
            browser.close()


POINT_AT = """(id) => {
  const at = network.canvasToDOM(network.getPositions([id])[id]);
  const box = document.querySelector('#graph canvas').getBoundingClientRect();
  return [box.left + at.x, box.top + at.y];
}"""


def hover(page: Any, node_id: str) -> str:
    """Move the mouse onto a node and wait for its tooltip to show: the tooltip's text."""
    x, y = page.evaluate(POINT_AT, node_id)
    page.mouse.move(x, y)
    tip = page.locator("div.vis-tooltip")
    tip.wait_for(state="visible")
    return str(tip.text_content())
