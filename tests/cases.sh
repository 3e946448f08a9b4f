#!/bin/sh
# cases.sh: data-driven extraction tests (jq's .test files are the model).
#
# A case file holds blocks separated by blank lines:
#
#   # comment
#   sentence: Iran is reportedly contemplating collaboration with the Taliban.
#   date: 2024-01-05                       (optional article date)
#   expect: Iran | 03 | Taliban | considered
#   allow:  Iran | 04 | Taliban             (correct if produced, not required)
#   reject: Taliban | | Iran                (must never be produced)
#
# A triple pattern is SUBJECT | CAMEO-PREFIX | OBJECT [| MODALITY [| AGAINST]],
# names compared without case, an empty field matching anything.  Every
# expect must be produced; every produced triple must match an expect or
# allow line (precision matters as much as recall); no reject may match.
# Prints one line per failing case and "cases: N passed, N failed".
set -u
KG=${KG:-build/kgraph}
status=0
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM

for f in "$@"; do
	awk -v kg="$KG" -v tmp="$tmp" -v file="$f" '
	function trim(s) { gsub(/^[ \t]+|[ \t]+$/, "", s); return s }
	function lc(s) { return tolower(trim(s)) }
	function matches(pat, sub_, cam, obj, mod, ag,    p, n) {
		n = split(pat, p, "|")
		if (lc(p[1]) != "" && lc(p[1]) != lc(sub_)) return 0
		if (trim(p[2]) != "" && index(cam, trim(p[2])) != 1) return 0
		if (n >= 3 && lc(p[3]) != "" && lc(p[3]) != lc(obj)) return 0
		if (n >= 4 && lc(p[4]) != "" && lc(p[4]) != lc(mod)) return 0
		if (n >= 5 && lc(p[5]) != "" && lc(p[5]) != lc(ag)) return 0
		return 1
	}
	function run(   cmd, line, f, i, j, ok, got, ngot, okcase, why) {
		if (sentence == "") return
		printf "%s\n", sentence > (tmp "/in.txt"); close(tmp "/in.txt")
		cmd = kg " extract --format tsv " (date != "" ? "--date " date " " : "") tmp "/in.txt 2>&1"
		ngot = 0
		while ((cmd | getline line) > 0) {
			ngot++
			split(line, f, "\t")
			gs[ngot] = f[3]; gc[ngot] = f[6]; go[ngot] = f[7]; gm[ngot] = f[8]; ga[ngot] = f[9]
			gl[ngot] = f[3] " | " f[6] " | " f[7] " | " f[8] (f[9] != "" ? " | " f[9] : "")
		}
		close(cmd)
		okcase = 1; why = ""
		for (i = 1; i <= nexp; i++) {
			ok = 0
			for (j = 1; j <= ngot; j++) if (matches(ex[i], gs[j], gc[j], go[j], gm[j], ga[j])) ok = 1
			if (!ok) { okcase = 0; why = why "\n    missing: " trim(ex[i]) }
		}
		for (j = 1; j <= ngot; j++) {
			ok = 0
			for (i = 1; i <= nexp; i++) if (matches(ex[i], gs[j], gc[j], go[j], gm[j], ga[j])) ok = 1
			for (i = 1; i <= nallow; i++) if (matches(allow[i], gs[j], gc[j], go[j], gm[j], ga[j])) ok = 1
			for (i = 1; i <= nrej; i++) if (matches(rej[i], gs[j], gc[j], go[j], gm[j], ga[j])) ok = 0
			if (!ok) { okcase = 0; why = why "\n    unexpected: " gl[j] }
		}
		if (okcase) passed++
		else { failed++; printf "FAIL %s:%d: %s%s\n", file, startline, sentence, why }
		sentence = ""; date = ""; nexp = nallow = nrej = 0
	}
	/^#/ { next }
	/^[ \t]*$/ { run(); next }
	/^sentence:/ { run(); sentence = trim(substr($0, 10)); startline = NR; next }
	/^date:/ { date = trim(substr($0, 6)); next }
	/^expect:/ { ex[++nexp] = substr($0, 8); next }
	/^allow:/ { allow[++nallow] = substr($0, 7); next }
	/^reject:/ { rej[++nrej] = substr($0, 8); next }
	{ printf "%s:%d: unknown line: %s\n", file, NR, $0; failed++ }
	END { run(); printf "cases %s: %d passed, %d failed\n", file, passed, failed; exit failed > 0 }
	' "$f" || status=1
done
exit $status
