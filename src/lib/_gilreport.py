"""gilpy's GIL recording as one self-contained HTML page (`-X gilreport=out.html`).

The page needs no network: the data, the style and the script are inline. It draws one timeline row
per thread (running / waiting for the GIL / blocked, coloured by the call), with zoom (mouse wheel,
buttons), panning (drag) and details on hover, followed by the summary table and the verdict.
When the script has drawn everything it sets data-rendered-rows on <body>; script errors are
counted in data-errors (tests open the page in headless Chromium and read both).
"""

import html
import json

import _gilstats

STATE_CODES = {"running": 0, "waiting": 1, "blocked": 2}


def page_data(a):
    t0 = a["start"]
    threads = []
    for t in a["threads"]:
        spans = [[STATE_CODES[state], kind or "", round((b0 - t0) / 1000, 1), round((b1 - t0) / 1000, 1)]
                 for state, kind, b0, b1 in t.spans]
        threads.append({"name": t.name, "main": t.main, "spans": spans})
    return {"duration_us": round((a["end"] - a["start"]) / 1000, 1), "threads": threads}


def _table(a):
    rows = []
    for t in a["threads"]:
        med, p99, mx = _gilstats.latency(t.waits)
        calls = ", ".join(f"{k} {t.share(v):.0%}" for k, v in sorted(t.blocked.items(), key=lambda kv: -kv[1]))
        cells = [t.name, f"{t.wall / 1e9:.3f}", f"{t.share(t.running):.1%}", f"{t.share(t.waiting):.1%}",
                 f"{t.share(t.blocked_total):.1%}", calls or "-", str(t.acquisitions), str(t.voluntary),
                 str(t.forced), f"{med / 1e6:.2f} / {p99 / 1e6:.2f} / {mx / 1e6:.2f}"]
        rows.append("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in cells) + "</tr>")
    return "\n".join(rows)


STYLE = """
body { font: 14px/1.4 system-ui, sans-serif; margin: 20px; color: #222; }
h1 { font-size: 20px; margin: 0 0 6px; }
.meta { color: #555; margin-bottom: 12px; }
.verdict { background: #f4f6fb; border-left: 4px solid #4a6fd8; padding: 10px 14px; margin: 12px 0 18px; }
.controls button { margin-right: 6px; }
.legend span { display: inline-block; margin-right: 14px; }
.legend i { display: inline-block; width: 12px; height: 12px; margin-right: 4px; vertical-align: -1px; }
#timeline { border: 1px solid #ccc; margin-top: 8px; user-select: none; }
.row { display: flex; align-items: center; border-bottom: 1px solid #eee; height: 28px; }
.row .label { width: 160px; padding: 0 8px; overflow: hidden; white-space: nowrap; text-overflow: ellipsis; }
.row canvas { flex: 1; height: 22px; cursor: crosshair; }
.axis { display: flex; color: #666; font-size: 12px; }
.axis .label { width: 176px; }
#tip { position: fixed; pointer-events: none; background: #222; color: #fff; padding: 4px 8px;
       border-radius: 4px; font-size: 12px; display: none; white-space: nowrap; }
table { border-collapse: collapse; margin-top: 18px; }
td, th { border: 1px solid #ddd; padding: 3px 8px; text-align: right; }
td:first-child, th:first-child, td:nth-child(6) { text-align: left; }
"""

SCRIPT = r"""
(function () {
  var errors = 0;
  window.addEventListener('error', function () { errors++; document.body.dataset.errors = errors; });
  document.body.dataset.errors = 0;
  var data = JSON.parse(document.getElementById('gil-data').textContent);
  var colors = {running: '#2e9d4f', waiting: '#e0663a', sleep: '#7aa6e8', lock: '#a58be0', join: '#c7b3f0',
                queue: '#8fd0d8', file: '#5b8def', socket: '#3d6fd1', select: '#6c8fc9', process: '#9aa7b8',
                input: '#b6c4dc', other: '#a0aec0'};
  var stateNames = ['running', 'waiting for GIL', 'blocked'];
  var view = {from: 0, to: Math.max(data.duration_us, 1)};
  var rows = [];
  var timeline = document.getElementById('timeline');
  var tip = document.getElementById('tip');
  function colorOf(s) { return s[0] === 0 ? colors.running : s[0] === 1 ? colors.waiting : (colors[s[1]] || colors.other); }
  function fmt(us) { return us >= 1000 ? (us / 1000).toFixed(2) + ' ms' : us.toFixed(1) + ' us'; }
  data.threads.forEach(function (t, i) {
    var row = document.createElement('div');
    row.className = 'row';
    row.dataset.thread = t.name;
    var label = document.createElement('div');
    label.className = 'label';
    label.textContent = t.name;
    label.title = t.name;
    var canvas = document.createElement('canvas');
    row.appendChild(label);
    row.appendChild(canvas);
    timeline.appendChild(row);
    rows.push({thread: t, canvas: canvas});
    canvas.addEventListener('mousemove', function (ev) { hover(i, ev); });
    canvas.addEventListener('mouseleave', function () { tip.style.display = 'none'; });
  });
  function draw() {
    rows.forEach(function (r) {
      var c = r.canvas, w = c.clientWidth || 800, h = c.clientHeight || 22;
      c.width = w; c.height = h;
      var g = c.getContext('2d');
      g.clearRect(0, 0, w, h);
      var scale = w / (view.to - view.from);
      r.thread.spans.forEach(function (s) {
        if (s[3] < view.from || s[2] > view.to) return;
        var x0 = (s[2] - view.from) * scale, x1 = (s[3] - view.from) * scale;
        g.fillStyle = colorOf(s);
        g.fillRect(x0, s[0] === 0 ? 2 : 6, Math.max(x1 - x0, 0.5), s[0] === 0 ? h - 4 : h - 12);
      });
    });
    document.getElementById('range').textContent = fmt(view.from) + ' \u2013 ' + fmt(view.to);
  }
  function hover(i, ev) {
    var r = rows[i], rect = r.canvas.getBoundingClientRect();
    var t = view.from + (ev.clientX - rect.left) / rect.width * (view.to - view.from);
    var hit = null;
    r.thread.spans.forEach(function (s) { if (s[2] <= t && t <= s[3]) hit = s; });
    if (!hit) { tip.style.display = 'none'; return; }
    tip.textContent = r.thread.name + ': ' + (hit[0] === 2 ? 'blocked in ' + hit[1] : stateNames[hit[0]]) +
      ' for ' + fmt(hit[3] - hit[2]) + ' (at ' + fmt(hit[2]) + ')';
    tip.style.left = (ev.clientX + 12) + 'px';
    tip.style.top = (ev.clientY + 12) + 'px';
    tip.style.display = 'block';
  }
  function zoom(factor, center) {
    var span = view.to - view.from, c = center === undefined ? view.from + span / 2 : center;
    var ns = Math.min(Math.max(span * factor, 1), data.duration_us);
    var f = c - (c - view.from) * ns / span;
    view.from = Math.max(0, f);
    view.to = Math.min(data.duration_us, view.from + ns);
    draw();
  }
  timeline.addEventListener('wheel', function (ev) {
    ev.preventDefault();
    var c = rows.length ? rows[0].canvas.getBoundingClientRect() : null;
    var center = c ? view.from + (ev.clientX - c.left) / c.width * (view.to - view.from) : undefined;
    zoom(ev.deltaY < 0 ? 0.8 : 1.25, center);
  }, {passive: false});
  var drag = null;
  timeline.addEventListener('mousedown', function (ev) { drag = {x: ev.clientX, from: view.from, to: view.to}; });
  window.addEventListener('mouseup', function () { drag = null; });
  window.addEventListener('mousemove', function (ev) {
    if (!drag || !rows.length) return;
    var w = rows[0].canvas.getBoundingClientRect().width || 1;
    var d = (ev.clientX - drag.x) / w * (drag.to - drag.from);
    var span = drag.to - drag.from;
    view.from = Math.min(Math.max(0, drag.from - d), data.duration_us - span);
    view.to = view.from + span;
    draw();
  });
  document.getElementById('zin').onclick = function () { zoom(0.5); };
  document.getElementById('zout').onclick = function () { zoom(2); };
  document.getElementById('zreset').onclick = function () { view.from = 0; view.to = data.duration_us; draw(); };
  window.addEventListener('resize', draw);
  draw();
  document.body.dataset.renderedRows = rows.length;
})();
"""


def render(a):
    kind, text = _gilstats.verdict(a)
    data = json.dumps(page_data(a), separators=(",", ":")).replace("</", "<\\/")
    legend = "".join(f'<span><i style="background:{c}"></i>{n}</span>' for n, c in [
        ("running", "#2e9d4f"), ("waiting for GIL", "#e0663a"), ("sleep", "#7aa6e8"), ("lock", "#a58be0"),
        ("join", "#c7b3f0"), ("queue", "#8fd0d8"), ("file", "#5b8def"), ("socket", "#3d6fd1"),
        ("select", "#6c8fc9"), ("process", "#9aa7b8")])
    dropped = (f"<p><b>Note:</b> {a['dropped']} events were dropped (the recording keeps at most "
               f"{_gilstats._gil.max_events()}); the figures cover the recorded part only.</p>" if a["dropped"] else "")
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>gilpy GIL report</title>
<style>{STYLE}</style></head>
<body>
<h1>What the GIL did</h1>
<div class="meta">wall {a['wall'] / 1e9:.3f} s &middot; {len(a['threads'])} thread(s) &middot; {a['switches']} switches
({a['forced']} forced) &middot; GIL busy {a['gil_busy']:.1%} &middot; contention {a['contention']:.1%}
&middot; switch interval {a['switch_interval'] * 1e3:g} ms</div>
<div class="verdict"><b>Verdict ({html.escape(kind)}):</b> {html.escape(text)}</div>
{dropped}
<div class="controls"><button id="zin">zoom in</button><button id="zout">zoom out</button>
<button id="zreset">reset</button> <span id="range"></span> &middot; wheel to zoom, drag to pan, hover for details</div>
<div class="legend">{legend}</div>
<div id="timeline"></div>
<div id="tip"></div>
<table><tr><th>thread</th><th>wall s</th><th>running</th><th>waiting</th><th>blocked</th><th>blocked in</th>
<th>acquisitions</th><th>voluntary</th><th>forced</th><th>wait ms median / p99 / max</th></tr>
{_table(a)}
</table>
<script type="application/json" id="gil-data">{data}</script>
<script>{SCRIPT}</script>
</body></html>
"""


def write(path, a):
    with open(path, "w", encoding="utf-8") as f:
        f.write(render(a))
