# options.sh: what every command does alike with its options (kg_opt_next,
# kg_opt_long in src/cmd/common.c): -h/--help, unknown options, missing
# values, whole-number options out of range.  Usage errors exit 2 with
# exactly one line "kgraph: CMD: ... (usage: kgraph USAGE)", print nothing
# on stdout and never create the database.
. "$(dirname "$0")/lib.sh"

"$KG" -q -d kg.db ingest "$SAMPLE" || fail "ingest the sample"

# The usage line of command $1, as its help prints it.
usage_of() { "$KG" help "$1" | sed -n '1s/^usage: kgraph \[-d DB\] //p'; }

# bad MESSAGE CMD ARGS...: a usage error saying MESSAGE.
bad() {
	msg=$1
	shift
	want="kgraph: $1: $msg (usage: kgraph $(usage_of "$1"))"
	run "$KG" -d kg.db "$@"
	expect_rc 2 "$*"
	[ "$(cat "$T/err")" = "$want" ] || fail "$*: stderr '$(cat "$T/err")', wanted '$want'"
	[ -s "$T/out" ] && fail "$*: printed on stdout: $(head -c 200 "$T/out")"
}

# good ARGS...: exit 0, nothing on stderr.
good() {
	run "$KG" -d kg.db "$@"
	expect_rc 0 "$*"
	[ -s "$T/err" ] && fail "$*: stderr: $(head -c 300 "$T/err")"
}

# rows N ARGS...: the command (--format csv given) prints N rows.
rows() {
	n=$1
	shift
	good "$@" --format csv
	got=$(($(wc -l <"$T/out") - 1))
	[ "$got" -eq "$n" ] || fail "$*: $got rows, wanted $n"
}

# help CMD ARGS...: the command's help on stdout, exit 0.
help() {
	"$KG" help "$1" >"$T/help"
	good "$@"
	cmp -s "$T/out" "$T/help" || fail "$*: not the help of $1: $(head -n 2 "$T/out")"
}

# The commands, each with an option that wants a value (long and short).
for spec in actors:--format:-f actors:--limit:-n actors:--type:-t \
	search:--format:-f search:--limit:-n \
	timeline:--format:-f timeline:--limit:-n \
	neighbors:--format:-f neighbors:--depth:-d \
	path:--format:-f path:--max-depth:-d \
	stats:--format:-f query:--format:-f query:--param:-p \
	export:--format:-f export:--output:-o export:--depth: export:--top: \
	render:--output:-o render:-T: render:--min-weight: \
	validate:--format:-f validate:--dict-dir:; do
	c=${spec%%:*}
	long=${spec#*:}
	short=${long#*:}
	long=${long%%:*}
	bad "$long needs a value" $c "$long"
	[ -n "$short" ] && bad "$short needs a value" $c "$short"
done

for c in actors search timeline neighbors path stats query export render validate ingest extract; do
	help $c --help
	help $c -h
	help $c --he
	help $c --help --bogus
	help $c -hZ
	bad "bad option '--bogus'" $c --bogus
	bad "bad option '--bogus'" $c --bogus --help
	bad "bad option '-Z'" $c -Z
	bad "bad option '-Z'" $c -Zh
	bad "bad option '--help=x'" $c --help=x
	# Nothing is opened, let alone created, for a bad command line.
	run "$KG" -d new.db $c --bogus
	expect_rc 2 "$c --bogus on a new database"
	[ -e new.db ] && fail "$c --bogus created the database"
done

# A bad letter inside a group is the one named, wherever the group stands.
bad "bad option '-Z'" actors -uZ
bad "bad option '-Z'" actors -Zu
bad "bad option '-Z'" actors --unresolved -Zu
bad "bad option '-Z'" stats --format=csv -ZV
bad "bad option '-u'" search -F -uZ Iran
bad "-n needs a value" actors -un
bad "bad option '--t'" export --t	# ambiguous: --title, --top, --type

# dict: its subcommands take --help too, wherever it stands.
help dict --help
help dict add --help
help dict add X --code IRN --help
help dict list -f csv --help
help dict rm --help
bad "bad option '--bogus'" dict add X --bogus
bad "bad option '-Z'" dict list -Z
bad "--code needs a value" dict add X --code
bad "-f needs a value" dict list -f
bad "dict add needs --code and --type" dict add X --code IRN
rows 0 dict list

# --limit: a whole number, 0 or more; past LONG_MAX it means no limit.
for c in actors "search Iran" "timeline Iran --undated"; do
	for v in abc -1 "" 2x 1e3 0x10 " "; do
		bad "--limit wants a whole number of at least 0, not '$v'" $c --limit "$v"
		bad "--limit wants a whole number of at least 0, not '$v'" $c -n "$v"
	done
	rows 0 $c --limit 0
	rows 1 $c --limit 1
	rows 1 $c -n1
	rows 2 $c --limit=2
	rows 2 $c --limit +2
	good $c --format csv
	cp "$T/out" all.csv
	[ "$(wc -l <all.csv)" -gt 3 ] || fail "$c: wanted more than 2 rows on the sample"
	for v in 99999999999 9223372036854775807 9223372036854775808 99999999999999999999; do
		good $c --format csv --limit $v
		cmp -s "$T/out" all.csv || fail "$c --limit $v: not all the rows"
	done
done

# --depth, --max-depth: bounded, and never wrapped round (4294967297 is not 1).
for v in abc 0 -1 7 2x "" 4294967297 99999999999999999999; do
	bad "--depth wants a whole number from 1 to 6, not '$v'" neighbors Iran --depth "$v"
	bad "--depth wants a whole number from 1 to 6, not '$v'" neighbors -d "$v" Iran
done
for v in 1 6 +2; do good neighbors --depth "$v" Iran; done
rows 3 neighbors Iran --depth 1
for v in abc 0 21 4294967297; do
	bad "--max-depth wants a whole number from 1 to 20, not '$v'" path --max-depth "$v" Iran Taliban
done
rows 1 path -d 20 Iran Taliban

# The graph filters of export and render.
for c in export "render -o x.svg"; do
	for v in abc 0 21 4294967297; do
		bad "--depth wants a whole number from 1 to 20, not '$v'" $c --actor Iran --depth "$v"
	done
	for o in --top --min-weight; do
		for v in abc 0 -1 ""; do
			bad "$o wants a whole number of at least 1, not '$v'" $c $o "$v"
		done
	done
done
good export --top 99999999999999999999
good render -o x.svg --actor Iran --depth 20 --min-weight 1
grep -q '<svg' x.svg || fail "render with filters: no SVG"

# ingest and extract: --jobs (and ingest's --batch) are bounded too.
for c in ingest extract; do
	for v in abc 0 -1 257 "" 4294967297; do
		bad "--jobs wants a whole number from 1 to 256, not '$v'" $c --jobs "$v" "$SAMPLE"
		bad "--jobs wants a whole number from 1 to 256, not '$v'" $c -j "$v" "$SAMPLE"
	done
	bad "-j needs a value" $c -j
	bad "--date needs a value" $c --date
done
for v in abc 0 1000001; do
	bad "--batch wants a whole number from 1 to 1000000, not '$v'" ingest --batch "$v" "$SAMPLE"
done
good extract -j 2 --format tsv "$SAMPLE"
[ "$(wc -l <"$T/out")" -gt 3 ] || fail "extract -j 2: no triples"

# Arguments are still told apart from options.
bad "takes no arguments" actors -- --help
bad "takes no arguments" stats extra
bad "give one actor (name, code or alias)" neighbors
bad "unexpected argument '--help'" export -- --help
bad "give one SQL string" query "SELECT 1" --help	# query stops at its SQL
good query "SELECT 1"

done_testing
