  // ---- Time and sources ---------------------------------------------------------------------------------
  // A range over the periods, above it a histogram of the documents in each (of the chosen source), and a
  // source picker: a node or an edge is drawn when one of its documents falls in both.
  const timeBox = document.getElementById("time");
  const fromInput = document.getElementById("time-from"), toInput = document.getElementById("time-to");
  const histogram = document.getElementById("histogram");
  const sourcePicker = document.getElementById("source");
  const PERIOD_NAME = DATA.time.period || "period";
  const sourceDocuments = new Array(SOURCES.length + 1).fill(0);
  for (const d of documents.values()) sourceDocuments[sourceOf(d.cell)]++;
  timeBox.hidden = PERIODS.length < 2;  // one period (or none) leaves nothing to choose
  document.getElementById("source-filter").hidden = SOURCES.length + (sourceDocuments[SOURCES.length] ? 1 : 0) < 2;
  for (const input of [fromInput, toInput]) input.max = String(Math.max(0, PERIODS.length - 1));
  sourcePicker.append(...SOURCES.map((s, i) => el("option", { value: s, textContent: s + " (" + plural(sourceDocuments[i], "document") + ")" })));

  let perPeriod = [], countedFor;  // documents per period (the last: undated), of the source counted for
  function countPeriods() {
    if (countedFor === state.source) return perPeriod;  // every action syncs the controls: count once per source
    countedFor = state.source;
    const counts = new Array(PERIODS.length + 1).fill(0), source = chosenSource();
    for (const d of documents.values()) if (source < 0 || sourceOf(d.cell) === source) counts[periodOf(d.cell)]++;
    return counts;
  }
  function drawHistogram() {
    const ratio = window.devicePixelRatio || 1, w = histogram.clientWidth, h = histogram.clientHeight;
    histogram.width = Math.round(w * ratio);
    histogram.height = Math.round(h * ratio);
    const ctx = histogram.getContext("2d");
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, w, h);
    const most = Math.max(1, ...perPeriod.slice(0, PERIODS.length)), bar = w / Math.max(1, PERIODS.length), gap = bar > 3 ? 1 : 0;
    for (let i = 0; i < PERIODS.length; i++) {
      if (!perPeriod[i]) continue;
      const height = Math.max(2, Math.round(h * perPeriod[i] / most));  // a period with any document shows
      ctx.fillStyle = i >= state.from && i <= state.to ? "#4e79a7" : "#c9d3e0";
      ctx.fillRect(i * bar, h - height, Math.max(0.5, bar - gap), height);
    }
  }
  function syncTime() {
    fromInput.value = String(state.from);
    toInput.value = String(state.to);
    sourcePicker.value = state.source || "";
    relationPicker.value = relationValue();
    if (timeBox.hidden) return;
    perPeriod = countPeriods();
    const inRange = wholeTime() ? perPeriod.reduce((a, b) => a + b, 0) : perPeriod.slice(state.from, state.to + 1).reduce((a, b) => a + b, 0);
    document.getElementById("time-value").textContent = PERIODS[state.from] +
      (state.to > state.from ? " to " + PERIODS[state.to] : "") + " (" + plural(inRange, "document") + ")";
    drawHistogram();
  }
  function slide(moved) {  // the two ends never cross: the one moved pushes the other
    let from = Number(fromInput.value), to = Number(toInput.value);
    if (from > to) { if (moved === fromInput) to = from; else from = to; }
    state.from = from;
    state.to = to;
    setFocus(state.node ? neighbourhood(state.node, state.hops) : focus);
    refresh();
    syncTime();
  }
  for (const input of [fromInput, toInput]) {
    input.addEventListener("input", () => slide(input));
    input.addEventListener("change", () => { fit(); remember(true); });
  }
  // A click on a bar shows that period alone; shift-click stretches the range to it.
  const periodAt = (event) => Math.min(PERIODS.length - 1, Math.max(0, Math.floor(event.offsetX / histogram.clientWidth * PERIODS.length)));
  histogram.addEventListener("mousemove", (event) => {
    const i = periodAt(event);
    histogram.title = PERIODS[i] + ": " + plural(perPeriod[i] || 0, "document");
  });
  histogram.addEventListener("click", (event) => {
    const i = periodAt(event);
    keep(event.shiftKey ? { from: Math.min(i, state.from), to: Math.max(i, state.to), refit: true } : { from: i, to: i, refit: true });
  });
  sourcePicker.addEventListener("change", () => keep({ source: sourcePicker.value || null, refit: true }));
  // Typed relations (a graph built with --relations): all edges, those with relations, or one predicate's,
  // the predicates by how many edges have them.
  const relationPicker = document.getElementById("relation");
  const predicates = new Map();
  for (const e of DATA.edges) for (const p of new Set((e.relations || []).map((r) => r.predicate))) predicates.set(p, (predicates.get(p) || 0) + 1);
  document.getElementById("relation-filter").hidden = predicates.size === 0;
  relationPicker.append(...[...predicates].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 200)
    .map(([p, n]) => el("option", { value: "=" + p, textContent: p + " (" + plural(n, "edge") + ")" })));
  const relationValue = () => (state.relation === null ? "" : state.relation === "*" ? "*" : "=" + state.relation);
  relationPicker.addEventListener("change", () => {
    const v = relationPicker.value;
    keep({ relation: v === "" ? null : v === "*" ? "*" : v.slice(1), refit: true });
  });
  function wholeSlice(s) {  // the slice left open, as a node asked for outside it needs
    s.from = 0;
    s.to = PERIODS.length - 1;
    s.source = null;
  }

  // In a panel: when and by whom a node or an edge was seen; each period and source narrows the page to it.
  function spreadFields(d, what) {
    const out = [];
    if (d.firstSeen) out.push(field("Seen", d.firstSeen === d.lastSeen ? d.firstSeen : d.firstSeen + " to " + d.lastSeen));
    const choice = (text, change) => el("button", { className: "link", textContent: text, onclick: () => keep(Object.assign(change, { refit: true })) });
    if (d.periods.length) {
      out.push(el("h3", { textContent: what + " per " + PERIOD_NAME }),
        ...paged("ul", "spread", d.periods, ([i, w]) => el("li", {}, [choice(PERIODS[i], { from: i, to: i }), " \u00d7" + w.toLocaleString("en")]), 12));
    }
    if (d.sources.length) {
      out.push(el("h3", { textContent: what + " per source" }),
        ...paged("ul", "spread", d.sources, ([i, w]) => el("li", {}, [choice(SOURCES[i], { source: SOURCES[i] }), " \u00d7" + w.toLocaleString("en")]), 12));
    }
    return out;
  }
