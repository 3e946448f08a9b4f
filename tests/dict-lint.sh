#!/bin/sh
# dict-lint.sh: check the built-in dictionaries for format errors.
#
#   tests/dict-lint.sh [REPO_DIR]
#
# Checks data/cameo.tsv and data/dict/{countries,actors,agents,places}.tsv
# against the formats described in docs/dictionaries.md.  Every problem is
# printed as "FILE:LINE: reason"; the exit status is 1 if there was any
# problem, 0 otherwise (2 if a file is missing).  POSIX sh + POSIX awk only.
set -eu

root=${1:-$(cd "$(dirname "$0")/.." && pwd)}
cameo=$root/data/cameo.tsv
dict=$root/data/dict
countries=$dict/countries.tsv
actors=$dict/actors.tsv
agents=$dict/agents.tsv
places=$dict/places.tsv

for f in "$cameo" "$countries" "$actors" "$agents" "$places"; do
	if [ ! -f "$f" ]; then
		echo "$f:0: file missing" >&2
		exit 2
	fi
done

# Files are read in this order: countries first, so that the country codes are
# known when actors.tsv and places.tsv are checked.
awk -F '	' -v C="$countries" -v A="$actors" -v G="$agents" -v P="$places" -v K="$cameo" '
function err(msg) { print FILENAME ":" FNR ": " msg; bad = 1 }

function trim_ok(s) { return s !~ /^[ ]/ && s !~ /[ ]$/ }

# Generic checks on one field: not empty, no stray spaces, and (if it is a
# list) no empty item and no spaces around the "|" separators.
function check_field(i, name, islist,    n, k, it, items) {
	if ($i == "") { err(name ": empty field (write - instead)"); return }
	if (!trim_ok($i)) err(name ": leading or trailing space")
	if ($i ~ /  /) err(name ": double space")
	if (!islist) return
	if ($i == "-") return
	n = split($i, items, "|")
	for (k = 1; k <= n; k++) {
		it = items[k]
		if (it == "") err(name ": empty list item")
		else if (!trim_ok(it)) err(name ": space around | in \"" it "\"")
		else if (it == "-") err(name ": - used as a list item")
	}
}

function is_date(s) {
	return s ~ /^[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]$/ \
	    && substr(s, 6, 2) + 0 >= 1 && substr(s, 6, 2) + 0 <= 12 \
	    && substr(s, 9, 2) + 0 >= 1 && substr(s, 9, 2) + 0 <= 31
}

function is_code3(s) { return s ~ /^[A-Z][A-Z][A-Z]$/ }

function country_ref(s, what) {
	if (s == "-") return
	if (!(s in ccode)) err(what ": unknown country code \"" s "\"")
}

# Every non-comment, non-blank line passes here first.
{
	if ($0 ~ /\r/) { err("carriage return in line"); next }
	if ($0 ~ /^#/ || $0 ~ /^[ \t]*$/) next
	if ($0 ~ /^[ \t]/) { err("line starts with white space"); next }
}

FILENAME == C {
	if (NF != 6) { err("expected 6 fields (code name type aliases adjectives capitals), got " NF); next }
	for (i = 1; i <= 6; i++) check_field(i, "field " i, i >= 4)
	if (!is_code3($1)) err("code \"" $1 "\" is not three upper-case letters")
	if ($1 in ccode) err("duplicate country code " $1 " (first on line " ccode[$1] ")")
	ccode[$1] = FNR
	if ($3 != "state" && $3 != "observer" && $3 != "territory")
		err("type \"" $3 "\" is not state, observer or territory")
	if (tolower($2) in cname) err("duplicate country name \"" $2 "\"")
	cname[tolower($2)] = FNR
	if ($6 != "-") {
		n = split($6, caps, "|")
		for (k = 1; k <= n; k++) {
			if (caps[k] ~ /=/) {
				suf = caps[k]; sub(/^[^=]*=/, "", suf)
				if (!is_code3(suf)) err("capital \"" caps[k] "\": agent suffix must be three upper-case letters")
			}
		}
	}
	next
}

FILENAME == A {
	if (NF != 8) { err("expected 8 fields (name code type country aliases office from until), got " NF); next }
	for (i = 1; i <= 8; i++) check_field(i, "field " i, i == 5)
	if ($1 == "-") err("name is empty")
	if ($2 !~ /^[A-Z0-9][A-Z0-9][A-Z0-9]+$/) err("code \"" $2 "\" is not upper-case letters/digits (3 or more)")
	if ($3 !~ /^(government|person|armed_group|igo|ngo|media|party|movement|company|unknown)$/)
		err("type \"" $3 "\" is not a known actor type")
	country_ref($4, "country")
	if ($3 == "person" && $6 == "-") err("person without office")
	if ($7 != "-" && !is_date($7)) err("from \"" $7 "\" is not YYYY-MM-DD or -")
	if ($8 != "-" && !is_date($8)) err("until \"" $8 "\" is not YYYY-MM-DD or -")
	if ($7 != "-" && $8 != "-" && $7 > $8) err("from " $7 " is after until " $8)
	key = tolower($1) SUBSEP $7 SUBSEP $6
	if (key in akey) err("duplicate actor \"" $1 "\" with the same office and from date (line " akey[key] ")")
	akey[key] = FNR
	next
}

FILENAME == G {
	if (NF != 3) { err("expected 3 fields (word code flags), got " NF); next }
	for (i = 1; i <= 3; i++) check_field(i, "field " i, i != 2)
	if ($1 != tolower($1)) err("agent words must be lower case")
	if ($2 !~ /^[A-Z][A-Z][A-Z]([A-Z][A-Z][A-Z])*$/) err("code \"" $2 "\" is not a CAMEO agent code")
	if ($3 != "-") {
		n = split($3, fl, "|")
		for (k = 1; k <= n; k++)
			if (fl[k] != "office" && fl[k] != "armed" && fl[k] != "plural-only")
				err("unknown flag \"" fl[k] "\"")
	}
	n = split($1, ws, "|")
	for (k = 1; k <= n; k++) {
		if (ws[k] in aword) err("agent word \"" ws[k] "\" already on line " aword[ws[k]])
		aword[ws[k]] = FNR
	}
	next
}

FILENAME == P {
	if (NF != 4) { err("expected 4 fields (name country kind aliases), got " NF); next }
	for (i = 1; i <= 4; i++) check_field(i, "field " i, i == 4)
	country_ref($2, "country")
	if ($3 != "city" && $3 != "province" && $3 != "region")
		err("kind \"" $3 "\" is not city, province or region")
	n = split($1 ($4 == "-" ? "" : "|" $4), ps, "|")
	for (k = 1; k <= n; k++) {
		lk = tolower(ps[k])
		if ((lk in pname) && pname[lk] != FNR)
			err("place name \"" ps[k] "\" already on line " pname[lk])
		pname[lk] = FNR
	}
	next
}

FILENAME == K {
	if (NF != 4) { err("expected 4 fields (code label quad_class goldstein), got " NF); next }
	for (i = 1; i <= 4; i++) check_field(i, "field " i, 0)
	if ($1 !~ /^[0-9][0-9][0-9]?[0-9]?$/) { err("code \"" $1 "\" is not 2-4 digits"); next }
	if ($1 in kcode) err("duplicate CAMEO code " $1 " (first on line " kcode[$1] ")")
	kcode[$1] = FNR
	root = substr($1, 1, 2) + 0
	if (root < 1 || root > 20) err("root " substr($1, 1, 2) " is not 01-20")
	q = (root <= 5) ? 1 : (root <= 8) ? 2 : (root <= 13) ? 3 : 4
	if ($3 != q) err("quad_class " $3 " should be " q " for root " substr($1, 1, 2))
	if ($4 !~ /^-?[0-9]+\.[0-9]$/) err("goldstein \"" $4 "\" is not a number with one decimal")
	else if ($4 + 0 < -10 || $4 + 0 > 10) err("goldstein " $4 " outside -10..10")
	if (length($1) > 2) {
		parent = substr($1, 1, length($1) - 1)
		if (!(parent in kcode)) err("parent code " parent " missing or listed after " $1)
	}
	next
}

END { exit bad }
' "$countries" "$actors" "$agents" "$places" "$cameo"
