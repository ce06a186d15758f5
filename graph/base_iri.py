"""The default base of every minted IRI, in a module of its own so that reading it costs nothing.

Why apart from :mod:`graph.mint`: the settings of the CLI and the API need the default at start-up
(``resgraph --help`` included), before any IRI is minted; this module imports nothing.

Example:
    >>> DEFAULT_BASE
    'https://w3id.org/resgraph/'
"""

from __future__ import annotations

__all__ = ["DEFAULT_BASE"]

#: Where resgraph publishes its IRIs (``<base>id/...``); a deployment may set its own
#: (``RESGRAPH_BASE``).
DEFAULT_BASE = "https://w3id.org/resgraph/"
