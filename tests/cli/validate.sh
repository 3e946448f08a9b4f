# validate.sh: PETRARCH/TABARI dictionaries on the command line, and the
# pass rate on the field's validation records (../shared, when present),
# which must not drop below tests/petrarch.baseline.
. "$(dirname "$0")/lib.sh"

# Small dictionaries of our own, with a bad line in each.
mkdir dicts
cat >dicts/actors.txt <<'EOF'
ARNOR_  [ARN]
GONDOR [GON]
+MINAS_TIRITH
GOLLUM
	[HOB <950601]
	[HOBGOV 950601-990815]
MORDOR [MOR 12345]
EOF
cat >dicts/agents.txt <<'EOF'
GOVERNMENT [~GOV]
POLICE {} [~COP]
NO_CODE
EOF
cat >dicts/discards.txt <<'EOF'
BASEBALL
+WORLD GOLF CHAMPIONSHIPS
EOF
cat >dicts/verbs.txt <<'EOF'
&TIETYPES
+MILITARY
+ECONOMIC

--- RESTORE  [064]  ---
RESTORE
- * &TIETYPES TIES [902]
- * &NOSUCH TIES [999]
--- MEET  [031:032]  ---
MEET
EOF

cat >records.xml <<'EOF'
<Validation>
<Environment>
    <Verbfile>verbs.txt</Verbfile>
    <Actorfile>actors.txt</Actorfile>
    <Agentfile>agents.txt</Agentfile>
    <Discardfile>discards.txt</Discardfile>
</Environment>
<Sentences>
<Sentence date="19950101" id="T-01" category="DEMO">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<Text>Arnor is about to restore
full ties with Gondor.</Text>
<Parse>(ROOT (S (NP (NNP Gondor))))</Parse>
</Sentence>
<Sentence date="19950101" id="T-02" category="SYNSET" />
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="902"></EventCoding>
<Text>Arnor will restore economic ties with Minas Tirith.</Text>
<Sentence date="19970101" id="T-03" category="DATE">
<EventCoding sourcecode="HOBGOV" targetcode="GONCOP" eventcode="031"></EventCoding>
<EventCoding sourcecode="GONCOP" targetcode="HOBGOV" eventcode="032"></EventCoding>
<Text>Gollum will meet the Gondor police.</Text>
</Sentence>
<Sentence date="19950101" id="T-04" category="DATE">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="999"></EventCoding>
<Text>Arnor will restore ties with Gondor.</Text>
</Sentence>
<Sentence date="19950101" id="T-05" category="ERROR">
<EventCoding error="sentencediscard"></EventCoding>
<Text>Arnor will restore baseball ties with Gondor.</Text>
</Sentence>
<Sentence date="19950101" id="T-06" category="ERROR">
<EventCoding noevents="True"></EventCoding>
<Text>Mordor will restore ties with Gondor.</Text>
</Sentence>
</Sentences>
</Validation>
EOF

run "$KG" validate --dict-dir dicts records.xml
expect_rc 0 "validate"
expect_out '^pass T-01 \[DEMO\]' "T-01 codes the default"
expect_out '^pass T-02 \[SYNSET\]' "T-02, a record written as siblings"
expect_out '^pass T-03 \[DATE\]' "T-03, dated code and pair code"
expect_out '^FAIL T-04 \[DATE\]' "T-04 is expected to fail"
expect_out 'expected: ARN GON 999' "T-04 shows what was expected"
expect_out 'produced: ARN GON 064' "T-04 shows what was produced"
expect_out '^pass T-05' "T-05 sentence discard"
expect_out '^pass T-06' "T-06 an actor whose code is bad is not an actor"
expect_out '^5 of 6 records coded exactly (83.3%)' "totals"
expect_out '^  DATE *1 of *2 ' "per category"
# Each bad dictionary line is reported with file and line; the rest loads.
expect_err '^kgraph: dicts/actors.txt:7: bad code' "bad actor code"
expect_err '^kgraph: dicts/agents.txt:3: agent without' "bad agent"
expect_err '^kgraph: dicts/verbs.txt:8: unknown synset &NOSUCH' "unknown synset"

run "$KG" validate --format jsonl --dict-dir dicts records.xml
expect_rc 0 "validate jsonl"
expect_out '"article":"T-03".*"subject":{"name":"Gollum","code":"HOBGOV"' "jsonl event"
[ "$(grep -c '"article":"T-0' "$T/out")" -eq 5 ] || fail "jsonl: wanted 5 events, got $(grep -c . "$T/out")"

# Bad inputs: one clear error line each.
printf '<Validation><Sentences><Sentence id="x">\n<Text>oops</Sentences>\n' >bad.xml
run "$KG" validate --dict-dir dicts bad.xml
expect_rc 1 "bad XML"; expect_err '^kgraph: bad.xml:[0-9]*: not valid XML' "bad XML is located"
run "$KG" validate --dict-dir nowhere records.xml
expect_rc 1 "missing dictionaries"; expect_err '^kgraph: nowhere/actors.txt: ' "missing dictionary named"
run "$KG" validate records.xml other.xml
expect_rc 2 "two files"; expect_one_error_line "two files"
run "$KG" validate --format csv records.xml
expect_rc 2 "bad format"; expect_one_error_line "bad format"

# The same dictionaries drive extract and ingest.
printf 'Arnor will restore military ties with Gondor.\n' >a.txt
run "$KG" extract --format tsv --dict-dir dicts --verbs verbs.txt --actors actors.txt \
	--agents agents.txt --discards discards.txt a.txt
expect_rc 0 "extract --dict-dir"
expect_out '	Arnor	ARN	.*	902	Gondor	' "extract codes with the pattern"
run "$KG" -d kg.db ingest --dict-dir dicts --verbs verbs.txt --actors actors.txt a.txt
expect_rc 0 "ingest --dict-dir"
run "$KG" -d kg.db query --format csv "SELECT cameo FROM triples"
expect_out '^902' "ingest stored the event"
printf 'Arnor will restore ties with Gondor at the World Golf Championships.\n\nGondor will meet Arnor.\n' >story.txt
run "$KG" extract --format tsv --dict-dir dicts --verbs verbs.txt --actors actors.txt \
	--discards discards.txt story.txt
expect_rc 0 "story discard"
[ -s "$T/out" ] && fail "a story discard voids the whole article: $(cat "$T/out")"

# The field's validation records, when ../shared is there.
S=$KG_TOP/../shared/petrarch
if [ -r "$S/PETR.UnitTest.dev.xml" ] && [ -d "$S/dictionaries" ]; then
	run "$KG" validate "$S/PETR.UnitTest.dev.xml" --dict-dir "$S/dictionaries"
	expect_rc 0 "validate dev records"
	got=$(sed -n 's/^\([0-9]*\) of \([0-9]*\) records coded exactly.*/\1/p' "$T/out")
	want=$(cat "$KG_TOP/tests/petrarch.baseline")
	echo "  PETRARCH dev records: $(grep 'records coded exactly' "$T/out") (baseline $want)"
	[ -n "$got" ] && [ "$got" -ge "$want" ] ||
		fail "pass count ${got:-?} fell below the baseline $want (tests/petrarch.baseline)"
	D=$S/dictionaries
	run "$KG" extract --format tsv --dict-dir "$D" --verbs CAMEO.2.0.txt \
		--actors Phoenix.Countries.actors.txt,Phoenix.International.actors.txt,Phoenix.MilNonState.actors.txt \
		--agents Phoenix.agents.txt --discards Phoenix.discards.txt "$SAMPLE"
	expect_rc 0 "Phoenix dictionaries"
	expect_out '	Iran	IRN	' "Phoenix dictionaries code the sample"
else
	echo "  SKIP: $S not present: the PETRARCH validation records were not run"
fi

done_testing
