// One tool's page: targets (/api/status?tool=, /api/tool?name=) with their utilization, the
// newest replay's thickness map (/api/thickness_map?name=, thickness.js) and uniformity over
// target life with the newest forecast's spec crossing, the SEMI E10 states and their
// timeline, the findings of the replay and of the equipment states.
"use strict";

const toolName = new URLSearchParams(location.search).get("name") || "";
const STATES = ["productive", "standby", "engineering", "scheduled_down", "unscheduled_down", "non_scheduled"];

function renderTargets(status, detail) {
  const body = document.querySelector("#targets tbody");
  magtwin.clear(body);
  status.targets.forEach(function (t, i) {
    const d = detail.targets[i] || {};
    const tr = document.createElement("tr");
    tr.dataset.source = t.source;
    tr.appendChild(magtwin.el("td", t.source));
    tr.appendChild(magtwin.el("td", t.target_id, "target-id"));
    tr.appendChild(magtwin.el("td", t.material));
    tr.appendChild(magtwin.numCell(t.energy_kWh, "energy_kWh"));
    tr.appendChild(magtwin.numCell(t.counter_kWh, "counter_kWh"));
    const diff = t.counter_kWh !== null && t.energy_kWh > 0 ? (100 * (t.counter_kWh - t.energy_kWh)) / t.energy_kWh : null;
    tr.appendChild(magtwin.numCell(diff, "counter_difference_pct"));
    tr.appendChild(magtwin.numCell(t.steps, "steps"));
    tr.appendChild(magtwin.numCell(d.life_used, "life_used_pct", 100));
    const e = t.erosion;
    tr.appendChild(magtwin.numCell(e ? e.max_depth_m : null, "max_depth_mm", 1e3));
    tr.appendChild(magtwin.numCell(e ? e.eroded_volume_m3 : null, "eroded_volume_cm3", 1e6));
    tr.appendChild(magtwin.numCell(d.target_volume_m3, "target_volume_cm3", 1e6));
    tr.appendChild(magtwin.numCell(d.utilization, "utilization_pct", 100));
    tr.appendChild(magtwin.numCell(e ? e.life_kWh : null, "erosion_life_kWh"));
    body.appendChild(tr);
  });
}

/** U (%) against the first depositing source's life (kWh), one point per replayed interval. */
function renderUniformity(detail) {
  const box = document.getElementById("uniformity");
  magtwin.clear(box);
  const pts = detail.uniformity.filter((p) => Number.isFinite(p.life_kWh) && Number.isFinite(p.uniformity_pct));
  const fc = detail.forecast;
  const curve = fc ? fc.curve.filter((p) => Number.isFinite(p.life_kWh) && Number.isFinite(p.u_pct)) : [];
  if (pts.length === 0 && curve.length === 0) {
    box.appendChild(magtwin.el("p", detail.replay_run === null ? "No replay in the store yet (twin replay)." : "The newest replay mapped no substrate.", "note"));
    return;
  }
  const W = 640, H = 260, L = 60, R = 30, T = 15, B = 40;
  const xs = pts.map((p) => p.life_kWh).concat(curve.map((p) => p.life_kWh));
  const ys = pts.map((p) => p.uniformity_pct).concat(curve.map((p) => p.u_pct));
  const spec = Number.isFinite(detail.uniformity_spec_pct) ? detail.uniformity_spec_pct : fc ? fc.spec_pct : null;
  let x0 = Math.min(...xs), x1 = Math.max(...xs), y0 = 0, y1 = Math.max(...ys.concat(Number.isFinite(spec) ? [spec] : [])) * 1.1;
  if (x1 === x0) x1 = x0 + 1;
  if (!(y1 > 0)) y1 = 1;
  const X = (x) => L + ((x - x0) / (x1 - x0)) * (W - L - R);
  const Y = (y) => H - B - ((y - y0) / (y1 - y0)) * (H - T - B);
  const svg = magtwin.svg("svg", { width: W, height: H, viewBox: "0 0 " + W + " " + H, role: "img" });
  svg.appendChild(magtwin.svg("line", { x1: L, y1: H - B, x2: W - R, y2: H - B, stroke: "#555" }));
  svg.appendChild(magtwin.svg("line", { x1: L, y1: T, x2: L, y2: H - B, stroke: "#555" }));
  for (let k = 0; k <= 4; ++k) {
    const xv = x0 + ((x1 - x0) * k) / 4, yv = y0 + ((y1 - y0) * k) / 4;
    const tx = magtwin.svg("text", { x: X(xv), y: H - B + 15, "text-anchor": "middle" });
    tx.textContent = magtwin.fmt(Number(xv.toPrecision(3)));
    svg.appendChild(tx);
    const ty = magtwin.svg("text", { x: L - 5, y: Y(yv) + 4, "text-anchor": "end" });
    ty.textContent = magtwin.fmt(Number(yv.toPrecision(3)));
    svg.appendChild(ty);
  }
  const xl = magtwin.svg("text", { x: (L + W - R) / 2, y: H - 5, "text-anchor": "middle" });
  xl.textContent = "target life (kWh)";
  svg.appendChild(xl);
  const yl = magtwin.svg("text", { x: 12, y: (T + H - B) / 2, transform: "rotate(-90 12 " + (T + H - B) / 2 + ")", "text-anchor": "middle" });
  yl.textContent = "U (%)";
  svg.appendChild(yl);
  if (Number.isFinite(spec)) {
    const line = magtwin.svg("line", { x1: L, y1: Y(spec), x2: W - R, y2: Y(spec), stroke: "#d9342b", "stroke-dasharray": "6 4", "data-spec": spec });
    const title = magtwin.svg("title", {});
    title.textContent = "uniformity spec " + magtwin.fmt(spec) + " % (the tool file's, as replayed)";
    line.appendChild(title);
    svg.appendChild(line);
    const label = magtwin.svg("text", { x: W - R - 4, y: Y(spec) - 4, "text-anchor": "end", fill: "#d9342b" });
    label.textContent = "spec " + magtwin.fmt(spec) + " %";
    svg.appendChild(label);
  }
  if (curve.length > 0) {
    const fpath = curve.map((p, i) => (i ? "L" : "M") + X(p.life_kWh).toFixed(1) + " " + Y(p.u_pct).toFixed(1)).join(" ");
    const fline = magtwin.svg("path", { d: fpath, fill: "none", stroke: "#e08a00", "stroke-width": 1.5, "stroke-dasharray": "3 3", id: "forecast-curve" });
    const title = magtwin.svg("title", {});
    title.textContent = "forecast with today's recipe (" + fc.recipe + "), mean life over the cathodes";
    fline.appendChild(title);
    svg.appendChild(fline);
  }
  if (fc && Number.isFinite(fc.u_cross_kWh)) {
    const xc = X(fc.u_cross_kWh);
    svg.appendChild(magtwin.svg("line", { x1: xc, y1: T, x2: xc, y2: H - B, stroke: "#e08a00", "stroke-width": 1.5, "data-crossing": fc.u_cross_kWh, id: "forecast-crossing" }));
    const label = magtwin.svg("text", { x: xc + 4, y: T + 12, fill: "#b06a00" });
    label.textContent = "crossing " + magtwin.fmt(fc.u_cross_kWh) + " kWh";
    svg.appendChild(label);
  }
  const path = pts.map((p, i) => (i ? "L" : "M") + X(p.life_kWh).toFixed(1) + " " + Y(p.uniformity_pct).toFixed(1)).join(" ");
  if (pts.length > 0) svg.appendChild(magtwin.svg("path", { d: path, fill: "none", stroke: "#3a7bd5", "stroke-width": 1.5 }));
  for (const p of pts) {
    const c = magtwin.svg("circle", { cx: X(p.life_kWh), cy: Y(p.uniformity_pct), r: 2.5, fill: "#3a7bd5" });
    const title = magtwin.svg("title", {});
    title.textContent = magtwin.utc(p.start_s) + ": U " + magtwin.fmt(p.uniformity_pct) + " % at " + magtwin.fmt(p.life_kWh) + " kWh";
    c.appendChild(title);
    svg.appendChild(c);
  }
  box.appendChild(svg);
  const over = Number.isFinite(spec) ? pts.filter((p) => p.uniformity_pct > spec).length : null;
  box.appendChild(magtwin.el("p", (detail.replay_run === null ? "No replay yet" : "Replay run " + detail.replay_run + ", " + pts.length + " mapped intervals" +
    (over === null ? " (no spec stored)" : ", " + over + " above the " + magtwin.fmt(spec) + " % spec")) +
    ". Blue: the replay's U per interval against the first depositing source's life; orange dashed: the forecast against the mean life over the cathodes.", "note"));
}

/** The newest forecast in words, each number in its own span (data-field). */
function renderForecast(detail) {
  const p = document.getElementById("forecast");
  magtwin.clear(p);
  const fc = detail.forecast;
  if (!fc) {
    p.textContent = "No forecast in the store yet (twin forecast).";
    return;
  }
  const num = (v, field, unit) => {
    const s = magtwin.el("span", magtwin.fmt(v) + (unit || ""));
    s.dataset.field = field;
    if (Number.isFinite(v)) s.dataset.value = String(v);
    return s;
  };
  const text = (t) => p.appendChild(document.createTextNode(t));
  text("Forecast of " + magtwin.utc(fc.created_s) + " UTC (today's recipe: " + fc.recipe + "): U now ");
  p.appendChild(num(fc.u_now_pct, "forecast_u_now_pct", " %"));
  text(" at ");
  p.appendChild(num(fc.life_now_kWh, "forecast_life_now_kWh", " kWh"));
  text(", spec ");
  p.appendChild(num(fc.spec_pct, "forecast_spec_pct", " %"));
  if (Number.isFinite(fc.u_cross_kWh)) {
    text("; leaves the spec at ");
    p.appendChild(num(fc.u_cross_kWh, "forecast_u_cross_kWh", " kWh"));
    const when = magtwin.el("span", Number.isFinite(fc.u_cross_s) ? magtwin.utc(fc.u_cross_s) + " UTC" : "no usage logged", "time");
    when.dataset.field = "forecast_u_cross_time";
    text(" (");
    p.appendChild(when);
    text(" at the logged " + magtwin.fmt(fc.kWh_per_day) + " kWh/day); re-optimised trims give U ");
    p.appendChild(num(fc.u_after_pct, "forecast_u_after_pct", " %"));
    text(".");
  } else {
    text("; stays within the spec to the end of life (");
    p.appendChild(num(fc.life_end_kWh, "forecast_life_end_kWh", " kWh"));
    text(").");
  }
}

/** The newest replay's thickness map: fetched again only when the replay run changed. */
let shownMapRun = null;
async function renderThickness(detail) {
  const box = document.getElementById("thickness");
  const s = detail.thickness_map;
  if (!s) {
    magtwin.clear(box);
    shownMapRun = null;
    box.appendChild(magtwin.el("p", detail.replay_run === null ? "No replay in the store yet (twin replay)." : "The newest replay coated no substrate (no mapped interval with the substrate shutter open).", "note"));
    return;
  }
  const key = s.replay_run + "@" + s.end_s + "/" + s.spec_pct;
  if (key === shownMapRun) return;
  const map = await magtwin.getJson("api/thickness_map?name=" + encodeURIComponent(toolName));
  magtwin.clear(box);
  magtwin.drawThicknessMap(box, map, s);
  box.appendChild(magtwin.mapSummary(s));
  shownMapRun = key;
}

/** The newest replay's findings (report.json's findings) with their times. */
function renderReplayFindings(detail) {
  const body = document.querySelector("#replay-findings tbody");
  magtwin.clear(body);
  for (const f of detail.findings) {
    const tr = document.createElement("tr");
    tr.appendChild(magtwin.timeCell(Number.isFinite(f.time_s) ? magtwin.utc(f.time_s) : "-"));
    tr.appendChild(magtwin.el("td", f.kind));
    tr.appendChild(magtwin.el("td", f.target_id || "-", "target-id"));
    tr.appendChild(magtwin.numCell(f.size, "size"));
    tr.appendChild(magtwin.el("td", f.message, "message"));
    body.appendChild(tr);
  }
  const none = document.getElementById("no-replay-findings");
  none.textContent = detail.replay_run === null ? "No replay in the store yet (twin replay)." : "The newest replay found nothing.";
  none.hidden = detail.findings.length > 0;
  document.getElementById("replay-findings").hidden = detail.findings.length === 0;
}

function renderE10(e10) {
  const box = document.getElementById("e10-timeline");
  magtwin.clear(box);
  const totalHead = document.querySelector("#e10-total thead"), totalBody = document.querySelector("#e10-total tbody");
  const daysHead = document.querySelector("#e10-days thead"), daysBody = document.querySelector("#e10-days tbody");
  [totalHead, totalBody, daysHead, daysBody].forEach(magtwin.clear);
  if (!e10 || e10.days.length === 0) {
    box.appendChild(magtwin.el("p", "No stored rows.", "note"));
    return;
  }
  const W = 900, H = 40, t0 = Date.parse(e10.start) / 1000, t1 = Date.parse(e10.end) / 1000;
  const X = (t) => (t1 > t0 ? ((t - t0) / (t1 - t0)) * W : 0);
  const svg = magtwin.svg("svg", { width: "100%", height: H, viewBox: "0 0 " + W + " " + H, preserveAspectRatio: "none", role: "img" });
  for (const iv of e10.timeline) {
    const a = Date.parse(iv.start) / 1000, b = Date.parse(iv.end) / 1000;
    const r = magtwin.svg("rect", { x: X(a), y: 0, width: Math.max(0.5, X(b) - X(a)), height: H, class: iv.state });
    const title = magtwin.svg("title", {});
    title.textContent = iv.start + " to " + iv.end + ": " + iv.state + " (" + iv.cause + ")";
    r.appendChild(title);
    svg.appendChild(r);
  }
  box.appendChild(svg);
  const legend = magtwin.el("div", null, "legend");
  for (const s of STATES.concat(["no_data"])) {
    const span = magtwin.el("span");
    span.appendChild(magtwin.el("i", null, s));
    span.appendChild(document.createTextNode(s.replace("_", " ")));
    legend.appendChild(span);
  }
  box.appendChild(legend);

  const header = (head, first) => {
    const tr = document.createElement("tr");
    [first, "period (h)"].concat(STATES.map((s) => s.replace("_", " ") + " (%)"), ["no data (%)"]).forEach((h) => tr.appendChild(magtwin.el("th", h)));
    head.appendChild(tr);
  };
  const row = (label, period, states, noData) => {
    const tr = document.createElement("tr");
    if (Array.isArray(label)) {  // a period: its start and end, each on one line
      const td = magtwin.el("td");
      td.appendChild(magtwin.el("span", label[0], "time"));
      td.appendChild(document.createTextNode(" to"));
      td.appendChild(document.createElement("br"));
      td.appendChild(magtwin.el("span", label[1], "time"));
      tr.appendChild(td);
    } else {
      tr.appendChild(magtwin.el("td", label, "time"));
    }
    tr.appendChild(magtwin.numCell(period / 3600, "period_h"));
    for (const s of STATES) tr.appendChild(magtwin.numCell(states[s].share, s, 100));
    tr.appendChild(magtwin.numCell(noData, "no_data", 100));
    return tr;
  };
  header(totalHead, "period");
  totalBody.appendChild(row([e10.start, e10.end], e10.total.period_s, e10.total.states, e10.total.no_data_share));
  header(daysHead, "day");
  for (const d of e10.days) daysBody.appendChild(row(d.date, d.period_s, d.states, d.no_data_share));
}

/** Arcs, supply faults, other unscheduled downtime and logging gaps, with their times. */
function renderFindings(e10) {
  const body = document.querySelector("#findings tbody");
  magtwin.clear(body);
  const found = e10 ? e10.timeline.filter((iv) => iv.state === "unscheduled_down" || iv.state === "no_data") : [];
  for (const iv of found) {
    const tr = document.createElement("tr");
    tr.appendChild(magtwin.timeCell(iv.start));
    tr.appendChild(magtwin.timeCell(iv.end));
    [iv.state.replace("_", " "), iv.cause].forEach((v) => tr.appendChild(magtwin.el("td", v)));
    body.appendChild(tr);
  }
  document.getElementById("no-findings").hidden = found.length > 0;
  document.getElementById("findings").hidden = found.length === 0;
}

async function renderTool() {
  const q = encodeURIComponent(toolName);
  const [status, detail] = await Promise.all([magtwin.getJson("api/status?tool=" + q), magtwin.getJson("api/tool?name=" + q)]);
  document.getElementById("tool-name").textContent = "Tool " + toolName;
  document.title = "magtwin: " + toolName;
  document.getElementById("tool-summary").textContent = detail.rows + " stored rows, " + detail.steps + " steps";
  document.getElementById("api-status").href = "api/status?tool=" + q;
  document.getElementById("api-tool").href = "api/tool?name=" + q;
  renderTargets(status, detail);
  renderUniformity(detail);
  renderForecast(detail);
  await renderThickness(detail);
  renderE10(status.e10[0]);
  renderReplayFindings(detail);
  renderFindings(status.e10[0]);
}

magtwin.live(renderTool);
