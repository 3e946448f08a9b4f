# badinput.sh: hostile and broken input (issue 8 item 1).  Each case: one
# "kgraph: ..." line, the good input beside it still stored, exit 1, the
# store sound.
. "$(dirname "$0")/lib.sh"
. "$KG_TOP/tests/cli/corpus.inc"

printf 'The Taliban condemned the attack by ISKP on Monday.\n' > good.txt
n=0
# bad NAME PATTERN INPUT...: ingest INPUT... and good.txt into a new store.
bad() {
	name=$1 pat=$2
	shift 2
	n=$((n + 1))
	run "$KG" -q -d "b$n.db" ingest "$@" good.txt
	expect_rc 1 "$name"
	expect_one_error_line "$name"
	expect_err "$pat" "$name"
	[ "$("$KG" -q -d "b$n.db" query --format tsv "SELECT count(*) FROM articles WHERE ext_id = 'good.txt'" | tail -n 1)" = 1 ] ||
		fail "$name: the good input was not stored"
	[ "$(integrity "b$n.db")" = ok ] || fail "$name: store not sound"
}
count() { "$KG" -q -d "$1" query --format tsv "$2" | tail -n 1; }

# Invalid UTF-8: reported with its byte offset, replaced, the article kept.
printf 'Iran condemned\377\376 the attack.\nThe Taliban \303( agreed.\n' > latin.txt
bad "invalid UTF-8" "latin.txt:1: invalid UTF-8 at byte 14 (3 bad bytes replaced by U+FFFD)" latin.txt
[ "$(count b$n.db "SELECT count(*) FROM articles WHERE ext_id = 'latin.txt' AND text = 'Iran condemned' || char(65533, 65533) || ' the attack.' || char(10) || 'The Taliban ' || char(65533) || '( agreed.' || char(10)")" = 1 ] ||
	fail "invalid UTF-8 not replaced by U+FFFD in the stored article"
# A few NUL bytes in text: the same.
printf 'Iran condemned the attack.\000 The Taliban agreed\000.\n' > nul.txt
bad "NUL bytes" "nul.txt:1: NUL byte at byte 26 (2 bad bytes replaced by U+FFFD)" nul.txt
[ "$(count b$n.db "SELECT count(*) FROM articles WHERE ext_id = 'nul.txt' AND instr(text, char(65533)) = 27")" = 1 ] ||
	fail "NUL bytes not replaced"
# Binary files: skipped.
head -c 20000 /dev/urandom > random.bin
bad "random bytes" "random.bin: binary file" random.bin
cp "$(command -v cat)" exe.bin
bad "an executable" "exe.bin: binary file" exe.bin
printf 'I\000r\000a\000n\000 \000m\000e\000t\000.\000\n\000' > utf16.txt
bad "UTF-16" "utf16.txt: binary file" utf16.txt
# Empty and blank files.
: > empty.txt
bad "empty file" "empty.txt: empty input, skipped" empty.txt
printf '  \n\n\t\n' > blank.txt
bad "blank file" "blank.txt: no text, skipped" blank.txt
: > empty.jsonl
bad "empty JSONL" "empty.jsonl: empty input" empty.jsonl
# Missing files, directories that cannot be read.
bad "missing file" "nonexistent.txt: No such file or directory" nonexistent.txt
ln -s nowhere dangling.txt
bad "dangling symlink" "dangling.txt: No such file or directory" dangling.txt
# Unreadable files: root reads anything, so read as nobody (extract needs
# no store).  Skipped, with a note, where setpriv is missing.
if command -v setpriv >/dev/null 2>&1 && [ "$(id -u)" -eq 0 ]; then
	mkdir -p pub && cp good.txt pub/good.txt && printf 'Secret.\n' > pub/secret.txt
	chmod 000 pub/secret.txt; chmod 755 pub "$T"
	run setpriv --reuid=65534 --regid=65534 --clear-groups "$KG" extract pub/secret.txt pub/good.txt
	expect_rc 1 "unreadable file"; expect_one_error_line "unreadable file"
	expect_err "pub/secret.txt: Permission denied" "unreadable file"
	chmod 700 "$T"
elif [ "$(id -u)" -ne 0 ]; then
	printf 'Secret.\n' > secret.txt; chmod 000 secret.txt
	bad "unreadable file" "secret.txt: Permission denied" secret.txt
else
	echo "  skip: unreadable file (root reads every file and setpriv is missing)" >&2
fi

# Symlink loops in a directory walk: each directory entered once.
mkdir -p loop/a && cp good.txt loop/a/x.txt
ln -s .. loop/a/up
ln -s self loop/self
run "$KG" -q -d loop.db ingest loop
expect_rc 1 "symlink loops"
expect_err "loop/a/up: directory already walked" "symlink loop to a parent"
expect_err "loop/self: Too many levels of symbolic links" "symlink to itself"
[ "$(wc -l < "$T/err")" -eq 2 ] || fail "symlink loops: one line each: $(cat "$T/err")"
[ "$(count loop.db "SELECT count(*) FROM articles")" = 1 ] || fail "symlink loops: the file is still stored"

# JSONL: malformed lines reported as FILE:LINE, the good lines stored.
cat > mixed.jsonl <<'J'
{"id": "j1", "text": "Iran condemned the attack by the Islamic State in Kerman."}
{"id": "j2", "text": "unterminated
{"id": "j3", "text": "The Taliban condemned the attack by ISKP."}
[1, 2, 3]
{"id": "j5", "title": 7, "text": "Iran will cooperate with the Taliban."}
{"id": "j6", "text": 12}
{"id": "j7"}
{"id": "j8", "text": "Officials met on Monday."}
J
run "$KG" -q -d jl.db ingest mixed.jsonl
expect_rc 1 "malformed JSONL"
expect_err "^kgraph: mixed.jsonl:2:[0-9]*: " "unterminated string at line 2"
expect_err '^kgraph: mixed.jsonl:4: an article must be a JSON object, not an array' "array line"
expect_err '^kgraph: mixed.jsonl:5: "title" must be a string, not an integer' "wrong type of title"
expect_err '^kgraph: mixed.jsonl:6: "text" must be a string, not an integer' "wrong type of text"
expect_err '^kgraph: mixed.jsonl:7: article has no "text"' "missing text"
[ "$(wc -l < "$T/err")" -eq 5 ] || fail "malformed JSONL: one line per bad line: $(cat "$T/err")"
[ "$(count jl.db "SELECT group_concat(ext_id) FROM articles")" = "j1,j3,j8" ] || fail "good JSONL lines: $(count jl.db "SELECT group_concat(ext_id) FROM articles")"
# A broken first line does not turn JSONL into one JSON text.
printf '{"id": "x", "text": 5\n{"id": "good.txt", "text": "The Taliban condemned the attack by ISKP on Monday."}\n' > first.jsonl
run "$KG" -q -d first.db ingest first.jsonl
expect_rc 1 "broken first JSONL line"; expect_one_error_line "broken first JSONL line"
expect_err "first.jsonl:1:[0-9]*: '}' expected" "broken first JSONL line"
[ "$(count first.db "SELECT group_concat(ext_id) FROM articles")" = "good.txt" ] || fail "broken first JSONL line: line 2 stored"
# JSON of the wrong shape.
# (good.json is good.txt as JSON, for the cases that force --format json)
printf '{"id": "good.txt", "text": "The Taliban condemned the attack by ISKP on Monday."}\n' > good.json
printf '"just a string"\n' > str.json
run "$KG" -q -d str.db ingest --format json str.json good.json
expect_rc 1 "JSON string"; expect_one_error_line "JSON string"
expect_err "str.json: an article must be a JSON object, not a string" "JSON string"
[ "$(count str.db "SELECT count(*) FROM articles")" = 1 ] || fail "JSON string: the good input is stored"
printf '[{"text": "Iran met the Taliban."}, 5, {"text": ["a"]}]\n' > arr.json
run "$KG" -q -d arr.db ingest arr.json
expect_rc 1 "JSON array with bad elements"
expect_err 'arr.json:1: an article must be a JSON object, not an integer' "array element number"
expect_err 'arr.json:1: "text" must be a string, not an array' "array element text array"
[ "$(count arr.db "SELECT count(*) FROM articles")" = 1 ] || fail "JSON array: the good element is stored"
# Syntax errors are reported as FILE:LINE:COL.
printf '[\n  {"text": "Iran met the Taliban."},\n  {"text": "x" "y"}\n]\n' > syn.json
bad "JSON syntax error" "syn.json:3:[0-9][0-9]*: " syn.json
# Deeply nested JSON: Jansson's depth limit, reported, no crash.
awk 'BEGIN { printf "{\"text\": \"Iran met.\", \"x\": "; for (i = 0; i < 100000; i++) printf "["; for (i = 0; i < 100000; i++) printf "]"; print "}" }' > deep.json
bad "deeply nested JSON" "deep.json:1:[0-9]*: maximum parsing depth reached" deep.json
awk 'BEGIN { for (i = 0; i < 100000; i++) printf "["; print "" }' > deep2.json
run "$KG" -q -d deep2.db ingest --format json deep2.json good.json
expect_rc 1 "deeply nested JSON array"; expect_one_error_line "deeply nested JSON array"
expect_err "deep2.json:1:[0-9]*: maximum parsing depth reached" "deeply nested JSON array"
[ "$(count deep2.db "SELECT count(*) FROM articles")" = 1 ] || fail "deeply nested array: the good input is stored"
# Huge JSON: a 5 MB text and 5,000 small articles in one array.
awk 'BEGIN { printf "[{\"id\": \"huge\", \"text\": \""; for (i = 0; i < 100000; i++) printf "Iran met Taliban officials on a Monday in Kabul. "; printf "\"}"; for (i = 0; i < 5000; i++) printf ",\n{\"id\": \"s%d\", \"text\": \"Report %d.\"}", i, i; print "]" }' > huge.json
run "$KG" -q -d huge.db ingest huge.json
expect_rc 0 "huge JSON"
[ "$(count huge.db "SELECT count(*) || '/' || max(length(text)) FROM articles")" = "5001/4900000" ] || fail "huge JSON: $(count huge.db "SELECT count(*) || '/' || max(length(text)) FROM articles")"

# A 50 MB line: read and coded whole (extract: no store to fill; 5 MB
# under valgrind).
size=50000000
[ -n "${KG_VALGRIND:-}" ] && size=5000000
head -c $size /dev/zero | tr '\0' a > line.txt
printf ' Iran condemned the attack by the Islamic State in Kerman.\n' >> line.txt
run "$KG" extract line.txt
expect_rc 0 "50 MB line"
rm -f line.txt

# A very long sentence: work stays linear.  200,000 words in one sentence
# take about as long as the same words in 20,000 sentences.  (TSV: the
# JSONL of each triple repeats its sentence, so its size, not the work,
# grows with the square of a sentence's length: docs/reliability.md.)
awk 'BEGIN { srand(7); split("Iran said the Taliban will cooperate with Pakistan and ISKP in talks at Kabul on Monday officials attack", w, " ");
	for (i = 0; i < 200000; i++) printf "%s ", w[int(rand() * 18) + 1]; print "end." }' > long.txt
awk '{ n = split($0, w, " "); for (i = 1; i <= n; i++) printf "%s%s", w[i], (i % 10 == 0 ? ". " : " "); print "" }' long.txt > short.txt
ms() { python3 -c 'import subprocess, sys, time
t = time.monotonic(); r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, timeout=600)
print(int((time.monotonic() - t) * 1000) if r.returncode == 0 else -1)' "$KG" extract --format tsv "$1"; }
ts=$(ms short.txt) tl=$(ms long.txt)
[ "$ts" -ge 0 ] && [ "$tl" -ge 0 ] || fail "long sentence: extract failed ($ts, $tl)"
[ "$tl" -le $((ts * 5 + 1000)) ] || fail "long sentence: ${tl} ms for one sentence of 200,000 words, ${ts} ms for 20,000 sentences: not linear"

done_testing
