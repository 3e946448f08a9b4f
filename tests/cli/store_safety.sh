# store_safety.sh: the store (issue 8 item 2): files that are not ours are
# refused and left untouched, newer schemas refused, read-only files and
# folders, a full disk, a store locked by another writer.
. "$(dirname "$0")/lib.sh"
. "$KG_TOP/tests/cli/corpus.inc"

count() { "$KG" -q -d "$1" query --format tsv "$2" | tail -n 1; }
printf 'The Taliban condemned the attack by ISKP on Monday.\n' > good.txt
printf 'Iran condemned the attack by the Islamic State in Kerman.\n' > good2.txt

# untouched NAME FILE: kgraph refused FILE, which is byte for byte as before
# and has no -wal/-shm/-journal beside it.
untouched() {
	cmp -s "$2" "$2.orig" || fail "$1: the file was modified"
	for x in -wal -shm -journal; do [ -e "$2$x" ] && fail "$1: kgraph left $2$x"; done
}

# A text file, another program's SQLite database: refused, untouched, by
# ingest and by query.
printf 'my notes\n' > notes.db; cp notes.db notes.db.orig
run "$KG" -d notes.db ingest good.txt
expect_rc 1 "text file as store"; expect_err "notes.db: .*not a .*database" "text file as store"
run "$KG" -d notes.db query "SELECT 1"
expect_rc 1 "query a text file"
untouched "text file as store" notes.db
python3 -c 'import sqlite3; c = sqlite3.connect("other.db"); c.execute("CREATE TABLE recipes (name TEXT)"); c.execute("INSERT INTO recipes VALUES (?)", ("soup",)); c.commit()'
cp other.db other.db.orig
run "$KG" -d other.db ingest good.txt
expect_rc 1 "other SQLite database"; expect_one_error_line "other SQLite database"
expect_err "other.db: not a kgraph database" "other SQLite database"
run "$KG" -d other.db query "SELECT * FROM recipes"
expect_rc 1 "query another SQLite database"
untouched "other SQLite database" other.db
# A SQLite file with our table names but no schema version is not ours either.
python3 -c 'import sqlite3; c = sqlite3.connect("fake.db"); c.execute("CREATE TABLE articles (x)"); c.commit()'
cp fake.db fake.db.orig
run "$KG" -d fake.db ingest good.txt
expect_rc 1 "look-alike database"
untouched "look-alike database" fake.db
# An empty file is an empty SQLite database: kgraph makes it a store.
: > empty.db
run "$KG" -d empty.db ingest good.txt
expect_rc 0 "empty file becomes a store"
[ "$(count empty.db "SELECT count(*) FROM articles")" = 1 ] || fail "empty file: article stored"

# A newer schema is refused, untouched.
"$KG" -q -d new.db ingest good.txt || fail "new store"
python3 -c 'import sqlite3; c = sqlite3.connect("new.db"); c.execute("PRAGMA user_version = 999"); c.execute("PRAGMA journal_mode = DELETE"); c.commit()'
cp new.db new.db.orig
run "$KG" -d new.db ingest good2.txt
expect_rc 1 "newer schema"; expect_one_error_line "newer schema"; expect_err "newer than this kgraph" "newer schema"
run "$KG" -d new.db query "SELECT 1"
expect_rc 1 "query a newer schema"; expect_err "newer than this kgraph" "query a newer schema"
untouched "newer schema" new.db

# Read-only file and folder: a clear error, nothing changed.  Root writes
# anywhere, so these run as nobody (setpriv), or are skipped.
if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null 2>&1; then
	as_nobody() { setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }
elif [ "$(id -u)" -ne 0 ]; then
	as_nobody() { "$@"; }
fi
if command -v as_nobody >/dev/null 2>&1; then
	# A read-only store file (its folder open to all, for SQLite's -shm).
	mkdir ro rw && chmod 755 "$T" && chmod 1777 rw && chmod 555 ro
	cp good2.txt rw/
	"$KG" -q -d rw/store.db ingest good.txt && chmod 444 rw/store.db
	cp rw/store.db store.orig
	run as_nobody "$KG" -q -d rw/store.db ingest rw/good2.txt
	expect_rc 1 "read-only store"; expect_one_error_line "read-only store"
	expect_err "rw/store.db: .*readonly database" "read-only store"
	cmp -s rw/store.db store.orig || fail "read-only store: changed"
	run as_nobody "$KG" -d rw/store.db query --format tsv "SELECT count(*) FROM articles"
	expect_rc 0 "query a read-only store"; expect_out '^1' "query a read-only store"
	# A read-only folder: no store can be made there.
	run as_nobody "$KG" -d ro/new.db ingest rw/good2.txt
	expect_rc 1 "store in a read-only folder"; expect_one_error_line "store in a read-only folder"
	expect_err "ro/new.db: cannot open database" "store in a read-only folder"
	[ -e ro/new.db ] && fail "read-only folder: a store appeared"
	chmod 755 rw ro; chmod 700 "$T"
else
	echo "  skip: read-only store and folder (root writes anywhere and setpriv is missing)" >&2
fi

# A full disk: the file size limit (SIGXFSZ ignored, so writes fail with
# EFBIG) stops the ingest of a big article.  The transaction in flight (the
# batch that holds it) is rolled back and reported; what was committed
# before stays; the store is sound; once there is room, the same ingest
# reaches the state of a clean run.
"$KG" -q -d full.db ingest good.txt || fail "full: first ingest"
awk 'BEGIN { for (i = 0; i < 40000; i++) printf "Iran met Taliban officials on a Monday in Kabul. "; print "" }' > big.txt
"$KG" -q -d clean.db ingest good.txt big.txt good2.txt || fail "clean ingest"
run sh -c "trap '' XFSZ; ulimit -f 1024; exec '$KG' -q -d full.db ingest big.txt good2.txt"
expect_rc 1 "file size limit"; expect_err "full.db: .*\(disk I/O error\|full\)" "file size limit reported"
[ "$(integrity full.db)" = ok ] || fail "file size limit: store not sound"
[ "$(count full.db "SELECT count(*) FROM articles WHERE ext_id = 'good.txt'")" = 1 ] ||
	fail "file size limit: the article stored before is gone"
[ "$(count full.db "SELECT count(*) FROM articles WHERE ext_id = 'big.txt'")" = 0 ] || fail "file size limit: half a batch stored"
run "$KG" -q -d full.db ingest big.txt good2.txt
expect_rc 0 "file size limit: ingest again with room"
[ "$(dump full.db | sed 's/^[^	]*	//')" = "$(dump clean.db | sed 's/^[^	]*	//')" ] ||
	fail "file size limit: ingest again does not reach the clean state"
# A really full file system (a 1 MB tmpfs), where mounting is allowed.
mkdir small
if [ "$(id -u)" -eq 0 ] && mount -t tmpfs -o size=1m kgtest "$T/small" 2>/dev/null; then
	"$KG" -q -d small/s.db ingest good.txt || fail "tmpfs: first ingest"
	run "$KG" -q -d small/s.db ingest big.txt good2.txt
	expect_rc 1 "full disk"; expect_err "small/s.db: .*full" "full disk reported"
	[ "$(integrity small/s.db)" = ok ] || fail "full disk: store not sound"
	[ "$(count small/s.db "SELECT group_concat(ext_id) FROM articles")" = "good.txt" ] ||
		fail "full disk: $(count small/s.db "SELECT group_concat(ext_id) FROM articles")"
	umount "$T/small"
else
	echo "  skip: full tmpfs (mount not allowed here; the file size limit case above ran)" >&2
fi

# A store locked by another writer: waited for, then reported.
"$KG" -q -d lock.db ingest good.txt || fail "lock: first ingest"
hold() {	# hold lock.db's write lock for $1 seconds
	python3 -c 'import sqlite3, sys, time
c = sqlite3.connect("lock.db", isolation_level=None); c.execute("BEGIN IMMEDIATE")
open("locked", "w").close(); time.sleep(float(sys.argv[1])); c.execute("ROLLBACK")' "$1" &
	i=0; while [ ! -e locked ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
}
hold 1.5
t0=$(date +%s%N)
run "$KG" -d lock.db ingest good2.txt
t1=$(date +%s%N)
expect_rc 0 "locked store: waited for"
[ $(((t1 - t0) / 1000000)) -ge 1000 ] || fail "locked store: did not wait ($(((t1 - t0) / 1000000)) ms)"
wait; rm -f locked
# (valgrind takes seconds to start kgraph: hold the lock longer there)
hold "$([ -n "${KG_VALGRIND:-}" ] && echo 20 || echo 3)"
KGRAPH_BUSY_TIMEOUT=500 run "$KG" -d lock.db ingest big.txt
expect_rc 1 "locked store: reported"; expect_err "lock.db: .*locked" "locked store: reported"
wait; rm -f locked
[ "$(count lock.db "SELECT group_concat(ext_id) FROM articles")" = "good.txt,good2.txt" ] || fail "locked store: content"
[ "$(integrity lock.db)" = ok ] || fail "locked store: not sound"

done_testing
