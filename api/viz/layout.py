"""Fixed node positions for the network page, computed server-side with networkx and numpy.

Why server-side: vis-network's physics needs minutes to settle 1,500 nodes in a browser and moves
every node on each reload; a layout computed once here is shipped as fixed ``x``/``y`` so the page
draws at once with physics off. Why our own force loop: networkx's ``spring_layout`` needs scipy
above 500 nodes and ``forceatlas2_layout`` takes over ten seconds at 2,000; a vectorised
Fruchterman-Reingold on each connected component, with the components packed on shelves
(largest first, isolated nodes on a grid), stays readable and takes about a second at 2,000 nodes.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Mapping
from typing import Any, TypeVar

import networkx as nx
import numpy as np

__all__ = ["force_layout", "lineage_layout", "place_aside"]

Position = tuple[float, float]
N = TypeVar("N", bound=Hashable)

#: Distance between neighbouring nodes, in vis-network canvas pixels.
SPACING = 90.0
#: Cited nodes per row under one version in the lineage view.
LINEAGE_COLUMNS = 4


def _fruchterman_reingold(edges: np.ndarray, n: int, iterations: int, seed: int) -> np.ndarray:
    """Positions (n, 2) for one connected component, O(n²) per step without (n, n, 2) arrays.

    Repulsion k²/d between every pair is summed as ``p_i * Σ_j r_ij - (R @ p)_i`` (two
    matrix-vector products per step, one (n, n) float32 buffer); attraction d²/k acts along the
    edges only (``edges`` is an (m, 2) index array).
    """
    rng = np.random.default_rng(seed)
    pos = rng.random((n, 2)).astype(np.float32)
    k2 = np.float32(1.0 / n)
    k = math.sqrt(1.0 / n)
    temperature = 0.1
    cooling = temperature / (iterations + 1)
    for _ in range(iterations):
        x, y = np.ascontiguousarray(pos[:, 0]), np.ascontiguousarray(pos[:, 1])
        dx = np.subtract.outer(x, x)
        rep = np.subtract.outer(y, y)
        rep *= rep
        dx *= dx
        rep += dx
        np.maximum(rep, 1e-4, out=rep)
        np.divide(k2, rep, out=rep)
        np.fill_diagonal(rep, 0.0)
        total = rep.sum(axis=1)
        displacement = np.stack((x * total - rep @ x, y * total - rep @ y), axis=1)
        if len(edges):
            delta = pos[edges[:, 0]] - pos[edges[:, 1]]
            pull = delta * (np.sqrt((delta * delta).sum(axis=1)) / k)[:, None]
            np.subtract.at(displacement, edges[:, 0], pull)
            np.add.at(displacement, edges[:, 1], pull)
        length = np.sqrt((displacement * displacement).sum(axis=1))
        np.maximum(length, 0.01, out=length)
        pos += displacement * (temperature / length)[:, None]
        temperature -= cooling
    return pos.astype(np.float64)


def _component_positions(graph: nx.Graph, nodes: list[Hashable], seed: int) -> np.ndarray:
    """Positions of one component, scaled so that a typical node's nearest neighbour sits
    SPACING away (a label fits between them), whatever the component's size."""
    if len(nodes) == 1:
        return np.zeros((1, 2))
    index = {node: i for i, node in enumerate(nodes)}
    pairs = [(index[u], index[v]) for u, v in graph.subgraph(nodes).edges()]
    edges = np.array(pairs, dtype=np.int64).reshape(-1, 2)
    iterations = 200 if len(nodes) <= 300 else 60
    pos = _fruchterman_reingold(edges, len(nodes), iterations, seed)
    pos -= pos.mean(axis=0)
    # Turn the component's long axis horizontal: screens are wide, and a tall chain fitted on
    # one would be drawn at a zoom where no label can be read.
    _, _, axes = np.linalg.svd(pos, full_matrices=False)
    turned: np.ndarray = pos @ axes.T
    return turned * (SPACING / _median_nearest(turned))


def _median_nearest(pos: np.ndarray) -> float:
    """Median distance from a node to its nearest neighbour (the scale labels need room at)."""
    x, y = pos[:, 0].astype(np.float32), pos[:, 1].astype(np.float32)
    d2 = np.subtract.outer(x, x) ** 2 + np.subtract.outer(y, y) ** 2
    np.fill_diagonal(d2, np.inf)
    return float(np.sqrt(np.median(d2.min(axis=1)))) or 1.0


def force_layout(graph: nx.Graph, seed: int = 7) -> dict[Any, Position]:
    """Fixed positions for every node of ``graph``: components laid out apart, then packed.

    Edge direction and multiplicity are ignored (a citation pulls both ends together). Components
    are placed on shelves from the largest down, so the biggest cluster sits top-left and the many
    small pairs and singletons (stubs cited once, isolated resolutions) fill a tidy grid instead
    of orbiting the centre as in a single force simulation.

    Args:
        graph: any networkx graph; node ids are kept as keys.
        seed: random seed of the initial placement (the layout is deterministic for a seed).

    Returns:
        A dict node -> (x, y) in canvas pixels, origin at the top-left of the packed drawing.

    Example:
        >>> pos = force_layout(nx.path_graph(3))
        >>> sorted(pos) == [0, 1, 2] and all(len(p) == 2 for p in pos.values())
        True
    """
    undirected = nx.Graph(graph.to_undirected(as_view=True))
    undirected.remove_edges_from(list(nx.selfloop_edges(undirected)))
    components = sorted(
        nx.connected_components(undirected), key=lambda c: (-len(c), sorted(map(str, c)))
    )
    singletons = [next(iter(c)) for c in components if len(c) == 1]
    clusters = [sorted(c, key=str) for c in components if len(c) > 1]

    positions: dict[Any, Position] = {}
    total = max(1, undirected.number_of_nodes())
    shelf_width = max(SPACING * 8, math.sqrt(total) * SPACING * 1.6)
    x = y = shelf_height = 0.0
    for i, nodes in enumerate(clusters):
        pos = _component_positions(undirected, nodes, seed + i)
        low, high = pos.min(axis=0), pos.max(axis=0)
        width, height = (high - low) + SPACING
        if x > 0 and x + width > shelf_width:
            x, y, shelf_height = 0.0, y + shelf_height, 0.0
        for node, (px, py) in zip(nodes, pos - low, strict=True):
            positions[node] = (round(float(x + px), 1), round(float(y + py), 1))
        x += width
        shelf_height = max(shelf_height, height)
    y += shelf_height + (SPACING if clusters else 0.0)
    cell = SPACING * 1.5  # room for a label such as "WTDC Question 14-3/2"
    columns = max(1, int(shelf_width // cell))
    for i, node in enumerate(sorted(singletons, key=str)):
        positions[node] = (float((i % columns) * cell), float(y + (i // columns) * SPACING))
    return positions


def lineage_layout(years: Mapping[N, int | None], cited: Mapping[N, list[N]]) -> dict[N, Position]:
    """Positions for the lineage view: versions on a time axis, what each cites stacked below it.

    Why: the question a lineage answers is "how did this resolution and its references change from
    one assembly to the next", which reads best left to right by year, with each version's
    references in its own column so that an added or dropped reference shows as a gap.

    Args:
        years: version node -> assembly year (None sorts last).
        cited: version node -> the nodes it cites, in display order, placed in rows of
            ``LINEAGE_COLUMNS`` under it. A node cited by several versions sits under the first.

    Returns:
        A dict node -> (x, y) covering the versions and every cited node.

    Example:
        >>> pos = lineage_layout({"a/1/2010": 2010, "a/1/2014": 2014}, {"a/1/2014": ["b/2"]})
        >>> pos["a/1/2010"][0] < pos["a/1/2014"][0] == pos["b/2"][0], pos["b/2"][1] > 0
        (True, True)
    """
    positions: dict[N, Position] = {}
    ordered = sorted(years, key=lambda v: (years[v] is None, years[v] or 0, str(v)))
    x = 0.0
    for version in ordered:
        positions[version] = (x, 0.0)
        placed = 0
        for target in cited.get(version, []):
            if target in positions:
                continue
            row, col = divmod(placed, LINEAGE_COLUMNS)
            positions[target] = (x + col * SPACING * 1.5, (row + 1) * SPACING)
            placed += 1
        x += SPACING * 1.5 * max(1, min(placed, LINEAGE_COLUMNS)) + SPACING
    return positions


def place_aside(positions: Mapping[N, Position], links: list[tuple[N, N]]) -> dict[N, Position]:
    """``positions`` plus a row above the drawing for the nodes that ``links`` attach to it.

    Why: the bureaux of the assignment layer are linked to hundreds of resolutions; laid out with
    them they would pull every cluster into one knot, and the layer is shown and hidden on the
    page without a new layout. Each extra node sits above the drawing, at the mean x of the
    nodes it is linked to (nudged apart so that two never overlap).

    Args:
        positions: the laid-out nodes.
        links: (extra node, laid-out node) pairs; links to nodes without a position are ignored.

    Example:
        >>> place_aside({"a": (0.0, 0.0), "b": (200.0, 50.0)}, [("TSB", "b")])["TSB"]
        (200.0, -180.0)
    """
    placed = dict(positions)
    top = min((y for _, y in positions.values()), default=0.0) - 2 * SPACING
    xs: dict[N, list[float]] = {}
    for extra, node in links:
        if node in positions:
            xs.setdefault(extra, []).append(positions[node][0])
    last = -math.inf
    for extra in sorted(xs, key=lambda e: (sum(xs[e]) / len(xs[e]), str(e))):
        x = max(sum(xs[extra]) / len(xs[extra]), last + SPACING * 1.5)
        placed[extra] = (round(x, 1), top)
        last = x
    return placed
