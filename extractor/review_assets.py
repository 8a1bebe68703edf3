"""The review page's static parts: its style sheet and its scripts (the viewer, then the reviewer).

They are plain strings: the page inlines them, and its Content-Security-Policy allows the script by its sha256.
"""

CSS = """
:root { --ind:#bcd7ff; --chg:#bdeec6; --tgt:#ffd39a; --prj:#e3c8ff; --qty:#fff1a8; --noise:#dedede; }
* { box-sizing: border-box; }
html, body { margin: 0; height: 100%; }
body { font: 15px/1.6 system-ui, -apple-system, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei",
  "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif; color: #1d1d1f; background: #f6f6f4;
  display: flex; flex-direction: column; }
header { padding: 10px 18px 8px; background: #fff; border-bottom: 1px solid #ddd; flex: none; }
h1 { font-size: 19px; margin: 0 0 4px; }
h2 { font-size: 15px; margin: 18px 0 6px; }
.meta { display: flex; flex-wrap: wrap; gap: 2px 18px; font-size: 13px; color: #444; margin: 0; }
.meta div { white-space: nowrap; } .meta dt { display: inline; color: #777; }
.meta dd { display: inline; margin: 0 0 0 4px; }
.legend { display: flex; flex-wrap: wrap; gap: 6px 14px; margin-top: 6px; font-size: 13px; }
.legend label { cursor: pointer; user-select: none; }
.sw { display: inline-block; min-width: 2.2em; padding: 0 6px; border-radius: 3px; margin-right: 4px;
  text-align: center; }
main { flex: 1; min-height: 0; display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); }
#text-pane, #side { overflow: auto; padding: 12px 18px 40px; }
#text-pane { background: #fff; border-right: 1px solid #ddd; }
#text { white-space: pre-wrap; word-break: break-word; margin: 0; font-size: 16px; line-height: 1.9; }
.hl { border-radius: 2px; cursor: pointer; }
.t-ind { background: var(--ind); } .t-chg { background: var(--chg); } .t-tgt { background: var(--tgt); }
.t-prj { background: var(--prj); } .t-qty { background: var(--qty); }
.t-noise { background: var(--noise); color: #777; }
.t-iphr { border-bottom: 2px dotted #3b78d8; }
.t-goal { border-bottom: 2px dashed #e08a00; }
.t-head { font-weight: 700; }
body.off-ind .t-ind, body.off-ind .t-iphr { background: none; border-bottom: none; }
body.off-chg .t-chg, body.off-tgt .t-tgt, body.off-prj .t-prj, body.off-qty .t-qty { background: none; }
body.off-noise .t-noise { background: none; color: inherit; }
body.off-goal .t-goal { border-bottom: none; }
.hl.flash { outline: 3px solid #e5484d; outline-offset: 1px; }
.hl.hover { outline: 2px solid #555; }
table { border-collapse: collapse; width: 100%; font-size: 13px; background: #fff; }
th, td { border: 1px solid #e2e2e2; padding: 3px 6px; text-align: left; vertical-align: top; }
th { background: #f0f0ee; position: sticky; top: -12px; }
tr[data-go] { cursor: pointer; } tr[data-go]:hover { background: #f3f7ff; } tr.sel { background: #ffecec; }
tr.sub td:first-child { padding-left: 18px; color: #777; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.none { color: #888; font-size: 13px; margin: 0; }
#inspector { position: fixed; right: 16px; bottom: 16px; width: 380px; max-height: 45vh; overflow: auto;
  background: #fffef8; border: 1px solid #bbb; border-radius: 6px; box-shadow: 0 4px 16px rgba(0,0,0,.15);
  padding: 8px 10px; font-size: 13px; display: none; z-index: 10; }
#inspector.show { display: block; } #inspector.pinned { border-color: #e5484d; }
#inspector h3 { font-size: 13px; margin: 6px 0 2px; } #inspector h3 small { color: #777; font-weight: 400; }
#inspector table { font-size: 12px; } #inspector td:first-child { color: #666; white-space: nowrap; width: 1%; }
details summary { cursor: pointer; font-weight: 600; margin: 14px 0 4px; }
@media (max-width: 900px) { body { display: block; height: auto; } main { display: block; }
  #text-pane, #side { overflow: visible; } }
"""

JS = """
(function () {
  "use strict";
  var records = JSON.parse(document.getElementById("records").textContent);
  var box = document.getElementById("inspector"), pinned = false, lastHover = [];
  function el(tag, text, cls) { var e = document.createElement(tag); if (text !== undefined) e.textContent = text;
    if (cls) e.className = cls; return e; }
  function chain(node) { var ids = [], seen = {}; for (; node && node.id !== "text"; node = node.parentElement) {
      if (node.classList && node.classList.contains("hl")) { (node.getAttribute("data-r") || "").split(" ")
        .forEach(function (r) { if (r && !seen[r]) { seen[r] = 1; ids.push(r); } }); } } return ids; }
  function show(ids) {
    box.textContent = "";
    ids.forEach(function (id) { var r = records[id]; if (!r) return;
      var h = el("h3", r.title + " "); h.appendChild(el("small", r.type)); box.appendChild(h);
      var t = el("table"); r.rows.forEach(function (row) { var tr = el("tr"); tr.appendChild(el("td", row[0]));
        tr.appendChild(el("td", row[1])); t.appendChild(tr); }); box.appendChild(t); });
    box.classList.toggle("show", ids.length > 0);
  }
  function pieces(m) { return document.querySelectorAll('[data-m="' + m + '"]'); }
  function hover(on, target) { lastHover.forEach(function (e) { e.classList.remove("hover"); }); lastHover = [];
    if (on && target) { lastHover = Array.prototype.slice.call(pieces(target.getAttribute("data-m")));
      lastHover.forEach(function (e) { e.classList.add("hover"); }); } }
  var text = document.getElementById("text");
  text.addEventListener("mouseover", function (ev) { var t = ev.target.closest(".hl"); hover(!!t, t);
    if (!pinned) show(t ? chain(t) : []); });
  text.addEventListener("mouseleave", function () { hover(false); if (!pinned) show([]); });
  text.addEventListener("click", function (ev) { var t = ev.target.closest(".hl");
    if (!t) { pinned = false; box.classList.remove("pinned"); show([]); return; }
    pinned = true; box.classList.add("pinned"); show(chain(t)); });
  box.addEventListener("click", function () { pinned = false; box.classList.remove("pinned"); show([]); });
  function go(row) {
    var id = row.getAttribute("data-go"), target = document.getElementById(id); if (!target) return;
    document.querySelectorAll("tr.sel").forEach(function (r) { r.classList.remove("sel"); }); row.classList.add("sel");
    target.scrollIntoView({block: "center", inline: "nearest"});
    document.querySelectorAll(".hl.flash").forEach(function (e) { e.classList.remove("flash"); });
    var ps = pieces(target.getAttribute("data-m"));
    ps.forEach(function (e) { e.classList.add("flash"); });
    pinned = true; box.classList.add("pinned"); show(chain(target));
    setTimeout(function () { ps.forEach(function (e) { e.classList.remove("flash"); }); }, 2500);
  }
  document.getElementById("side").addEventListener("click", function (ev) {
    var row = ev.target.closest("tr[data-go]"); if (row) go(row); });
  document.getElementById("side").addEventListener("keydown", function (ev) {
    var row = ev.target.closest("tr[data-go]"); if (row && (ev.key === "Enter" || ev.key === " ")) {
      ev.preventDefault(); go(row); } });
  document.querySelectorAll(".legend input").forEach(function (cb) {
    cb.addEventListener("change", function () { document.body.classList.toggle("off-" + cb.value, !cb.checked); }); });
})();
"""

# The reviewer: verdicts on records, the add box, and the exports. Its data arrive in the `review-data` block.
REVIEW_CSS = """
#review { background: #fff; border: 1px solid #ddd; border-radius: 6px; padding: 6px 10px 8px; }
#review h2 { margin: 2px 0 6px; display: flex; justify-content: space-between; }
#rv-progress { font-weight: 400; color: #555; }
.rv-bar { display: flex; flex-wrap: wrap; gap: 6px; margin: 4px 0; font-size: 13px; align-items: center; }
.rv-bar input, .rv-bar select, .rv-bar button, .rv-form input, .rv-form select, #rv-add input, #rv-add select,
  #rv-add button, .rv-form button { font: inherit; font-size: 13px; }
#rv-search { flex: 1; min-width: 8em; }
.rv-help { font-size: 12px; color: #666; margin: 2px 0 6px; }
#rv-list { max-height: 46vh; overflow: auto; border-top: 1px solid #eee; font-size: 13px; }
.rv { display: grid; grid-template-columns: 5.6em 4.6em minmax(0, 1fr) auto; gap: 4px; align-items: center;
  padding: 2px 4px; border-bottom: 1px solid #f0f0f0; cursor: pointer; }
.rv.cur { background: #eef4ff; outline: 2px solid #3b78d8; outline-offset: -2px; }
.rv .lab { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.rv .val { color: #555; margin-left: 6px; }
.rv button { font-size: 12px; padding: 0 5px; }
.st { font-size: 11px; border-radius: 3px; padding: 0 4px; text-align: center; background: #eee; color: #555; }
.st-accepted { background: #d3f5dc; color: #135e2a; } .st-rejected { background: #fbd5d5; color: #8a1c1c; }
.st-edited { background: #ffe8b3; color: #6b4a00; } .st-added { background: #d8e6ff; color: #173f86; }
.rv-type { font-size: 11px; color: #777; }
.rv-form { grid-column: 1 / -1; display: grid; grid-template-columns: auto 1fr; gap: 3px 8px; padding: 6px;
  background: #fffdf3; border: 1px solid #e6dcb0; border-radius: 4px; margin: 2px 0 4px; cursor: default; }
.rv-form .btns, #rv-add .btns { grid-column: 1 / -1; display: flex; gap: 6px; }
.hl.rv-rejected { text-decoration: line-through 2px #c22; opacity: .6; }
.hl.rv-edited { outline: 2px dashed #d48a00; } .hl.rv-accepted { box-shadow: inset 0 -3px 0 #2e9d4c; }
#rv-add { position: fixed; left: 16px; bottom: 16px; width: 360px; background: #f7fbff; border: 1px solid #3b78d8;
  border-radius: 6px; box-shadow: 0 4px 16px rgba(0,0,0,.18); padding: 8px 10px; z-index: 11; font-size: 13px;
  display: grid; grid-template-columns: auto 1fr; gap: 3px 8px; }
#rv-add[hidden] { display: none; }
#rv-add .surface { font-weight: 600; word-break: break-all; }
#rv-msg { font-size: 12px; color: #8a1c1c; min-height: 1em; }
"""

REVIEW_HTML = """<section id="review"><h2>Review <span id="rv-progress"></span></h2>
<div class="rv-bar"><input id="rv-search" type="search" placeholder="search ( / )" aria-label="search records">
<select id="rv-filter" aria-label="filter records"><option value="">all</option><option value="unreviewed">unreviewed
</option><option value="accepted">accepted</option><option value="rejected">rejected</option><option value="edited">
edited</option><option value="added">added</option><option value="t:indicator">indicators</option>
<option value="t:target">targets</option><option value="t:project">projects</option>
<option value="t:quantity">quantities</option></select>
<input id="rv-reviewer" placeholder="reviewer" aria-label="reviewer" size="9"></div>
<div class="rv-bar">export: <button id="rv-export-json" type="button">corrections</button>
<button id="rv-export-csv" type="button">CSV</button><button id="rv-export-gold" type="button">gold</button>
<span style="flex:1"></span><button id="rv-reset" type="button">Reset</button></div>
<p class="rv-help">j / k next, previous · a accept · r reject · e edit · / search · select text in the report to
add a record. Corrections are kept in this browser (localStorage) until Reset.</p>
<div id="rv-msg" role="status"></div>
<div id="rv-list" role="list"></div></section>
<form id="rv-add" hidden><span>add</span><span class="surface" id="rv-add-surface"></span><label for="rv-add-type">
type</label><select id="rv-add-type"><option>quantity</option><option>indicator</option><option>target</option>
<option>project</option></select><div id="rv-add-fields" style="display:contents"></div>
<div class="btns"><button type="submit">Add</button><button type="button" id="rv-add-cancel">Cancel</button></div>
</form>"""

REVIEW_JS = r"""
(function () {
  "use strict";
  if (window.performance && performance.mark) performance.mark("govreport-review-start");  // for benchmarks/
  var D = JSON.parse(document.getElementById("review-data").textContent);
  var KEY = "govreport-review:" + D.sha256, STATES = {accept: "accepted", reject: "rejected", edit: "edited",
    add: "added"}, KIND = {indicator: "indicator", target: "goal_qty", quantity: "neutral"};
  var textEl = document.getElementById("text"), list = document.getElementById("rv-list");
  var search = document.getElementById("rv-search"), filter = document.getElementById("rv-filter");
  var msg = document.getElementById("rv-msg"), addBox = document.getElementById("rv-add");
  var fullText = textEl.textContent, canAdd = fullText.length === D.chars;
  var recs = [], byKey = {}, visible = [], cur = null, sel = null;
  // records sharing a name (qualitative targets of one clause) share one row: a verdict holds for each
  D.records.forEach(function (r) { if (r.k && !byKey[r.k]) { recs.push(r); byKey[r.k] = r; } });
  var state = load();
  function el(tag, text, cls) { var e = document.createElement(tag); if (text !== undefined && text !== null)
      e.textContent = String(text); if (cls) e.className = cls; return e; }
  function say(t) { msg.textContent = t || ""; }
  function load() {
    var s = null;
    try { s = JSON.parse(localStorage.getItem(KEY) || "null"); } catch (e) { s = null; }
    if (!s || typeof s.items !== "object" || s.items === null) s = {items: {}, reviewer: ""};
    Object.keys(s.items).forEach(function (k) { var it = s.items[k];
      if (it.action === "add" && !byKey[k]) addRecord(it); });
    return s;
  }
  function save() { try { localStorage.setItem(KEY, JSON.stringify(state)); } catch (e) {
      say("not saved: " + e.message); } }
  function keyOf(t, s, e) { return t + ":" + s + "-" + e; }
  function addRecord(it) {
    var s = it.span.start, e = it.span.end, set = it.set || {};
    var r = {k: keyOf(it.type, s, e), t: it.type, s: s, e: e, surface: fullText.slice(s, e), f: {}, added: true,
      label: set.name || set.subject || fullText.slice(s, e)};
    recs.push(r); byKey[r.k] = r; return r;
  }
  function verdict(r) { var it = state.items[r.k]; return it ? STATES[it.action] : "unreviewed"; }
  function flat(set, pre, out) { out = out || {}; Object.keys(set || {}).forEach(function (k) { var v = set[k];
      if (v && typeof v === "object" && !Array.isArray(v)) flat(v, pre + k + ".", out); else out[pre + k] = v; });
    return out; }
  function current(r) { var v = {}, k; for (k in r.f) v[k] = r.f[k]; var it = state.items[r.k];
    if (it && it.set) { var f = flat(it.set, ""); for (k in f) v[k] = f[k]; } return v; }
  function shown(v) { var bv = v["value.base_value"] !== undefined ? v["value.base_value"] : v.base_value;
    var bu = v["value.base_unit"] !== undefined ? v["value.base_unit"] : v.base_unit;
    var parts = []; if (bv !== undefined && bv !== null) parts.push(bv + " " + (bu || ""));
    if (v.qualifier) parts.push("[" + v.qualifier + "]"); if (v.status) parts.push(v.status);
    if (v.year) parts.push(String(v.year)); return parts.join(" "); }
  function order(a, b) { return a.s - b.s || a.e - b.e || (a.t < b.t ? -1 : a.t > b.t ? 1 : 0); }

  // ----- the list
  function matches(r) {
    var f = filter.value, q = search.value.trim().toLowerCase(), st = verdict(r);
    if (f && f.indexOf("t:") === 0 && r.t !== f.slice(2)) return false;
    if (f && f.indexOf("t:") !== 0 && st !== f) return false;
    if (!q) return true;
    var v = current(r);
    return (String(v.name || v.subject || r.label) + " " + r.surface + " " + r.t).toLowerCase().indexOf(q) >= 0;
  }
  function row(r) {
    var d = el("div", undefined, "rv"), st = verdict(r), v = current(r);
    d.setAttribute("role", "listitem"); d.setAttribute("data-k", r.k);
    d.appendChild(el("span", st, "st st-" + st));
    d.appendChild(el("span", r.t, "rv-type"));
    var lab = el("span", v.name || v.subject || r.label, "lab"); lab.appendChild(el("span", shown(v), "val"));
    lab.title = r.surface + "  (" + r.s + "–" + r.e + ")"; d.appendChild(lab);
    var b = el("span");
    [["✓", "accept", "accept (a)"], ["✗", "reject", "reject (r)"], ["✎", "edit", "edit (e)"]].forEach(function (x) {
      var btn = el("button", x[0]); btn.type = "button"; btn.title = x[2]; btn.setAttribute("data-act", x[1]);
      b.appendChild(btn); });
    d.appendChild(b);
    if (r === cur) d.classList.add("cur");
    return d;
  }
  function progress() {
    var done = recs.filter(function (r) { return state.items[r.k]; }).length;
    document.getElementById("rv-progress").textContent = done + " / " + recs.length + " reviewed";
  }
  function marks(r) {
    if (!r.m && r.m !== 0) return;
    var st = verdict(r);
    document.querySelectorAll('[data-m="' + r.m + '"]').forEach(function (p) {
      ["rv-rejected", "rv-edited", "rv-accepted"].forEach(function (c) { p.classList.toggle(c, c === "rv-" + st); });
    });
  }
  function render() {
    recs.sort(order);
    visible = recs.filter(matches);
    list.textContent = "";
    var frag = document.createDocumentFragment();
    visible.forEach(function (r) { frag.appendChild(row(r)); });
    list.appendChild(frag);
    recs.forEach(marks);
    progress();
  }
  function refresh(r) {
    var old = list.querySelector('[data-k="' + cssEsc(r.k) + '"]');
    if (old) { var form = old.querySelector(".rv-form"); var n = row(r); if (form) n.appendChild(form);
      list.replaceChild(n, old); }
    marks(r); progress();
  }
  function cssEsc(s) { return String(s).replace(/["\\]/g, "\\$&"); }
  function focus(r, scrollText) {
    var prev = cur; cur = r;
    if (prev) { var p = list.querySelector('[data-k="' + cssEsc(prev.k) + '"]'); if (p) p.classList.remove("cur"); }
    if (!r) return;
    var n = list.querySelector('[data-k="' + cssEsc(r.k) + '"]');
    if (n) { n.classList.add("cur"); n.scrollIntoView({block: "nearest"}); }
    if (scrollText && r.go) { var t = document.getElementById(r.go); if (t) t.scrollIntoView({block: "center"}); }
  }
  function move(d) {
    if (!visible.length) return;
    var i = visible.indexOf(cur);
    i = i < 0 ? (d > 0 ? 0 : visible.length - 1) : Math.max(0, Math.min(visible.length - 1, i + d));
    focus(visible[i], true);
  }

  // ----- verdicts
  function act(r, action) {
    if (!r) return;
    var it = state.items[r.k];
    if (r.added) {
      if (action === "reject") { delete state.items[r.k]; recs.splice(recs.indexOf(r), 1); delete byKey[r.k];
        if (cur === r) cur = null; save(); render(); }
      return;
    }
    if (it && it.action === action) delete state.items[r.k];
    else state.items[r.k] = {action: action, type: r.t, span: {start: r.s, end: r.e}};
    save(); refresh(r);
  }
  function parseField(spec, raw) {
    var kind = spec[1], s = raw.trim();
    if (s === "") { if (spec[2]) throw new Error(spec[0] + " is required"); return null; }
    if (kind === "number") { var n = Number(s); if (!isFinite(n)) throw new Error(spec[0] + ": not a number");
      return n; }
    if (kind === "int") { if (!/^-?\d+$/.test(s)) throw new Error(spec[0] + ": not a whole number");
      return parseInt(s, 10); }
    return s;
  }
  function put(set, path, v) { var ps = path.split("."), o = set;
    for (var i = 0; i < ps.length - 1; i++) { o = o[ps[i]] = o[ps[i]] || {}; } o[ps[ps.length - 1]] = v; }
  function fieldsFor(type, have) {
    return (D.fields[type] || []).filter(function (f) { return !have || have.hasOwnProperty(f[0]); }); }
  function inputs(holder, specs, values) {
    specs.forEach(function (f, i) {
      var id = holder.id + "-f" + i, lab = el("label", f[0]); lab.htmlFor = id; holder.appendChild(lab);
      var inp;
      if (f[1] === "enum") { inp = el("select"); if (!f[2]) inp.appendChild(el("option", ""));
        f[3].forEach(function (o) { inp.appendChild(el("option", o)); }); }
      else { inp = el("input"); inp.type = "text"; inp.autocomplete = "off"; }
      inp.id = id; inp.setAttribute("data-f", f[0]);
      var v = values[f[0]]; inp.value = v === null || v === undefined ? "" : String(v);
      holder.appendChild(inp);
    });
  }
  function readSet(holder, specs, base, diffOnly) {
    var set = {};
    specs.forEach(function (f) {
      var inp = holder.querySelector('[data-f="' + f[0] + '"]'), v = parseField(f, inp.value);
      if (!diffOnly || String(v === null ? "" : v) !== String(base[f[0]] === null || base[f[0]] === undefined ?
          "" : base[f[0]])) put(set, f[0], v);
    });
    return set;
  }
  function openEdit(r) {
    if (!r) return;
    var n = list.querySelector('[data-k="' + cssEsc(r.k) + '"]'); if (!n) return;
    var old = n.querySelector(".rv-form"); if (old) { old.querySelector("input, select").focus(); return; }
    var form = el("form", undefined, "rv-form"); form.id = "rv-edit-" + r.t + "-" + r.s + "-" + r.e;
    var specs = r.added ? fieldsFor(r.t) : fieldsFor(r.t, r.f);
    inputs(form, specs, current(r));
    var btns = el("div", undefined, "btns"), ok = el("button", "Save"), no = el("button", "Cancel");
    ok.type = "submit"; no.type = "button"; btns.appendChild(ok); btns.appendChild(no); form.appendChild(btns);
    n.appendChild(form);
    form.addEventListener("click", function (ev) { ev.stopPropagation(); });
    no.addEventListener("click", function () { form.remove(); });
    form.addEventListener("keydown", function (ev) { if (ev.key === "Escape") { ev.preventDefault(); form.remove();
      n.focus(); } });
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var set;
      try { set = readSet(form, specs, r.f, !r.added); } catch (e) { say(e.message); return; }
      say("");
      var it = state.items[r.k];
      if (r.added) { it.set = set; r.label = set.name || set.subject || r.surface; }
      else if (Object.keys(set).length) state.items[r.k] = {action: "edit", type: r.t, span: {start: r.s, end: r.e},
        set: set};
      else if (it && it.action === "edit") delete state.items[r.k];
      save(); form.remove(); refresh(r);
    });
    var first = form.querySelector("input, select"); if (first) first.focus();
  }

  // ----- adding a record from a selection in the text
  function selection() {
    var s = window.getSelection();
    if (!s || s.rangeCount === 0 || s.isCollapsed) return null;
    var rg = s.getRangeAt(0);
    if (!textEl.contains(rg.startContainer) || !textEl.contains(rg.endContainer)) return null;
    var pre = document.createRange(); pre.selectNodeContents(textEl); pre.setEnd(rg.startContainer, rg.startOffset);
    var a = pre.toString().length, b = a + rg.toString().length;
    while (a < b && /\s/.test(fullText.charAt(a))) a++;
    while (b > a && /\s/.test(fullText.charAt(b - 1))) b--;
    return a < b ? {start: a, end: b} : null;
  }
  function addFields() {
    var holder = document.getElementById("rv-add-fields"), t = document.getElementById("rv-add-type").value;
    holder.textContent = "";
    var vals = {}; if (t === "project") vals.name = fullText.slice(sel.start, sel.end);
    inputs(holder, fieldsFor(t), vals);
  }
  textEl.addEventListener("mouseup", function () {
    var sp = selection(); if (!sp) return;
    if (!canAdd) { say("this page's text differs from the report's (line endings?): records cannot be added here");
      return; }
    sel = sp;
    document.getElementById("rv-add-surface").textContent = fullText.slice(sp.start, sp.end) + "  (" + sp.start +
      "–" + sp.end + ")";
    addFields(); addBox.hidden = false;
    var f = addBox.querySelector("#rv-add-fields input"); if (f) f.focus();
  });
  document.getElementById("rv-add-type").addEventListener("change", addFields);
  document.getElementById("rv-add-cancel").addEventListener("click", function () { addBox.hidden = true; });
  addBox.addEventListener("keydown", function (ev) { if (ev.key === "Escape") addBox.hidden = true; });
  addBox.addEventListener("submit", function (ev) {
    ev.preventDefault();
    var t = document.getElementById("rv-add-type").value, specs = fieldsFor(t), set;
    try { set = readSet(document.getElementById("rv-add-fields"), specs, {}, false); } catch (e) {
      say(e.message); return; }
    Object.keys(set).forEach(function (k) { if (set[k] === null) delete set[k]; });
    if (set.value) Object.keys(set.value).forEach(function (k) { if (set.value[k] === null) delete set.value[k]; });
    say("");
    var k = keyOf(t, sel.start, sel.end), r = byKey[k];
    if (r && !r.added) { state.items[k] = {action: "edit", type: t, span: {start: sel.start, end: sel.end},
      set: set}; }
    else { var it = {action: "add", type: t, span: {start: sel.start, end: sel.end}, set: set};
      if (!r) r = addRecord(it); else r.label = set.name || set.subject || r.surface; state.items[k] = it; }
    save(); addBox.hidden = true; render(); focus(r, false);
  });

  // ----- exports
  function download(name, type, content) {
    var a = el("a"); a.href = URL.createObjectURL(new Blob([content], {type: type})); a.download = name;
    document.body.appendChild(a); a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }
  function corrections() {
    var items = recs.filter(function (r) { return state.items[r.k]; }).map(function (r) { return state.items[r.k]; });
    var out = {schema_version: "1.0", sha256: D.sha256};
    if (state.reviewer) out.reviewer = state.reviewer;
    out.items = items; return out;
  }
  function csvCell(v) { if (v === null || v === undefined) return "";
    if (v === true || v === false) return v ? "True" : "False";  // as Python's csv writes them
    var s = String(v);
    return /[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s; }
  var COLS = {name: ["name"], subject: ["subject"], canonical: ["canonical"], year: ["year"],
    measure: ["measure"], qualifier: ["qualifier"], status: ["status"], category: ["category"],
    "value.base_value": ["value_base_value"], "value.base_unit": ["value_base_unit"],
    "value.approx": ["value_approx"], base_value: ["value_base_value"], base_unit: ["value_base_unit"],
    approx: ["value_approx"]};
  function patched(row, set) { var f = flat(set, ""); Object.keys(f).forEach(function (k) {
      (COLS[k] || []).forEach(function (c) { row[c] = f[k]; }); }); return row; }
  function csv() {
    var rows = [], rejected = [], added = [], kept = [];
    D.records.forEach(function (r) {
      var row = {}, k; for (k in D.base_row) row[k] = D.base_row[k]; for (k in r.row) row[k] = r.row[k];
      if (row.sentence_start !== undefined && row.sentence_start !== null)
        row.sentence_text = fullText.slice(row.sentence_start, row.sentence_end);
      if (!r.k) {
        if (row.type === "goal" && row.text === undefined) row.text = fullText.slice(row.span_start, row.span_end);
        row.review = ""; rows.push(row); return; }
      var it = state.items[r.k]; row.review = verdict(r);
      if (it && it.set) patched(row, it.set);
      if (it && it.action === "reject") rejected.push(row); else { rows.push(row); kept.push({r: r, row: row}); }
    });
    // a rejected record's mentions that no kept record holds are loose quantities now, with rows of their own
    var held = {}, loose = {};
    D.records.forEach(function (r) { if (r.k) { if (r.t === "quantity") loose[r.s + "-" + r.e] = 1;
      else if (verdict(r) !== "rejected") (r.q || []).forEach(function (q) {
        held[q.span_start + "-" + q.span_end] = 1; }); } });
    D.records.forEach(function (r) { if (!r.k || verdict(r) !== "rejected") return;
      (r.q || []).forEach(function (q) { var sp = q.span_start + "-" + q.span_end;
        if (held[sp] || loose[sp]) return; loose[sp] = 1;
        var row = {}, k; for (k in D.base_row) row[k] = D.base_row[k]; for (k in q) row[k] = q[k];
        row.review = "unreviewed"; rows.push(row); }); });
    recs.filter(function (r) { return r.added; }).forEach(function (r) {
      var set = state.items[r.k].set || {}, v = flat(set, ""), row = {};
      for (var k in D.base_row) row[k] = D.base_row[k];
      row.type = r.t; row.span_start = r.s; row.span_end = r.e; row.review = "added";
      if (r.t !== "project") { var bv = v["value.base_value"] !== undefined ? v["value.base_value"] : v.base_value;
        var bu = v["value.base_unit"] !== undefined ? v["value.base_unit"] : v.base_unit;
        row.value_raw = r.surface; row.value_number = bv; row.value_unit = bu; }
      else row.name = r.surface;
      if (r.t === "target") row.kind = "target";
      added.push(patched(row, set)); kept.push({r: r, row: row});
    });
    renumber(kept, rows); recount(kept, rows);
    return [D.columns.join(",")].concat(rows.concat(added, rejected).map(function (row) {
      return D.columns.map(function (c) { return csvCell(row[c]); }).join(","); })).join("\n") + "\n";
  }
  // idx as `govreport apply` gives it: each list of the corrected document numbered afresh, a rejected record
  // gone and an added one placed before the first whose identity span comes after it (a target in the narrowest
  // goal around it)
  function renumber(kept, rows) {
    var goals = rows.filter(function (row) { return row.type === "goal"; }), lists = {};
    kept.forEach(function (x) { var t = x.r.t; if (t === "quantity") return;
      if (t === "target" && x.r.added) { var best = null;
        goals.forEach(function (g) { if (g.span_start <= x.r.s && x.r.e <= g.span_end &&
            (!best || g.span_end - g.span_start < best.span_end - best.span_start)) best = g; });
        if (best) x.row.goal_idx = best.idx; }
      var k = t === "target" ? t + ":" + x.row.goal_idx : t, l = lists[k] || (lists[k] = []);
      if (!x.r.added) { l.push(x); return; }
      var at = l.findIndex(function (y) { return y.r.s > x.r.s || (y.r.s === x.r.s && y.r.e > x.r.e); });
      l.splice(at < 0 ? l.length : at, 0, x); });
    Object.keys(lists).forEach(function (k) { lists[k].forEach(function (x, i) { x.row.idx = i; }); });
  }
  // the document row's counts are the corrected document's, as apply writes them
  function recount(kept, rows) {
    var doc = rows.find(function (row) { return row.type === "document"; }); if (!doc) return;
    var n = {indicator: 0, target: 0, project: 0}, known = {}, more = 0;
    D.records.forEach(function (r) { if (r.t === "quantity") known[r.s + "-" + r.e] = 1;
      (r.q || []).forEach(function (q) { known[q.span_start + "-" + q.span_end] = 1; }); });
    kept.forEach(function (x) { if (n[x.r.t] !== undefined) n[x.r.t] += 1;
      if (x.r.added && x.r.t !== "project" && !known[x.r.s + "-" + x.r.e]) more += 1; });
    doc.n_indicators = n.indicator; doc.n_targets = n.target; doc.n_projects = n.project;
    doc.n_goals = rows.filter(function (row) { return row.type === "goal"; }).length;
    if (doc.n_quantities !== undefined && doc.n_quantities !== null) doc.n_quantities = Number(doc.n_quantities) + more;
  }
  function gold() {
    var g = JSON.parse(JSON.stringify(D.gold)), qs = {}, ps = {};
    g.goals.forEach(function (x) { if (x.text === undefined) x.text = fullText.slice(x.start, x.end); });
    g.quantities.forEach(function (q) { qs[q.start + "-" + q.end] = q; });
    g.projects.forEach(function (p) { ps[p.start + "-" + p.end] = p; });
    function neutral(sp) { var q = qs[sp]; if (!q) return; q.kind = "neutral";
      ["name", "year", "change", "qualifier"].forEach(function (k) { delete q[k]; }); }
    function setOrDrop(o, k, v) { if (v === null || v === undefined || v === "") delete o[k]; else o[k] = v; }
    recs.forEach(function (r) {
      var it = state.items[r.k], sp = r.s + "-" + r.e; if (!it || it.action === "accept") return;
      if (it.action === "reject") {
        if (r.t === "quantity") delete qs[sp];
        else if (r.t === "project") { delete ps[sp]; (r.qs || []).forEach(neutral); }
        else { neutral(sp); if (r.chg) neutral(r.chg); }
        return;
      }
      var v = flat(it.set || {}, "");
      if (r.t === "project") {
        var p = ps[sp] || (ps[sp] = {name: r.surface, start: r.s, end: r.e});
        if (v.name !== undefined) p.name = v.name;
        if (v.status !== undefined) setOrDrop(p, "status", v.status);
        return;
      }
      var q = qs[sp] || (qs[sp] = {surface: r.surface, start: r.s, end: r.e});
      if (it.action === "add") q.kind = KIND[r.t];
      var bv = v["value.base_value"] !== undefined ? v["value.base_value"] : v.base_value;
      var bu = v["value.base_unit"] !== undefined ? v["value.base_unit"] : v.base_unit;
      if (bv !== undefined) { if (Array.isArray(q.value)) q.value[0] = bv; else q.value = bv; }
      if (bu !== undefined) q.base_unit = bu;
      if (v.approx !== undefined) setOrDrop(q, "approx", v.approx);
      if (r.t === "indicator") { if (v.name !== undefined) q.name = v.name;
        if (v.year !== undefined) setOrDrop(q, "year", v.year); }
      if (r.t === "target") { if (v.subject !== undefined || it.action === "add") q.name = v.subject || r.surface;
        if (v.qualifier !== undefined) setOrDrop(q, "qualifier", v.qualifier);
        if (it.action === "add" && !g.goals.some(function (x) { return x.start <= r.s && r.e <= x.end; }))
          g.goals.push({text: r.surface, start: r.s, end: r.e}); }
    });
    function pos(a, b) { return a.start - b.start || a.end - b.end; }
    g.quantities = Object.keys(qs).map(function (k) { return qs[k]; }).sort(pos);
    g.projects = Object.keys(ps).map(function (k) { return ps[k]; }).sort(pos);
    g.goals.sort(pos);
    return g;
  }
  function json(o) { return JSON.stringify(o, null, 1) + "\n"; }
  document.getElementById("rv-export-json").addEventListener("click", function () {
    download(D.name + ".corrections.json", "application/json", json(corrections())); });
  document.getElementById("rv-export-csv").addEventListener("click", function () {
    download(D.name + ".review.csv", "text/csv", csv()); });
  document.getElementById("rv-export-gold").addEventListener("click", function () {
    download(D.name + ".gold.json", "application/json", json(gold())); });
  document.getElementById("rv-reset").addEventListener("click", function () {
    var n = Object.keys(state.items).length;
    if (!window.confirm("Clear all " + n + " corrections of this report? They cannot be restored.")) return;
    recs = recs.filter(function (r) { if (r.added) delete byKey[r.k]; return !r.added; });
    state = {items: {}, reviewer: state.reviewer}; cur = null;
    try { localStorage.removeItem(KEY); } catch (e) { /* nothing stored */ }
    save(); render(); say("corrections cleared");
  });
  var reviewer = document.getElementById("rv-reviewer");
  reviewer.value = state.reviewer || "";
  reviewer.addEventListener("input", function () { state.reviewer = reviewer.value; save(); });

  // ----- mouse and keyboard
  list.addEventListener("click", function (ev) {
    var n = ev.target.closest(".rv"); if (!n) return;
    var r = byKey[n.getAttribute("data-k")], b = ev.target.closest("button[data-act]");
    focus(r, !b);
    if (b) { var a = b.getAttribute("data-act"); if (a === "edit") openEdit(r); else act(r, a); }
  });
  search.addEventListener("input", render); filter.addEventListener("change", render);
  document.addEventListener("keydown", function (ev) {
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    var tag = (ev.target.tagName || "").toLowerCase();
    if (tag === "input" || tag === "select" || tag === "textarea") {
      if (ev.key === "Escape" && ev.target === search) search.blur();
      return;
    }
    var k = ev.key;
    if (k === "j") move(1); else if (k === "k") move(-1);
    else if (k === "a") act(cur, "accept"); else if (k === "r") act(cur, "reject");
    else if (k === "e") openEdit(cur); else if (k === "/") search.focus();
    else return;
    ev.preventDefault();
  });
  render();
  document.body.setAttribute("data-review", "ready");
  if (window.performance && performance.mark) performance.mark("govreport-review-ready");  // for benchmarks/
})();
"""
