  // ---- Controls ---------------------------------------------------------------------------------------------
  network.on("click", (params) => {
    if (params.nodes.length) select({ node: params.nodes[0] });
    else if (params.edges.length) select({ edge: params.edges[0] });
    else if (state.node || state.edge || state.path) select({});  // the empty canvas: nothing selected
  });
  document.getElementById("colour-by").addEventListener("change", (event) => {
    state.colourBy = event.target.value;
    recolour();
    remember(true);
  });
  document.getElementById("hops").addEventListener("change", (event) => keep({ hops: Number(event.target.value) }));
  // One slider: the least weight, or the least significance, as the edges are ranked by.
  const slider = document.getElementById("min-weight");
  const MAX_WEIGHT = DATA.edges.reduce((max, e) => Math.max(max, e.weight), 1);
  function syncSlider() {
    const byWeight = state.rankBy === "weight";
    document.getElementById("rank-by").value = state.rankBy;
    document.getElementById("min-label").textContent = byWeight ? "Min weight" : "Min significance";
    slider.min = byWeight ? "1" : "0";
    slider.max = String(byWeight ? MAX_WEIGHT : STRENGTH_STEPS.length - 1);
    slider.value = String(byWeight ? state.minWeight : STRENGTH_STEPS.indexOf(state.minStrength));
    document.getElementById("min-weight-value").textContent = byWeight ? String(state.minWeight) :
      state.minStrength === null ? "any" : state.minStrength === 0 ? "above chance" : strengthText(state.minStrength);
  }
  slider.addEventListener("input", () => {
    if (state.rankBy === "weight") state.minWeight = Number(slider.value);
    else state.minStrength = STRENGTH_STEPS[Number(slider.value)];
    syncSlider();
    setFocus(state.node ? neighbourhood(state.node, state.hops) : focus);
    refresh();
  });
  document.getElementById("rank-by").addEventListener("change", (event) => {
    keep({ rankBy: event.target.value, minWeight: 1, minStrength: null });
  });
  // Edge widths follow the ranking: the build's for weight, a log scale of G2 for significance.
  const weightWidths = new Map(visEdges.map((v) => [v.id, v.width]));
  let widthsBy = "weight";
  function rewidth() {
    if (widthsBy === state.rankBy) return;
    widthsBy = state.rankBy;
    const top = Math.log1p(MAX_STRENGTH) || 1;
    edges.update(DATA.edges.map((e) => ({ id: e.id, width: widthsBy === "weight" ? weightWidths.get(e.id) :
      Math.round(10 * (1 + 7 * Math.log1p(Math.max(0, e.logLikelihood)) / top)) / 10 })));
  }
  slider.addEventListener("change", () => { fit(); remember(true); });
  document.getElementById("hide-isolated").addEventListener("change", (event) => {
    keep({ hideIsolated: event.target.checked, refit: true });
  });
  document.getElementById("fit").addEventListener("click", fit);
  document.getElementById("reset").addEventListener("click", () => {
    const colour = state.colourBy;
    for (const id of ["search", "path-from", "path-to"]) document.getElementById(id).value = "";
    pathEnds.from = pathEnds.to = null;
    select(Object.assign(defaults(), { refit: true }));
    if (colour !== state.colourBy) recolour();
  });
  document.getElementById("drawer").addEventListener("click", () => {
    const side = document.getElementById("side");
    side.classList.toggle("closed");
    document.getElementById("drawer").setAttribute("aria-expanded", String(!side.classList.contains("closed")));
  });

  // Exports of what is on screen: the picture, and the visible nodes and edges as CSV.
  function download(filename, url) {
    const a = el("a", { href: url, download: filename });
    document.body.append(a);
    a.click();
    a.remove();
  }
  document.getElementById("export-png").addEventListener("click", () => {
    const canvas = container.querySelector("canvas");
    const out = el("canvas", { width: canvas.width, height: canvas.height });
    const ctx = out.getContext("2d");
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, out.width, out.height);
    ctx.drawImage(canvas, 0, 0);
    download("graph.png", out.toDataURL("image/png"));
  });
  // A cell that a spreadsheet would run as a formula starts with a quote instead.
  const cell = (v) => { let s = String(v); if (/^[=+\-@\t\r]/.test(s)) s = "'" + s; return /[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s; };
  const csv = (rows) => rows.map((r) => r.map(cell).join(",")).join("\r\n") + "\r\n";
  document.getElementById("export-csv").addEventListener("click", () => {
    const ns = nodeView.getIds().map((id) => byId.get(id));
    const es = edgeView.getIds().map((id) => edgeById.get(id));
    const rows = [["kind", "id", "label_or_source", "type_or_target", "mentions_or_weight"],
      ...ns.map((n) => ["node", n.id, n.label, n.type, n.mentions]),
      ...es.map((e) => ["edge", e.id, e.from, e.to, e.weight])];
    download("graph-view.csv", URL.createObjectURL(new Blob([csv(rows)], { type: "text/csv" })));
  });

  function ready() {
    if (location.hash.length > 1) restore();  // a link to a view; otherwise the first drawing is the overview
    performance.mark("graphbuild-ready");  // benchmarks/html_load.py reads the time since navigation
    document.body.dataset.ready = "1";
  }
  showCounts();
  drawLegend();
  syncControls();
  if (options.physics && options.physics.enabled !== false) {
    network.once("stabilizationIterationsDone", () => { network.setOptions({ physics: false }); moved = true; ready(); });
  } else {
    network.once("afterDrawing", ready);
  }
  window.graphbuild = { network, nodes, edges, nodeView, edgeView, data: DATA, select, find, candidates, labels: () => labelled,
    showNode: (id) => select({ node: id, move: true }), showEdge: (id) => select({ edge: id }), state: () => state };
})();
