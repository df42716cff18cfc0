  // ---- The side panel -------------------------------------------------------------------------------------
  const panel = document.getElementById("panel");
  const hint = [...panel.childNodes];
  const showHint = () => panel.replaceChildren(...hint.map((n) => n.cloneNode(true)));
  const docTitle = (id) => (documentOf(id) ? documentOf(id).title || documentOf(id).name : id);
  function docLink(id) {
    const b = el("button", { className: "link doc", onclick: () => select({ showDoc: id }) }, [name(docTitle(id))]);
    b.title = documentOf(id) ? documentOf(id).name : id;
    const about = docAbout(id);
    return about ? el("span", {}, [b, el("span", { className: "meta", textContent: " (" + about + ")" })]) : b;
  }
  // "2017-02-07, bbc.co.uk": when and by whom a document was published, where its file or record said so.
  function docAbout(id) {
    const d = documentOf(id);
    return d ? [d.date, d.source].filter(Boolean).join(", ") : "";
  }
  // The document's own page, opened apart from this one: web addresses only (the build drops any other).
  function sourceLink(url) {
    if (!/^https?:\/\//i.test(url || "")) return null;
    return el("a", { href: url, rel: "noopener noreferrer", target: "_blank", className: "source-link" }, [name(url)]);
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
      .sort((a, b) => rankOf(b.edge) - rankOf(a.edge) || a.other.label.localeCompare(b.other.label));
    // Per document, a sentence that mentions the entity: kept by the build for its first documents; for a
    // graph read back from RDF, which has none, from its edges' evidence where there is one.
    const snippet = new Map(Object.entries(n.snippets || {}));
    for (const { edge } of neighbours) for (const ev of edge.evidence) if (!snippet.has(ev.doc)) snippet.set(ev.doc, ev.text);
    const names = [n.label, ...n.aliases];
    const [docs, moreDocs] = paged("ul", "documents", n.documents, (d) => el("li", {}, [docLink(d),
      ...(snippet.has(d) ? [el("blockquote", {}, highlight(shorten(snippet.get(d), DATA.snippetChars), names))] : [])]));
    const [list, moreNeighbours] = paged("ol", "neighbours", neighbours, ({ edge, other }) => el("li", {}, [
      nodeLink(other), el("span", { className: "weight", textContent: " \u00d7" + edge.weight +
        (state.rankBy === "weight" ? "" : ", " + strengthText(edge.logLikelihood)) }),
      el("button", { className: "link small", textContent: "evidence", onclick: () => select({ edge: edge.id }) })]), 25);
    panel.replaceChildren(
      el("h2", { className: "node-label" }, [name(n.label)]),
      field("Type", n.type),
      field("Aliases", n.aliases.length ? name(n.aliases.join(", ")) : "none"),
      field("Mentions", n.mentions.toLocaleString("en")),
      ...spreadFields(n, "Mentions"),
      ...dateFields(n, names),
      el("h3", { textContent: "Mentioned in " + plural(n.documentCount, "document") +
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
      field("Significance", strengthText(e.logLikelihood) + "; NPMI " + e.npmi.toFixed(2) + "; " +
        e.association.toLocaleString("en", { maximumFractionDigits: 1 }) + "\u00d7 what chance gives"),
      field("Window", DATA.window),
      field("Documents", ...e.documents.flatMap((d, i) => (i ? [", ", docLink(d)] : [docLink(d)])),
        e.documentCount > e.documents.length ? ", and " + (e.documentCount - e.documents.length) + " more" : ""),
      ...spreadFields(e, "Weight"),
      ...relationFields(e, [a.label, ...a.aliases, b.label, ...b.aliases]),
      el("h3", { textContent: "Evidence (" + evidenceCount(e) + ")" }),
      evidenceList(e, [a.label, ...a.aliases, b.label, ...b.aliases]),
    );
  }
  // What the sentences say links the two (typed relations, with --relations), each with its first sentences.
  function relationFields(e, names) {
    if (!e.relations) return [];
    return [el("h3", { textContent: "Relations (" + e.relations.length + ")" }),
      el("ol", { className: "relations" }, e.relations.map((r) => el("li", {}, [
        el("b", {}, [name(relationText(r))]), evidenceList(r, names)])))];
  }
  // When the text says an event was (with --relations), each date with its first sentences.
  function dateFields(n, names) {
    if (!n.dates) return [];
    return [el("h3", { textContent: "Dates stated (" + n.dates.length + ")" }),
      el("ol", { className: "relations dates" }, n.dates.map((d) => el("li", {}, [
        el("b", { textContent: d.date + " (" + plural(d.count, "sentence") + ")" }), evidenceList(d, names)])))];
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
      el("p", { textContent: plural(steps.length, "step") }),
      el("ol", { className: "path" }, items));
  }
  function docPanel(id) {
    const d = documentOf(id) || { name: id, title: id, entities: [] };
    const members = d.entities.map((k) => byId.get(k)).sort((x, y) => y.mentions - x.mentions);
    const only = el("input", { type: "checkbox", id: "only-document", checked: state.doc === id });
    only.addEventListener("change", () => select({ doc: only.checked ? id : null, showDoc: id, refit: true }));
    const [list, more] = paged("ul", "members", members, (n) => el("li", {}, [nodeLink(n),
      el("span", { className: "meta", textContent: " " + n.type })]), 25);
    const link = sourceLink(d.url);
    panel.replaceChildren(el("h2", {}, [name(d.title || d.name)]), field("File", name(d.name)),
      ...(d.date ? [field("Published", d.date)] : []), ...(d.source ? [field("Source", name(d.source))] : []),
      ...(link ? [field("Original", link)] : []),
      el("p", {}, [el("label", {}, [only, " only entities of this document"])]),
      el("h3", { textContent: "Entities (" + members.length + ")" }), list, more);
  }

