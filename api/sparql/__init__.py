"""The SPARQL endpoint's logic, apart from HTTP: guard, evaluate, negotiate, describe.

Why a package of its own: the router (``api/routes/sparql.py``) only parses protocol requests;
what makes the endpoint safe — refusing updates and SERVICE (:func:`check_query`), evaluating
within a deadline and a row cap in a bounded worker pool (:func:`evaluate`,
:class:`~api.sparql.runner.SparqlRunner`), choosing a format (:func:`choose`) and describing the
service (:func:`service_description`) — is plain Python, tested without a server.

Example:
    >>> choose("text/csv", ["application/sparql-results+json", "text/csv"])
    'text/csv'
"""

from __future__ import annotations

from api.sparql.description import service_description
from api.sparql.execute import evaluate
from api.sparql.guard import check_query
from api.sparql.negotiate import choose

__all__ = ["check_query", "choose", "evaluate", "service_description"]
