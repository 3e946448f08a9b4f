/* viewer.js: the kgraph HTML viewer (see viewer.html).
 *
 * The graph's data sits in <script type="application/json" id="kg-data">;
 * the SVG drawn by Graphviz has the same ids: node "n<actor id>", edge
 * "e<rank>".  Every piece of article text is put into the page with
 * textContent, never as markup.  With "#selftest" in the URL the page
 * clicks its first edge and reports what it saw in #kg-selftest (the
 * browser test, tests/browser/viewer.sh). */
(function () {
	"use strict";
	var data = JSON.parse(document.getElementById("kg-data").textContent);
	var svg = document.querySelector("#kg-graph svg");
	var box = document.getElementById("kg-graph");
	var panel = document.getElementById("kg-panel");
	var status = document.getElementById("kg-status");
	var quadNames = {1: "verbal cooperation", 2: "material cooperation",
			 3: "verbal conflict", 4: "material conflict"};
	var edgesById = {}, nodesById = {};
	var quadOn = {1: true, 2: true, 3: true, 4: true};

	data.edges.forEach(function (e) { edgesById[e.id] = e; });
	data.nodes.forEach(function (n) { nodesById[n.id] = n; });

	function el(tag, text, cls) {
		var x = document.createElement(tag);
		if (text !== undefined && text !== null) x.textContent = String(text);
		if (cls) x.className = cls;
		return x;
	}
	function safeUrl(u) {
		return typeof u === "string" && /^https?:\/\//i.test(u) ? u : null;
	}

	/* ---- pan and zoom, on the SVG's viewBox ---- */
	var vb0 = svg ? svg.viewBox.baseVal : null, vb;
	function setVB() { svg.setAttribute("viewBox", vb.x + " " + vb.y + " " + vb.w + " " + vb.h); }
	function fit() {
		if (!svg) return;
		vb = {x: vb0.x, y: vb0.y, w: vb0.width, h: vb0.height};
		setVB();
	}
	function zoom(f, cx, cy) {
		if (!svg) return;
		var r = svg.getBoundingClientRect();
		var px = cx === undefined ? 0.5 : (cx - r.left) / (r.width || 1);
		var py = cy === undefined ? 0.5 : (cy - r.top) / (r.height || 1);
		var w = vb.w * f, h = vb.h * f;
		vb.x += (vb.w - w) * px;
		vb.y += (vb.h - h) * py;
		vb.w = w;
		vb.h = h;
		setVB();
	}
	if (svg) {
		svg.removeAttribute("width");
		svg.removeAttribute("height");
		svg.setAttribute("preserveAspectRatio", "xMidYMid meet");
		vb0 = {x: vb0.x, y: vb0.y, width: vb0.width, height: vb0.height};
		fit();
		box.addEventListener("wheel", function (ev) {
			ev.preventDefault();
			zoom(ev.deltaY < 0 ? 0.85 : 1 / 0.85, ev.clientX, ev.clientY);
		}, {passive: false});
		var drag = null;
		box.addEventListener("mousedown", function (ev) {
			drag = {x: ev.clientX, y: ev.clientY, vx: vb.x, vy: vb.y, moved: false};
		});
		window.addEventListener("mousemove", function (ev) {
			if (!drag) return;
			var r = svg.getBoundingClientRect();
			var s = Math.max(vb.w / (r.width || 1), vb.h / (r.height || 1));
			var dx = ev.clientX - drag.x, dy = ev.clientY - drag.y;
			if (Math.abs(dx) + Math.abs(dy) > 3) { drag.moved = true; box.classList.add("dragging"); }
			vb.x = drag.vx - dx * s;
			vb.y = drag.vy - dy * s;
			setVB();
		});
		window.addEventListener("mouseup", function () {
			box.classList.remove("dragging");
			setTimeout(function () { drag = null; }, 0);
		});
	}
	document.getElementById("kg-zoom-in").addEventListener("click", function () { zoom(0.8); });
	document.getElementById("kg-zoom-out").addEventListener("click", function () { zoom(1.25); });
	document.getElementById("kg-reset").addEventListener("click", fit);

	/* ---- the edge panel ---- */
	function showEdge(id) {
		var e = edgesById[id];
		if (!e) return;
		document.querySelectorAll("g.edge.selected").forEach(function (g) { g.classList.remove("selected"); });
		var g = document.getElementById(id);
		if (g) g.classList.add("selected");
		panel.textContent = "";
		panel.appendChild(el("h2", e.subject + " " + e.predicate + " " + e.object));
		var meta = "CAMEO " + e.cameo + (e.cameo_root ? " (" + e.cameo_root + ")" : "") +
			", " + (quadNames[e.quad_class] || "QuadClass " + e.quad_class) +
			", " + e.modality + ", " + e.weight + " mention" + (e.weight === 1 ? "" : "s") +
			" in " + e.articles + " article" + (e.articles === 1 ? "" : "s");
		panel.appendChild(el("p", meta, "meta"));
		var ol = el("ol", null, "triples");
		e.triples.forEach(function (t) {
			var li = el("li", null, "triple");
			li.appendChild(el("blockquote", t.sentence, "sentence"));
			var src = el("div", null, "src");
			var a = t.article || {};
			var title = a.title || a.ext_id || ("article " + a.id);
			var url = safeUrl(a.url);
			if (url) {
				var link = el("a", title);
				link.href = url;
				link.target = "_blank";
				link.rel = "noopener noreferrer";
				src.appendChild(link);
			} else {
				src.appendChild(el("span", title, "title"));
			}
			var extra = [t.date, a.source, t.modality !== "actual" ? t.modality : null,
				     t.reported ? "reported" : null].filter(Boolean).join(", ");
			if (extra) src.appendChild(el("span", " (" + extra + ")"));
			li.appendChild(src);
			ol.appendChild(li);
		});
		panel.appendChild(ol);
	}
	document.querySelectorAll("g.edge").forEach(function (g) {
		g.addEventListener("click", function (ev) {
			ev.preventDefault();	/* the SVG's own link would leave the page */
			if (drag && drag.moved) return;
			showEdge(g.id);
		});
	});
	/* Links inside the SVG (edge URLs) never navigate away from the viewer. */
	document.querySelectorAll("#kg-graph a").forEach(function (a) {
		a.addEventListener("click", function (ev) { ev.preventDefault(); });
	});

	/* ---- filters: quad class, dates; search ---- */
	var qspan = document.getElementById("kg-quads");
	[1, 2, 3, 4].forEach(function (q) {
		var lab = el("label"), cb = el("input");
		cb.type = "checkbox";
		cb.checked = true;
		cb.id = "kg-quad-" + q;
		cb.addEventListener("change", function () { quadOn[q] = cb.checked; applyFilters(); });
		var sw = el("span", null, "swatch");
		var col = null;
		(data.quads || []).forEach(function (x) {
			if (x.quad_class === q) { col = x.color; if (x.label) quadNames[q] = x.label; }
		});
		if (col && /^#[0-9a-fA-F]{6}$/.test(col)) sw.style.background = col;
		lab.appendChild(cb);
		lab.appendChild(sw);
		lab.appendChild(document.createTextNode(quadNames[q]));
		qspan.appendChild(lab);
	});
	var from = document.getElementById("kg-from"), to = document.getElementById("kg-to");
	from.addEventListener("change", applyFilters);
	to.addEventListener("change", applyFilters);

	function edgeVisible(e) {
		if (!quadOn[e.quad_class]) return false;
		var f = from.value, t = to.value;
		if (!f && !t) return true;
		return e.triples.some(function (x) {
			return x.date && (!f || x.date >= f) && (!t || x.date.slice(0, t.length) <= t);
		});
	}
	function applyFilters() {
		var shown = 0, live = {};
		data.edges.forEach(function (e) {
			var vis = edgeVisible(e), g = document.getElementById(e.id);
			if (vis) { shown++; live[e.source] = live[e.target] = true; }
			if (g) g.classList.toggle("hidden", !vis);
		});
		data.nodes.forEach(function (n) {
			var g = document.getElementById(n.id);
			if (g) g.classList.toggle("dim", !live[n.id]);
		});
		status.textContent = shown + " of " + data.edges.length + " relations, " +
			data.nodes.length + " actors";
		return shown;
	}

	var search = document.getElementById("kg-search");
	function doSearch(center) {
		var q = search.value.trim().toLowerCase(), hits = [];
		data.nodes.forEach(function (n) {
			var g = document.getElementById(n.id);
			var hit = q !== "" && ((n.name || "").toLowerCase().indexOf(q) >= 0 ||
					       (n.code || "").toLowerCase() === q);
			if (g) g.classList.toggle("hit", hit);
			if (hit) hits.push(n);
		});
		if (center && hits.length && svg) {
			var g = document.getElementById(hits[0].id), bb = g && g.getBBox && g.getBBox();
			if (bb) {
				var w = Math.max(bb.width * 8, vb0.width / 6), h = Math.max(bb.height * 8, vb0.height / 6);
				/* getBBox is in the node's own coordinates: Graphviz puts every
				 * node under one transformed group, so add its translation. */
				var tr = svg.querySelector("g.graph").transform.baseVal.consolidate();
				var tx = tr ? tr.matrix.e : 0, ty = tr ? tr.matrix.f : 0;
				vb = {x: bb.x + tx + bb.width / 2 - w / 2, y: bb.y + ty + bb.height / 2 - h / 2, w: w, h: h};
				setVB();
			}
		}
		return hits;
	}
	search.addEventListener("input", function () { doSearch(false); });
	search.addEventListener("keydown", function (ev) { if (ev.key === "Enter") doSearch(true); });
	applyFilters();

	/* ---- self-test for the browser test ---- */
	if (location.hash === "#selftest") {
		var r = {edges: data.edges.length, svgEdges: document.querySelectorAll("g.edge").length};
		var first = data.edges.length ? document.getElementById(data.edges[0].id) : null;
		if (first) first.dispatchEvent(new MouseEvent("click", {bubbles: true, cancelable: true}));
		var items = panel.querySelectorAll("li.triple blockquote");
		r.clicked = first ? first.id : null;
		r.heading = (panel.querySelector("h2") || {}).textContent || null;
		r.sentences = Array.prototype.map.call(items, function (b) { return b.textContent; });
		var all = 0;
		data.edges.forEach(function (e) {
			showEdge(e.id);
			all += panel.querySelectorAll("li.triple").length;
		});
		r.allSentences = all;
		[1, 2, 3, 4].forEach(function (q) { quadOn[q] = false; });
		r.shownNoQuad = applyFilters();
		[1, 2, 3, 4].forEach(function (q) { quadOn[q] = true; });
		r.shownAll = applyFilters();
		search.value = data.nodes.length ? data.nodes[0].name : "";
		r.searchHits = doSearch(true).length;
		r.pwned = window.kgPwned || null;
		r.injected = document.querySelectorAll("script:not([type]), script[type='text/javascript']").length - 2;
		r.errors = window.kgErrors.slice();
		var out = document.getElementById("kg-selftest");
		out.hidden = false;
		out.textContent = "KGSELFTEST " + JSON.stringify(r);
	}
})();
