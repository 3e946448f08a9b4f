# basic.sh: the command line end to end on the bundled article.
. "$(dirname "$0")/lib.sh"

run "$KG" version
expect_rc 0 version; expect_out '^kgraph [0-9]' version

run "$KG" help
expect_rc 0 help; expect_out ingest help; expect_out render help

for c in ingest extract query export render help version; do
	run "$KG" "$c" --help
	expect_rc 0 "$c --help"; expect_out "usage: kgraph" "$c --help"
done

# Usage errors: exit 2 with one line.
run "$KG" frobnicate
expect_rc 2 "unknown command"; expect_one_error_line "unknown command"
run "$KG" query --format xml "SELECT 1"
expect_rc 2 "bad format"; expect_one_error_line "bad format"
run "$KG" ingest
expect_rc 2 "ingest without input"; expect_one_error_line "ingest without input"
run "$KG" render -T gif -o x.gif
expect_rc 2 "render bad -T"; expect_one_error_line "render bad -T"
run "$KG" -d
expect_rc 2 "-d without file"; expect_one_error_line "-d without file"

# ingest, then the acceptance query of issue 2.
run "$KG" -d kg.db ingest "$SAMPLE"
expect_rc 0 ingest
run "$KG" -d kg.db query --format csv "SELECT count(*) FROM triples"
expect_rc 0 "count triples"
n=$(tail -n 1 "$T/out" | tr -d '\r')
[ "$n" -ge 3 ] || fail "wanted at least 3 triples, got $n"
run "$KG" -d kg.db query --format tsv "SELECT subject, cameo, object FROM triples WHERE subject = 'Iran' AND object = 'Taliban' AND cameo LIKE '03%'"
expect_rc 0 "Iran -> Taliban"; expect_out "Iran	03" "Iran -> Taliban cooperation"

# A name no dictionary knows is kept for the analyst (issue 4's loop).
run "$KG" -d kg.db actors --unresolved --format csv
expect_rc 0 "actors --unresolved"; expect_out '^The Diplomat,' "actors --unresolved lists The Diplomat"

# $KGRAPH_DB is the default database.
KGRAPH_DB=kg.db run "$KG" query --format csv "SELECT count(*) FROM articles"
expect_rc 0 "KGRAPH_DB"; expect_out '^1' "KGRAPH_DB names the database"

# The view has the documented columns.
run "$KG" -d kg.db query --format csv "SELECT id, article_id, sentence_id, sentence, subject, subject_code, predicate, cameo, quad_class, goldstein, object, object_code, against, modality, negated, event_date, location FROM triples LIMIT 1"
expect_rc 0 "triples view columns"

# Re-ingesting the same article adds nothing.
run "$KG" -d kg.db ingest "$SAMPLE"
expect_rc 0 "re-ingest"
run "$KG" -d kg.db query --format csv "SELECT (SELECT count(*) FROM articles) || '/' || (SELECT count(*) FROM triples)"
before=$(tail -n 1 "$T/out")
[ "${before%%/*}" = 1 ] || fail "re-ingest added an article: $before"

# Directory walk and stdin.
mkdir -p in/sub && cp "$SAMPLE" in/sub/a.txt && printf 'The UN condemned the attack.\n' > in/b.txt
run "$KG" -d kg2.db ingest in
expect_rc 0 "ingest a directory"
run "$KG" -d kg2.db query --format csv "SELECT count(*) FROM articles"
expect_out '^2' "directory walk finds both files"
run sh -c "cat '$SAMPLE' | '$KG' extract -"
expect_rc 0 "extract from stdin"; expect_out '"subject":{"name":"Iran"' "extract from stdin"

# A missing input is reported, the others still processed, exit non-zero.
run "$KG" -d kg3.db ingest nonexistent.txt "$SAMPLE"
expect_rc 1 "missing input"; expect_err "nonexistent.txt" "missing input named"
run "$KG" -d kg3.db query --format csv "SELECT count(*) FROM articles"
expect_out '^1' "other input still ingested"

# query is read-only.
run "$KG" -d kg.db query "DELETE FROM articles"
expect_rc 1 "write refused"; expect_err "read-only" "write refused"
run "$KG" -d kg.db query --format csv "SELECT count(*) FROM articles"
expect_out '^1' "nothing deleted"
run "$KG" -d kg.db query "SELEC nonsense"
expect_rc 1 "SQL error"; expect_err "syntax error" "SQL error message"

# Output formats of query parse.
run "$KG" -d kg.db query --format json "SELECT subject, object, goldstein FROM triples"
expect_rc 0 "json"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert isinstance(d, list) and d' "$T/out" || fail "query json does not parse"
run "$KG" -d kg.db query --format jsonl "SELECT subject, object FROM triples"
python3 -c 'import json,sys; [json.loads(l) for l in open(sys.argv[1])]' "$T/out" || fail "query jsonl does not parse"

# DOT and SVG.
run "$KG" -d kg.db export --format dot -o g.dot
expect_rc 0 "export dot"
grep -q 'digraph' g.dot || fail "dot file lacks digraph"
run "$KG" -d kg.db render -T svg -o g.svg
expect_rc 0 "render svg"
python3 -c 'import sys, xml.dom.minidom as m; m.parse(sys.argv[1])' g.svg || fail "svg is not well-formed XML"
grep -q Taliban g.svg || fail "svg does not name the Taliban"

# A database that is not ours is refused and left untouched.
printf 'my notes\n' > notes.db
cp notes.db notes.orig
run "$KG" -d notes.db ingest "$SAMPLE"
expect_rc 1 "foreign file refused"
cmp -s notes.db notes.orig || fail "foreign file was modified"

# -o refuses to write through a non-regular file.
mkdir adir
run "$KG" -d kg.db render -T svg -o adir
expect_rc 1 "render -o directory"; expect_err "not a regular file" "render -o directory"

done_testing
