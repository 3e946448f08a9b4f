# kill.sh: kill -9 at random moments of an ingest (issue 8 item 3).  Each
# time the store must pass PRAGMA integrity_check, and ingesting the same
# corpus again must reach exactly the state of a clean run.
. "$(dirname "$0")/lib.sh"
. "$KG_TOP/tests/cli/corpus.inc"

if [ -n "${KG_VALGRIND:-}" ]; then
	echo "  skip: kill test under valgrind (too slow to be meaningful)" >&2
	exit 0
fi
# Enough articles for an ingest of about a second on this machine.
make_corpus corpus 2000
now_ms() { date +%s%3N; }
t0=$(now_ms)
"$KG" -q -d clean.db ingest corpus || fail "clean ingest"
dur=$(($(now_ms) - t0))
dump clean.db > clean.dump || fail "dump"
[ "$(wc -l < clean.dump)" -gt 2000 ] || fail "clean dump too small"

# Random kill points, from a seed printed so a failure can be replayed
# (KG_KILL_SEED=N).
seed0=${KG_KILL_SEED:-$(date +%N | sed 's/^0*//')}
echo "  kill points from seed $seed0 (clean ingest: ${dur} ms)" >&2
kills=0 hit=0
for i in 1 2 3 4 5; do
	seed=$((seed0 + i))
	rm -f k.db k.db-wal k.db-shm
	# A kill point in [0, 0.95 * duration): opening, migrating, mid-ingest.
	at=$(awk -v s="$seed" -v d="$dur" 'BEGIN { srand(s); printf "%.3f", rand() * d * 0.95 / 1000 }')
	"$KG" -q -d k.db ingest corpus &
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
[ "$hit" -ge 3 ] || fail "only $hit of $kills kills hit a running ingest (clean run took ${dur} ms)"

done_testing
