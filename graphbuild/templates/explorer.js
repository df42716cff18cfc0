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
  const typeColour = new Map(DATA.types.map((t) => [t.name, t.colour]));
  const adjacent = new Map(DATA.nodes.map((n) => [n.id, []]));
  for (const e of DATA.edges) { adjacent.get(e.from).push(e); adjacent.get(e.to).push(e); }
  const defaults = () => ({ hiddenTypes: new Set(), minWeight: 1, hideIsolated: BIG, colourBy: "type", hops: 1,
    doc: null, node: null, edge: null, path: null });
  let state = defaults();

  function el(tag, props, children) {
    const node = document.createElement(tag);
    Object.assign(node, props || {});
    for (const child of children || []) node.append(child);
    return node;
  }
  const isolate = (s) => "\u2068" + s + "\u2069";  // a right-to-left mark inside a name stays inside it
  const name = (s) => el("bdi", { textContent: s });
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
  function edgeTooltip(e) {
    const lines = [isolate(byId.get(e.from).label) + " \u2014 " + isolate(byId.get(e.to).label),
      "weight: " + e.weight];
    for (const ev of e.evidence.slice(0, 2)) lines.push("\u201c" + shorten(ev.text, 160) + "\u201d");
    if (e.evidence.length > 2) lines.push("(" + evidenceCount(e) + ": click the edge)");
    return lines.join("\n");
  }
  const nodes = new vis.DataSet(visNodes);
  const edges = new vis.DataSet(visEdges);

  // ---- Filters and focus --------------------------------------------------------------------------------
  let focus = null;  // the ids kept bright around the selected node or path; null: nothing dimmed
  let docEntities = null;
  function passesFilters(d) {  // the weight, type and document filters
    return d.weight >= state.minWeight && !state.hiddenTypes.has(byId.get(d.from).type) &&
      !state.hiddenTypes.has(byId.get(d.to).type) && (!docEntities || (docEntities.has(d.from) && docEntities.has(d.to)));
  }
  function edgeVisible(e) {
    const d = edgeById.get(e.id);
    return passesFilters(d) && (!focus || (focus.has(d.from) && focus.has(d.to)));
  }
  let connected = new Set();
  function recount() {
    docEntities = state.doc && DATA.documents[state.doc] ? new Set(DATA.documents[state.doc].entities) : null;
    connected = new Set();
    for (const e of DATA.edges) if (passesFilters(e)) { connected.add(e.from); connected.add(e.to); }
  }
  function nodeVisible(v) {
    const n = byId.get(v.id);
    if (state.hiddenTypes.has(n.type) || (docEntities && !docEntities.has(n.id))) return false;
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

  // ---- Labels ----------------------------------------------------------------------------------------------
  // Drawn over vis-network's canvas at one screen size, the selected node first and then by mentions,
  // leaving out any label that would overlap one already drawn: the overview names the biggest entities,
  // zooming in makes room for the others. Greyed-out nodes are not labelled.
  const labelOrder = [...DATA.nodes].sort((a, b) => b.mentions - a.mentions || a.label.localeCompare(b.label)).map((n) => n.id);
  const labelText = new Map(DATA.nodes.map((n) => [n.id, isolate(shorten(n.label, 32))]));
  const LABEL_FONT = "12px system-ui, sans-serif", SELECTED_FONT = "bold 14px system-ui, sans-serif";
  const MAX_LABELS = 400, CELL = 8;
  const textWidth = new Map();
  let labelled = [];
  network.on("afterDrawing", (ctx) => {
    if (still) return;  // a pan in progress shows the last frame, labels included
    const view = network.body.view, ratio = network.canvas.pixelRatio || 1;
    const width = ctx.canvas.width / ratio, height = ctx.canvas.height / ratio;
    const taken = new Set();
    const selected = network.getSelectedNodes();
    labelled = [];
    ctx.save();
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    Object.assign(ctx, { textBaseline: "top", textAlign: "left", lineJoin: "round", lineWidth: 3, strokeStyle: "#ffffff", fillStyle: INK });
    const done = new Set();
    for (const id of selected.concat(labelOrder)) {
      if (labelled.length >= MAX_LABELS) break;
      const node = network.body.nodes[id];
      if (!node || done.has(id) || dimmed.has(id)) continue;
      done.add(id);
      const strong = selected.includes(id);
      const font = strong ? SELECTED_FONT : LABEL_FONT, lineHeight = strong ? 17 : 15;
      const text = labelText.get(id);
      ctx.font = font;
      const key = font + text;
      if (!textWidth.has(key)) textWidth.set(key, ctx.measureText(text).width);
      const w = textWidth.get(key);
      const x = node.x * view.scale + view.translation.x - w / 2;
      const y = (node.y + (node.options.size || 10)) * view.scale + view.translation.y + 2;
      if (x + w < 0 || x > width || y + lineHeight < 0 || y > height) continue;
      const cells = [];
      let free = true;
      for (let cx = Math.floor(x / CELL); free && cx <= Math.floor((x + w) / CELL); cx++) {
        for (let cy = Math.floor(y / CELL); cy <= Math.floor((y + lineHeight) / CELL); cy++) {
          const cellKey = cx * 65536 + cy;
          if (taken.has(cellKey) && !strong) { free = false; break; }
          cells.push(cellKey);
        }
      }
      if (!free) continue;
      for (const c of cells) taken.add(c);
      ctx.strokeText(text, x, y);
      ctx.fillText(text, x, y);
      labelled.push({ id, x, y, width: w, font });
    }
    ctx.restore();
  });

  // ---- Panning a big page --------------------------------------------------------------------------------
  // Redrawing thousands of nodes per frame, and looking for a hovered edge among 69,440 on every mouse
  // move, made a drag of the paragraph-window news page run at 15 frames/s. While the view is dragged,
  // vis draws neither nodes nor edges and hovers nothing, and the page paints the last full frame,
  // shifted by the drag, instead; dragging a node draws as usual.
  let still = null;  // the last full frame and the view's translation when it was taken
  if (!(options.physics && options.physics.enabled !== false)) {
    network.on("dragStart", (params) => {
      const panning = params.nodes.length === 0;
      network.renderer.options.hideNodesOnDrag = panning;
      if (!panning) return;
      network.interactionHandler.options.hover = false;  // hover tests every edge under the pointer per move
      const canvas = network.canvas.frame.canvas;
      const image = el("canvas", { width: canvas.width, height: canvas.height });
      image.getContext("2d").drawImage(canvas, 0, 0);
      still = { image, x: network.body.view.translation.x, y: network.body.view.translation.y };
    });
    network.on("dragEnd", () => {
      if (!still) return;
      still = null;
      network.interactionHandler.options.hover = true;
      network.redraw();
    });
    network.on("beforeDrawing", (ctx) => {
      if (!still) return;
      const t = network.body.view.translation, ratio = network.canvas.pixelRatio || 1;
      ctx.save();
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.drawImage(still.image, (t.x - still.x) * ratio, (t.y - still.y) * ratio);
      ctx.restore();
    });
  }

  // ---- Colours and the legend ---------------------------------------------------------------------------
  const COMMUNITIES = (() => {
    const members = new Map();
    for (const n of DATA.nodes) {
      if (!members.has(n.community)) members.set(n.community, []);
      members.get(n.community).push(n);
    }
    return [...members.entries()].map(([id, ns]) => ({ id, size: ns.length,
      biggest: ns.reduce((a, b) => (b.mentions > a.mentions ? b : a)) }))
      .sort((a, b) => b.size - a.size || a.id - b.id)
      .slice(0, DATA.communityColours.length).filter((c) => c.size > 1)
      .map((c, i) => Object.assign(c, { colour: DATA.communityColours[i] }));
  })();
  const communityColour = new Map(COMMUNITIES.map((c) => [c.id, c.colour]));
  const OTHER = "#c8c8c8";
  function styleOf(id) {
    const n = byId.get(id);
    const colour = state.colourBy === "community" ? communityColour.get(n.community) || OTHER : typeColour.get(n.type);
    return { color: colour };
  }
  function recolour() {
    nodes.update(DATA.nodes.filter((n) => !dimmed.has(n.id)).map((n) => Object.assign({ id: n.id }, styleOf(n.id))));
    drawLegend();
  }
  const typeList = document.getElementById("types");
  const legendTitle = document.querySelector("#legend h2");
  function drawLegend() {
    if (state.colourBy === "community") {
      legendTitle.textContent = "Communities";
      typeList.replaceChildren(...COMMUNITIES.map((c) => el("li", {}, [swatch(c.colour),
        el("button", { className: "link", onclick: () => select({ node: c.biggest.id }) }, [name(c.biggest.label)]),
        " and " + (c.size - 1).toLocaleString("en") + " more"])),
        el("li", {}, [swatch(OTHER), "smaller communities"]));
      return;
    }
    legendTitle.textContent = "Entity types";
    typeList.replaceChildren(...DATA.types.map((t) => {
      const box = el("input", { type: "checkbox", checked: !state.hiddenTypes.has(t.name), value: t.name });
      box.dataset.type = t.name;
      box.addEventListener("change", () => {
        if (box.checked) state.hiddenTypes.delete(t.name); else state.hiddenTypes.add(t.name);
        keep({ refit: true });
      });
      return el("li", {}, [el("label", {}, [box, swatch(t.colour), t.name + " (" + t.count.toLocaleString("en") + ")"])]);
    }));
  }
  function syncLegend() {
    for (const box of typeList.querySelectorAll("input[data-type]")) box.checked = !state.hiddenTypes.has(box.dataset.type);
  }
  function swatch(colour) {
    const s = el("span", { className: "swatch" });
    s.style.background = colour;
    return s;
  }

  // ---- Search: accent- and case-insensitive, labels and aliases, ranked by mentions -----------------------
  const index = DATA.nodes.map((n) => ({ n, names: [n.label, ...n.aliases].map((s) => [s, fold(s)]) }));
  function candidates(query, limit = 12) {
    const q = fold(query.trim());
    if (!q) return [];
    const found = [];
    for (const { n, names } of index) {
      let best = null;
      for (const [original, folded] of names) {
        const at = folded.indexOf(q);
        if (at < 0) continue;
        const tier = folded === q ? 0 : (at === 0 || !/[\p{L}\p{N}]/u.test(folded[at - 1])) ? 1 : 2;
        if (!best || tier < best.tier) best = { tier, via: original };
      }
      if (best) found.push({ n, tier: best.tier === 2 ? 1 : 0, via: best.via });
    }
    found.sort((a, b) => a.tier - b.tier || b.n.mentions - a.n.mentions || a.n.label.localeCompare(b.n.label));
    return found.slice(0, limit);
  }
  function find(query) {
    const hit = candidates(query, 1)[0];
    return hit ? hit.n.id : null;
  }
  // A combobox: typing lists candidates (type, mentions); arrows move, Enter or a click picks one, once.
  function combobox(input, list, pick) {
    let shown = [], active = -1;
    function render() {
      list.replaceChildren(...shown.map((c, i) => {
        const alias = c.via !== c.n.label ? el("span", { className: "via" }, [" (", name(c.via), ")"]) : "";
        const li = el("li", { id: list.id + "-" + i, className: i === active ? "active" : "" }, [
          swatch(typeColour.get(c.n.type)), name(shorten(c.n.label, 60)), alias,
          el("span", { className: "meta", textContent: " " + c.n.type + ", " + c.n.mentions.toLocaleString("en") + " mentions" })]);
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", String(i === active));
        li.addEventListener("mousedown", (event) => { event.preventDefault(); choose(i); });
        return li;
      }));
      list.hidden = !shown.length;
      input.setAttribute("aria-expanded", String(!list.hidden));
      if (active >= 0) input.setAttribute("aria-activedescendant", list.id + "-" + active);
      else input.removeAttribute("aria-activedescendant");
    }
    function choose(i) {
      const c = shown[i];
      shown = []; active = -1; render();
      if (!c) { input.classList.toggle("miss", input.value.trim() !== ""); return; }
      input.classList.remove("miss");
      input.value = c.n.label;
      pick(c.n.id);
    }
    input.addEventListener("input", () => { shown = candidates(input.value); active = -1; input.classList.remove("miss"); render(); });
    input.addEventListener("keydown", (event) => {
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        if (!shown.length) shown = candidates(input.value);
        if (!shown.length) return;
        active = (active + (event.key === "ArrowDown" ? 1 : shown.length - 1 + (active < 0 ? 1 : 0))) % shown.length;
        render();
        event.preventDefault();
      } else if (event.key === "Enter") {
        event.preventDefault();
        if (!shown.length) shown = candidates(input.value);
        choose(active >= 0 ? active : 0);
      } else if (event.key === "Escape") {
        shown = []; active = -1; render();
      }
    });
    input.addEventListener("blur", () => { shown = []; active = -1; render(); });
  }
  combobox(document.getElementById("search"), document.getElementById("suggestions"),
    (id) => select({ node: id, move: true }));
  const pathEnds = { from: null, to: null };
  for (const end of ["from", "to"]) {
    const input = document.getElementById("path-" + end);
    input.addEventListener("input", () => { pathEnds[end] = null; });
    combobox(input, document.getElementById("path-" + end + "-list"), (id) => { pathEnds[end] = id; });
  }
  document.getElementById("path-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const a = pathEnds.from || find(document.getElementById("path-from").value);
    const b = pathEnds.to || find(document.getElementById("path-to").value);
    if (a && b) select({ path: [a, b], move: true });
  });

  // Shortest co-occurrence path (fewest edges; among those, the heaviest first) over what the filters show.
  function shortestPath(a, b) {
    const previous = new Map([[a, null]]);
    let frontier = [a];
    while (frontier.length && !previous.has(b)) {
      const next = [];
      for (const f of frontier) {
        for (const e of [...adjacent.get(f)].sort((x, y) => y.weight - x.weight)) {
          if (!passesFilters(e)) continue;
          const other = e.from === f ? e.to : e.from;
          if (!previous.has(other)) { previous.set(other, e); next.push(other); }
        }
      }
      frontier = next;
    }
    if (!previous.has(b)) return null;
    const steps = [];
    for (let at = b; at !== a;) { const e = previous.get(at); steps.unshift(e); at = e.from === at ? e.to : e.from; }
    return steps;
  }

  // ---- The side panel -------------------------------------------------------------------------------------
  const panel = document.getElementById("panel");
  const hint = [...panel.childNodes];
  const showHint = () => panel.replaceChildren(...hint.map((n) => n.cloneNode(true)));
  const docTitle = (id) => (DATA.documents[id] ? DATA.documents[id].title || DATA.documents[id].name : id);
  function docLink(id) {
    const b = el("button", { className: "link doc", onclick: () => select({ showDoc: id }) }, [name(docTitle(id))]);
    b.title = DATA.documents[id] ? DATA.documents[id].name : id;
    return b;
  }
  const nodeLink = (n) => el("button", { className: "link", onclick: () => select({ node: n.id, move: true }) }, [name(n.label)]);
  function field(label, ...value) { return el("p", {}, [el("b", { textContent: label + ": " }), ...value]); }
  // A long list shown a page at a time, with a button for the next page.
  function paged(tag, className, items, render, size = 10) {
    const list = el(tag, { className });
    let shown = 0;
    const more = el("button", { className: "link more" });
    function page() {
      list.append(...items.slice(shown, shown + size).map(render));
      shown = Math.min(items.length, shown + size);
      more.textContent = "show " + Math.min(size, items.length - shown) + " more (" + (items.length - shown).toLocaleString("en") + " left)";
      more.hidden = shown >= items.length;
    }
    more.onclick = page;
    page();
    return [list, more];
  }
  // Whole words only, accents and case folded, every name of both ends: "US" is not marked in "using".
  function highlight(text, names) {
    const folded = [], at = [];  // the folded text, and for each of its characters the original index
    for (let i = 0; i < text.length;) {
      const cp = text.codePointAt(i), ch = String.fromCodePoint(cp);
      for (const f of fold(ch)) { folded.push(f); at.push(i); }
      i += ch.length;
    }
    at.push(text.length);
    const haystack = folded.join("");
    const wanted = [...new Set(names.map(fold))].filter((s) => s).sort((a, b) => b.length - a.length);
    const parts = [];
    let last = 0, i = 0;
    const word = /[\p{L}\p{N}]/u;
    while (i < haystack.length) {
      const hit = wanted.find((w) => haystack.startsWith(w, i) && !(i > 0 && word.test(haystack[i - 1])) &&
        !(i + w.length < haystack.length && word.test(haystack[i + w.length])));
      if (!hit) { i++; continue; }
      const start = at[i], end = at[i + hit.length];
      if (start > last) parts.push(document.createTextNode(text.slice(last, start)));
      parts.push(el("mark", { textContent: text.slice(start, end) }));
      last = end; i += hit.length;
    }
    if (last < text.length) parts.push(document.createTextNode(text.slice(last)));
    return parts;
  }
  function evidenceList(e, names) {
    return el("ol", { className: "evidence" }, e.evidence.map((ev) => el("li", {}, [
      el("blockquote", {}, highlight(ev.text, names)), el("cite", {}, [docLink(ev.doc)])])));
  }
  function nodePanel(id) {
    const n = byId.get(id);
    const neighbours = adjacent.get(id).map((e) => ({ edge: e, other: byId.get(e.from === id ? e.to : e.from) }))
      .sort((a, b) => b.edge.weight - a.edge.weight || a.other.label.localeCompare(b.other.label));
    // Per document, a sentence that mentions the entity: kept by the build for its first documents; for a
    // graph read back from RDF, which has none, from its edges' evidence where there is one.
    const snippet = new Map(Object.entries(n.snippets || {}));
    for (const { edge } of neighbours) for (const ev of edge.evidence) if (!snippet.has(ev.doc)) snippet.set(ev.doc, ev.text);
    const names = [n.label, ...n.aliases];
    const [docs, moreDocs] = paged("ul", "documents", n.documents, (d) => el("li", {}, [docLink(d),
      ...(snippet.has(d) ? [el("blockquote", {}, highlight(shorten(snippet.get(d), DATA.snippetChars), names))] : [])]));
    const [list, moreNeighbours] = paged("ol", "neighbours", neighbours, ({ edge, other }) => el("li", {}, [
      nodeLink(other), el("span", { className: "weight", textContent: " \u00d7" + edge.weight }),
      el("button", { className: "link small", textContent: "evidence", onclick: () => select({ edge: edge.id }) })]), 25);
    panel.replaceChildren(
      el("h2", { className: "node-label" }, [name(n.label)]),
      field("Type", n.type),
      field("Aliases", n.aliases.length ? name(n.aliases.join(", ")) : "none"),
      field("Mentions", n.mentions.toLocaleString("en")),
      el("h3", { textContent: "Mentioned in " + n.documentCount.toLocaleString("en") + " document" + (n.documentCount === 1 ? "" : "s") +
        (n.documentCount > n.documents.length ? " (the first " + n.documents.length + " listed)" : "") }),
      docs, moreDocs,
      el("h3", { textContent: "Neighbours (" + neighbours.length.toLocaleString("en") + ")" }), list, moreNeighbours,
      el("p", { className: "path-hint" }, [el("button", { className: "link", textContent: "path from here\u2026",
        onclick: () => { pathEnds.from = id; const f = document.getElementById("path-from"); f.value = n.label; document.getElementById("path-to").focus(); } })]),
    );
  }
  function edgePanel(id) {
    const e = edgeById.get(id);
    const a = byId.get(e.from), b = byId.get(e.to);
    panel.replaceChildren(
      el("h2", {}, [nodeLink(a), " \u2014 ", nodeLink(b)]),
      field("Weight", String(e.weight)),
      field("Window", DATA.window),
      field("Documents", ...e.documents.flatMap((d, i) => (i ? [", ", docLink(d)] : [docLink(d)])),
        e.documentCount > e.documents.length ? ", and " + (e.documentCount - e.documents.length) + " more" : ""),
      el("h3", { textContent: "Evidence (" + evidenceCount(e) + ")" }),
      evidenceList(e, [a.label, ...a.aliases, b.label, ...b.aliases]),
    );
  }
  function pathPanel(a, b, steps) {
    const A = byId.get(a), B = byId.get(b);
    if (!steps) {
      panel.replaceChildren(el("h2", {}, [name(A.label), " \u2192 ", name(B.label)]),
        el("p", { textContent: "No co-occurrence path joins them among the edges the filters show." }));
      return;
    }
    let at = a;
    const items = steps.map((e) => {
      const from = byId.get(at), to = byId.get(e.from === at ? e.to : e.from);
      at = to.id;
      return el("li", {}, [nodeLink(from), " \u2014 ", nodeLink(to),
        el("span", { className: "weight", textContent: " \u00d7" + e.weight }),
        evidenceList({ evidence: e.evidence.slice(0, 1), weight: e.weight }, [from.label, ...from.aliases, to.label, ...to.aliases]),
        el("button", { className: "link small", textContent: "all evidence", onclick: () => select({ edge: e.id }) })]);
    });
    panel.replaceChildren(el("h2", {}, [name(A.label), " \u2192 ", name(B.label)]),
      el("p", { textContent: steps.length + " step" + (steps.length === 1 ? "" : "s") }),
      el("ol", { className: "path" }, items));
  }
  function docPanel(id) {
    const d = DATA.documents[id] || { name: id, title: id, entities: [] };
    const members = d.entities.map((k) => byId.get(k)).sort((x, y) => y.mentions - x.mentions);
    const only = el("input", { type: "checkbox", id: "only-document", checked: state.doc === id });
    only.addEventListener("change", () => select({ doc: only.checked ? id : null, showDoc: id, refit: true }));
    const [list, more] = paged("ul", "members", members, (n) => el("li", {}, [nodeLink(n),
      el("span", { className: "meta", textContent: " " + n.type })]), 25);
    panel.replaceChildren(el("h2", {}, [name(d.title || d.name)]), field("File", name(d.name)),
      el("p", {}, [el("label", {}, [only, " only entities of this document"])]),
      el("h3", { textContent: "Entities (" + members.length + ")" }), list, more);
  }

  // ---- Selection, the view and the URL ---------------------------------------------------------------------
  // Every user action goes through select(): it updates the state, the drawing, the panel and the URL
  // (a new history entry, so Back undoes it).
  let acting = false;
  function select(change, record = true) {
    const { move, refit, showDoc } = change;
    const next = Object.assign({}, state, { node: null, edge: null, path: null }, change);
    delete next.move; delete next.refit; delete next.showDoc;
    state = next;
    if (state.node) reveal(byId.get(state.node));
    acting = true;  // an animation this replaces ends now: its view must not overwrite the last entry
    apply({ move, refit, showDoc });
    acting = false;
    if (record) remember(true);
  }
  function keep(change) {  // a filter changed: the selection stays
    select(Object.assign({ node: state.node, edge: state.edge, path: state.path }, change));
  }
  function reveal(n) {  // a node asked for while the filters hide it comes back, with its type
    if (!n) return;
    state.hiddenTypes.delete(n.type);
    if (state.doc && !(DATA.documents[state.doc] || { entities: [] }).entities.includes(n.id)) state.doc = null;
  }
  function apply({ move = false, refit = false, showDoc = null } = {}) {
    let steps = null;
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
    document.getElementById("min-weight").value = String(state.minWeight);
    document.getElementById("min-weight-value").textContent = String(state.minWeight);
    document.getElementById("hide-isolated").checked = state.hideIsolated;
    document.getElementById("colour-by").value = state.colourBy;
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
    s.doc = DATA.documents[p.get("doc")] ? p.get("doc") : null;
    for (const t of (p.get("hide") || "").split(",")) if (typeColour.has(t)) s.hiddenTypes.add(t);
    s.minWeight = Math.max(1, Number(p.get("weight")) || 1);
    if (p.get("isolated")) s.hideIsolated = p.get("isolated") === "hide";
    s.colourBy = p.get("colour") === "community" ? "community" : "type";
    s.hops = p.get("hops") === "2" ? 2 : 1;
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
  const slider = document.getElementById("min-weight");
  slider.max = String(DATA.edges.reduce((max, e) => Math.max(max, e.weight), 1));
  slider.addEventListener("input", () => {
    state.minWeight = Number(slider.value);
    document.getElementById("min-weight-value").textContent = slider.value;
    setFocus(state.node ? neighbourhood(state.node, state.hops) : focus);
    refresh();
  });
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
