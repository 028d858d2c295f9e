#!/usr/bin/env python3
"""Drives headless Chromium through chromedriver's WebDriver HTTP protocol (W3C WebDriver,
https://www.w3.org/TR/webdriver2/; standard library only, no Selenium) against running
`magtwin twin serve` instances, for tests/cli/twin_serve_browser_test.sh:
  - every page (the overview, each tool) loads; the numbers shown equal `twin status --json`
    (each cell keeps 6 significant digits: relative 5e-6 of the value, the display rounding);
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
    # 6 significant digits on the page: |shown - want| <= 5e-6 |want| (+ tiny absolute for 0)
    if abs(v - want) > 5e-6 * abs(want) + 1e-12:
        fail("%s: shows %r, status has %r" % (what, shown, want))


SPECS = {}  # tool -> the replay's uniformity_spec_pct (--spec)

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
    a = ap.parse_args()
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
            if sorted(scripts) != ["common.js", "tool.js"]:
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
