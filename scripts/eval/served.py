"""Reading a running evidence server from the evaluation scripts: one JSON or text answer, every source."""
import json, urllib.parse, urllib.request


def get(base, path):
    with urllib.request.urlopen(base + path, timeout=30) as r:
        body = r.read().decode("utf-8")
        return json.loads(body) if r.headers.get("Content-Type", "").startswith("application/json") else body


def all_sources(base):
    out, cursor = [], None
    while True:
        page = get(base, "/v1/sources?limit=100" + (f"&cursor={urllib.parse.quote(cursor)}" if cursor else ""))
        out += page.get("data", [])
        cursor = (page.get("meta") or {}).get("next_cursor")
        if not cursor:
            return out
