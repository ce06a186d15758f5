"""Proposals a document holds (who proposes what for which resolution) and the typed changes
they make, read from side-by-side columns, proposal marker lines, flattened tracked-change
residue and Word revision marks."""

from extract.proposals.find import find_proposals
from extract.proposals.proposers import Proposer, load_proposers, proposer_of
from extract.proposals.tracked import Layer, layer_changes, tracked_also

__all__ = [
    "Layer",
    "Proposer",
    "find_proposals",
    "layer_changes",
    "load_proposers",
    "proposer_of",
    "tracked_also",
]
