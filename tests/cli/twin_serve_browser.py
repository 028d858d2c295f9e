#!/usr/bin/env python3
"""Drives headless Chromium through chromedriver's WebDriver HTTP protocol (W3C WebDriver,
https://www.w3.org/TR/webdriver2/; standard library only, no Selenium) against running
`magtwin twin serve` instances, for tests/cli/twin_serve_browser_test.sh:
  - every page (the overview, each tool) loads; the numbers shown equal `twin status --json`
    (each cell keeps 4 significant digits: relative 5e-4 of the value, the display rounding);
    no number is shown with more than 4 significant digits (no raw double), and every time
    cell stays on one line;
  - --report TOOL,REPORT_JSON: the thickness map's summary, the cells darkened outside the spec
    band, the replay's findings with their times and each target's utilization equal the
    replay's report.json (and /api/tool);
  - --forecast TOOL,FORECAST_JSON: the forecast's crossing drawn and written equals the
    `twin forecast --json` output of the same forecast;
  - screenshots of every page go to --out;
  - --live: rows appended to the followed log show on the page (the tool's stored rows) within
    --live-limit seconds of the append;
  - --xss TARGET_ID: that target ID is shown as text, no alert opened, no script added.
Prints one line per check and the pages' first-load times; exits 1 on the first failure."""
import argparse
import base64
import json
import os
import sys
import time
import urllib.error
import urllib.request


class WebDriver:
    def __init__(self, url):
        self.url = url.rstrip("/")
        caps = {"capabilities": {"alwaysMatch": {"browserName": "chrome", "goog:chromeOptions": {
            "binary": os.environ.get("MAGTWIN_CHROMIUM", "/usr/bin/chromium"),
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1280,1800", "--hide-scrollbars"]}}}}
        self.session = self.call("POST", "/session", caps)["sessionId"]

    def call(self, method, path, body=None):
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(self.url + path, data=data, method=method,
                                     headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(req, timeout=60) as r:
                return json.loads(r.read())["value"]
        except urllib.error.HTTPError as e:
            raise RuntimeError("%s %s: %s" % (method, path, e.read()[:500]))

    def s(self, method, path, body=None):
        return self.call(method, "/session/" + self.session + path, body)

    def get(self, url):
        self.s("POST", "/url", {"url": url})

    def js(self, script, *args):
        return self.s("POST", "/execute/sync", {"script": script, "args": list(args)})

    def screenshot(self, path):
        png = base64.b64decode(self.s("GET", "/screenshot"))
        with open(path, "wb") as f:
            f.write(png)

    def alert_open(self):
        try:
            self.s("GET", "/alert/text")
            return True
        except RuntimeError as e:
            if "no such alert" in str(e):
                return False
            raise

    def quit(self):
        self.call("DELETE", "/session/" + self.session)


def fail(msg):
    print("FAIL: " + msg)
    sys.exit(1)


def wait_rendered(wd, limit=30.0, after=None):
    """Waits until the page has rendered a store revision (other than `after`); returns it."""
    t0 = time.time()
    while time.time() - t0 < limit:
        rev = wd.js("const u = document.getElementById('updated'); return u ? (u.dataset.revision || null) : null;")
        if rev is not None and rev != after:
            return rev
        time.sleep(0.05)
    fail("page did not render a revision within %g s" % limit)


def close(shown, want, what):
    if want is None:
        if shown != "-":
            fail("%s: shows %r, status has null" % (what, shown))
        return
    try:
        v = float(shown)
    except ValueError:
        fail("%s: shows %r, status has %r" % (what, shown, want))
    # 4 significant digits on the page (magtwin.fmt, common.js): |shown - want| <= 5e-4 |want|
    # (+ tiny absolute for 0)
    if abs(v - want) > 5e-4 * abs(want) + 1e-12:
        fail("%s: shows %r, status has %r" % (what, shown, want))


SPECS = {}  # tool -> the replay's uniformity_spec_pct (--spec)
REPORTS = {}  # tool -> the replay's report.json (--report)
FORECASTS = {}  # tool -> the `twin forecast --json` output (--forecast)


def utc_text(iso):
    """report.json's "2025-07-07T14:10:05Z" as the page writes it: "2025-07-07 14:10:05"."""
    return iso.replace("T", " ").replace("Z", "") if iso else "-"


def api(base, path):
    with urllib.request.urlopen(base + path, timeout=30) as r:
        return json.loads(r.read())


NUMBERS = """
const bad = [];
for (const td of document.querySelectorAll('td.num, [data-field]')) {
  const t = td.textContent.trim();
  if (td.classList.contains('time') || t === '-' || !/^-?[0-9.e+-]+( .*)?$/.test(t)) continue;
  const n = t.split(' ')[0];
  const digits = n.replace(/^-/, '').split('e')[0].replace('.', '').replace(/^0+/, '');
  const whole = /^-?[0-9]+$/.test(n);
  if (!whole && digits.length > 4) bad.push(t);
}
return bad;
"""

ONE_LINE = """
const wrapped = [];
for (const el of document.querySelectorAll('td.time, span.time')) {
  if (el.offsetParent === null) continue;
  const r = document.createRange();
  r.selectNodeContents(el);
  const lines = new Set(Array.from(r.getClientRects()).map((b) => Math.round(b.top)));
  if (lines.size > 1 || getComputedStyle(el).whiteSpace !== 'nowrap') wrapped.push(el.textContent);
}
return wrapped;
"""


def check_replay_parts(wd, base, tool, rows, targets):
    """The thickness map, the replay's findings and the utilization against report.json and the API."""
    report = REPORTS[tool]
    detail = api(base, "api/tool?name=" + urllib.request.quote(tool))
    tm, am = report["thickness_map"], detail["thickness_map"]
    if tm is None:
        if am is not None:
            fail("%s: the API has a thickness map, report.json none" % tool)
    else:
        cells = wd.js("""const r = {}; for (const td of document.querySelectorAll('#thickness-summary td[data-field]'))
                         r[td.dataset.field] = td.textContent; return r;""")
        for key in ("mean_nm", "min_nm", "max_nm", "uniformity_pct", "band_low_nm", "band_high_nm", "cells",
                    "cells_outside_band", "intervals"):
            close(cells.get(key, "?"), tm[key], "%s thickness map %s (report.json)" % (tool, key))
            want_api = am[key]
            if abs(want_api - tm[key]) > 1e-9 * abs(tm[key]) + 1e-12:
                fail("%s thickness map %s: API %r, report.json %r" % (tool, key, want_api, tm[key]))
        if am["start_s"] != tm["start_s"] or am["end_s"] != tm["end_s"]:
            fail("%s thickness map period: API %r..%r, report.json %r..%r" % (tool, am["start_s"], am["end_s"],
                                                                             tm["start_s"], tm["end_s"]))
        darkened = wd.js("const c = document.getElementById('thickness-canvas'); return c ? c.dataset.outside : null;")
        if darkened is None or int(darkened) != tm["cells_outside_band"]:
            fail("%s: %r cells darkened on the map, report.json has %d outside the band" % (tool, darkened,
                                                                                      tm["cells_outside_band"]))
        print("ok: %s thickness map: mean %.4g nm, U %.4g %%, %d of %d cells outside the %g %% band, as report.json"
              % (tool, tm["mean_nm"], tm["uniformity_pct"], tm["cells_outside_band"], tm["cells"],
                 report["uniformity_spec_pct"]))
    frows = wd.js(CELLS, "#replay-findings")
    want = [(utc_text(f["time"]), f["kind"], f["target_id"] or "-", f["message"]) for f in report["findings"]]
    got = [(r["cells"][0], r["cells"][1], r["cells"][2], r["cells"][4]) for r in frows]
    if got != want:
        fail("%s: replay findings shown %r, report.json %r" % (tool, got, want))
    for r, f in zip(frows, report["findings"]):
        close(r["size"], f["size"], "%s finding %s size" % (tool, f["kind"]))
    print("ok: %s replay findings: %d with their times, as report.json" % (tool, len(want)))
    erosion = {(e["source"], e["target_id"]): e for e in report["erosion"]}
    for r, t in zip(rows, targets):
        e = erosion.get((t["source"], t["target_id"]))
        close(r["utilization_pct"], None if e is None or e["utilization"] is None else 100 * e["utilization"],
              "%s %s utilization" % (tool, t["target_id"]))
        close(r["target_volume_cm3"], None if e is None or e["target_volume_m3"] is None else 1e6 * e["target_volume_m3"],
              "%s %s target volume" % (tool, t["target_id"]))
    print("ok: %s utilization per target as report.json: %s" % (tool, ", ".join(
        "%s %s %%" % (r["target_id"], r["utilization_pct"]) for r in rows)))


def check_forecast(wd, tool):
    f = FORECASTS[tool]
    crossing = wd.js("const l = document.getElementById('forecast-crossing'); return l ? l.getAttribute('data-crossing') : null;")
    spans = wd.js("""const r = {}; for (const s of document.querySelectorAll('#forecast [data-field]'))
                     r[s.dataset.field] = s.textContent; return r;""")
    if f["u_cross_kWh"] is None:
        if crossing is not None:
            fail("%s: a crossing is drawn, the forecast has none" % tool)
    else:
        if crossing is None or float(crossing) != f["u_cross_kWh"]:
            fail("%s: crossing line at %r kWh, the forecast says %r" % (tool, crossing, f["u_cross_kWh"]))
        close(spans.get("forecast_u_cross_kWh", "?").split(" ")[0], f["u_cross_kWh"], tool + " forecast crossing")
        when = spans.get("forecast_u_cross_time", "")
        if f["u_cross_date"] and when != utc_text(f["u_cross_date"]) + " UTC":
            fail("%s: crossing date shown %r, the forecast says %r" % (tool, when, f["u_cross_date"]))
    close(spans.get("forecast_u_now_pct", "?").split(" ")[0], f["u_now_pct"], tool + " forecast U now")
    print("ok: %s forecast: crossing %s kWh (%s) drawn and written as `twin forecast --json`"
          % (tool, f["u_cross_kWh"], f["u_cross_date"]))

CELLS = """
const rows = [];
for (const tr of document.querySelectorAll(arguments[0] + ' tbody tr')) {
  const r = {};
  for (const td of tr.querySelectorAll('td')) if (td.dataset.field) r[td.dataset.field] = td.textContent;
  const id = tr.querySelector('.target-id');
  if (id) r.target_id = id.textContent;
  r.cells = Array.from(tr.querySelectorAll('td')).map((td) => td.textContent);
  rows.push(r);
}
return rows;
"""


def check_tool_page(wd, base, tool, status, out, tag):
    t0 = time.time()
    wd.get(base + "tool.html?name=" + urllib.request.quote(tool))
    wait_rendered(wd)
    first_load = time.time() - t0
    nav = wd.js("const n = performance.getEntriesByType('navigation')[0]; return n ? n.loadEventEnd : null;")
    rows = wd.js(CELLS, "#targets")
    targets = [t for t in status["targets"] if t["tool"] == tool]
    if len(rows) != len(targets):
        fail("%s: %d target rows shown, status has %d" % (tool, len(rows), len(targets)))
    for r, t in zip(rows, targets):
        what = "%s %s %s" % (tool, t["source"], t["target_id"])
        if r["target_id"] != t["target_id"] or r["cells"][0] != t["source"] or r["cells"][2] != t["material"]:
            fail("%s: row shows %r" % (what, r["cells"][:3]))
        close(r["energy_kWh"], t["energy_kWh"], what + " energy_kWh")
        close(r["counter_kWh"], t["counter_kWh"], what + " counter_kWh")
        close(r["steps"], t["steps"], what + " steps")
        e = t["erosion"]
        close(r["max_depth_mm"], None if e is None else e["max_depth_m"] * 1e3, what + " max depth")
        close(r["eroded_volume_cm3"], None if e is None else e["eroded_volume_m3"] * 1e6, what + " eroded volume")
        close(r["erosion_life_kWh"], None if e is None else e["life_kWh"], what + " erosion life")
    e10 = [e for e in status["e10"] if e["tool"] == tool][0]
    if e10["days"]:
        total = wd.js(CELLS, "#e10-total")[0]
        for s, v in e10["total"]["states"].items():
            close(total[s], v["share"] * 100, "%s e10 total %s" % (tool, s))
        close(total["no_data"], e10["total"]["no_data_share"] * 100, tool + " e10 no data")
        days = wd.js(CELLS, "#e10-days")
        if [d["cells"][0] for d in days] != [d["date"] for d in e10["days"]]:
            fail("%s: e10 days shown %r" % (tool, [d["cells"][0] for d in days]))
        for d, want in zip(days, e10["days"]):
            for s, v in want["states"].items():
                close(d[s], v["share"] * 100, "%s e10 %s %s" % (tool, want["date"], s))
        shown = wd.js("return document.querySelectorAll('#e10-timeline rect').length;")
        if shown != len(e10["timeline"]):
            fail("%s: %d timeline bars, status has %d" % (tool, shown, len(e10["timeline"])))
        findings = [iv for iv in e10["timeline"] if iv["state"] in ("unscheduled_down", "no_data")]
        frows = wd.js(CELLS, "#findings")
        if [(f["cells"][0], f["cells"][3]) for f in frows] != [(f["start"], f["cause"]) for f in findings]:
            fail("%s: findings shown differ from the status timeline" % tool)
    if tool in REPORTS:
        check_replay_parts(wd, base, tool, rows, targets)
    if tool in FORECASTS:
        check_forecast(wd, tool)
    raw = wd.js(NUMBERS)
    if raw:
        fail("%s: numbers shown with more than 4 significant digits: %r" % (tool, raw[:5]))
    wrapped = wd.js(ONE_LINE)
    if wrapped:
        fail("%s: time cells wrap: %r" % (tool, wrapped[:3]))
    if tool in SPECS:
        spec = wd.js("const l = document.querySelector('#uniformity [data-spec]'); return l ? l.getAttribute('data-spec') : null;")
        if spec is None or float(spec) != SPECS[tool]:
            fail("%s: uniformity spec line %r, the replay's report.json has %r" % (tool, spec, SPECS[tool]))
        points = wd.js("return document.querySelectorAll('#uniformity circle').length;")
        if points < 1:
            fail("%s: no uniformity points after a replay" % tool)
    wd.screenshot(os.path.join(out, "%s-tool-%s.png" % (tag, "".join(c if c.isalnum() else "_" for c in tool))))
    print("ok: %s page %s: %d targets, E10, findings equal twin status --json; first load %.3f s "
          "(navigation loadEventEnd %.0f ms)" % (tag, tool, len(rows), first_load, nav or -1))
    return first_load


def check_case(wd, base, status_file, out, tag):
    status = json.load(open(status_file))
    tools = []
    for t in status["targets"] + [{"tool": e["tool"]} for e in status["e10"]]:
        if t["tool"] not in tools:
            tools.append(t["tool"])
    t0 = time.time()
    wd.get(base)
    wait_rendered(wd)
    first = time.time() - t0
    shown = [r["cells"][0] for r in wd.js(CELLS, "#tools")]
    if shown != tools:
        fail("%s overview lists %r, status has %r" % (tag, shown, tools))
    wd.screenshot(os.path.join(out, tag + "-overview.png"))
    print("ok: %s overview lists %r; first load %.3f s" % (tag, shown, first))
    for tool in tools:
        check_tool_page(wd, base, tool, status, out, tag)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--driver", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--case", action="append", default=[], help="TAG,BASE_URL,STATUS_JSON")
    ap.add_argument("--live", help="TAG,BASE_URL,TOOL,LOG,ROWS_FILE: append ROWS_FILE to LOG, watch the page")
    ap.add_argument("--live-limit", type=float, default=3.0)
    ap.add_argument("--xss", help="TAG,BASE_URL,TOOL,TARGET_ID")
    ap.add_argument("--spec", action="append", default=[], help="TOOL,PCT: the spec line the tool's page must draw")
    ap.add_argument("--report", action="append", default=[], help="TOOL,REPORT_JSON: the replay's report.json")
    ap.add_argument("--forecast", action="append", default=[], help="TOOL,FORECAST_JSON: `twin forecast --json`")
    a = ap.parse_args()
    for s in a.report:
        tool, path = s.split(",", 1)
        REPORTS[tool] = json.load(open(path))
    for s in a.forecast:
        tool, path = s.split(",", 1)
        FORECASTS[tool] = json.load(open(path))
    for s in a.spec:
        tool, pct = s.rsplit(",", 1)
        SPECS[tool] = float(pct)
    os.makedirs(a.out, exist_ok=True)
    wd = WebDriver(a.driver)
    try:
        for c in a.case:
            tag, base, status = c.split(",", 2)
            check_case(wd, base, status, a.out, tag)
        if a.xss:
            tag, base, tool, target = a.xss.split(",", 3)
            wd.get(base + "tool.html?name=" + urllib.request.quote(tool))
            wait_rendered(wd)
            ids = [r["target_id"] for r in wd.js(CELLS, "#targets")]
            if target not in ids:
                fail("target ID %r not shown as text (shown: %r)" % (target, ids))
            if wd.alert_open():
                fail("an alert opened: the target ID ran as script")
            scripts = wd.js("return Array.from(document.scripts).map((s) => s.src.split('/').pop());")
            if sorted(scripts) != ["common.js", "thickness.js", "tool.js"]:
                fail("scripts on the page: %r" % scripts)
            wd.screenshot(os.path.join(a.out, tag + "-xss.png"))
            print("ok: target ID %r shown as text, no alert, only common.js and tool.js" % target)
        if a.live:
            tag, base, tool, log, rows_file = a.live.split(",", 4)
            wd.get(base + "tool.html?name=" + urllib.request.quote(tool))
            rev = wait_rendered(wd)
            before = wd.js("return document.getElementById('tool-summary').textContent;")
            wd.screenshot(os.path.join(a.out, tag + "-live-before.png"))
            with open(rows_file) as f, open(log, "a") as g:
                g.write(f.read())
            t0 = time.time()
            wait_rendered(wd, a.live_limit + 30.0, after=rev)
            took = time.time() - t0
            after = wd.js("return document.getElementById('tool-summary').textContent;")
            wd.screenshot(os.path.join(a.out, tag + "-live-after.png"))
            if after == before:
                fail("the page re-rendered but still shows %r" % before)
            if took > a.live_limit:
                fail("the page changed %.2f s after the append (limit %.1f s)" % (took, a.live_limit))
            print("ok: live: %r -> %r %.2f s after rows were appended to the followed log" % (before, after, took))
    finally:
        wd.quit()


if __name__ == "__main__":
    main()
