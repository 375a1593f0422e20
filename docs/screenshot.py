"""Takes docs/demo.png: starts `inburgerbot demo` on a fresh database, plays the guided tour of a
rooster change (a lesson moved in the school console reaches the Arabic chat) and photographs the
whole page with headless Chromium (Debian's `chromium` package).

    python docs/screenshot.py
"""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
from playwright.async_api import async_playwright

ROOT = Path(__file__).resolve().parent.parent
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


async def main() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with tempfile.TemporaryDirectory() as tmp:
        env = {k: v for k, v in os.environ.items() if not k.startswith("INBURGERBOT_")}
        process = subprocess.Popen(
            [sys.executable, "-m", "bot", "demo", "--db", f"{tmp}/demo.db", "--no-browser",
             "--http", f"127.0.0.1:{port}"], cwd=ROOT, env={**env, "PYTHONPATH": str(ROOT)},
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
        try:
            url = f"http://127.0.0.1:{port}"
            deadline = time.monotonic() + 60
            while True:
                try:
                    httpx.get(f"{url}/demo/state").raise_for_status()
                    break
                except httpx.HTTPError:
                    if time.monotonic() > deadline:
                        raise
                    await asyncio.sleep(0.3)
            async with async_playwright() as playwright:
                browser = await playwright.chromium.launch(executable_path="/usr/bin/chromium",
                                                           args=ARGS)
                page = await browser.new_page(viewport={"width": 1800, "height": 1000})
                await page.goto(f"{url}/demo/")
                await page.wait_for_selector("body[data-ready=yes]")
                await page.click("#play")  # the first tour: a rooster change
                await page.wait_for_function(
                    "() => document.getElementById('tour-status').textContent === 'done'",
                    timeout=60_000)
                await asyncio.sleep(1.0)
                await page.screenshot(path=str(ROOT / "docs" / "demo.png"), full_page=True)
                await browser.close()
        finally:
            process.terminate()
            process.wait(20)


if __name__ == "__main__":
    asyncio.run(main())
