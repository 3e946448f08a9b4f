# export_html.sh: the HTML viewer in a real browser (headless chromium):
# no console errors, a scripted click on an edge lists its sentences, and
# article text containing <script> is shown as text and never runs.
# Skipped (with a message, not a failure) when chromium is not installed.
. "$(dirname "$0")/lib.sh"

printf 'Nothing of note happened.\n' > empty.txt
run "$KG" -d t.db ingest empty.txt
expect_rc 0 "create the database"
python3 "$KG_TOP/tests/browser/testdb.py" t.db || fail "testdb.py"

browser() {	# browser HTML: run the browser test; 77 = skipped
	sh "$KG_TOP/tests/browser/viewer.sh" "$1"
	r=$?
	[ $r -eq 77 ] && return 77
	[ $r -eq 0 ] || fail "browser test of $1"
	return 0
}

# The whole test graph: the first edge (Iran attacked ISKP) lists its 3
# sentences, every edge lists some.
run "$KG" -d t.db export --format html --title 'Test <graph>' -o all.html
expect_rc 0 "export html"
grep -q '<title>Test &lt;graph&gt;</title>' all.html || fail "html title not escaped"
if KG_EXPECT_SENTENCE="Iran struck ISKP again near the border." browser all.html; then
	# Only the edge whose sentence and article title carry HTML, and whose
	# article URL is javascript:.
	run "$KG" -d t.db export --format html --cameo 173 -o xss.html
	expect_rc 0 "export html --cameo 173"
	grep -q '<script>window.kgPwned' xss.html && fail "raw <script> from an article in the html file"
	KG_EXPECT_SENTENCE='Taliban fighters arrested ISKP members in Herat, a statement said <script>window.kgPwned="script"</script><img src=x onerror="window.kgPwned='"'"'img'"'"'">.' \
	KG_EXPECT_TEXT='<script>window.kgPwned="script"</script>' browser xss.html

	# The sample's own graph.
	run "$KG" -d s.db ingest "$SAMPLE"
	run "$KG" -d s.db export --format html -o sample.html
	expect_rc 0 "export html of the sample"
	browser sample.html
fi

done_testing
