"""Where the explorer draws each node, and which community colours it: graph algorithms the page needs,
computed once in Python so the browser starts from a finished picture."""

from __future__ import annotations

import math

import networkx as nx
import numpy as np

#: Pixels per ideal edge length in the Python layout.
LAYOUT_EDGE_LENGTH = 90


def communities(graph: nx.Graph) -> dict[str, int]:
    """Louvain community of every node, numbered from the largest (so the first colours go to the biggest;
    its time by graph size: benchmarks/RESULTS.md, "HTML explorer")."""
    found = nx.community.louvain_communities(graph, weight="weight", seed=1) if graph else []
    return {key: i for i, members in enumerate(sorted(found, key=len, reverse=True)) for key in members}


def layout(graph: nx.Graph, iterations: int = 150) -> dict[str, tuple[float, float]]:
    """Starting positions for every node: final ones for big graphs, a head start for vis physics on small ones.

    Fruchterman-Reingold in numpy: networkx's spring_layout needs SciPy from 500 nodes on, and its dense
    path (like forceatlas2_layout) holds n x n arrays (gigabytes at 20,000 nodes). Edges pull with
    log(1 + weight), repulsion comes from a grid (see _repulsion), and a linear gravity holds every
    component inside a disc of about sqrt(n) edge lengths (timings: benchmarks/RESULTS.md).
    """
    keys = list(graph)
    n = len(keys)
    if not n:
        return {}
    index = {key: i for i, key in enumerate(keys)}
    ends = np.array([(index[a], index[b]) for a, b in graph.edges()], dtype=np.intp).reshape(-1, 2)
    pull = np.log1p(np.array([d["weight"] for _, _, d in graph.edges(data=True)], dtype=np.float64))
    side = math.sqrt(n)  # lengths are in ideal edge lengths until the end
    pos = np.random.default_rng(1).uniform(-side / 2, side / 2, (n, 2))
    grid = int(np.clip(2 * side, 32, 256))
    kernels = _repulsion_kernels(grid)
    step = side / 10
    cooling = (0.02 / step) ** (1 / iterations)
    for _ in range(iterations):
        force = _repulsion(pos, grid, kernels) - pos
        delta = pos[ends[:, 0]] - pos[ends[:, 1]]
        spring = delta * (np.hypot(delta[:, 0], delta[:, 1]) * pull)[:, None]
        for axis in (0, 1):
            force[:, axis] += np.bincount(ends[:, 1], spring[:, axis], n) - np.bincount(ends[:, 0], spring[:, axis], n)
        length = np.hypot(force[:, 0], force[:, 1]) + 1e-9
        pos += force * (np.minimum(length, step) / length)[:, None]
        step *= cooling
    pos *= LAYOUT_EDGE_LENGTH
    return {key: (round(float(x), 1), round(float(y), 1)) for key, (x, y) in zip(keys, pos)}


def _repulsion(pos: np.ndarray, grid: int, kernels: tuple[np.ndarray, np.ndarray]) -> np.ndarray:
    """The 1/distance push every node gets from all others, approximated on a grid x grid mesh over the
    layout (particle-mesh): node counts per cell convolved by FFT with the force kernel. O(n + grid² log grid)
    instead of O(n²); nodes sharing a cell do not push each other, the mesh is fine enough for that to pass.
    """
    lo = pos.min(axis=0)
    cell_size = (pos.max(axis=0) - lo).max() / (grid - 1) + 1e-9
    cells = np.floor((pos - lo) / cell_size).astype(np.intp) @ np.array([grid, 1])
    shape = (2 * grid, 2 * grid)
    density = np.fft.rfft2(np.bincount(cells, minlength=grid * grid).reshape(grid, grid), s=shape)
    fields = [np.fft.irfft2(density * kernel, s=shape)[:grid, :grid].ravel() for kernel in kernels]
    return np.stack([field[cells] for field in fields], axis=1) / cell_size


def _repulsion_kernels(grid: int) -> tuple[np.ndarray, np.ndarray]:
    """The FFTs of the x and y push at each cell offset (offset / distance², nothing at offset 0), laid
    out for a 2grid x 2grid circular convolution so that every offset within the grid appears once."""
    offsets = np.fft.fftfreq(2 * grid, 1 / (2 * grid))
    dx, dy = np.meshgrid(offsets, offsets, indexing="ij")
    distance2 = dx**2 + dy**2
    distance2[0, 0] = np.inf
    return np.fft.rfft2(dx / distance2), np.fft.rfft2(dy / distance2)
