# input.sh: the input formats (docs/input.md): text with title and
# dateline, JSON (object, array, pretty), JSONL, HTML, stdin, --format,
# directory walks, names with spaces and newlines.
. "$(dirname "$0")/lib.sh"

q() { "$KG" -q -d "$1" query --format tsv "$2" | tail -n +2; }

# Plain text: the title stands alone; a dateline's agency becomes the source.
printf 'Iran and the Taliban\n\nWASHINGTON (Reuters) - Iran is reportedly contemplating enhanced collaboration with the Taliban.\n' > a.txt
run "$KG" -d t.db ingest a.txt
expect_rc 0 "text ingest"
[ "$(q t.db "SELECT title || '|' || source FROM articles")" = "Iran and the Taliban|Reuters" ] ||
	fail "text: title and dateline source: $(q t.db "SELECT title, source FROM articles")"
# A first line that ends a sentence is not a title.
printf 'Iran condemned the attack.\nThe Taliban did too.\n' > notitle.txt
run "$KG" -d t.db ingest notitle.txt
[ "$(q t.db "SELECT count(*) FROM articles WHERE ext_id = 'notitle.txt' AND title IS NULL")" = 1 ] || fail "sentence taken for a title"

# JSONL: every field, ids as strings or numbers, blank lines skipped.
cat > b.jsonl <<'J'
{"id": "r1", "title": "One", "date": "2024-01-04T10:00:00Z", "source": "AP", "url": "https://example.org/1", "text": "Iran is reportedly contemplating enhanced collaboration with the Taliban."}

{"id": 42, "text": "The Taliban condemned the attack by ISKP."}
J
run "$KG" -d j.db ingest b.jsonl
expect_rc 0 "jsonl ingest"
[ "$(q j.db "SELECT ext_id || '|' || coalesce(title, '') || '|' || coalesce(published, '') || '|' || coalesce(source, '') || '|' || coalesce(url, '') FROM articles ORDER BY id" | tr '\n' ';')" = \
  "r1|One|2024-01-04|AP|https://example.org/1;42||||;" ] || fail "jsonl fields: $(q j.db "SELECT * FROM articles")"

# JSON: an array, a single pretty-printed object, and the forced formats.
printf '[\n  {"id": "x1", "text": "Iran condemned the attack by the Islamic State in Kerman."},\n  {"id": "x2", "title": "T2", "text": "The Taliban condemned the attack by ISKP."}\n]\n' > c.json
printf '{\n  "id": "p1",\n  "title": "Pretty",\n  "text": "Iran will cooperate with the Taliban."\n}\n' > d.json
run "$KG" -d k.db ingest c.json d.json
expect_rc 0 "json ingest"
[ "$(q k.db "SELECT group_concat(ext_id) FROM (SELECT ext_id FROM articles ORDER BY ext_id)")" = "p1,x1,x2" ] || fail "json articles: $(q k.db "SELECT ext_id FROM articles")"
run "$KG" -d k2.db ingest --format json c.json
expect_rc 0 "--format json"
run "$KG" -d k2.db ingest --format jsonl d.json
expect_rc 1 "a pretty object is not JSONL"; expect_err "d.json:1:" "JSONL error names the line"
run "$KG" -d k3.db ingest --format text c.json
expect_rc 0 "--format text"
[ "$(q k3.db "SELECT count(*) FROM articles WHERE text LIKE '[%'")" = 1 ] || fail "--format text keeps the JSON as text"
# "[Reuters] ..." and "{sic}" open text, not JSON.
printf '[Reuters] Iran condemned the attack.\n' > br.txt
run "$KG" -d k4.db ingest br.txt
expect_rc 0 "text starting with ["

# stdin, with each format.
run sh -c "cat b.jsonl | '$KG' -d s.db ingest -"
expect_rc 0 "jsonl on stdin"
[ "$(q s.db "SELECT count(*) FROM articles")" = 2 ] || fail "jsonl on stdin: 2 articles"
run sh -c "cat c.json | '$KG' extract --input-format json -"
expect_rc 0 "extract json on stdin"
run sh -c "cat a.txt | '$KG' -d s2.db ingest -"
[ "$(q s2.db "SELECT title FROM articles")" = "Iran and the Taliban" ] || fail "text on stdin keeps its title"
run "$KG" extract --input-format yaml a.txt
expect_rc 2 "unknown input format"; expect_one_error_line "unknown input format"

# JSONL is streamed: the first article's triple comes out while the
# writer still holds the pipe open (a reader that waited for the end would
# print nothing: the 30 s poll is only a hang guard).  extract, with its
# output line-buffered, shows what the reader hands on; ingest commits in
# batches, so the store would not show it yet.
# (3<> opens the FIFO without waiting for the reader, so a reader that
# dies early cannot hang the test; stdbuf preloads a library, which an
# ASan build must be told to accept.)
mkfifo pipe
ASAN_OPTIONS="${ASAN_OPTIONS:-}:verify_asan_link_order=0" \
	stdbuf -oL "$KG" extract --input-format jsonl pipe > stream.out 2>"$T/ferr" &
kpid=$!
exec 3<>pipe
printf '{"id": "first", "text": "In response, Iran is reportedly contemplating enhanced collaboration with the Taliban to counter the common adversary, ISKP."}\n' >&3
i=0
while [ $i -lt 300 ] && ! grep -q '"Taliban"' stream.out; do
	sleep 0.1; i=$((i + 1))
done
grep -q '"Taliban"' stream.out || fail "JSONL is not streamed: nothing came out while the pipe was open"
printf '{"id": "second", "text": "Iran condemned the attack by the Islamic State in Kerman."}\n' >&3
exec 3>&-
wait $kpid || fail "streamed extract failed: $(cat "$T/ferr")"
grep -q '"Islamic State"' stream.out || fail "streamed extract: the second article"

# ... and in bounded memory: 10 times the lines, about the same peak memory.
if [ -z "${KG_VALGRIND:-}" ]; then
	awk 'BEGIN { for (i = 0; i < 4000; i++) printf "{\"id\": %d, \"text\": \"Report %d says little.\"}\n", i, i }' > small.jsonl
	awk 'BEGIN { for (i = 0; i < 40000; i++) printf "{\"id\": %d, \"text\": \"Report %d says little.\"}\n", i, i }' > large.jsonl
	# (ASan keeps freed memory in quarantine: none here, so RSS is live memory)
	rss() { ASAN_OPTIONS="${ASAN_OPTIONS:-}:quarantine_size_mb=0:thread_local_quarantine_size_kb=0" python3 -c 'import resource, subprocess, sys
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)' "$KG" extract "$1"; }
	s=$(rss small.jsonl) l=$(rss large.jsonl)
	[ "$l" -lt $((s + 4096)) ] || fail "JSONL memory grows with the file: ${s} KB for 4,000 lines, ${l} KB for 40,000"
fi

# HTML: text only; script and style skipped; <title> and the meta date kept.
cat > page.html <<'H'
<!DOCTYPE html><html><head><title>Iran and the Taliban</title>
<meta property="article:published_time" content="2024-01-04T08:00:00Z">
<script>document.write("Israel attacked Iran")</script><style>p { color: red }</style></head>
<body><nav>Home | World</nav><article><p>KABUL &ndash; Iran is reportedly contemplating enhanced <b>collaboration</b> with the Taliban.</p>
<p>Officials met on Monday.</p></article><script>var x = "secret";</script></body></html>
H
run "$KG" -d h.db ingest page.html
expect_rc 0 "html ingest"
[ "$(q h.db "SELECT title || '|' || published FROM articles")" = "Iran and the Taliban|2024-01-04" ] || fail "html title and date: $(q h.db "SELECT title, published FROM articles")"
[ "$(q h.db "SELECT count(*) FROM articles WHERE text LIKE '%collaboration with the Taliban%' AND text NOT LIKE '%Israel%' AND text NOT LIKE '%secret%' AND text NOT LIKE '%color%'")" = 1 ] ||
	fail "html text: $(q h.db "SELECT text FROM articles")"

# A directory walk mixes the formats; names with spaces and newlines work.
mkdir -p "walk/sub dir"
cp a.txt "walk/with space.txt"; cp b.jsonl "walk/sub dir/b.jsonl"; cp page.html walk/p.html
nl='
'
printf 'The Taliban condemned the attack by ISKP on Monday.\n' > "walk/new${nl}line.txt"
run "$KG" -d "my store.db" ingest walk
expect_rc 0 "directory walk"
[ "$(q "my store.db" "SELECT count(*) FROM articles")" = 5 ] || fail "walk: 5 articles, got $(q "my store.db" "SELECT ext_id FROM articles")"
run "$KG" -d "my store.db" query --format csv "SELECT count(*) FROM articles WHERE ext_id = 'walk/new${nl}line.txt'"
expect_out '^1' "a file name with a newline is kept as it is"
run "$KG" extract "walk/new${nl}line.txt" "walk/with space.txt"
expect_rc 0 "names with spaces and newlines as arguments"

done_testing
