#!/bin/sh
# seeds.sh OUT: build the seed corpora of the fuzz targets under OUT/<target>/
# from data/samples, the extraction cases and fuzz/seeds/.  The readers'
# and dictionaries' fuzzers take a first byte that picks the format/type.
set -eu
cd "$(dirname "$0")/.."
out=$1
mkdir -p "$out/split" "$out/coder" "$out/read" "$out/lexicon" "$out/petrarch" "$out/jscan"
n=0
for f in data/samples/*; do
	n=$((n + 1))
	cp "$f" "$out/split/sample$n"
	cp "$f" "$out/coder/sample$n"
	for b in 0 4 7; do	# auto, text, html
		{ printf "\\$(printf %03o "$b")"; cat "$f"; } > "$out/read/sample$n-$b"
	done
done
# One seed per sentence of the extraction cases.
cat tests/cases/*.cases | sed -n 's/^sentence: //p' | while IFS= read -r s; do
	n=$((n + 1))
	printf '%s\n' "$s" > "$out/split/case$n"
	printf '%s\n' "$s" > "$out/coder/case$n"
done
for f in fuzz/seeds/read/*; do
	b=$(basename "$f")
	{ printf '\000'; cat "$f"; } > "$out/read/$b"
	case $b in
	*.jsonl) { printf '\006'; cat "$f"; } > "$out/read/$b-forced" ;;
	*.json) { printf '\005'; cat "$f"; } > "$out/read/$b-forced" ;;
	esac
done
i=0
for t in countries actors agents places relations cameo; do
	case $t in
	relations) f=data/relations.tsv ;; cameo) f=data/cameo.tsv ;; *) f=data/dict/$t.tsv ;;
	esac
	[ -f "$f" ] && { printf "\\$(printf %03o "$i")"; head -c 4000 "$f"; } > "$out/lexicon/$t"
	i=$((i + 1))
done
i=0
for k in actors agents discards verbs; do
	{ printf "\\$(printf %03o "$i")"; cat "fuzz/seeds/petrarch/$k"; } > "$out/petrarch/$k"
	i=$((i + 1))
done
# The JSON scanner: its own seeds, and each line of the readers' JSONL seeds.
cp fuzz/seeds/jscan/* "$out/jscan/"
n=0
cat fuzz/seeds/read/*.jsonl | while IFS= read -r l; do
	n=$((n + 1))
	printf '%s' "$l" > "$out/jscan/line$n"
done
