/* resgraph network page: filters, focus, search, details over a vis-network drawn at fixed positions.
 *
 * The data (nodes with x/y computed server-side, edges with their section kind) is embedded in
 * #viz-data. Every filter only toggles what two vis.DataView objects show, so nothing is laid out
 * again in the browser. window.resgraphViz exposes the counts for tests and benchmarks.
 */
(function () {
  "use strict";
  const payload = JSON.parse(document.getElementById("viz-data").textContent);
  const nodes = new vis.DataSet(payload.nodes);
  const edges = new vis.DataSet(payload.edges);
  const $ = (id) => document.getElementById(id);
  const state = {
    organs: new Set(payload.organs.filter((o) => {
      const asked = (payload.params.organs || []).map((a) => a.toLowerCase());
      return asked.length === 0 || asked.includes(o.toLowerCase());
    })),
    from: null,
    to: null,
    sections: new Set(["preambular", "operative", "other"]),
    bureau: "",
    assignments: Boolean(payload.params.assignments),
    focus: null,
  };
  let visible = new Set();
  const served = location.protocol.startsWith("http");

  function nodePasses(n) {
    if (state.focus && !state.focus.has(n.id)) return false;
    if (n.kind === "bureau") return state.assignments;
    if (!state.organs.has(n.organ)) return false;
    if (state.from !== null || state.to !== null) {
      const low = state.from === null ? -Infinity : state.from;
      const high = state.to === null ? Infinity : state.to;
      if (!(n.years || []).some((y) => y >= low && y <= high)) return false;
    }
    if (state.bureau && !(n.bureaux || []).includes(state.bureau)) return false;
    return true;
  }

  function edgePasses(e) {
    if (!visible.has(e.from) || !visible.has(e.to)) return false;
    if (e.kind === "assignment") return state.assignments;
    if (e.kind === "citation") return state.sections.has(e.sectionKind);
    return true;
  }

  const nodeView = new vis.DataView(nodes, { filter: (n) => visible.has(n.id) });
  const edgeView = new vis.DataView(edges, { filter: edgePasses });

  function refresh() {
    visible = new Set(nodes.get({ filter: nodePasses }).map((n) => n.id));
    nodeView.refresh();
    edgeView.refresh();
    const c = payload.counts;
    const shownResolutions = nodeView.get({ filter: (n) => n.kind !== "bureau" }).length;
    let text = `${nodeView.length} nodes, ${edgeView.length} edges shown`;
    if (payload.view === "network" && c.total_nodes === 0 && !payload.params.focus) {
      text = "the graph holds no resolutions yet: build it with `resgraph build`";
    }
    if (payload.view === "lineage") {
      text = `lineage of ${payload.params.lineage}: versions by assembly year, each with what it cites — ${text}`;
    }
    if (c.capped) {
      text += ` — the view is capped: ${loadedResolutions} of ${c.total_nodes} matching nodes ` +
        "(the most cited) are loaded; focus on a resolution to go further";
    }
    const status = $("status");
    status.textContent = text;
    status.classList.toggle("capped", Boolean(c.capped));
    Object.assign(api, { shownNodes: nodeView.length, shownEdges: edgeView.length, shownResolutions });
  }

  function ego(seedIds, depth) {
    const out = new Map();
    const inc = new Map();
    edges.forEach((e) => {
      if (e.kind !== "citation" && e.kind !== "lineage") return;
      if (!out.has(e.from)) out.set(e.from, []);
      if (!inc.has(e.to)) inc.set(e.to, []);
      out.get(e.from).push(e.to);
      inc.get(e.to).push(e.from);
    });
    const kept = new Set(seedIds);
    for (const adj of [out, inc]) {
      let frontier = [...seedIds];
      const seen = new Set(seedIds);
      for (let d = 0; d < depth; d += 1) {
        const next = [];
        for (const id of frontier) {
          for (const m of adj.get(id) || []) {
            if (!seen.has(m)) { seen.add(m); next.push(m); }
          }
        }
        frontier = next;
      }
      seen.forEach((id) => kept.add(id));
    }
    // Bureaux stay reachable from the kept resolutions.
    edges.forEach((e) => { if (e.kind === "assignment" && kept.has(e.from)) kept.add(e.to); });
    return kept;
  }

  function applyFocus() {
    const key = $("focus").value.trim().replace(/^\/+|\/+$/g, "").toLowerCase();
    const depth = Math.max(0, Math.min(10, parseInt($("depth").value || "1", 10)));
    if (!key) { state.focus = null; refresh(); return; }
    const seeds = nodes.getIds().filter((id) => id.toLowerCase() === key || id.toLowerCase().startsWith(key + "/"));
    if (seeds.length === 0 && payload.counts.capped && served) {
      // Beyond the cap: ask the server for this ego network.
      const params = new URLSearchParams(location.search);
      params.set("focus", key);
      params.set("depth", String(depth));
      location.search = params.toString();
      return;
    }
    if (seeds.length === 0) {
      $("status").textContent = `no resolution "${key}" in this view`;
      return;
    }
    state.focus = ego(seeds, depth);
    refresh();
    network.fit({ nodes: [...visible], animation: false });
  }

  function showDetails(id) {
    const n = nodes.get(id);
    if (!n) return;
    $("details").hidden = false;
    $("details-label").textContent = n.label;
    $("details-text").textContent = n.title;
    const link = $("details-link");
    link.textContent = "open its page";
    link.href = payload.linkBase + (n.url || "");
    link.hidden = !n.url;
    const lineage = $("details-lineage");
    lineage.hidden = !(served && (n.url || "").startsWith("id/resolution/"));
    if (!lineage.hidden) lineage.href = `?lineage=${encodeURIComponent(n.work || n.id)}`;
  }

  // An edge: its tooltip text, and a link to the citation in the source view (served pages).
  function showEdge(id) {
    const e = edges.get(id);
    if (!e) return;
    $("details").hidden = false;
    $("details-label").textContent = (e.title || "").split("\n")[0];
    $("details-text").textContent = e.title || "";
    const link = $("details-link");
    const sources = served ? (e.sources || []) : [];
    link.hidden = sources.length === 0;
    link.href = sources[0] || "#";
    link.textContent = "read it in the source";
    $("details-lineage").hidden = true;
  }

  function search(text) {
    const key = text.trim().toLowerCase();
    if (!key) return;
    const hit = nodes.get({
      filter: (n) => visible.has(n.id) &&
        (n.id.toLowerCase() === key || n.label.toLowerCase() === key),
    })[0] || nodes.get({
      filter: (n) => visible.has(n.id) &&
        (n.label.toLowerCase().includes(key) || (n.name || "").toLowerCase().includes(key)),
    })[0];
    if (!hit) { $("status").textContent = `nothing shown matches "${text}"`; return; }
    network.selectNodes([hit.id]);
    network.focus(hit.id, { scale: 1.2, animation: false });
    showDetails(hit.id);
  }

  function buildControls() {
    const organs = $("organs");
    const legend = $("legend-organs");
    const names = payload.organNames || {};
    for (const organ of payload.organs) {
      const colour = payload.colours[organ] || "#bcbd22";
      const label = document.createElement("label");
      label.innerHTML = '<input type="checkbox" name="organ"> <span class="node-key"></span> ';
      label.querySelector("input").value = organ;
      label.querySelector("input").checked = state.organs.has(organ);
      label.querySelector("span").style.background = colour;
      label.append(names[organ] || organ);
      organs.append(label);
      const item = document.createElement("li");
      item.innerHTML = '<span class="node-key"></span> ';
      item.querySelector("span").style.background = colour;
      item.append(names[organ] || organ);
      legend.append(item);
    }
    const options = $("search-options");
    nodes.forEach((n) => {
      const opt = document.createElement("option");
      opt.value = n.label;
      options.append(opt);
    });
    organs.addEventListener("change", (ev) => {
      if (ev.target.checked) state.organs.add(ev.target.value); else state.organs.delete(ev.target.value);
      refresh();
    });
    $("sections").addEventListener("change", (ev) => {
      if (ev.target.checked) state.sections.add(ev.target.value); else state.sections.delete(ev.target.value);
      refresh();
    });
    const year = (el) => (el.value.trim() === "" ? null : parseInt(el.value, 10));
    for (const id of ["from-year", "to-year"]) {
      $(id).addEventListener("change", () => { state.from = year($("from-year")); state.to = year($("to-year")); refresh(); });
    }
    $("bureau").addEventListener("change", (ev) => { state.bureau = ev.target.value; refresh(); });
    $("assignments").checked = state.assignments;
    $("assignments").addEventListener("change", (ev) => { state.assignments = ev.target.checked; refresh(); });
    $("versions").checked = Boolean(payload.params.versions);
    $("versions").disabled = !served;
    $("versions").title = served ? "" : "export with --versions for one node per version";
    $("versions").addEventListener("change", (ev) => {
      const params = new URLSearchParams(location.search);
      params.delete("lineage");
      params.set("versions", String(ev.target.checked));
      location.search = params.toString();
    });
    $("physics").addEventListener("change", (ev) => {
      network.setOptions({ physics: { enabled: ev.target.checked } });
    });
    $("focus-apply").addEventListener("click", applyFocus);
    $("focus").addEventListener("keydown", (ev) => { if (ev.key === "Enter") applyFocus(); });
    $("reset").addEventListener("click", () => { $("focus").value = ""; state.focus = null; refresh(); network.fit({ animation: false }); });
    $("fit-main").addEventListener("click", () => firstView());
    $("search").addEventListener("change", (ev) => search(ev.target.value));
    $("details-close").addEventListener("click", () => { $("details").hidden = true; });
    $("search").addEventListener("keydown", (ev) => { if (ev.key === "Enter") search(ev.target.value); });
    if (payload.params.focus) { $("focus").value = payload.params.focus; $("depth").value = payload.params.depth; }
    if (payload.params.from_year) $("from-year").value = payload.params.from_year;
    if (payload.params.to_year) $("to-year").value = payload.params.to_year;
  }

  const loadedResolutions = nodes.get({ filter: (n) => n.kind !== "bureau" }).length;
  const api = { ready: false, readyAt: null, totalNodes: nodes.length, totalEdges: edges.length };
  window.resgraphViz = api;
  buildControls();
  refresh();
  const large = nodes.length > 800;
  /* First paint: fit the largest connected part of what is shown (isolated nodes and small
   * islands, laid out below it, stay out of the way until "Show all"), then make sure the
   * labels of its most cited nodes are at least READABLE_PX on screen at that zoom. */
  const READABLE_PX = 10.5;
  const LABELLED = 15;
  function mainComponent() {
    const adj = new Map();
    edgeView.forEach((e) => {
      if (e.kind === "assignment") return;
      if (!adj.has(e.from)) adj.set(e.from, []);
      if (!adj.has(e.to)) adj.set(e.to, []);
      adj.get(e.from).push(e.to);
      adj.get(e.to).push(e.from);
    });
    const seen = new Set();
    let best = [];
    for (const start of adj.keys()) {
      if (seen.has(start)) continue;
      const part = [start];
      seen.add(start);
      for (let i = 0; i < part.length; i += 1) {
        for (const m of adj.get(part[i])) if (!seen.has(m)) { seen.add(m); part.push(m); }
      }
      if (part.length > best.length) best = part;
    }
    return best;
  }
  function firstView() {
    const part = mainComponent();
    if (part.length < 2) { api.firstView = { scale: network.getScale(), labelled: [] }; return; }
    network.fit({ nodes: part, animation: false });
    if (network.getScale() > 1.5) network.moveTo({ scale: 1.5, animation: false });
    const scale = network.getScale();
    const shown = part.map((id) => nodes.get(id)).filter((n) => n && n.kind !== "bureau");
    const cited = shown.slice().sort((a, b) => (b.cited - a.cited) || (a.id < b.id ? -1 : 1));
    // The most cited, and the hubs that cite the most (a long resolution citing 30 others).
    const degree = (n) => network.getConnectedEdges(n.id).length;
    const hubs = shown.slice().sort((a, b) => (degree(b) - degree(a)) || (a.id < b.id ? -1 : 1));
    const top = [...new Set([...cited.slice(0, LABELLED), ...hubs.slice(0, 3)])];
    const size = Math.ceil(READABLE_PX / scale);
    if (size > 12) {
      nodes.update(top.map((n) => ({ id: n.id, font: Object.assign({}, n.font || {}, { size: size }) })));
    }
    api.firstView = { scale: scale, labelled: top.map((n) => n.id) };
  }
  const network = new vis.Network($("network"), { nodes: nodeView, edges: edgeView }, {
    physics: { enabled: false, stabilization: false, barnesHut: { gravitationalConstant: -3000 } },
    layout: { improvedLayout: false },
    interaction: { hover: !large, tooltipDelay: 150, hideEdgesOnDrag: large, hideEdgesOnZoom: large },
    nodes: { font: { size: 12 }, scaling: { label: { drawThreshold: large ? 7 : 3 } } },
    edges: { smooth: false, arrows: { to: { enabled: true, scaleFactor: 0.5 } } },
  });
  network.on("click", (p) => {
    if (p.nodes.length) showDetails(p.nodes[0]);
    else if (p.edges.length) showEdge(p.edges[0]);
  });
  network.on("doubleClick", (p) => {
    const n = p.nodes.length ? nodes.get(p.nodes[0]) : null;
    if (n && n.url) window.location.href = payload.linkBase + n.url;
  });
  network.once("afterDrawing", () => { api.ready = true; api.readyAt = performance.now(); });
  firstView();
  network.on("stabilized", () => { api.stabilizedAt = performance.now(); });
  api.network = network;
  if (payload.params.focus) {
    const key = payload.params.focus.toLowerCase();
    network.selectNodes(nodes.getIds().filter((id) => id.toLowerCase() === key || id.toLowerCase().startsWith(key + "/")));
  }
})();
