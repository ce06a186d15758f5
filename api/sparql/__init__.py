"""The SPARQL endpoint's logic, apart from HTTP: guard, evaluate, negotiate, describe.

Why a package of its own: the router (``api/routes/sparql.py``) only parses protocol requests;
what makes the endpoint safe — refusing updates and SERVICE on the parsed query (:func:`precheck`,
:func:`inspect_query`), evaluating within a deadline and a row cap (:func:`evaluate`, run in the
isolated workers of :mod:`api.workers`), choosing a format (:func:`choose`, with the
``format``/``output``/``results`` parameters of :mod:`api.sparql.formats`), choosing the dataset
(the query's ``FROM``/``FROM NAMED`` read by :func:`examine_query`, the protocol's parameters),
saying what is wrong with a malformed query in one line (:func:`one_line_syntax_error`) and
describing the service (:func:`service_description`) — is plain Python, tested without a server.

Example:
    >>> choose("text/csv", ["application/sparql-results+json", "text/csv"])
    'text/csv'
"""

from __future__ import annotations

from api.sparql.description import service_description
from api.sparql.execute import evaluate
from api.sparql.guard import examine_query, inspect_query, precheck
from api.sparql.negotiate import choose
from api.sparql.syntax import one_line_syntax_error

__all__ = [
    "choose",
    "evaluate",
    "examine_query",
    "inspect_query",
    "one_line_syntax_error",
    "precheck",
    "service_description",
]
