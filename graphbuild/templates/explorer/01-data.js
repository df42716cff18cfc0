// graphbuild explorer: overview, focus, ranked search, paths, documents, filters and a view kept in the URL.
// Every piece of document text reaches the page as a text node: nothing from the data is parsed as HTML.
(function () {
  "use strict";
  const read = (id) => JSON.parse(document.getElementById(id).textContent);
  const DATA = read("graph-data");
  const options = read("vis-options");
  const BIG = DATA.nodes.length > DATA.bigGraph;  // past this, unconnected nodes start hidden
  const byId = new Map(DATA.nodes.map((n) => [n.id, n]));
  const edgeById = new Map(DATA.edges.map((e) => [e.id, e]));
  // Documents by id in a Map: an id from the URL ("__proto__", "constructor") is never an object's property.
  const documents = new Map(Object.entries(DATA.documents));
  const documentOf = (id) => documents.get(id);
  const typeColour = new Map(DATA.types.map((t) => [t.name, t.colour]));
  const adjacent = new Map(DATA.nodes.map((n) => [n.id, []]));
  for (const e of DATA.edges) { adjacent.get(e.from).push(e); adjacent.get(e.to).push(e); }
  // The time axis (periods, empty ones included) and the sources; from/to index the axis, source names one.
  const PERIODS = DATA.time.labels, SOURCES = DATA.sources;
  const defaults = () => ({ hiddenTypes: new Set(), minWeight: 1, hideIsolated: BIG, colourBy: "type", hops: 1,
    doc: null, node: null, edge: null, path: null, from: 0, to: PERIODS.length - 1, source: null,
    rankBy: "weight", minStrength: null, relation: null });
  // Edges ranked by weight or by significance (log-likelihood G2: graph/significance.py); the thresholds the
  // significance slider steps through: any, above chance, p < 0.05, p < 0.001, then decades to the largest.
  const rankOf = (e) => (state.rankBy === "weight" ? e.weight : e.logLikelihood);
  const MAX_STRENGTH = DATA.edges.reduce((max, e) => Math.max(max, e.logLikelihood), 0);
  const STRENGTH_STEPS = [null, 0, 3.84, 10.83];
  for (let s = 100; s <= MAX_STRENGTH; s *= 10) STRENGTH_STEPS.push(s);
  const strengthText = (g2) => "G\u00b2 " + g2.toLocaleString("en", { maximumFractionDigits: 1 }) +
    (g2 >= 10.83 ? " (p < 0.001)" : g2 >= 3.84 ? " (p < 0.05)" : "");
  let state = defaults();

  function el(tag, props, children) {
    const node = document.createElement(tag);
    Object.assign(node, props || {});
    for (const child of children || []) node.append(child);
    return node;
  }
  const isolate = (s) => "\u2068" + s + "\u2069";  // a right-to-left mark inside a name stays inside it
  const name = (s) => el("bdi", { textContent: s });
  const plural = (n, word) => n.toLocaleString("en") + " " + word + (n === 1 ? "" : "s");
  const shorten = (s, max) => (s.length > max ? s.slice(0, max - 1) + "\u2026" : s);
  // Accents and case folded, for search and highlighting: "Álvarez" and "alvarez" are the same name.
  const fold = (s) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  const UNITS = { sentence: "sentences", paragraph: "paragraphs", document: "documents" };
  const evidenceCount = (e) => e.evidence.length + " of " + e.weight.toLocaleString("en") + " " +
    (UNITS[DATA.window] || "co-occurrences");

  // ---- What vis-network draws -------------------------------------------------------------------------
  // Nodes carry no vis label: the page draws the labels itself (see "Labels" below).
  const DIM = { color: { background: "#e4e4e4", border: "#d6d6d6" } };
  const INK = "#222222";
  const visNodes = read("vis-nodes").map((v) => Object.assign(v, { title: nodeTooltip(byId.get(v.id)) }));
  const visEdges = read("vis-edges").map((v) => Object.assign(v, { title: edgeTooltip(edgeById.get(v.id)) }));
  // Tooltips are plain strings (vis shows them with innerText), kept short: the panel has the rest.
  function nodeTooltip(n) {
    const lines = [isolate(n.label) + " (" + n.type + ")", "mentions: " + n.mentions];
    if (n.aliases.length) lines.push("aliases: " + shorten(n.aliases.map(isolate).join(", "), 200));
    return lines.join("\n");
  }
  // A typed relation as a line: "Wang Huning → chairman → National Committee (role, 3)".
  function relationText(r) {
    return isolate(byId.get(r.from).label) + " \u2192 " + (r.negated ? "not " : "") + (r.modality ? r.modality + " " : "") +
      r.predicate + " \u2192 " + isolate(byId.get(r.to).label) + " (" + r.kind + ", " + r.count + ")";
  }
  function edgeTooltip(e) {
    const lines = [isolate(byId.get(e.from).label) + " \u2014 " + isolate(byId.get(e.to).label),
      "weight: " + e.weight + ", significance: " + strengthText(e.logLikelihood)];
    for (const r of (e.relations || []).slice(0, 3)) lines.push(relationText(r));
    for (const ev of e.evidence.slice(0, 2)) lines.push("\u201c" + shorten(ev.text, 160) + "\u201d");
    if (e.evidence.length > 2) lines.push("(" + evidenceCount(e) + ": click the edge)");
    return lines.join("\n");
  }
  const nodes = new vis.DataSet(visNodes);
  const edges = new vis.DataSet(visEdges);

