#!/usr/bin/env python3
"""Fetches every answer of a served database into a folder, so that two builds' answers can be compared byte
for byte (`diff -r A B`): a storage change must leave every answer as it was.

    scripts/api-snapshot.py http://127.0.0.1:8080 OUT_DIR

What it fetches: every page (limit=100, by cursor) of every list (sources, studies, claims, comments,
findings, conditions, interventions, species) and every object of each by id, each source's text, each
condition's evidence matrix, and filtered lists (each condition and intervention on studies, claims and
findings; each claim kind, hedged, direction, design; a few searches). Each answer is one file named by the
SHA-1 of its path; `index.tsv` maps paths to files with their status. `ingested_at` values are blanked: two
ingests of the same files differ only there.
"""
import hashlib
import http.client
import json
import os
import re
import sys
import urllib.parse

BASE, OUT = sys.argv[1], sys.argv[2]
parsed = urllib.parse.urlparse(BASE)
connection = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=30)
os.makedirs(OUT, exist_ok=True)
index = open(os.path.join(OUT, "index.tsv"), "w", encoding="utf-8")
INGESTED = re.compile(rb'"ingested_at":"[^"]*"')


def get(path):
    global connection
    for attempt in range(3):
        try:
            connection.request("GET", path)
            response = connection.getresponse()
            body = response.read()
            break
        except (http.client.HTTPException, OSError):
            connection.close()
            connection = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=30)
    else:
        raise SystemExit(f"api-snapshot: {path} failed three times")
    name = hashlib.sha1(path.encode()).hexdigest()
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(INGESTED.sub(b'"ingested_at":""', body))
    index.write(f"{path}\t{response.status}\t{name}\n")
    return response.status, body


def pages(path):
    """Every item of a list, fetching each page; returns the items."""
    items, cursor = [], None
    joiner = "&" if "?" in path else "?"
    while True:
        status, body = get(path + joiner + "limit=100" + (f"&cursor={urllib.parse.quote(cursor)}" if cursor else ""))
        if status != 200:
            return items
        answer = json.loads(body)
        items += answer.get("data", [])
        cursor = answer.get("meta", {}).get("next_cursor")
        if not cursor:
            return items


def quoted(value):
    return urllib.parse.quote(value, safe="")


lists = {}
for plural in ["sources", "studies", "claims", "comments", "findings", "conditions", "interventions", "species"]:
    lists[plural] = pages(f"/v1/{plural}")
    for item in lists[plural]:
        get(f"/v1/{plural}/{quoted(item['id'])}")
    print(f"{plural}: {len(lists[plural])}", file=sys.stderr)
for source in lists["sources"]:
    get(f"/v1/sources/{quoted(source['id'])}/text")
for condition in lists["conditions"]:
    get(f"/v1/conditions/{quoted(condition['id'])}/evidence")
    for plural in ["studies", "claims", "findings"]:
        pages(f"/v1/{plural}?condition={quoted(condition['id'])}")
for intervention in lists["interventions"]:
    for plural in ["studies", "claims", "findings"]:
        pages(f"/v1/{plural}?intervention={quoted(intervention['id'])}")
for kind in ["efficacy", "safety", "mechanism", "dosage", "interaction", "recommendation", "epidemiology", "other"]:
    pages(f"/v1/claims?kind={kind}")
for flag in ["true", "false"]:
    pages(f"/v1/claims?hedged={flag}")
for direction in ["benefit", "no_effect", "harm", "mixed", "unclear"]:
    pages(f"/v1/findings?direction={direction}")
    pages(f"/v1/studies?direction={direction}")
for design in ["rct", "cohort", "meta_analysis", "review", "animal", "unspecified"]:
    pages(f"/v1/findings?design={design}")
    pages(f"/v1/studies?design={design}")
for study in lists["studies"][:200]:
    pages(f"/v1/claims?study={quoted(study['id'])}")
for source in lists["sources"][:200]:
    pages(f"/v1/claims?source={quoted(source['id'])}")
    pages(f"/v1/findings?source={quoted(source['id'])}")
for word in ["vitamin", "cancer", "trial", "risk", "heart", "sleep", "diet"]:
    pages(f"/v1/search?q={word}")
    pages(f"/v1/claims?q={word}")
    pages(f"/v1/studies?q={word}")
index.close()
