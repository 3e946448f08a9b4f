# lib.sh: helpers for command-line tests, sourced by tests/cli/*.sh.
# Each test script runs in its own temporary folder and exits non-zero
# when any check failed.  KG is the binary, KG_TOP the source tree.
set -u
: "${KG:=$PWD/build/kgraph}" "${KG_TOP:=$PWD}"
T=$(mktemp -d) || exit 1
trap 'rm -rf "$T"' EXIT INT TERM
cd "$T" || exit 1
SAMPLE=$KG_TOP/data/samples/iran-taliban-iskp.txt
failures=0

fail() { echo "  not ok: $*" >&2; failures=$((failures + 1)); }

# run CMD...: run and keep stdout in $T/out, stderr in $T/err, status in $rc.
run() { "$@" >"$T/out" 2>"$T/err"; rc=$?; }

expect_rc() { [ "$rc" -eq "$1" ] || fail "$2: exit $rc, wanted $1 (stderr: $(head -c 300 "$T/err"))"; }
expect_out() { grep -q -- "$1" "$T/out" || fail "$2: stdout lacks '$1'"; }
expect_err() { grep -q -- "$1" "$T/err" || fail "$2: stderr lacks '$1' (got: $(head -c 300 "$T/err"))"; }
expect_no_out() { grep -q -- "$1" "$T/out" && fail "$2: stdout has '$1'"; }
# One line on stderr, starting "kgraph: ".
expect_one_error_line() {
	[ "$(wc -l <"$T/err")" -eq 1 ] && grep -q '^kgraph: ' "$T/err" ||
		fail "$1: wanted one 'kgraph: ...' line, got: $(cat "$T/err")"
}

done_testing() { [ "$failures" -eq 0 ]; }
