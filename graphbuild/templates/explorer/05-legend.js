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

