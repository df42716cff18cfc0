  // ---- Filters and focus --------------------------------------------------------------------------------
  let focus = null;  // the ids kept bright around the selected node or path; null: nothing dimmed
  let docEntities = null;
  // A document's cell is its period index times (sources + 1) plus its source index; the last period and
  // the last source stand for "undated" and "no source". A node or an edge lists the cells of its documents.
  const sourceIndex = new Map(SOURCES.map((s, i) => [s, i]));
  const periodOf = (cell) => Math.floor(cell / (SOURCES.length + 1));
  const sourceOf = (cell) => cell % (SOURCES.length + 1);
  const wholeTime = () => state.from <= 0 && state.to >= PERIODS.length - 1;
  const chosenSource = () => (state.source === null ? -1 : sourceIndex.get(state.source));
  function inSlice(d) {  // seen in a document of the chosen periods and source (undated ones only in all time)
    const whole = wholeTime(), source = chosenSource();
    if (whole && source < 0) return true;
    for (const c of d.cells) {
      const p = periodOf(c);
      if ((whole || (p >= state.from && p <= state.to)) && (source < 0 || sourceOf(c) === source)) return true;
    }
    return false;
  }
  // The relation filter: every edge (null), those with typed relations ("*"), or those with one predicate.
  const related = (d) => state.relation === null || (d.relations !== undefined &&
    (state.relation === "*" || d.relations.some((r) => r.predicate === state.relation)));
  function passesFilters(d) {  // the weight, type, time, source, relation and document filters
    return d.weight >= state.minWeight && related(d) && (state.minStrength === null || d.logLikelihood >= state.minStrength) && inSlice(d) && !state.hiddenTypes.has(byId.get(d.from).type) &&
      !state.hiddenTypes.has(byId.get(d.to).type) && (!docEntities || (docEntities.has(d.from) && docEntities.has(d.to)));
  }
  function edgeVisible(e) {
    const d = edgeById.get(e.id);
    return passesFilters(d) && (!focus || (focus.has(d.from) && focus.has(d.to)));
  }
  let connected = new Set();
  function recount() {
    docEntities = state.doc && documentOf(state.doc) ? new Set(documentOf(state.doc).entities) : null;
    connected = new Set();
    for (const e of DATA.edges) if (passesFilters(e)) { connected.add(e.from); connected.add(e.to); }
  }
  function nodeVisible(v) {
    const n = byId.get(v.id);
    if (state.hiddenTypes.has(n.type) || (docEntities && !docEntities.has(n.id)) || !inSlice(n)) return false;
    return !state.hideIsolated || connected.has(n.id) || (focus !== null && focus.has(n.id));  // greyed out, not hidden
  }
  recount();  // the views start filtered: no refresh (and no second drawing) before the first frame
  const nodeView = new vis.DataView(nodes, { filter: nodeVisible });
  const edgeView = new vis.DataView(edges, { filter: edgeVisible });
  const container = document.getElementById("graph");
  const network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, options);
  network.canvas.frame.setAttribute("aria-label", "graph: drag or arrow keys to move, wheel or + and - to zoom");
  let moved = false;  // nodes left where physics or the user put them: kept there across filters
  network.on("dragEnd", (p) => { if (p.nodes.length) moved = true; });

  function refresh() {
    if (moved) {  // (vis's storePositions fails on nodes a filter has hidden)
      nodes.update(Object.entries(network.getPositions()).map(([id, p]) => ({ id, x: p.x, y: p.y })));
      moved = false;
    }
    recount();
    nodeView.refresh();
    edgeView.refresh();
    showCounts();
  }
  function showCounts() {
    document.getElementById("counts").textContent = nodeView.length.toLocaleString("en") + " of " +
      DATA.nodes.length.toLocaleString("en") + " nodes, " + edgeView.length.toLocaleString("en") + " of " +
      DATA.edges.length.toLocaleString("en") + " edges";
  }
  function fit() { network.fit({ animation: { duration: 300 } }); }

  // Focus: the node and its neighbours (1 or 2 hops), or a path, stay bright; the rest is greyed out and
  // the edges between grey nodes are hidden.

  let dimmed = new Set();
  function setFocus(ids) {
    focus = ids;
    const next = new Set(ids ? DATA.nodes.filter((n) => !ids.has(n.id)).map((n) => n.id) : []);
    const changed = [];
    for (const id of next) if (!dimmed.has(id)) changed.push({ id, color: DIM.color });
    for (const id of dimmed) if (!next.has(id)) changed.push(Object.assign({ id }, styleOf(id)));
    dimmed = next;
    if (changed.length) nodes.update(changed);
  }
  function neighbourhood(id, hops) {
    const seen = new Set([id]);
    let frontier = [id];
    for (let h = 0; h < hops; h++) {
      const next = [];
      for (const f of frontier) for (const e of adjacent.get(f)) {
        if (!passesFilters(e)) continue;
        const other = e.from === f ? e.to : e.from;
        if (!seen.has(other)) { seen.add(other); next.push(other); }
      }
      frontier = next;
    }
    return seen;
  }

