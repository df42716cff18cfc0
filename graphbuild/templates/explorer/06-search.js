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

