"""/docs and /redoc work without network (issue 16): every asset they load is served by the bot."""

from __future__ import annotations

import re

import httpx


async def test_docs_pages_load_every_asset_from_the_bot_itself(bot):
    async with httpx.AsyncClient(base_url=bot.url) as http:
        for page in ("/docs", "/redoc"):
            response = await http.get(page)
            assert response.status_code == 200, page
            html = response.text
            assert "//" not in re.sub(r"<!--.*?-->", "", html, flags=re.S).replace(
                "http://www.w3.org", ""), f"{page} names an external URL:\n{html}"
            assets = re.findall(r'(?:src|href)="([^"]+)"', html)
            assert assets, html
            for asset in assets:
                loaded = await http.get(asset)
                assert loaded.status_code == 200 and len(loaded.content) > 0, (page, asset)
        bundle = await http.get("/docs-assets/swagger-ui-bundle.js")
        assert "SwaggerUIBundle" in bundle.text
        assert (await http.get("/openapi.json")).json()["info"]["title"] == "inburgerbot"
