  // ---- Selection, the view and the URL ---------------------------------------------------------------------
  // Every user action goes through select(): it updates the state, the drawing, the panel and the URL
  // (a new history entry, so Back undoes it).
  let acting = false;
  function select(change, record = true) {
    const { move, refit, showDoc } = change;
    const next = Object.assign({}, state, { node: null, edge: null, path: null }, change);
    delete next.move; delete next.refit; delete next.showDoc;
    state = next;
    if (state.node) reveal(byId.get(state.node), change);
    acting = true;  // an animation this replaces ends now: its view must not overwrite the last entry
    apply({ move, refit, showDoc });
    acting = false;
    if (record) remember(true);
  }
  function keep(change) {  // a filter changed: the selection stays
    select(Object.assign({ node: state.node, edge: state.edge, path: state.path }, change));
  }
  function reveal(n, change) {  // a node asked for while the filters hide it comes back, with its type
    if (!n) return;
    state.hiddenTypes.delete(n.type);
    if (!inSlice(n) && !("from" in change || "source" in change)) wholeSlice(state);  // unless the slice just changed
    if (state.doc && !(documentOf(state.doc) || { entities: [] }).entities.includes(n.id)) state.doc = null;
  }
  function apply({ move = false, refit = false, showDoc = null } = {}) {
    let steps = null;
    rewidth();
    if (state.node && byId.has(state.node)) setFocus(neighbourhood(state.node, state.hops));
    else if (state.path) {
      steps = shortestPath(state.path[0], state.path[1]);
      setFocus(steps ? new Set([state.path[0], ...steps.flatMap((e) => [e.from, e.to])]) : null);
    } else setFocus(null);
    refresh();
    syncControls();
    if (state.node && byId.has(state.node)) {
      network.selectNodes([state.node]);
      nodePanel(state.node);
      if (move) network.fit({ nodes: [...focus].filter((id) => nodeView.get(id)), maxZoomLevel: 1.2, animation: { duration: 400 } });
    } else if (state.edge && edgeById.has(state.edge)) {
      if (edgeView.get(state.edge)) network.selectEdges([state.edge]); else network.unselectAll();
      edgePanel(state.edge);
    } else if (state.path) {
      network.unselectAll();
      pathPanel(state.path[0], state.path[1], steps);
      if (steps && move) network.fit({ nodes: [...focus], maxZoomLevel: 1.2, animation: { duration: 400 } });
    } else {
      network.unselectAll();
      if (showDoc || state.doc) docPanel(showDoc || state.doc); else showHint();
    }
    if (refit) fit();
  }
  function syncControls() {
    syncLegend();
    document.getElementById("hops").value = String(state.hops);
    syncSlider();
    document.getElementById("hide-isolated").checked = state.hideIsolated;
    document.getElementById("colour-by").value = state.colourBy;
    syncTime();
  }
  function encode() {
    const p = new URLSearchParams();
    if (state.node) p.set("node", state.node);
    if (state.edge) p.set("edge", state.edge);
    if (state.path) p.set("path", state.path.join(","));
    if (state.doc) p.set("doc", state.doc);
    if (state.hiddenTypes.size) p.set("hide", [...state.hiddenTypes].sort().join(","));
    if (state.minWeight !== 1) p.set("weight", String(state.minWeight));
    if (state.hideIsolated !== BIG) p.set("isolated", state.hideIsolated ? "hide" : "show");
    if (state.colourBy !== "type") p.set("colour", state.colourBy);
    if (state.hops !== 1) p.set("hops", String(state.hops));
    if (!wholeTime()) { p.set("from", PERIODS[state.from]); p.set("to", PERIODS[state.to]); }
    if (state.source !== null) p.set("source", state.source);
    if (state.relation !== null) p.set("relation", state.relation);
    if (state.rankBy !== "weight") p.set("rank", state.rankBy);
    if (state.minStrength !== null) p.set("strength", String(state.minStrength));
    const v = network.getViewPosition();
    p.set("view", [v.x, v.y, network.getScale()].map((x) => x.toFixed(x < 10 ? 4 : 1)).join(","));
    return "#" + p.toString();
  }
  function decode(hash) {
    const p = new URLSearchParams(hash.replace(/^#/, ""));
    const s = defaults();
    const known = (id) => (id && byId.has(id) ? id : null);
    s.node = known(p.get("node"));
    s.edge = edgeById.has(p.get("edge")) ? p.get("edge") : null;
    const path = (p.get("path") || "").split(",");
    s.path = path.length === 2 && known(path[0]) && known(path[1]) ? path : null;
    s.doc = documentOf(p.get("doc")) ? p.get("doc") : null;
    for (const t of (p.get("hide") || "").split(",")) if (typeColour.has(t)) s.hiddenTypes.add(t);
    s.minWeight = Math.max(1, Number(p.get("weight")) || 1);
    if (p.get("isolated")) s.hideIsolated = p.get("isolated") === "hide";
    s.colourBy = p.get("colour") === "community" ? "community" : "type";
    s.hops = p.get("hops") === "2" ? 2 : 1;
    const from = PERIODS.indexOf(p.get("from")), to = PERIODS.indexOf(p.get("to"));
    if (from >= 0 && to >= 0) [s.from, s.to] = [Math.min(from, to), Math.max(from, to)];
    s.source = sourceIndex.has(p.get("source")) ? p.get("source") : null;
    s.relation = p.get("relation") === "*" || predicates.has(p.get("relation")) ? p.get("relation") : null;
    s.rankBy = p.get("rank") === "significance" ? "significance" : "weight";
    const strength = p.has("strength") ? Number(p.get("strength")) : NaN;
    s.minStrength = STRENGTH_STEPS.includes(strength) ? strength : null;
    const view = (p.get("view") || "").split(",").map(Number);
    return { state: s, view: view.length === 3 && view.every(Number.isFinite) && view[2] > 0 ? view : null };
  }
  function remember(push) {
    const hash = encode();
    if (hash === location.hash) return;
    if (push) history.pushState(null, "", hash); else history.replaceState(null, "", hash);
  }
  function restore() {
    const { state: s, view } = decode(location.hash);
    const recolour_ = s.colourBy !== state.colourBy;
    state = s;
    if (recolour_) recolour();
    apply();
    if (view) network.moveTo({ position: { x: view[0], y: view[1] }, scale: view[2] });
  }
  window.addEventListener("popstate", restore);
  for (const event of ["zoom", "animationFinished", "dragEnd"]) network.on(event, () => { if (!acting) remember(false); });

