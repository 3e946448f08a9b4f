# parallel.sh: --jobs, ingest --triples, and extraction split over processes
# with GNU parallel, loaded back into one store (issue 7).  A small generated
# corpus (scripts/gen-corpus.c), a few seconds.  No timings here: speed is
# measured by `make bench`.
. "$(dirname "$0")/lib.sh"

GEN=$(dirname "$KG")/gen-corpus
[ -x "$GEN" ] || { fail "no $GEN (make check builds it)"; done_testing; exit; }

# Every field of every triple, with its article and sentence number, in a
# canonical order: two stores with the same triples give the same dump.
# Numbers as extract writes them (4 significant digits, docs/jsonl.md).
DUMP="SELECT a.ext_id, s.seq, t.sentence, t.subject, t.subject_code, t.subject_type,
 t.predicate, t.cameo, t.quad_class, printf('%.4g', t.goldstein), t.object, t.object_code,
 t.object_type, t.against, t.modality, t.negated, t.reported, t.event_date, t.location,
 t.attribution, printf('%.4g', t.confidence)
 FROM triples t JOIN sentences s ON s.id = t.sentence_id JOIN articles a ON a.id = t.article_id
 ORDER BY 1, 2, 4, 7, 11, 8"
dump() { "$KG" -d "$1" query --format tsv "$DUMP" > "$2" || fail "dump of $1"; }

"$GEN" -n 400 -d corpus || fail "gen-corpus"
"$GEN" -n 400 -d corpus2 && diff -r corpus corpus2 >/dev/null || fail "gen-corpus is not deterministic"
cp "$SAMPLE" corpus/sample.txt	# triples even for the seed dictionary

# --jobs N gives the same output, in the same order, as --jobs 1.
run "$KG" extract --jobs 1 corpus
expect_rc 0 "extract -j 1"; cp "$T/out" j1.jsonl
[ "$(wc -l < j1.jsonl)" -ge 4 ] || fail "the corpus gave too few triples ($(wc -l < j1.jsonl))"
[ -s "$T/err" ] && fail "extract wrote to stderr although it is not a terminal: $(head -c 200 "$T/err")"
for j in 2 3 8; do
	run "$KG" extract -j "$j" corpus
	expect_rc 0 "extract -j $j"
	cmp -s "$T/out" j1.jsonl || fail "extract -j $j differs from -j 1"
done
run "$KG" extract -j 2 --format tsv corpus; cp "$T/out" j2.tsv
run "$KG" extract -j 1 --format tsv corpus
cmp -s "$T/out" j2.tsv || fail "extract --format tsv -j 2 differs from -j 1"

# ingest: the same store with one job or two.
run "$KG" -d one.db ingest -j 1 corpus
expect_rc 0 "ingest -j 1"; expect_err "401 articles added" "ingest -j 1 summary"
run "$KG" -d two.db ingest -j 2 corpus
expect_rc 0 "ingest -j 2"
dump one.db one.tsv; dump two.db two.tsv
[ "$(wc -l < one.tsv)" -ge 4 ] || fail "ingest stored too few triples"
cmp -s one.tsv two.tsv || fail "ingest -j 2 stored other triples than -j 1"
run "$KG" -d one.db query --format csv "SELECT group_concat(ext_id) FROM (SELECT ext_id FROM articles ORDER BY id)"
cp "$T/out" order1
run "$KG" -d two.db query --format csv "SELECT group_concat(ext_id) FROM (SELECT ext_id FROM articles ORDER BY id)"
cmp -s "$T/out" order1 || fail "ingest -j 2 stored the articles in another order"

# ingest --triples: extract's output loads into the same triples.
run "$KG" -d tri.db ingest --triples j1.jsonl
expect_rc 0 "ingest --triples"
dump tri.db tri.tsv
cmp -s one.tsv tri.tsv || fail "ingest --triples differs from ingest: $(diff one.tsv tri.tsv | head -5)"
run "$KG" -d tri.db ingest --triples - < j1.jsonl
expect_rc 0 "ingest --triples again, from stdin"; expect_err " 0 articles added" "--triples twice adds nothing"
dump tri.db tri2.tsv
cmp -s tri.tsv tri2.tsv || fail "loading the same triples twice changed the store"

# A bad line is reported with its line number; the good lines still load.
{ head -n 2 j1.jsonl; echo '{"article": "x", "sentence": 0}'; echo 'not json'; sed -n '3,$p' j1.jsonl; } > bad.jsonl
run "$KG" -d bad.db ingest --triples bad.jsonl
expect_rc 1 "bad triples"; expect_err 'bad.jsonl:3: ' "bad triples line 3"; expect_err 'bad.jsonl:4: ' "bad triples line 4"
dump bad.db bad.tsv
cmp -s one.tsv bad.tsv || fail "the good lines of bad.jsonl did not all load"
run "$KG" -d bad.db ingest --triples j1.jsonl corpus
expect_rc 2 "--triples with paths"; expect_one_error_line "--triples with paths"
run "$KG" -d bad.db ingest --triples missing.jsonl
expect_rc 1 "--triples missing file"; expect_err 'missing.jsonl' "--triples missing file"

# Beyond one process: split the input over several extract processes with
# GNU parallel, load their output: the same store as a single ingest.
# With JSON lines, `parallel --pipe` splits the stream by whole articles;
# without a JSONL reader (plain text files), it splits the list of files.
command -v parallel >/dev/null || { fail "GNU parallel missing: scripts/install-deps check"; done_testing; exit; }
printf '{"id":"a1","text":"Iran condemned the attack by the Taliban."}\n{"id":"a2","text":"The Taliban attacked Iran."}\n' > probe.jsonl
if "$KG" extract --stats --input-format jsonl probe.jsonl 2>&1 >/dev/null | grep -q ' articles=2 '; then
	{ "$GEN" -n 400; python3 -c 'import json,sys; print(json.dumps({"id": "sample", "text": open(sys.argv[1]).read()}))' "$SAMPLE"; } > corpus.jsonl
	run "$KG" -d single.db ingest --format jsonl corpus.jsonl
	expect_rc 0 "ingest jsonl"
	dump single.db single.tsv
	parallel --pipe -N 37 -j 4 --keep-order "$KG" extract -j 1 --input-format jsonl - \
		< corpus.jsonl > split.jsonl || fail "parallel --pipe extract"

	# A stream: the triples of an article come out while the next is
	# still awaited (no timing: a pipe that stays open).
	printf '{"id":"s1","text":"Iran is reportedly considering closer collaboration with the Taliban."}\n' > one.jsonl
	mkfifo in.fifo out.fifo
	"$KG" extract --input-format jsonl - < in.fifo > out.fifo 2>stream.err &
	kpid=$!
	exec 3> in.fifo 4< out.fifo
	cat one.jsonl >&3
	timeout 20 head -n 1 <&4 > first.jsonl
	grep -q '"article":"s1"' first.jsonl || fail "extract holds back the triples of a streamed article"
	exec 3>&- 4<&-
	wait $kpid
else
	echo "  note: no JSONL reader yet: parallel splits the list of files, not the stream" >&2
	cp one.tsv single.tsv
	find corpus -type f | sort | parallel -N 37 -j 4 --keep-order "$KG" extract -j 1 \
		> split.jsonl || fail "parallel extract"
fi
[ "$(wc -l < split.jsonl)" -ge 4 ] || fail "parallel extract gave too few triples"
"$KG" -d split.db ingest -q --triples split.jsonl || fail "ingest --triples of the split output"
dump split.db split.tsv
cmp -s single.tsv split.tsv || fail "split extraction + ingest --triples differs from one ingest: $(diff single.tsv split.tsv | head -5)"

# Options.
run "$KG" extract --jobs 0 corpus
expect_rc 2 "--jobs 0"; expect_one_error_line "--jobs 0"
run "$KG" extract -j many corpus
expect_rc 2 "-j many"; expect_one_error_line "-j many"
run "$KG" extract --stats corpus
expect_rc 0 "--stats"; expect_err 'stats: jobs=[0-9]* articles=401 ' "--stats line"
expect_err 'peak_rss_kb=[0-9]' "--stats peak RSS"
run "$KG" -d q.db ingest --quiet corpus
expect_rc 0 "ingest --quiet"; [ -s "$T/err" ] && fail "ingest --quiet wrote: $(head -c 200 "$T/err")"
run "$KG" extract --progress corpus
expect_rc 0 "--progress"; expect_err '401 articles' "--progress forced"

done_testing
