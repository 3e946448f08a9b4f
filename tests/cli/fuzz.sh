# fuzz.sh: every libFuzzer target (fuzz/) runs a few seconds on its seeds,
# and replays the inputs that once crashed it (fuzz/regress/): make fuzz-run.
. "$(dirname "$0")/lib.sh"

if [ -n "${KG_VALGRIND:-}" ]; then
	echo "  skip: fuzzers under valgrind (they carry their own sanitizers)" >&2
	exit 0
fi
if ! command -v clang >/dev/null 2>&1 ||
   ! printf 'int LLVMFuzzerTestOneInput(const char *d, long n) { return 0; }\n' |
	clang -x c -fsanitize=fuzzer -o "$T/probe" - >/dev/null 2>&1; then
	echo "  skip: no clang with libFuzzer (scripts/install-deps fuzz installs it)" >&2
	exit 0
fi
# A make of its own: not the SANITIZE= or -j of the make check that runs us.
run env -u MAKEFLAGS -u MAKELEVEL -u MFLAGS make -C "$KG_TOP" --no-print-directory fuzz-run FUZZ_TIME=${KG_FUZZ_TIME:-2}
expect_rc 0 "make fuzz-run"
[ "$rc" -eq 0 ] || cat "$T/out" "$T/err" | tail -n 20 >&2
for t in split read lexicon coder; do
	grep -q "^fuzz: $t: Done [0-9]* runs" "$T/out" || fail "fuzz target $t did not run"
done
sed -n 's/^fuzz: /  fuzz: /p' "$T/out" >&2

done_testing
