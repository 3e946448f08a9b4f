# export.sh: every export format from the sample's database, each read by a
# real consumer (Graphviz, an XML parser, Python's json and csv, awk).
. "$(dirname "$0")/lib.sh"

run "$KG" -d kg.db ingest "$SAMPLE"
expect_rc 0 "ingest the sample"
run "$KG" -d kg.db query --format csv "SELECT count(*) FROM triples WHERE negated = 0"
ntriples=$(tail -n 1 "$T/out" | tr -d '\r')
[ "$ntriples" -ge 1 ] || fail "the sample gave no triples"

# JSON: nodes and edges, every edge with its triples and their provenance.
run "$KG" -d kg.db export --format json -o g.json
expect_rc 0 "export json"
python3 - g.json "$ntriples" <<'PY' || fail "json export"
import json, sys
d = json.load(open(sys.argv[1]))
names = {n["name"] for n in d["nodes"]}
assert {"Iran", "Taliban"} <= names, names
ids = {n["id"] for n in d["nodes"]}
assert d["edges"], "no edges"
total = 0
for e in d["edges"]:
    assert e["source"] in ids and e["target"] in ids, e
    assert e["triples"] and e["weight"] == len(e["triples"]), e
    for t in e["triples"]:
        assert t["sentence"] and t["modality"] and t["article"]["id"], t
        assert "title" in t["article"] and "url" in t["article"] and "date" in t, t
    total += len(e["triples"])
assert total == int(sys.argv[2]), (total, sys.argv[2])
PY
nedges=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["edges"]))' g.json)
nnodes=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["nodes"]))' g.json)

# DOT, read back by Graphviz.
run "$KG" -d kg.db export --format dot -o g.dot
expect_rc 0 "export dot"
if command -v dot >/dev/null 2>&1; then
	dot -Tsvg g.dot -o from-dot.svg 2>dot.err || fail "dot cannot read the DOT export: $(cat dot.err)"
	python3 -c 'import sys, xml.dom.minidom as m; m.parse(sys.argv[1])' from-dot.svg ||
		fail "dot's SVG of our DOT is not XML"
else
	fail "graphviz's dot is not installed (scripts/install-deps)"
fi
[ "$(grep -c -- ' -> ' g.dot)" -eq "$nedges" ] || fail "DOT edges differ from JSON edges"

# GraphML and GEXF: well-formed, namespaced, typed keys, same graph.
for f in graphml gexf; do
	run "$KG" -d kg.db export --format $f -o g.$f
	expect_rc 0 "export $f"
done
python3 - g.graphml g.gexf "$nnodes" "$nedges" <<'PY' || fail "graphml/gexf export"
import sys, xml.etree.ElementTree as ET
nn, ne = int(sys.argv[3]), int(sys.argv[4])
G = "{http://graphml.graphdrawing.org/xmlns}"
r = ET.parse(sys.argv[1]).getroot()
assert r.tag == G + "graphml", r.tag
allkeys = r.findall(G + "key")
assert len({k.get("id") for k in allkeys}) == len(allkeys), "key ids are not unique"
keys = {k.get("id"): k.get("attr.type") for k in allkeys}
types = {(k.get("for"), k.get("attr.name")): k.get("attr.type") for k in allkeys}
assert types[("edge", "weight")] == "int" and types[("edge", "goldstein")] == "double", types
assert types[("node", "label")] == "string" and types[("edge", "label")] == "string", types
g = r.find(G + "graph")
assert g.get("edgedefault") == "directed"
nodes, edges = g.findall(G + "node"), g.findall(G + "edge")
assert (len(nodes), len(edges)) == (nn, ne), (len(nodes), len(edges))
ids = {n.get("id") for n in nodes}
for e in edges:
    assert e.get("source") in ids and e.get("target") in ids
    for d in e.findall(G + "data"):
        assert d.get("key") in keys, d.get("key")
    w = [d.text for d in e.findall(G + "data") if d.get("key") == "e_weight"]
    assert w and int(w[0]) >= 1
X = "{http://www.gexf.net/1.2draft}"
r = ET.parse(sys.argv[2]).getroot()
assert r.tag == X + "gexf" and r.get("version") == "1.2", r.tag
g = r.find(X + "graph")
assert g.get("defaultedgetype") == "directed"
types = {}
for a in g.findall(X + "attributes"):
    for at in a.findall(X + "attribute"):
        types[(a.get("class"), at.get("id"))] = at.get("type")
assert types[("edge", "quad_class")] == "integer" and types[("edge", "goldstein")] == "double", types
nodes = g.find(X + "nodes").findall(X + "node")
edges = g.find(X + "edges").findall(X + "edge")
assert (len(nodes), len(edges)) == (nn, ne)
labels = {n.get("label") for n in nodes}
assert {"Iran", "Taliban"} <= labels, labels
for e in edges:
    float(e.get("weight"))
    for v in e.find(X + "attvalues").findall(X + "attvalue"):
        assert ("edge", v.get("for")) in types, v.get("for")
PY

# Neo4j CSV: a folder with nodes.csv and relationships.csv.
run "$KG" -d kg.db export --format csv -o neo
expect_rc 0 "export csv"
python3 - neo "$nnodes" "$nedges" <<'PY' || fail "csv export"
import csv, sys
nodes = list(csv.reader(open(sys.argv[1] + "/nodes.csv", newline="")))
rels = list(csv.reader(open(sys.argv[1] + "/relationships.csv", newline="")))
assert nodes[0][0].endswith(":ID") and ":LABEL" in nodes[0], nodes[0]
assert rels[0][:3] == [":START_ID", ":END_ID", ":TYPE"], rels[0]
assert len(nodes) - 1 == int(sys.argv[2]) and len(rels) - 1 == int(sys.argv[3])
ids = {n[0] for n in nodes[1:]}
for r in rels[1:]:
    assert len(r) == len(rels[0]) and r[0] in ids and r[1] in ids and r[2], r
for n in nodes[1:]:
    assert len(n) == len(nodes[0]) and n[-1].startswith("Actor;"), n
PY
run "$KG" -d kg.db export --format csv
expect_rc 2 "csv needs a folder"; expect_one_error_line "csv needs a folder"
: > afile
run "$KG" -d kg.db export --format csv -o afile
expect_rc 1 "csv into a file"; expect_err "not a folder" "csv into a file"

# GDELT: 61 tab-separated columns in every row, one row per triple.
run "$KG" -d kg.db export --format gdelt -o g.tsv
expect_rc 0 "export gdelt"
awk -F'\t' 'NF != 61 { print "line " NR ": " NF " fields"; bad = 1 } END { exit bad }' g.tsv ||
	fail "gdelt rows without 61 fields"
[ "$(wc -l < g.tsv)" -eq "$ntriples" ] || fail "gdelt rows $(wc -l < g.tsv), triples $ntriples"
awk -F'\t' '$30 !~ /^[1-4]$/ || $27 !~ /^[0-9]+$/ || $29 != substr($27, 1, 2) || $2 !~ /^[0-9]+$/ || length($2) != 8 { bad = 1 }
	END { exit bad }' g.tsv || fail "gdelt QuadClass/EventCode/EventRootCode/SQLDATE columns"
grep -q 'IRAN' g.tsv || fail "gdelt names actors in capitals (IRAN)"

# Rendered pictures: SVG parses, PNG and PDF by their magic bytes.
run "$KG" -d kg.db render -T svg --title 'Iran & the <Taliban>' -o g.svg
expect_rc 0 "render svg"
python3 -c 'import sys, xml.dom.minidom as m; m.parse(sys.argv[1])' g.svg || fail "svg is not XML"
grep -q 'Iran &amp; the &lt;Taliban&gt;' g.svg || fail "svg title missing or unescaped"
grep -q 'verbal cooperation' g.svg || fail "svg has no legend"
run "$KG" -d kg.db render -T png -o g.png
expect_rc 0 "render png"
[ "$(head -c 8 g.png | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] || fail "png magic"
run "$KG" -d kg.db render -T pdf -o g.pdf
expect_rc 0 "render pdf"
[ "$(head -c 5 g.pdf)" = "%PDF-" ] || fail "pdf magic"
for k in dot neato sfdp; do
	run "$KG" -d kg.db render -K $k -o k-$k.svg
	expect_rc 0 "render -K $k"
done

# HTML: one file, nothing loaded from elsewhere.
run "$KG" -d kg.db export --format html -o g.html
expect_rc 0 "export html"
grep -q '<svg' g.html || fail "html has no inline svg"
grep -q 'id="kg-data"' g.html || fail "html has no data"
grep -Eiq '<(script|img|link|iframe)[^>]* (src|href)=' g.html && fail "html loads something from elsewhere"

# A filter on the sample: Iran's ego network is not empty.
run "$KG" -d kg.db export --format json --actor iran
expect_rc 0 "--actor iran"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["edges"] and any(n["name"]=="Iran" for n in d["nodes"])' "$T/out" ||
	fail "--actor iran keeps no edge"
# ISKP's ego network: once the coder finds ISKP in the sample's events, it
# must keep some edges but not all (the full check, on a graph of known
# shape, is in export_filters.sh).
run "$KG" -d kg.db export --format json --actor ISKP --depth 1
expect_rc 0 "--actor ISKP"
python3 -c 'import json,sys; n=len(json.load(open(sys.argv[1]))["edges"]); assert n < int(sys.argv[2]), n' "$T/out" "$nedges" ||
	fail "--actor ISKP --depth 1 keeps every edge of the sample"
run "$KG" -d kg.db query --format csv "SELECT count(*) FROM actors WHERE name LIKE '%Islamic State%' OR name LIKE 'ISKP%'"
[ "$(tail -n 1 "$T/out" | tr -d '\r')" -ge 1 ] || fail "no ISKP or Islamic State actor in the sample"

done_testing
