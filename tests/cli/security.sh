# security.sh: query cannot change anything, attach files or load
# extensions; no shell-outs; format strings checked; -o never writes
# through anything but a regular file (issue 8 item 5).
. "$(dirname "$0")/lib.sh"
. "$KG_TOP/tests/cli/corpus.inc"

"$KG" -q -d kg.db ingest "$SAMPLE" || fail "ingest"
python3 -c 'import sqlite3; c = sqlite3.connect("secret.db"); c.execute("CREATE TABLE s (x)"); c.execute("INSERT INTO s VALUES (42)"); c.commit()'
sum() { cksum < kg.db; }
before=$(sum)
dump kg.db > before.dump

# Each statement is refused with one line, exit 1, and changes nothing:
# the connection is read-only, and query's authorizer refuses the rest
# (ATTACH, PRAGMA settings, SAVEPOINT, load_extension).
refuse() {
	while IFS= read -r sql; do
		case $sql in '#'*|'') continue ;; esac
		run "$KG" -d kg.db query "$sql"
		expect_rc 1 "refuse: $sql"
		expect_one_error_line "refuse: $sql"
		expect_no_out 42 "refuse: $sql: read secret.db"
	done
}
refuse <<'SQL'
INSERT INTO articles (hash, text) VALUES ('x', 'y')
UPDATE articles SET title = 'changed'
DELETE FROM articles
DROP TABLE articles
CREATE TABLE t (x)
CREATE TEMP TABLE t (x)
CREATE TEMP VIEW v AS SELECT 1
CREATE TEMP TRIGGER tr AFTER INSERT ON articles BEGIN SELECT 1; END
CREATE INDEX i ON articles (title)
PRAGMA user_version = 99
PRAGMA journal_mode = DELETE
VACUUM
VACUUM INTO 'copy.db'
REINDEX
ANALYZE
ATTACH 'new.db' AS n
SELECT load_extension('/usr/lib/x86_64-linux-gnu/libsqlite3.so.0')
SELECT 1; DELETE FROM articles
WITH x AS (SELECT 1) DELETE FROM articles
SQL
refuse <<'SQL'
ATTACH 'secret.db' AS s
ATTACH 'secret.db' AS s; SELECT x FROM s.s
ATTACH ':memory:' AS m
PRAGMA writable_schema = ON
PRAGMA foreign_keys = OFF
SAVEPOINT s
SQL
[ -e copy.db ] && fail "VACUUM INTO wrote a file"
[ -e new.db ] && fail "ATTACH made a file"
[ "$(sum)" = "$before" ] || fail "the store file changed"
dump kg.db > after.dump
cmp -s before.dump after.dump || fail "the store content changed"
# ... while reading still works.
run "$KG" -d kg.db query --format tsv "SELECT count(*) FROM articles"
expect_rc 0 "read"; expect_out '^1' "read"

# No shell-outs anywhere: kgraph runs no other program.
if grep -nE '\b(system|popen|execl|execlp|execle|execv|execvp|execvpe|fork|vfork|posix_spawnp?)[[:space:]]*\(' \
	"$KG_TOP"/src/*.c "$KG_TOP"/src/*/*.c "$KG_TOP"/src/*/*.h > shell.txt; then
	fail "shell-outs in src/: $(cat shell.txt)"
fi

# Format strings: every file compiles with -Wformat=2 -Werror (gcc, and
# clang where present: it also checks printf-like wrappers).
flags="-std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Wformat=2 -Wformat-security -Werror -fsyntax-only -I$KG_TOP/src"
pc=$(pkg-config --cflags sqlite3 jansson libxml-2.0 2>/dev/null)
for c in cc clang; do
	command -v $c >/dev/null 2>&1 || continue
	for f in "$KG_TOP"/src/*.c "$KG_TOP"/src/*/*.c; do
		# shellcheck disable=SC2086
		$c $flags $pc -c "$f" -o /dev/null 2>>format.txt || fail "$c -Wformat=2: $f: $(head -n 3 format.txt)"
	done
done

# -o: never through a symlink, a FIFO, a device or a directory.
mkdir adir
mkfifo fifo
printf 'keep me\n' > target.txt
ln -s target.txt link.txt
ln -s /dev/null null.svg
for o in adir fifo link.txt null.svg /dev/null; do
	run "$KG" -d kg.db export --format dot -o "$o"
	expect_rc 1 "export -o $o"; expect_one_error_line "export -o $o"; expect_err "not a regular file" "export -o $o"
	run "$KG" -d kg.db render -T svg -o "$o"
	expect_rc 1 "render -o $o"; expect_err "not a regular file" "render -o $o"
done
[ "$(cat target.txt)" = "keep me" ] || fail "-o wrote through a symlink"
# A regular file is replaced, a new one made, names with spaces and newlines kept.
nl='
'
mkdir "out dir"
run "$KG" -d kg.db export --format dot -o "out dir/g${nl}raph one.dot"
expect_rc 0 "export -o a name with a space and a newline"
grep -q digraph "out dir/g${nl}raph one.dot" || fail "export -o: file not written"
run "$KG" -d kg.db export --format dot -o target.txt
expect_rc 0 "export -o over a regular file"
grep -q digraph target.txt || fail "export -o over a regular file"

done_testing
