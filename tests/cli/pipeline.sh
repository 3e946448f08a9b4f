# pipeline.sh: --jobs 1 runs on one thread, and still hands on a slow
# stream as it comes: the reader, before it waits on an empty pipe, lets
# extract flush and ingest commit (src/cmd/pipeline.c, docs/input.md).
# FIFOs held open by the test; the 30 s loops are only hang guards.
. "$(dirname "$0")/lib.sh"

A1='{"id": "first", "text": "In response, Iran is reportedly contemplating enhanced collaboration with the Taliban to counter the common adversary, ISKP."}'
A2='{"id": "second", "text": "Iran condemned the attack by the Islamic State in Kerman."}'

# Threads of process $1 (Linux /proc; empty elsewhere).
threads() { ls "/proc/$1/task" 2>/dev/null | wc -l; }

# extract -j 1: no stdbuf, stdout a file (fully buffered): the triple
# comes out only if the pipeline flushes while the reader waits.
mkfifo in1; : > x.out
"$KG" extract -j 1 --input-format jsonl in1 > x.out 2> x.err &
kpid=$!
exec 3<>in1
printf '%s\n' "$A1" >&3
i=0
while [ $i -lt 300 ] && ! grep -q '"Taliban"' x.out; do
	sleep 0.1; i=$((i + 1))
done
grep -q '"Taliban"' x.out || fail "extract -j 1 holds back the triples of a streamed article"
n=$(threads $kpid)
[ -z "$n" ] || [ "$n" -le 1 ] || [ ! -d /proc/self/task ] || fail "extract -j 1 runs $n threads, wanted 1"
printf '%s\n' "$A2" >&3
exec 3>&-
wait $kpid || fail "streamed extract -j 1 failed: $(cat x.err)"
grep -q '"Islamic State"' x.out || fail "streamed extract -j 1: the second article"
[ "$(grep -c '"article":"first"' x.out)" -ge 1 ] && [ "$(grep -c '"article":"first"' x.out)" = \
	"$(printf '%s\n' "$A1" | "$KG" extract -j 1 --input-format jsonl - | grep -c '"article":"first"')" ] ||
	fail "streamed extract -j 1 wrote the first article's triples other than a plain run"

# The same with two jobs: threads, and the same output.
printf '%s\n%s\n' "$A1" "$A2" > both.jsonl
run "$KG" extract -j 2 both.jsonl
cmp -s "$T/out" x.out || fail "extract -j 2 differs from the streamed -j 1"

# ingest -j 1: the first article is committed (visible to another
# connection) while the writer still holds the pipe open.
mkfifo in2
"$KG" -d s.db ingest -j 1 --format jsonl in2 > i.out 2> i.err &
kpid=$!
exec 3<>in2
printf '%s\n' "$A1" >&3
i=0 got=
while [ $i -lt 300 ]; do
	got=$("$KG" -d s.db query --format tsv "SELECT count(*) FROM articles WHERE ext_id = 'first'" 2>/dev/null | tail -n 1)
	[ "$got" = 1 ] && break
	sleep 0.1; i=$((i + 1))
done
[ "$got" = 1 ] || fail "ingest -j 1 does not commit a streamed article while the pipe is open"
printf '%s\n' "$A2" >&3
exec 3>&-
wait $kpid || fail "streamed ingest -j 1 failed: $(cat i.err)"
[ "$("$KG" -d s.db query --format tsv "SELECT count(*) FROM articles" | tail -n 1)" = 2 ] ||
	fail "streamed ingest -j 1: both articles"

# A flush that fails while the reader waits stops extract with an error.
if [ -w /dev/full ]; then
	mkfifo in3
	"$KG" extract -j 1 --input-format jsonl in3 > /dev/full 2> f.err &
	kpid=$!
	exec 3<>in3
	printf '%s\n' "$A1" >&3
	i=0
	while [ $i -lt 300 ] && ! grep -q 'write error' f.err; do
		sleep 0.1; i=$((i + 1))
	done
	grep -q '^kgraph: write error on standard output' f.err || fail "extract -j 1 to a full disk: no write error ($(cat f.err))"
	printf '%s\n' "$A2" >&3
	exec 3>&-
	wait $kpid && fail "extract -j 1 to a full disk exits 0"
fi

done_testing
