"""The example SPARQL queries of the endpoint's query page, the README and the tests (``*.rq``).

A package (this file) so that the ``.rq`` files ship inside an installed resgraph.
"""
