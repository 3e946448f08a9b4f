# kill.sh: kill -9 at random moments of an ingest (issue 8 item 3).  Each
# time the store must pass PRAGMA integrity_check, and ingesting the same
# corpus again must reach exactly the state of a clean run.
. "$(dirname "$0")/lib.sh"
. "$KG_TOP/tests/cli/corpus.inc"

if [ -n "${KG_VALGRIND:-}" ]; then
	echo "  skip: kill test under valgrind (too slow to be meaningful)" >&2
	exit 0
fi
now_ms() { date +%s%3N; }
# Enough articles for an ingest of most of a second here: 3,000 on a quiet
# machine, fewer on a slow or busy one (or under ASan), so the test stays
# bounded.
make_corpus cal 300
t0=$(now_ms); "$KG" -q -d cal.db ingest cal || fail "calibration ingest"
t=$(($(now_ms) - t0 + 1))
n=$((300 * 800 / t)); [ $n -gt 3000 ] && n=3000; [ $n -lt 300 ] && n=300
make_corpus corpus $n
"$KG" -q -d clean.db ingest corpus || fail "clean ingest"
t0=$(now_ms)	# timed once the files are in the page cache, as below
"$KG" -q -d timed.db ingest corpus || fail "timed ingest"
dur=$(($(now_ms) - t0))
rm -f timed.db*
dump clean.db > clean.dump || fail "dump"
[ "$(wc -l < clean.dump)" -gt $n ] || fail "clean dump too small"

# Random kill points in [0, 0.6 * duration) (later runs are often
# quicker): opening, migrating, mid-ingest.  They are printed, and
# KG_KILL_POINTS="0.12 0.4" replays a failure.
points=${KG_KILL_POINTS:-$(for i in 1 2 3 4; do od -An -N2 -tu2 /dev/urandom; done |
	awk -v d="$dur" '{ printf "%.3f ", $1 / 65536 * d * 0.6 / 1000 }')}
echo "  kill points: $points($n articles, clean ingest: ${dur} ms)" >&2
kills=0 hit=0
for at in $points; do
	rm -f k.db k.db-wal k.db-shm
	# Small batches, so that kills fall between commits too.
	"$KG" -q -d k.db ingest --batch 200 corpus &
	pid=$!
	sleep "$at"
	if kill -9 "$pid" 2>/dev/null; then hit=$((hit + 1)); fi
	wait "$pid" 2>/dev/null
	kills=$((kills + 1))
	if [ -e k.db ]; then
		[ "$(integrity k.db)" = ok ] || fail "kill at ${at}s: integrity_check failed"
		partial=$("$KG" -q -d k.db query --format tsv "SELECT count(*) FROM articles" 2>/dev/null | tail -n 1)
		[ -n "$partial" ] || partial="0 (store not yet made)"
	else
		partial=none
	fi
	"$KG" -q -d k.db ingest corpus || fail "kill at ${at}s: re-ingest failed"
	dump k.db > k.dump
	cmp -s clean.dump k.dump || fail "kill at ${at}s (${partial} articles then): re-ingest differs from a clean run"
	echo "  kill -9 at ${at}s: ${partial} articles stored, re-ingest matches the clean run" >&2
done
[ "$hit" -ge 2 ] || fail "only $hit of $kills kills hit a running ingest (clean run took ${dur} ms)"

done_testing
