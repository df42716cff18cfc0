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

