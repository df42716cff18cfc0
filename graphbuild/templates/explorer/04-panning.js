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

