  // The side panel of the selected node: its names, class, figures, sentences and neighbours,
  // which stays while the reader follows its links (a tooltip goes when the mouse moves).
  function showPanel(id) {
    const panel = document.getElementById("panel");
    if (id === null || !nodes.get(id)) { panel.hidden = true; delete panel.dataset.node; return; }
    const node = nodes.get(id);
    const add = (parent, tag, text) => { const e = document.createElement(tag); if (text !== undefined) e.textContent = text; parent.appendChild(e); return e; };
    panel.replaceChildren();
    panel.dataset.node = id;
    const close = add(panel, "button", "×");
    close.type = "button"; close.className = "link"; close.setAttribute("aria-label", "close");
    close.style.float = "right";
    close.addEventListener("click", () => { panel.hidden = true; highlight(null); });
    add(panel, "h2", node.names[0]);
    for (const other of node.names.slice(1)) if (other) add(panel, "div", other);
    add(panel, "div", classNames[node.cls] || node.cls).className = "summary";

    const figures = figuresOf(node);
    if (figures.length) {
      add(panel, "h3", `数据 figures (${figures.length})`);
      const list = add(panel, "ul");
      for (const row of figures.slice(0, 20)) {
        const item = add(list, "li"), button = add(item, "button", figureLine(row));
        button.type = "button"; button.className = "link";
        button.addEventListener("click", () => figuresView.openChart(row.ind, row.i));
      }
      if (figures.length > 20) add(list, "li", `… ${figures.length - 20} more (数据 Figures)`);
    }
    if (node.sentences.length) {
      add(panel, "h3", "原文 sentences");
      const list = add(panel, "ul");
      for (const sentence of node.sentences) add(list, "li", `「${sentence}」`);
      if (node.more) add(list, "li", `… ${node.more} more sentences`);
    }
    const near = network.getConnectedNodes(id).map((other) => nodes.get(other)).filter(Boolean)
      .sort((a, b) => a.label.localeCompare(b.label, "zh") || (a.id < b.id ? -1 : 1));
    if (near.length) {
      add(panel, "h3", `相邻 neighbours (${near.length})`);
      const list = add(panel, "ul");
      for (const other of near) {
        const button = add(add(list, "li"), "button", `${other.label} · ${classNames[other.cls] || other.cls}`);
        button.type = "button"; button.className = "link"; button.dataset.node = other.id;
        button.addEventListener("click", () => goTo(other.id));
      }
    }
    panel.hidden = false;
  }

  // A figure's rows: the figure itself, or those of an indicator or a place
  function figuresOf(node) {
    figuresView.prepare();
    const all = figuresView.rows();
    if (node.cls === "Observation" || node.cls === "Target") return all.filter((row) => row.iri === node.id);
    const at = figureData.terms.findIndex((term) => term[0] === node.id);
    if (at < 0) return [];
    return all.filter((row) => row.ind === at || row.areaIndex === at);
  }

  function figureLine(row) {
    const numbers = [row.value && `${row.qualifier ? row.qualifier + " " : ""}${row.value}${row.unit}`,
                     row.growth && `${row.growth}%`, row.rank && `#${row.rank}`].filter(Boolean).join(" · ");
    return `${row.indicator} ${row.period} ${row.area}: ${numbers} (${row.kind})`;
  }

  function goTo(id) {
    const node = nodes.get(id);
    const show = () => { network.selectNodes([id]); highlight(id); showPanel(id); network.focus(id, { scale: 1.2, animation: { duration: 300 } }); };
    if (!node.hidden) return show();
    document.querySelector(`#legend input[data-cls="${node.cls}"]`).checked = true;
    showClass(node.cls, true, show);
  }
