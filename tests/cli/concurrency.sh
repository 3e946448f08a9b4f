# concurrency.sh: queries while an ingest writes (WAL), and two ingests
# at once into one store (issue 8 item 4).
. "$(dirname "$0")/lib.sh"
. "$KG_TOP/tests/cli/corpus.inc"

n=800 minq=2
[ -n "${KG_VALGRIND:-}" ] && n=200 minq=1
make_corpus corpus $n
count() { "$KG" -q -d "$1" query --format tsv "SELECT count(*) FROM articles" | tail -n 1; }

# The state a single clean ingest reaches.
"$KG" -q -d clean.db ingest corpus || fail "clean ingest"
dump clean.db > clean.dump

# Queries during an ingest: once the store exists, every query answers
# and sees a growing store.
"$KG" -q -d w.db ingest corpus 2>"$T/ingest.err" &
pid=$!
queries=0 last=0
while kill -0 "$pid" 2>/dev/null; do
	if "$KG" -q -d w.db query --format tsv "SELECT count(*) FROM articles" >"$T/q.out" 2>"$T/q.err"; then
		c=$(tail -n 1 "$T/q.out")
		queries=$((queries + 1))
		[ "$c" -ge "$last" ] || { fail "query saw the store shrink: $last then $c"; break; }
		last=$c
	elif [ "$queries" -gt 0 ]; then
		fail "query during ingest failed: $(cat "$T/q.err")"
		break
	fi	# before the first answer the store is still being created
done
wait "$pid" || fail "ingest with readers failed: $(cat "$T/ingest.err")"
[ "$queries" -ge "$minq" ] || fail "only $queries queries ran during the ingest"
echo "  $queries queries answered during the ingest (last saw $last articles)" >&2
dump w.db > w.dump
cmp -s clean.dump w.dump || fail "ingest with readers differs from a clean ingest"

# Two ingests at once, from an empty file name (both create and migrate),
# over overlapping halves: both succeed, the union is stored once.
mkdir -p half1 half2
for f in corpus/*; do
	b=${f##*/}
	case $b in a0*[02468].txt) cp "$f" half1/ ;; *) cp "$f" half2/ ;; esac
done
cp corpus/a0001.txt corpus/a0003.txt half1/	# both ingests store these
sed 's|^[^/	]*/||' clean.dump > clean.nodir
for round in 1 2; do
	rm -f two.db two.db-wal two.db-shm
	"$KG" -q -d two.db ingest half1 2>"$T/a.err" & a=$!
	"$KG" -q -d two.db ingest half2 2>"$T/b.err" & b=$!
	wait "$a" || fail "round $round: first of two ingests failed: $(cat "$T/a.err")"
	wait "$b" || fail "round $round: second of two ingests failed: $(cat "$T/b.err")"
	# (ext_id is the path: half1/a0001.txt there, corpus/a0001.txt here)
	dump two.db | sed 's|^[^/	]*/||' > two.dump
	cmp -s clean.nodir two.dump || { fail "round $round: two ingests at once differ from one clean ingest: $(diff clean.nodir two.dump | head -5)"; break; }
	[ "$(integrity two.db)" = ok ] || fail "round $round: store not sound"
done

done_testing
