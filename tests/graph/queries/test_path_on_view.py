"""citation_path on the network view gives the chain the SPARQL walk gives, for every pair of
seed resolutions (the API's workers answer /path from the view)."""

from __future__ import annotations

import itertools

from graph import citation_network, citation_path, search_resolutions


def test_every_seed_pair_has_the_same_path_on_the_view(seed_store) -> None:
    net = citation_network(seed_store)
    ids = [r.id for r in search_resolutions(seed_store, limit=200).items]
    found = 0
    for source, target in itertools.permutations(ids, 2):
        by_store = citation_path(seed_store, source, target)
        assert citation_path(seed_store, source, target, net=net) == by_store, (source, target)
        found += by_store is not None
    assert found > 20
