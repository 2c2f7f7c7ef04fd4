"""What the browser tests do on every page: the axe-core check, the screenshots at desktop and
phone width (with no sideways scrolling on the phone), and signing in as a person would."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from tests.support import Tenant, create_tenant

DESKTOP = {"width": 1280, "height": 860}
PHONE = {"width": 390, "height": 844}
SERIOUS = ("serious", "critical")


@dataclass
class Checker:
    axe: str | None
    folder: Path

    def page(self, page: Any, name: str) -> None:
        """axe-core finds no serious or critical violation; screenshots at both widths."""
        if self.axe is not None:
            if not page.evaluate("() => typeof window.axe !== 'undefined'"):
                # Evaluated by the debugger protocol: a <script> tag would be (rightly) refused by
                # the page's Content-Security-Policy.
                page.evaluate(self.axe)
            result = page.evaluate(
                "async () => { const r = await axe.run(document, {resultTypes: ['violations']});"
                " return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
                " nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)})); }"
            )
            serious = [v for v in result if v["impact"] in SERIOUS]
            assert serious == [], f"{name}: {json.dumps(serious, indent=1)}"
        size = page.viewport_size
        page.screenshot(path=str(self.folder / f"{name}-desktop.png"), full_page=True)
        page.set_viewport_size(PHONE)
        overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
        page.screenshot(path=str(self.folder / f"{name}-phone.png"), full_page=True)
        page.set_viewport_size(size or DESKTOP)
        assert overflow <= 0, f"{name}: {overflow}px wider than a phone's screen"


def new_tenant(base_url: str) -> Tenant:
    with httpx.Client(base_url=base_url) as http:
        tenant = create_tenant(http)
    tenant.client = httpx.Client(base_url=base_url)
    return tenant


def sign_in(page: Any, base_url: str, workspace: str, email: str, password: str) -> None:
    """With the keyboard only: type into each field, Enter to submit."""
    page.goto(f"{base_url}/app/sign-in")
    page.get_by_label("Workspace").fill(workspace)
    page.keyboard.press("Tab")
    page.keyboard.type(email)
    page.keyboard.press("Tab")
    page.keyboard.type(password)
    page.keyboard.press("Enter")
    page.wait_for_url(f"{base_url}/app/items")
