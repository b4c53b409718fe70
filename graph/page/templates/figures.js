  // The Figures view: every figure of the graph (figureData, graph/page/figures.py) as a table
  // with sort, filters, search and CSV, and an ECharts chart of one indicator. Text goes into the
  // page as textContent only; the chart's tooltip is escaped. Rows are prepared when the view is
  // first opened, and the table draws one page of them, so 50,000 figures stay responsive.
  const figuresView = (() => {
    const PAGE = 100;
    const PALETTE = ["#1565c0", "#ef6c00", "#2e7d32", "#8e24aa", "#c62828", "#00838f", "#6d4c41", "#546e7a"];
    const col = Object.fromEntries(figureData.columns.map((name, index) => [name, index]));
    const terms = figureData.terms;  // [iri, zh, pinyin, English]
    const termAt = new Map(terms.map((term, index) => [term[0], index]));
    const fold = (text) => text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/\s+/g, "");
    const name = (index) => (index < 0 ? "" : terms[index][1] || terms[index][0]);
    const escape = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
    const COLUMNS = [  // [key, heading, numeric]
      ["indicator", "指标 indicator"], ["area", "地区 area"], ["period", "时期 period"], ["value", "数值 value", true],
      ["unit", "单位 unit"], ["growth", "增速 growth %", true], ["rank", "排名 rank", true],
      ["kind", "类别 target / actual"], ["report", "报告 report"], ["sentence", "原文 sentence"]];
    let rows = null, shown = [], page = 0, sortKey = "indicator", sortUp = true, chart = null;
    const collator = new Intl.Collator("zh");
    const $ = (id) => document.getElementById(id);

    function prepare() {
      if (rows) return;
      rows = figureData.rows.map((r, i) => {
        const row = { i, iri: r[col.iri], cls: r[col.cls], ind: r[col.indicator], areaIndex: r[col.area],
          period: r[col.targetYear] || r[col.period], value: r[col.value], unit: r[col.unit], growth: r[col.growth],
          rank: r[col.rank] ? `${r[col.rankScope]}${r[col.rank]}` : "", rankNumber: r[col.rank],
          qualifier: r[col.qualifier], actual: r[col.actual], reportIndex: r[col.report],
          sentence: r[col.passage] < 0 ? "" : figureData.sentences[r[col.passage]] };
        row.indicator = name(row.ind);
        row.area = name(row.areaIndex);
        row.report = name(row.reportIndex);
        row.kind = row.cls === "Target" ? "目标 target" : "实际 reported";
        row.hay = fold([row.ind, row.areaIndex, row.reportIndex].filter((t) => t >= 0)
          .flatMap((t) => terms[t].slice(1)).concat([row.sentence, row.unit, row.period]).join(" "));
        return row;
      });
      fillSelect($("fig-indicator"), "ind");
      fillSelect($("fig-area"), "areaIndex");
      const head = document.querySelector("#fig-table thead tr");
      for (const [key, heading] of COLUMNS) {
        const th = document.createElement("th"), button = document.createElement("button");
        button.type = "button"; button.textContent = heading; button.dataset.key = key;
        button.addEventListener("click", () => { sortUp = sortKey === key ? !sortUp : true; sortKey = key; apply(); });
        th.appendChild(button); head.appendChild(th);
      }
      let timer = null;
      $("fig-search").addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(apply, 150); });
      for (const id of ["fig-indicator", "fig-area", "fig-class"]) $(id).addEventListener("change", apply);
      $("fig-prev").addEventListener("click", () => { page = Math.max(0, page - 1); draw(); });
      $("fig-next").addEventListener("click", () => { page = Math.min(lastPage(), page + 1); draw(); });
      $("fig-csv").addEventListener("click", download);
      apply();
    }

    function fillSelect(select, field) {
      const counts = new Map();
      for (const row of rows) if (row[field] >= 0) counts.set(row[field], (counts.get(row[field]) || 0) + 1);
      const order = [...counts.keys()].sort((a, b) => collator.compare(name(a), name(b)) || a - b);
      for (const index of order) {
        const option = document.createElement("option");
        option.value = String(index);
        option.textContent = `${name(index)} (${counts.get(index)})`;
        select.appendChild(option);
      }
    }

    function compare(a, b) {
      const numeric = COLUMNS.find((c) => c[0] === sortKey)[2];
      const key = sortKey === "rank" ? "rankNumber" : sortKey;
      let order;
      if (numeric) {
        const x = a[key] === "" ? null : Number(a[key]), y = b[key] === "" ? null : Number(b[key]);
        order = x === y ? 0 : x === null ? 1 : y === null ? -1 : sortUp ? x - y : y - x;
      } else {
        order = sortUp ? collator.compare(a[key], b[key]) : collator.compare(b[key], a[key]);
      }
      return order || a.i - b.i;
    }

    function apply() {
      const wanted = fold($("fig-search").value), ind = $("fig-indicator").value, area = $("fig-area").value;
      const cls = $("fig-class").value;
      shown = rows.filter((row) => (!wanted || row.hay.includes(wanted)) && (!ind || row.ind === Number(ind))
        && (!area || row.areaIndex === Number(area)) && (!cls || row.cls === cls));
      shown.sort(compare);
      page = 0;
      draw();
    }

    const lastPage = () => Math.max(0, Math.ceil(shown.length / PAGE) - 1);

    function draw() {
      const body = document.querySelector("#fig-table tbody");
      body.replaceChildren();
      for (const row of shown.slice(page * PAGE, (page + 1) * PAGE)) {
        const tr = document.createElement("tr");
        tr.tabIndex = 0; tr.dataset.iri = row.iri;
        for (const [key, , numeric] of COLUMNS) {
          const td = document.createElement("td");
          td.textContent = key === "value" && row.qualifier ? `${row.value} ${row.qualifier}` : row[key];
          if (numeric) td.className = "num";
          if (key === "sentence") td.className = "sentence";
          tr.appendChild(td);
        }
        const open = () => openChart(row.ind, row.i);
        tr.addEventListener("click", open);
        tr.addEventListener("keydown", (event) => { if (event.key === "Enter") open(); });
        body.appendChild(tr);
      }
      $("fig-count").textContent = `${shown.length} / ${rows.length} 条 figures`;
      $("fig-page").textContent = `${page + 1} / ${lastPage() + 1}`;
    }

    function csvCell(text) { return `"${String(text).replace(/"/g, '""')}"`; }

    function download() {
      const head = ["iri", "class", "indicator", "area", "period", "value", "qualifier", "unit", "growth %",
                    "rank", "report", "sentence"];
      const lines = [head.map(csvCell).join(",")].concat(shown.map((r) => [r.iri, r.cls, r.indicator, r.area,
        r.period, r.value, r.qualifier, r.unit, r.growth, r.rank, r.report, r.sentence].map(csvCell).join(",")));
      const link = document.createElement("a");
      link.href = URL.createObjectURL(new Blob(["\ufeff" + lines.join("\r\n") + "\r\n"], { type: "text/csv" }));
      link.download = "figures.csv";
      document.body.appendChild(link); link.click(); link.remove();
    }

    // One chart: x the periods (a target's year), one bar series of values and one line of growth
    // for each area, kind (reported / target) and unit; a figure whose place another figure of
    // its series already holds goes to a series of its own ("#2"), so every figure is drawn.
    function chartOption(ind) {
      const mine = rows.filter((row) => row.ind === ind);
      const xs = [...new Set(mine.map((row) => row.period || "—"))].sort(collator.compare);
      const groups = new Map();
      for (const row of mine.slice().sort((a, b) => a.reportIndex - b.reportIndex || a.i - b.i)) {
        const x = xs.indexOf(row.period || "—");
        for (let k = 0; ; k++) {
          const key = JSON.stringify([row.area, row.cls === "Target" ? 1 : 0, row.unit, k]);
          const group = groups.get(key) || { area: row.area, cls: row.cls, unit: row.unit, k, at: new Map() };
          if (group.at.has(x)) continue;
          group.at.set(x, row); groups.set(key, group); break;
        }
      }
      const series = [], cells = [], placed = {};
      const areas = [...new Set(mine.map((row) => row.area))].sort(collator.compare);
      for (const key of [...groups.keys()].sort()) {
        const g = groups.get(key), target = g.cls === "Target";
        const colour = PALETTE[areas.indexOf(g.area) % PALETTE.length];  // one colour an area
        const label = `${g.area || "—"} ${target ? "目标 target" : "实际 reported"}${g.unit ? ` (${g.unit})` : ""}${g.k ? ` #${g.k + 1}` : ""}`;
        for (const [field, axis] of [["value", 0], ["growth", 1]]) {
          if (![...g.at.values()].some((row) => row[field] !== "")) continue;
          const data = xs.map((_, x) => (g.at.has(x) && g.at.get(x)[field] !== "" ? Number(g.at.get(x)[field]) : "-"));
          cells.push(xs.map((_, x) => (g.at.has(x) ? g.at.get(x).i : -1)));
          for (const [x, row] of g.at) placed[row.i] = xs[x];
          series.push(axis === 0
            ? { type: "bar", name: label, yAxisIndex: 0, data,
                itemStyle: target ? { color: colour, opacity: 0.4, borderType: "dashed", borderWidth: 1, borderColor: "#333" } : { color: colour } }
            : { type: target ? "scatter" : "line", name: `${label} 增速 growth %`, yAxisIndex: 1, data, connectNulls: true,
                symbol: target ? "diamond" : "circle", symbolSize: target ? 12 : 7, itemStyle: { color: colour },
                lineStyle: { color: colour, type: g.k ? "dotted" : "solid" } });
        }
      }
      const units = [...new Set(mine.filter((row) => row.value !== "").map((row) => row.unit))].sort(collator.compare);
      const option = {
        animation: false, color: PALETTE,
        legend: { type: "scroll", top: 0 }, grid: { top: 60, left: 60, right: 50, bottom: 40 },
        tooltip: { trigger: "item", formatter: (p) => tooltip(cells[p.seriesIndex][p.dataIndex]) },
        xAxis: { type: "category", data: xs },
        yAxis: [{ type: "value", name: units.join(" / ") }, { type: "value", name: "%", scale: true }],
        series };
      return { option, cells, placed };
    }

    function tooltip(index) {
      const row = rows[index];
      if (!row) return "";
      const numbers = [row.value && `${row.value}${row.unit}`, row.growth && `${row.growth}%`].filter(Boolean).join(" · ");
      return `${escape(row.indicator)} ${escape(row.period)} ${escape(row.area)}<br>${escape(row.kind)}: ${escape(numbers)}<br>${escape(row.report)}`;
    }

    function showSentence(index) {
      const row = rows[index];
      if (!row) return;
      const outcome = row.actual >= 0 ? rows[row.actual] : null;
      $("chart-sentence").textContent = `「${row.sentence}」 — ${row.report}, ${row.kind}`
        + (outcome ? `; 实际 outcome: ${[outcome.value && outcome.value + outcome.unit, outcome.growth && outcome.growth + "%"].filter(Boolean).join(" · ")}` : "");
      $("chart-sentence").dataset.iri = row.iri;
    }

    function openChart(ind, focus = -1) {
      showTab("figures");
      prepare();
      $("chart-title").textContent = `${name(ind)}${ind >= 0 && terms[ind][3] ? " · " + terms[ind][3] : ""}`;
      const { option, cells, placed } = chartOption(ind);
      if (!chart) {
        chart = echarts.init($("chart"), null, { renderer: "canvas" });
        chart.on("click", (p) => showSentence((view.cells[p.seriesIndex] || [])[p.dataIndex]));
        window.addEventListener("resize", () => chart.resize());
      }
      chart.setOption(option, true);
      chart.resize();
      Object.assign(view, { ind, cells, placed });
      if (focus >= 0) showSentence(focus);
      document.body.dataset.chart = terms[ind][0];
    }

    function openIndicator(iri) { if (termAt.has(iri)) openChart(termAt.get(iri)); }

    const view = { ind: -1, cells: [], placed: {}, prepare, openChart, openIndicator,
                   rows: () => rows, shown: () => shown, chart: () => chart };
    return view;
  })();

  // The tabs: click, or the arrow keys between them (the WAI-ARIA tabs pattern)
  function showTab(which) {
    for (const tab of document.querySelectorAll("[role=tab]")) {
      const selected = tab.id === `tab-${which}`;
      tab.setAttribute("aria-selected", String(selected));
      tab.tabIndex = selected ? 0 : -1;
    }
    document.getElementById("figures").hidden = which !== "figures";
    if (which === "figures") figuresView.prepare();
    const chart = figuresView.chart();
    if (chart) chart.resize();
  }
  for (const tab of document.querySelectorAll("[role=tab]")) {
    tab.addEventListener("click", () => showTab(tab.id.slice(4)));
    tab.addEventListener("keydown", (event) => {
      if (event.key !== "ArrowLeft" && event.key !== "ArrowRight") return;
      const other = document.getElementById(tab.id === "tab-network" ? "tab-figures" : "tab-network");
      other.focus(); showTab(other.id.slice(4));
    });
  }
