"""Pledges and aid figures as CSV rows in the shape of AidData's Global Chinese Development
Finance (GCDF) dataset, so analysts can join the two.  Column names follow GCDF where one applies."""

from __future__ import annotations

import csv
import io

from pyoxigraph import Store

from kg.store.core import query

COLUMNS = [
    "record_id", "record_type", "title", "description", "recipient", "recipient_iso3", "recipient_region",
    "commitment_year", "amount_original_currency", "original_currency", "flow_type", "flow_type_iati",
    "share_of_total_percent", "status", "funding_agency", "announced_at", "period", "source_title",
    "source_document", "source_sentence",
]
FLOW_TYPE = {"Grant": "Grant", "InterestFreeLoan": "Loan", "ConcessionalLoan": "Loan", "DebtRelief": "Debt forgiveness"}

QUERY = """
SELECT ?fact ?kind ?label ?clause ?sentence ?doc ?title ?amount ?currency ?share ?flow ?iati ?by ?at ?date ?meetingDate
       ?period ?start ?recipient ?recipientName ?iso3 ?recipientType WHERE {
  ?fact a ?kind ; hz:evidence ?ev ; rdfs:label ?label .
  FILTER(?kind IN (hz:Pledge, hz:AidStatistic))
  ?ev nif:anchorOf ?clause ; nif:sentence/nif:anchorOf ?sentence ; nif:referenceContext ?doc .
  ?doc schema:name ?title .
  OPTIONAL { ?fact hz:moneyAmount ?m . ?m hz:amount ?amount ; hz:currency ?currency }
  OPTIONAL { ?fact hz:sharePercent ?share }
  OPTIONAL { ?fact hz:flowType ?flow }
  OPTIONAL { ?fact hz:flowType/hz:iatiFinanceType/skos:notation ?iati }
  OPTIONAL { ?fact hz:announcedBy/skos:prefLabel ?by }
  OPTIONAL { ?fact hz:announcedAt ?meeting . ?meeting skos:prefLabel ?at }
  OPTIONAL { ?fact hz:announcedAt/hz:startDate ?meetingDate }
  OPTIONAL { ?fact hz:date ?date }
  OPTIONAL { ?fact hz:period/hz:duration ?dur }
  OPTIONAL { ?fact hz:period ?p . ?p hz:periodStart ?start ; hz:periodEnd ?end }
  BIND(COALESCE(STR(?dur), CONCAT(STR(?start), "/", STR(?end))) AS ?period)
  OPTIONAL { ?fact hz:recipient ?recipient . ?recipient a ?recipientType ; skos:prefLabel ?recipientName .
             FILTER(?recipientType IN (hz:Country, hz:Region)) OPTIONAL { ?recipient hz:isoAlpha3 ?iso3 } }
}
"""


def rows(store: Store) -> list[dict[str, str]]:
    out: dict[tuple, dict[str, str]] = {}
    for sol in query(store, QUERY):  # over the union of the graphs, with the usual prefixes
        v = {k: (sol[k].value if sol[k] is not None else "") for k in _VARS}
        kind = v["kind"].rsplit("#", 1)[1]
        fact = v["fact"]
        year = (v["date"] or v["meetingDate"] or "")[:4] if kind == "Pledge" else ""
        if kind == "AidStatistic" and not v["amount"]:
            continue  # counts (projects, volunteers) are not finance records
        flow = v["flow"].rsplit("#", 1)[-1] if v["flow"] else ""
        row = {
            "record_id": fact.rsplit("#", 1)[1], "record_type": kind, "title": v["label"],
            "description": v["clause"].strip("，；。 "),
            "recipient": v["recipientName"] if v["recipientType"] else "",
            "recipient_iso3": v["iso3"], "recipient_region": v["recipientName"] if v["recipientType"].endswith("Region") else "",
            "commitment_year": year, "amount_original_currency": v["amount"], "original_currency": v["currency"],
            "flow_type": FLOW_TYPE.get(flow, ""), "flow_type_iati": v["iati"], "share_of_total_percent": v["share"],
            "status": "Pipeline: Pledge" if kind == "Pledge" else "", "funding_agency": v["by"],
            "announced_at": v["at"], "period": v["period"], "source_title": v["title"], "source_document": v["doc"],
            "source_sentence": v["sentence"],
        }
        if row["recipient_region"]:
            row["recipient"] = ""
        key = (v["doc"], fact, row["recipient"], row["recipient_region"])
        out.setdefault(key, row)
    return [out[k] for k in sorted(out)]


_VARS = ["fact", "kind", "label", "clause", "sentence", "doc", "title", "amount", "currency", "share", "flow", "iati",
         "by", "at", "date", "meetingDate", "period", "start", "recipient", "recipientName", "iso3", "recipientType"]


def write_csv(store: Store, out) -> int:
    data = rows(store)
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
    w.writeheader()
    w.writerows(data)
    out.write(buf.getvalue().encode("utf-8"))
    return len(data)
