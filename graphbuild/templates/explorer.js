// graphbuild explorer: legend, type filters, search, weight slider, side panel.
// Every piece of document text reaches the page as a text node: nothing from the data is parsed as HTML.
(function () {
  "use strict";
  const read = (id) => JSON.parse(document.getElementById(id).textContent);
  const DATA = read("graph-data");
  const options = read("vis-options");
  const byId = new Map(DATA.nodes.map((n) => [n.id, n]));
  const edgeById = new Map(DATA.edges.map((e) => [e.id, e]));
  const typeColour = new Map(DATA.types.map((t) => [t.name, t.colour]));
  const state = { hiddenTypes: new Set(), minWeight: 1, hideIsolated: false, colourBy: "type" };

  function el(tag, props, children) {
    const node = document.createElement(tag);
    Object.assign(node, props || {});
    for (const child of children || []) node.append(child);
    return node;
  }
  // Tooltips are plain strings: vis-network shows them with innerText, and 100,000 of them cost
  // next to nothing, whereas as many DOM elements take most of a second.
  function nodeTooltip(n) {
    const lines = [n.label + " (" + n.type + ")", "mentions: " + n.mentions];
    if (n.aliases.length) lines.push("aliases: " + n.aliases.join(", "));
    return lines.join("\n");
  }
  function edgeTooltip(e) {
    const lines = [byId.get(e.from).label + " \u2014 " + byId.get(e.to).label, "weight: " + e.weight];
    for (const ev of e.evidence) lines.push("\u201c" + ev.text + "\u201d");
    return lines.join("\n");
  }

  const visNodes = read("vis-nodes").map((v) => Object.assign(v, { title: nodeTooltip(byId.get(v.id)) }));
  const visEdges = read("vis-edges").map((v) => Object.assign(v, { title: edgeTooltip(edgeById.get(v.id)) }));
  const nodes = new vis.DataSet(visNodes);
  const edges = new vis.DataSet(visEdges);

  // Which edges pass the weight filter and join two visible types; which nodes keep an edge.
  function edgeVisible(e) {
    const d = edgeById.get(e.id);
    return d.weight >= state.minWeight &&
      !state.hiddenTypes.has(byId.get(d.from).type) && !state.hiddenTypes.has(byId.get(d.to).type);
  }
  let connected = new Set();
  function recount() {
    connected = new Set();
    for (const e of DATA.edges) if (edgeVisible(e)) { connected.add(e.from); connected.add(e.to); }
  }
  function nodeVisible(v) {
    const n = byId.get(v.id);
    return !state.hiddenTypes.has(n.type) && (!state.hideIsolated || connected.has(n.id));
  }
  const nodeView = new vis.DataView(nodes, { filter: nodeVisible });
  const edgeView = new vis.DataView(edges, { filter: edgeVisible });
  const network = new vis.Network(document.getElementById("graph"), { nodes: nodeView, edges: edgeView }, options);

  function refresh() {
    recount();
    nodeView.refresh();
    edgeView.refresh();
    const counts = document.getElementById("counts");
    counts.textContent = nodeView.length + " of " + DATA.nodes.length + " nodes, " +
      edgeView.length + " of " + DATA.edges.length + " edges";
  }

  // Legend: one checkbox per type, with its count.
  const typeList = document.getElementById("types");
  for (const t of DATA.types) {
    const box = el("input", { type: "checkbox", checked: true, value: t.name });
    box.dataset.type = t.name;
    box.addEventListener("change", () => {
      if (box.checked) state.hiddenTypes.delete(t.name); else state.hiddenTypes.add(t.name);
      refresh();
    });
    const swatch = el("span", { className: "swatch" });
    swatch.style.background = t.colour;
    typeList.append(el("li", {}, [el("label", {}, [box, swatch, t.name + " (" + t.count + ")"])]));
  }

  // Colouring: by type, or by Louvain community computed in Python.
  document.getElementById("colour-by").addEventListener("change", (event) => {
    state.colourBy = event.target.value;
    nodes.update(DATA.nodes.map((n) => ({
      id: n.id,
      color: state.colourBy === "community" ? DATA.communityColours[n.community % DATA.communityColours.length]
        : typeColour.get(n.type),
    })));
  });

  // Minimum weight slider and the option to hide nodes left alone.
  const slider = document.getElementById("min-weight");
  slider.max = String(DATA.edges.reduce((max, e) => Math.max(max, e.weight), 1));
  slider.addEventListener("input", () => {
    state.minWeight = Number(slider.value);
    document.getElementById("min-weight-value").textContent = slider.value;
    refresh();
  });
  const isolated = document.getElementById("hide-isolated");
  isolated.addEventListener("change", () => {
    state.hideIsolated = isolated.checked;
    refresh();
  });

  // Search by label or alias: exact (case-insensitive) first, then prefix, then substring.
  const names = document.getElementById("names");
  const index = [];
  for (const n of DATA.nodes) {
    for (const name of [n.label, ...n.aliases]) {
      index.push([name.toLowerCase(), n.id]);
      names.append(el("option", { value: name }));
    }
  }
  function find(query) {
    const q = query.trim().toLowerCase();
    if (!q) return null;
    for (const test of [(s) => s === q, (s) => s.startsWith(q), (s) => s.includes(q)]) {
      const hit = index.find(([s]) => test(s));
      if (hit) return hit[1];
    }
    return null;
  }
  const search = document.getElementById("search");
  function runSearch() {
    const id = find(search.value);
    search.classList.toggle("miss", id === null && search.value.trim() !== "");
    if (id !== null) showNode(id);
  }
  search.addEventListener("change", runSearch);
  search.addEventListener("keydown", (event) => { if (event.key === "Enter") runSearch(); });

  // The side panel.
  const panel = document.getElementById("panel");
  const docName = (id) => (DATA.documents[id] ? DATA.documents[id].name : id);
  // The page lists the first documents of an entity or edge, and says how many more there are.
  const docList = (item) => item.documents.map(docName).join(", ") +
    (item.documentCount > item.documents.length ? ", and " + (item.documentCount - item.documents.length) + " more" : "");
  function field(name, value) {
    return el("p", {}, [el("b", { textContent: name + ": " }), value]);
  }
  // A node asked for while the filters hide it comes back, with its type and the isolated nodes.
  function reveal(n) {
    if (nodeView.get(n.id)) return;
    state.hiddenTypes.delete(n.type);
    typeList.querySelector('input[value="' + CSS.escape(n.type) + '"]').checked = true;
    state.hideIsolated = false;
    isolated.checked = false;
    refresh();
  }
  // Search and the panel's links move the view to the node, zooming in far enough to read labels;
  // a click on the canvas leaves the view alone, the node is under the pointer already.
  function showNode(id, move = true) {
    const n = byId.get(id);
    reveal(n);
    network.selectNodes([id]);
    if (move) network.focus(id, { scale: Math.max(network.getScale(), 1), animation: { duration: 300 } });
    const neighbours = DATA.edges.filter((e) => e.from === id || e.to === id)
      .map((e) => ({ edge: e, other: byId.get(e.from === id ? e.to : e.from) }))
      .sort((a, b) => b.edge.weight - a.edge.weight || a.other.label.localeCompare(b.other.label));
    panel.replaceChildren(
      el("h2", { className: "node-label", textContent: n.label }),
      field("Type", n.type),
      field("Aliases", n.aliases.length ? n.aliases.join(", ") : "none"),
      field("Mentions", String(n.mentions)),
      field("Documents", docList(n)),
      el("h3", { textContent: "Neighbours (" + neighbours.length + ")" }),
      el("ol", { className: "neighbours" }, neighbours.map(({ edge, other }) => el("li", {}, [
        el("button", { className: "link", textContent: other.label, onclick: () => showNode(other.id) }),
        el("span", { className: "weight", textContent: " \u00d7" + edge.weight }),
        el("button", { className: "link small", textContent: "evidence", onclick: () => showEdge(edge.id) }),
      ]))),
    );
  }
  function highlight(text, names) {
    const sorted = [...new Set(names)].filter((s) => s).sort((a, b) => b.length - a.length);
    const parts = [];
    let i = 0;
    while (i < text.length) {
      let hit = null;
      for (const name of sorted) if (text.startsWith(name, i)) { hit = name; break; }
      if (hit) { parts.push(el("mark", { textContent: hit })); i += hit.length; }
      else {
        let j = i + 1;
        while (j < text.length && !sorted.some((name) => text.startsWith(name, j))) j++;
        parts.push(document.createTextNode(text.slice(i, j)));
        i = j;
      }
    }
    return parts;
  }
  function showEdge(id) {
    const e = edgeById.get(id);
    const a = byId.get(e.from), b = byId.get(e.to);
    const names = [a.label, ...a.aliases, b.label, ...b.aliases];
    if (edgeView.get(id)) network.selectEdges([id]); else network.unselectAll();  // below the min weight
    panel.replaceChildren(
      el("h2", {}, [
        el("button", { className: "link", textContent: a.label, onclick: () => showNode(a.id) }), " \u2014 ",
        el("button", { className: "link", textContent: b.label, onclick: () => showNode(b.id) }),
      ]),
      field("Weight", String(e.weight)),
      field("Window", DATA.window),
      field("Documents", docList(e)),
      el("h3", { textContent: "Evidence" }),
      el("ol", { className: "evidence" }, e.evidence.map((ev) => el("li", {}, [
        el("blockquote", {}, highlight(ev.text, names)),
        el("cite", { textContent: docName(ev.doc) }),
      ]))),
    );
  }
  network.on("click", (params) => {
    if (params.nodes.length) showNode(params.nodes[0], false);
    else if (params.edges.length) showEdge(params.edges[0]);
  });

  function ready() {
    performance.mark("graphbuild-ready");  // benchmarks/html_load.py reads the time since navigation
    document.body.dataset.ready = "1";
  }
  if (options.physics && options.physics.enabled !== false) {
    network.once("stabilizationIterationsDone", () => { network.setOptions({ physics: false }); ready(); });
  } else {
    network.once("afterDrawing", ready);
  }
  refresh();
  window.graphbuild = { network, nodes, edges, nodeView, edgeView, data: DATA, showNode, showEdge, find };
})();
