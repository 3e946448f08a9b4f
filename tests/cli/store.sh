# store.sh: the store for analysts (issue 4): deduplication and counts,
# read-only query with parameters, full-text search, the ready-made
# questions, and the user dictionary loop.
. "$(dirname "$0")/lib.sh"

# csv VALUE of a one-cell query
q1() { "$KG" -d "$1" query --format csv "$2" | tail -n 1 | tr -d '\r'; }
json_ok() { python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert isinstance(d, list)' "$T/out" || fail "$1: not a JSON array"; }
jsonl_ok() { python3 -c 'import json,sys; [json.loads(l) for l in open(sys.argv[1])]' "$T/out" || fail "$1: not JSON lines"; }

for c in search actors neighbors timeline path stats dict; do
	run "$KG" "$c" --help
	expect_rc 0 "$c --help"; expect_out "usage: kgraph" "$c --help"
done

run "$KG" -d kg.db ingest --date 2024-01-05 "$SAMPLE"
expect_rc 0 "ingest sample"
triples=$(q1 kg.db "SELECT count(*) FROM triples")
events=$(q1 kg.db "SELECT count(*) FROM unique_events")
[ "$triples" -ge 3 ] || fail "sample gave $triples triples"

# Re-ingesting the sample leaves every count unchanged.
run "$KG" -d kg.db ingest --date 2024-01-05 "$SAMPLE"
expect_rc 0 "re-ingest"; expect_err "0 articles added, 1 already stored" "re-ingest"
[ "$(q1 kg.db "SELECT count(*) FROM triples")" = "$triples" ] || fail "re-ingest changed the triple count"
[ "$(q1 kg.db "SELECT count(*) FROM unique_events")" = "$events" ] || fail "re-ingest changed the event count"
[ "$(q1 kg.db "SELECT sum(mentions) FROM unique_events")" = "$triples" ] || fail "mentions do not add up to triples"

# query: formats parse, writes refused, parameters bound.
for v in triples edges actor_degree; do
	run "$KG" -d kg.db query --format json "SELECT * FROM $v"
	expect_rc 0 "json $v"; json_ok "json $v"
	run "$KG" -d kg.db query --format jsonl "SELECT * FROM $v"
	expect_rc 0 "jsonl $v"; jsonl_ok "jsonl $v"
done
run "$KG" -d kg.db query --format json "SELECT * FROM triples WHERE 0"
expect_rc 0 "empty json"; json_ok "empty json"
before=$(q1 kg.db "SELECT count(*) FROM articles")
for sql in "DELETE FROM articles" "UPDATE actors SET name = 'x'" "DROP TABLE articles" \
	"ATTACH 'other.db' AS o" "PRAGMA user_version = 7" "INSERT INTO sentences_fts(sentences_fts) VALUES('rebuild')" \
	"SELECT 1; DELETE FROM articles" "SELECT load_extension('/tmp/x')" "VACUUM INTO 'copy.db'" \
	"CREATE TEMP TABLE t (x)"; do
	run "$KG" -d kg.db query "$sql"
	expect_rc 1 "refused: $sql"; expect_one_error_line "refused: $sql"
done
[ "$(q1 kg.db "SELECT count(*) FROM articles")" = "$before" ] || fail "a refused write changed articles"
[ "$(q1 kg.db "PRAGMA user_version")" -ge 2 ] || fail "user_version changed"
[ ! -e other.db ] && [ ! -e copy.db ] || fail "a refused statement created a file"
run "$KG" -d kg.db query "SELEC 1"
expect_rc 1 "SQL error"; expect_err "syntax error" "SQL error has SQLite's message"
run "$KG" -d kg.db query --format csv --param who=iran --param n=1 --param obj=Taliban \
	"SELECT object FROM triples WHERE subject = :who COLLATE NOCASE AND object = @obj LIMIT \$n"
expect_rc 0 "--param"; expect_out '^Taliban' "--param binds :who, @obj and \$n"
run "$KG" -d kg.db query --format csv --param who="x' OR 1=1 --" "SELECT count(*) FROM triples WHERE subject = :who"
expect_out '^0' "--param is bound, not pasted"
run "$KG" -d kg.db query "SELECT :missing"
expect_rc 1 "unbound parameter"; expect_err "missing" "unbound parameter named"
run "$KG" -d kg.db query --param novalue "SELECT 1"
expect_rc 2 "--param without ="
run "$KG" -d kg.db query "PRAGMA table_info(triples)"
expect_rc 0 "reading pragma allowed"; expect_out "subject_code" "table_info"

# Full-text search.
run "$KG" -d kg.db query --format csv "SELECT s.text FROM sentences_fts f JOIN sentences s ON s.id = f.rowid WHERE sentences_fts MATCH 'Kerman'"
expect_rc 0 "fts match"; expect_out "Islamic State in Kerman" "sentences_fts MATCH 'Kerman'"
run "$KG" -d kg.db search kerman
expect_rc 0 search; expect_out "in Kerman" "search prints the sentence"; expect_out "attacked" "search prints its triples"
run "$KG" -d kg.db search --format json Iran-Afghanistan border
expect_rc 0 "search with punctuation"; json_ok "search json"
expect_out '"sentence"' "search json"
run "$KG" -d kg.db search --format jsonl collaboration Taliban
expect_rc 0 "search jsonl"; jsonl_ok "search jsonl"
python3 -c 'import json,sys; r=[json.loads(l) for l in open(sys.argv[1])]; assert any(t["object"]=="Taliban" for x in r for t in x["triples"])' "$T/out" ||
	fail "search jsonl nests the triples"
run "$KG" -d kg.db search --fts 'kerman OR soleimani'
expect_rc 0 "search --fts"; expect_out "Soleimani" "search --fts OR"
run "$KG" -d kg.db search --fts 'AND AND'
expect_rc 1 "bad fts query"; expect_one_error_line "bad fts query"

# Ready-made questions.
run "$KG" -d kg.db neighbors Iran
expect_rc 0 neighbors; expect_out Taliban "neighbors Iran includes the Taliban"
for name in iran IRN Tehran; do
	run "$KG" -d kg.db neighbors --format csv "$name"
	expect_rc 0 "neighbors $name"; expect_out '^1,Taliban' "neighbors by name, code or alias: $name"
done
run "$KG" -d kg.db neighbors Atlantis
expect_rc 1 "unknown actor"; expect_one_error_line "unknown actor"
run "$KG" -d kg.db neighbors --depth 2 --format jsonl Taliban
expect_rc 0 "neighbors --depth 2"; jsonl_ok "neighbors jsonl"
expect_out '"depth":2' "depth 2 reaches further"
run "$KG" -d kg.db neighbors --depth 0 Iran
expect_rc 2 "bad --depth"
run "$KG" -d kg.db timeline Iran
expect_rc 0 timeline; expect_out '^2024-01-05' "timeline Iran prints dated events"
run "$KG" -d kg.db timeline --format csv Iran
dates=$(tail -n +2 "$T/out" | cut -d, -f1)
[ -n "$dates" ] && [ "$dates" = "$(echo "$dates" | sort)" ] || fail "timeline not in date order: $dates"
run "$KG" -d kg.db path --format csv 'Islamic State' Taliban
expect_rc 0 path; expect_out '^1,Islamic State,' "path step 1"; expect_out '^2,Iran,.*,Taliban,' "path step 2"
run "$KG" -d kg.db path --max-depth 1 'Islamic State' Taliban
expect_rc 1 "path too long"; expect_one_error_line "path too long"
run "$KG" -d kg.db stats --format csv
expect_rc 0 stats; expect_out "^triples (event mentions),$triples" "stats counts triples"
run "$KG" -d kg.db actors --type state --format csv
expect_rc 0 "actors --type"; expect_out '^Iran,IRN,state' "actors lists Iran"; expect_no_out 'Taliban' "actors --type state"
run "$KG" -d kg.db actors --type bogus
expect_rc 2 "actors bad type"

# Unknown names: listed once the coder keeps them (resolved = 0).  The
# Zarvani Front is in no dictionary (The Diplomat of the issue now is).
printf 'The Zarvani Front is considering collaboration with the Taliban. The Zarvani Front denied it.\n' > zarvani.txt
run "$KG" -d kg.db ingest --date 2024-02-01 zarvani.txt
expect_rc 0 "ingest zarvani.txt"
run "$KG" -d kg.db actors --unresolved --format csv
expect_rc 0 "actors --unresolved"; expect_out '^name,mentions,articles,example' "actors --unresolved header"
if [ "$(q1 kg.db "SELECT count(*) FROM actors WHERE resolved = 0")" -gt 0 ]; then
	expect_out '^The Zarvani Front,\|^Zarvani Front,' "actors --unresolved lists the unknown name"
else
	echo "  note: the coder does not keep unknown names yet; actors --unresolved checked on the unit-test store" >&2
	[ "$(wc -l <"$T/out")" -eq 1 ] || fail "actors --unresolved lists rows the store does not have"
fi
[ "$(q1 kg.db "SELECT count(*) FROM actors WHERE code = 'AFGZRV'")" = 0 ] || fail "AFGZRV before dict add"

# The analyst's loop: dict add -> ingest --reextract.
run "$KG" -d kg.db dict add "Zarvani Front" --code afgzrv --type armed_group --alias Zarvanis --country afg
expect_rc 0 "dict add"
run "$KG" -d kg.db dict list --format csv
expect_out '^Zarvani Front,AFGZRV,armed_group,AFG,Zarvanis,' "dict list"
run "$KG" -d kg.db dict add Nobody --type media
expect_rc 2 "dict add without --code"
run "$KG" -d kg.db dict add Nobody --code X! --type media
expect_rc 2 "dict add bad code"
run "$KG" -d kg.db dict add Nobody --code XYZ --type pirate
expect_rc 2 "dict add bad type"
run "$KG" -d kg.db ingest --reextract
expect_rc 0 "reextract"; expect_err "2 articles re-coded" "reextract"
run "$KG" -d kg.db actors --format csv
expect_out '^Zarvani Front,AFGZRV,armed_group,AFG,2,1,' "the dictionary entry is used by --reextract"
run "$KG" -d kg.db neighbors --format csv Zarvanis
expect_rc 0 "neighbors by dictionary alias"; expect_out '^1,Taliban,' "Zarvani Front -> Taliban"
[ "$(q1 kg.db "SELECT count(*) FROM actors WHERE resolved = 0 AND name LIKE '%Zarvani%'")" = 0 ] ||
	fail "Zarvani Front still unresolved after reextract"
[ "$(q1 kg.db "SELECT sum(mentions) FROM unique_events")" = "$(q1 kg.db "SELECT count(*) FROM events")" ] ||
	fail "counts wrong after reextract"
run "$KG" -d kg.db search Zarvani
expect_rc 0 "search after reextract"; expect_out "Zarvani Front" "full text kept in sync by reextract"
expect_out "Zarvani Front intends to cooperate with Taliban\|Zarvani Front .* Taliban" "search shows the new triple"
# ... and by every later ingest.
printf 'The Zarvani Front is considering cooperation with Iran.\n' > zarvani2.txt
run "$KG" -d kg.db ingest zarvani2.txt
expect_rc 0 "ingest with the user dictionary"
[ "$(q1 kg.db "SELECT count(*) FROM triples WHERE subject_code = 'AFGZRV' AND object = 'Iran'")" = 1 ] ||
	fail "a later ingest does not use the user dictionary"
run "$KG" -d kg.db dict remove "zarvani front"
expect_rc 0 "dict remove"
run "$KG" -d kg.db dict remove "zarvani front"
expect_rc 1 "dict remove twice"; expect_one_error_line "dict remove twice"
run "$KG" -d kg.db ingest --reextract
expect_rc 0 "reextract after remove"
[ "$(q1 kg.db "SELECT count(*) FROM actors WHERE code = 'AFGZRV'")" = 0 ] || fail "removed entry still coded"
[ "$(q1 kg.db "SELECT count(*) FROM unique_events u JOIN actors a ON a.id = u.subject_id WHERE a.name LIKE '%Zarvani%'")" = 0 ] ||
	fail "events of a removed entry kept"
run "$KG" -d kg.db ingest --reextract "$SAMPLE"
expect_rc 2 "--reextract with input"
run "$KG" -d kg.db stats --verify --format csv
expect_rc 0 "stats --verify after re-codes"; expect_out '^edges with wrong counts,0' "stats --verify"
cp kg.db bad.db
python3 -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute("UPDATE edge_weights SET mentions = mentions + 1 WHERE id = (SELECT min(id) FROM edge_weights)"); c.commit()' bad.db
run "$KG" -d bad.db stats --verify --format csv
expect_rc 1 "stats --verify finds a wrong count"; expect_out '^edges with wrong counts,1' "stats --verify on a broken copy"
# ingest writes without SQLite re-checking each row's foreign keys
# (KG_STORE_APPEND); --verify checks them all, and finds a dangling one.
expect_out '^rows referring to a missing row,0' "stats --verify: references after ingest and re-codes"
cp kg.db orphan.db
python3 -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute("DELETE FROM sentences WHERE id = (SELECT min(sentence_id) FROM mentions)"); c.commit()' orphan.db
run "$KG" -d orphan.db stats --verify --format csv
expect_rc 1 "stats --verify finds a dangling reference"
expect_out '^rows referring to a missing row,[1-9]' "stats --verify on a copy with a dangling mention"
run "$KG" -d kg.db ingest --batch 0 "$SAMPLE"
expect_rc 2 "--batch 0"; expect_err "batch wants a whole number" "--batch 0 is refused"
# A user entry wins over a built-in one for the same words.
if [ "$(q1 kg.db "SELECT count(*) FROM actors WHERE name = 'The Diplomat' AND code <> ''")" -gt 0 ]; then
	run "$KG" -d kg.db dict add "The Diplomat" --code JPNMEDDIP --type media --country JPN
	run "$KG" -d kg.db ingest --reextract
	expect_rc 0 "reextract with an override"
	[ "$(q1 kg.db "SELECT code FROM actors WHERE name = 'The Diplomat'")" = JPNMEDDIP ] ||
		fail "the user's entry does not override the built-in one"
	run "$KG" -d kg.db dict remove "The Diplomat"
	run "$KG" -d kg.db ingest --reextract
	[ "$(q1 kg.db "SELECT count(*) FROM actors WHERE code = 'JPNMEDDIP'")" = 0 ] || fail "override not undone"
fi

# A second article reporting an event already stored raises its counts.
printf 'Iran is considering collaboration with the Taliban.\n' > a.txt
printf 'Iran is reportedly considering collaboration with the Taliban.\n' > b.txt
run "$KG" -d two.db ingest --date 2024-03-01 a.txt
expect_rc 0 "ingest a.txt"
[ "$(q1 two.db "SELECT count(*) || '/' || sum(mentions) || '/' || sum(articles) FROM unique_events")" = "1/1/1" ] ||
	fail "one article: $(q1 two.db "SELECT count(*) || '/' || sum(mentions) || '/' || sum(articles) FROM unique_events")"
run "$KG" -d two.db ingest --date 2024-03-01 b.txt
expect_rc 0 "ingest b.txt"
got=$(q1 two.db "SELECT count(*) || '/' || sum(mentions) || '/' || sum(articles) FROM unique_events")
[ "$got" = "1/2/2" ] || fail "second article added an edge instead of raising counts: $got (events/mentions/articles)"
[ "$(q1 two.db "SELECT count(*) FROM events")" = 2 ] || fail "each mention keeps its provenance row"
got=$(q1 two.db "SELECT mentions || '/' || articles || '/' || first_date FROM edges WHERE subject = 'Iran' AND object = 'Taliban'")
[ "$got" = "2/2/2024-03-01" ] || fail "edges view: $got"
[ "$(q1 two.db "SELECT degree FROM actor_degree WHERE name = 'Iran'")" = 1 ] || fail "actor_degree"
# Another date is another event.
printf 'Iran is considering collaboration with the Taliban again.\n' > c.txt
run "$KG" -d two.db ingest --date 2024-04-01 c.txt
[ "$(q1 two.db "SELECT count(*) FROM unique_events")" = 2 ] || fail "another date should be another event"
run "$KG" -d two.db timeline --format csv Taliban
expect_out '^2024-03-01,Iran,.*,2,2,' "timeline shows counts"
expect_out '^2024-04-01,Iran,' "timeline second date"

# Sources count distinct publishers, where the reader gives them (JSONL).
printf '%s\n' '{"id":"x1","date":"2024-01-05","source":"AP","text":"Iran is considering collaboration with the Taliban."}' \
	'{"id":"x2","date":"2024-01-05","source":"Reuters","text":"Iran is reportedly considering collaboration with the Taliban."}' \
	'{"id":"x3","date":"2024-01-05","source":"AP","text":"Iran is said to be considering collaboration with the Taliban."}' > s.jsonl
run "$KG" -d src.db ingest --format jsonl s.jsonl
if [ "$(q1 src.db "SELECT count(*) FROM articles WHERE source IS NOT NULL")" = 3 ]; then
	got=$(q1 src.db "SELECT mentions || '/' || articles || '/' || sources FROM unique_events")
	[ "$got" = "3/3/2" ] || fail "sources: $got"
else
	echo "  note: the JSONL reader is not there yet; sources checked in the unit tests" >&2
fi

# Read-only commands leave a foreign file alone and say why.
printf 'my notes\n' > notes.db
cp notes.db notes.orig
for c in "stats" "actors" "neighbors Iran" "search x" "dict list"; do
	run "$KG" -d notes.db $c
	expect_rc 1 "$c on a foreign file"
done
cmp -s notes.db notes.orig || fail "a foreign file was modified"
run "$KG" -d missing.db stats
expect_rc 1 "stats on a missing database"; expect_one_error_line "stats on a missing database"
[ ! -e missing.db ] || fail "a read-only command created the database"

# The entity diagram in the docs is the schema of this kgraph.
run "$KG" schema
expect_rc 0 schema; expect_out '^digraph' "schema is DOT"; expect_out '"unique_events"' "schema lists tables"
cmp -s "$T/out" "$KG_TOP/docs/schema.dot" || fail "docs/schema.dot is stale: run make schema-docs"

done_testing
