"""What the rooster tests share: a school with one group of participants built through the
rooster API itself (issue 4), a lesson body for it, and the schemathesis run that fuzzes the HTTP
API against its own /openapi.json (used for the rooster API and for the attendance API)."""

from __future__ import annotations

import asyncio
import re
import sys
from pathlib import Path

NT2_MORNING = {"group": "B1-OCHTEND", "kind": "NT2", "level": "B1",
               "location": "Hengelo, Marktstraat 12", "teacher": "Marieke de Boer",
               "mode": "classroom"}


def lesson(start: str, end: str, **extra) -> dict:
    return {**NT2_MORNING, "start": start, "end": end, **extra}


async def school_with_group(bot, world, participants=("P-001", "P-002")):
    """A school with one group whose members are the given participants; returns the API key
    and the participants' person ids."""
    gemeente = await world.gemeente()
    km = await world.person("Petra Kloosterman", "klantmanager", gemeente_id=gemeente)
    school = await world.school()
    await world.works_with(gemeente, school)
    key = world.keys[f"school:{school}"]
    ids = {}
    async with bot.api(key) as api:
        for number, external_id in enumerate(participants):
            response = await api.put(f"/api/v1/participants/{external_id}", json={
                "name": f"Deelnemer {number + 1}", "regime": "wi2021", "route": "b1",
                "klantmanager_id": km})
            assert response.status_code == 201, response.text
            ids[external_id] = response.json()["id"]
        response = await api.put("/api/v1/groups/B1-OCHTEND", json={
            "name": "NT2 B1 ochtend", "kind": "NT2", "level": "B1",
            "members": [{"participant": p, "joined_on": "2026-09-01"} for p in participants]})
        assert response.status_code == 201, response.text
    return key, ids, km, gemeente


CHECKS = ",".join([
    "not_a_server_error", "status_code_conformance", "content_type_conformance",
    "response_headers_conformance", "response_schema_conformance", "negative_data_rejection",
    "ignored_auth",
])
ST = Path(sys.executable).parent / "st"
EXAMPLES = 10  # per operation and phase; the coverage phase adds its own boundary cases


async def schemathesis(url: str, key: str, tags: str, tmp_path: Path, name: str
                       ) -> tuple[int, str, int]:
    """Run the schemathesis CLI in a subprocess while this event loop serves the bot; returns
    (exit code, output, number of generated test cases)."""
    process = await asyncio.create_subprocess_exec(
        str(ST), "run", f"{url}/openapi.json", "-H", f"Authorization: Bearer {key}",
        "--include-tag-regex", tags, "--checks", CHECKS, "--max-examples", str(EXAMPLES),
        "--seed", "4", "--workers", "1", "--no-shrink", "--warnings", "off",
        "--phases", "examples,coverage,fuzzing",
        "--report", "ndjson", "--report-ndjson-path", str(tmp_path / f"{name}.ndjson"),
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT,
        env={"PATH": str(ST.parent), "NO_COLOR": "1", "HOME": str(tmp_path),
             "SCHEMATHESIS_TELEMETRY": "false"})
    output, _ = await asyncio.wait_for(process.communicate(), timeout=240)
    text = output.decode("utf-8", "replace")
    generated = re.search(r"(\d+) generated", text)
    return process.returncode, text, int(generated.group(1)) if generated else 0
