"""remote: any SPARQL 1.1 Protocol endpoint, asked over HTTP for SPARQL JSON results or Turtle."""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request

from rdflib import Graph

from graph.errors import DataError, QueryError
from graph.sparql.answer import Answer, answer_from_json
from graph.sparql.query import query_form, with_prefixes

REMOTE_TIMEOUT_SECONDS = 60


class RemoteStore:
    """A SPARQL 1.1 Protocol endpoint. The endpoint decides what its queries may read."""

    def __init__(self, endpoint: str):
        self.endpoint = endpoint

    def query(self, sparql: str, limit: int | None = None) -> Answer:
        """`limit`: keep at most this many rows (the endpoint sends them all; they are cut here)."""
        form = query_form(sparql)
        accept = "text/turtle" if form in ("CONSTRUCT", "DESCRIBE") else "application/sparql-results+json"
        body = urllib.parse.urlencode({"query": with_prefixes(sparql)}).encode()
        request = urllib.request.Request(self.endpoint, data=body, headers={
            "Accept": accept, "Content-Type": "application/x-www-form-urlencoded"})
        payload = _fetch(request, self.endpoint)
        if form in ("CONSTRUCT", "DESCRIBE"):
            return Answer("graph", graph=Graph().parse(data=payload, format="turtle"))
        answer = answer_from_json(json.loads(payload))
        answer.rows = answer.rows[:limit]
        return answer

    def results(self, sparql: str, output_format: str) -> bytes | None:
        return None  # the rows come as JSON and are rendered by graph.sparql.query

    def label(self, term) -> str | None:
        return None  # asking the endpoint once per cell would be slow; IRIs are shown prefixed


def _fetch(request: urllib.request.Request, endpoint: str) -> str:
    try:
        with urllib.request.urlopen(request, timeout=REMOTE_TIMEOUT_SECONDS) as response:
            return response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        detail = error.read().decode("utf-8", "replace").strip().splitlines()
        raise QueryError(f"{endpoint} answered {error.code}: {detail[0][:200] if detail else error.reason}") from None
    except (urllib.error.URLError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise DataError(f"{endpoint}: cannot reach the endpoint ({reason})") from None
