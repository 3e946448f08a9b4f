# export_filters.sh: the graph filters of export and render, styling, and
# the bounds on layout, on a small graph whose shape is known
# (tests/browser/testdb.py describes it).
. "$(dirname "$0")/lib.sh"

printf 'Nothing of note happened.\n' > empty.txt
run "$KG" -d t.db ingest empty.txt
expect_rc 0 "create the database"
python3 "$KG_TOP/tests/browser/testdb.py" t.db || fail "testdb.py"

# edges FILTER...: "nodes edges subject>object,..." of the JSON export.
edges() {
	"$KG" -d t.db export --format json "$@" >f.json 2>f.err || { echo "exit $?: $(cat f.err)"; return; }
	python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(len(d["nodes"]), len(d["edges"]), ",".join(e["subject"]+">"+e["object"] for e in d["edges"]))' f.json
}
want() {	# want "RESULT" FILTER...
	w=$1; shift
	got=$(edges "$@")
	[ "$got" = "$w" ] || fail "export $*: got '$got', wanted '$w'"
}

all="9 8 Iran>Islamic State Khorasan Province,Iran>Taliban,Islamic State Khorasan Province>Iran,Russia>China,Taliban>Islamic State Khorasan Province,Taliban>Pakistan,United Nations>Afghanistan,United States>Taliban"
want "$all"
# The ego network: some edges, not all; by name, alias or code, any case.
ego1="3 4 Iran>Islamic State Khorasan Province,Iran>Taliban,Islamic State Khorasan Province>Iran,Taliban>Islamic State Khorasan Province"
want "$ego1" --actor ISKP --depth 1
want "$ego1" --actor iskp
want "$ego1" --actor IS-K
want "$ego1" --actor afgimgisk
want "$ego1" --actor "islamic state khorasan province"
want "5 6 Iran>Islamic State Khorasan Province,Iran>Taliban,Islamic State Khorasan Province>Iran,Taliban>Islamic State Khorasan Province,Taliban>Pakistan,United States>Taliban" --actor ISKP --depth 2
want "5 4 Iran>Islamic State Khorasan Province,Islamic State Khorasan Province>Iran,Russia>China,Taliban>Islamic State Khorasan Province" --actor ISKP --actor china --depth 1 --cameo 1,05
want "0 0 " --actor "nobody at all"
want "0 0 " --actor "x' OR 1=1 --"
# Dates (event date, else the article's), inclusive, by prefix.
want "5 5 Iran>Islamic State Khorasan Province,Iran>Taliban,Taliban>Islamic State Khorasan Province,Taliban>Pakistan,United States>Taliban" --since 2024-02 --until 2024-02
want "4 3 Iran>Islamic State Khorasan Province,Islamic State Khorasan Province>Iran,United States>Taliban" --until 2024-02-09 --quad 1,3,4 --type state
want "4 2 Russia>China,United Nations>Afghanistan" --since 2024-02-11
want "2 1 Iran>Islamic State Khorasan Province" --cameo 19
want "4 4 Iran>Islamic State Khorasan Province,Islamic State Khorasan Province>Iran,Taliban>Islamic State Khorasan Province,United States>Taliban" --quad 3 --quad 4
want "2 1 Iran>Islamic State Khorasan Province" --min-weight 2
want "3 3 Iran>Islamic State Khorasan Province,Iran>Taliban,Islamic State Khorasan Province>Iran" --top 3
want "2 1 United Nations>Afghanistan" --type igo
want "4 2 Russia>China,United Nations>Afghanistan" --article t-3
want "0 0 " --article 1
# The negated event (Pakistan did not attack ISKP) is never an edge.
"$KG" -d t.db export --format json --actor Pakistan | grep -q '"did not' && fail "negated event exported"

# Filters mean the same in every format.
run "$KG" -d t.db export --format gdelt --actor ISKP
[ "$(wc -l < "$T/out")" -eq 6 ] || fail "gdelt --actor ISKP: $(wc -l < "$T/out") rows, wanted 6 events"
run "$KG" -d t.db export --format graphml --quad 4
[ "$(grep -c '<edge ' "$T/out")" -eq 3 ] || fail "graphml --quad 4: wanted 3 edges"
run "$KG" -d t.db render -T svg --actor ISKP -o ego.svg
expect_rc 0 "render --actor"
[ "$(grep -c 'class="edge' ego.svg)" -eq 4 ] || fail "render --actor ISKP: wanted 4 edges in the SVG"

# An empty selection still draws (the legend) and exports empty graphs.
run "$KG" -d t.db render -T svg --actor nobody -o empty.svg
expect_rc 0 "render an empty selection"
python3 -c 'import sys, xml.dom.minidom as m; m.parse(sys.argv[1])' empty.svg || fail "empty svg is not XML"
for f in dot graphml gexf gdelt html; do
	run "$KG" -d t.db export --format $f --actor nobody
	expect_rc 0 "export $f of an empty selection"
done

# Bad filters: one usage line, exit 2, nothing written.
for bad in "--quad 5" "--quad x" "--since 2024-13" "--until 2024-02-30x" "--since 2024-00-10" "--since yesterday" "--until 24-01-01" \
	"--depth 2" "--actor ISKP --depth 0" "--top 0" "--min-weight -1" "--type warlord" \
	"--cameo 19a" "--cameo ''" "--since 2024-03 --until 2024-02" "--actor ''"; do
	rm -f bad.json bad.svg
	eval "run \"\$KG\" -d t.db export --format json -o bad.json $bad"
	expect_rc 2 "export $bad"; expect_one_error_line "export $bad"
	[ -e bad.json ] && fail "export $bad wrote a file"
	eval "run \"\$KG\" -d t.db render -o bad.svg $bad"
	expect_rc 2 "render $bad"; expect_one_error_line "render $bad"
done
run "$KG" -d t.db export --format yaml
expect_rc 2 "unknown format"; expect_err "dot|json|graphml|gexf|csv|gdelt|html" "unknown format lists the formats"

# Styling from viz/style.tsv: colour by QuadClass, dashes for intentions,
# width by mentions, shapes by type, tooltips with the sentence, links
# only to http(s), a legend.
run "$KG" -d t.db export --format dot -o t.dot
expect_rc 0 "export dot"
python3 - t.dot "$KG_TOP/viz/style.tsv" <<'PY' || fail "dot styling"
import re, sys
dot = open(sys.argv[1]).read().replace("\\\n", "")  # agwrite folds long strings
style = {}
for line in open(sys.argv[2]):
    f = line.rstrip("\n").split("\t")
    if len(f) == 4 and not line.startswith("#"):
        style[(f[0], f[1], f[2])] = f[3]
def edge(text):
    m = [e for e in re.findall(r'\n\s*n\d+ -> n\d+\s*\[[^\]]*\]', dot) if text in e]
    assert len(m) == 1, text
    return m[0]
e1 = edge("label=attacked")               # Iran > ISKP, 3 mentions, 190
e3 = edge('"intends to cooperate with"')   # Iran > Taliban, intended
assert style[("quad", "4", "color")] in e1, e1
assert style[("quad", "1", "color")] in e3 and "style=dashed" in e3, e3
w1 = float(re.search(r'penwidth=([\d.]+)', e1).group(1))
w3 = float(re.search(r'penwidth=([\d.]+)', e3).group(1))
assert w1 > w3, (w1, w3)
assert "label=attacked" in e1 and "Iran attacked ISKP positions." in e1, e1
assert 'URL="https://example.org/news/1?a=1&amp;b=2"' in e1, e1
assert "javascript:" not in dot
assert "shape=octagon" in dot and "shape=box" in dot and "shape=hexagon" in dot
assert "material conflict" in dot and "<TABLE" in dot
PY

# Layout bounds: -K auto takes sfdp for a large graph; a forced dot is
# refused beyond its limit, with a hint, and leaves no file.
run "$KG" -d big.db ingest empty.txt
python3 "$KG_TOP/tests/browser/testdb.py" big.db --random 400 700 || fail "random graph"
run "$KG" -d big.db render -K dot -o big.svg
expect_rc 1 "-K dot on 700 edges"; expect_one_error_line "-K dot on 700 edges"
expect_err "sfdp" "-K dot refusal suggests sfdp"
[ -e big.svg ] && fail "refused render left a file"
run "$KG" -d big.db render -K dot --top 100 -o top.svg
expect_rc 0 "-K dot --top 100"
run "$KG" -d big.db render -o big.svg
expect_rc 0 "-K auto on 700 edges"
[ "$(grep -c 'class="edge' big.svg)" -eq 700 ] || fail "auto render lost edges"

done_testing
