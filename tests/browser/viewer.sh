#!/bin/sh
# viewer.sh HTML: open kgraph's HTML viewer in headless chromium and check it.
#
# The viewer runs its self-test when the URL ends in #selftest: it clicks
# its first edge, then every edge, toggles the filters, searches an actor,
# and writes what it saw into <pre id="kg-selftest"> as JSON.  Chromium
# dumps the DOM after load; this script checks that report and chromium's
# console log (any console message at all fails: the viewer writes none).
#
# Exit 0 pass, 1 fail, 77 skipped (no chromium).  Prints "skip: ..." then.
# Environment: KG_EXPECT_SENTENCE, a sentence the first edge must list;
# KG_EXPECT_TEXT, text that must appear, as text, in the page.
set -u
html=$1
browser=${CHROMIUM:-}
if [ -z "$browser" ]; then
	for b in chromium chromium-browser google-chrome; do
		if command -v "$b" >/dev/null 2>&1; then browser=$b; break; fi
	done
fi
if [ -z "$browser" ]; then
	echo "skip: no chromium installed (scripts/install-deps check installs it)"
	exit 77
fi
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
case $html in /*) ;; *) html=$PWD/$html ;; esac

# timeout: a hung browser must not hang make check.
timeout 60 "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
	--disable-background-networking --disable-component-update --disable-sync \
	--disable-extensions --user-data-dir="$tmp/profile" --enable-logging=stderr --v=0 \
	--dump-dom "file://$html#selftest" >"$tmp/dom.html" 2>"$tmp/log"
rc=$?
if [ $rc -ne 0 ]; then
	echo "chromium exited $rc: $(tail -n 5 "$tmp/log")"
	exit 1
fi
report=$(sed -n 's/.*<pre id="kg-selftest">KGSELFTEST \(.*\)<\/pre>.*/\1/p' "$tmp/dom.html")
if [ -z "$report" ]; then
	echo "no self-test report in the page (the viewer's script did not run to the end)"
	grep -i 'CONSOLE' "$tmp/log" | head -n 5
	exit 1
fi
# The report went through the DOM serialiser: &amp; &lt; &gt; back to text.
printf '%s' "$report" | sed 's/&lt;/</g; s/&gt;/>/g; s/&quot;/"/g; s/&amp;/\&/g' >"$tmp/report.json"
grep 'CONSOLE' "$tmp/log" >"$tmp/console"
cp "$tmp/dom.html" "${KG_DOM_COPY:-/dev/null}" 2>/dev/null
python3 - "$tmp/report.json" "$tmp/console" "$tmp/dom.html" <<'PY'
import json, os, sys
r = json.load(open(sys.argv[1]))
console = open(sys.argv[2]).read().strip()
dom = open(sys.argv[3]).read()
bad = []
def check(ok, what):
    if not ok:
        bad.append(what)
check(not r["errors"], "script errors: %r" % r["errors"])
check(not console, "console messages: %s" % console[:300])
check(r["edges"] > 0 and r["svgEdges"] == r["edges"], "edges in data %d, in SVG %d" % (r["edges"], r["svgEdges"]))
check(r["clicked"] == "e1" and r["heading"], "clicking the first edge showed no heading")
check(len(r["sentences"]) > 0 and all(r["sentences"]), "clicking the first edge listed no sentences")
check(r["allSentences"] >= r["edges"], "some edge lists no sentence")
check(r["shownNoQuad"] == 0 and r["shownAll"] == r["edges"], "quad filter: %r/%r" % (r["shownNoQuad"], r["shownAll"]))
check(r["searchHits"] >= 1, "search found no actor")
check(r["pwned"] is None, "article text ran as script: %r" % r["pwned"])
check(r["injected"] == 0, "extra script elements in the page: %r" % r["injected"])
want = os.environ.get("KG_EXPECT_SENTENCE")
if want:
    check(want in r["sentences"], "the first edge does not list %r (got %r)" % (want, r["sentences"]))
# The side panel as serialised: text there is escaped, markup is not.
start = dom.find('<aside id="kg-panel"')
panel = dom[start:dom.find("</aside>", start)]
check(start >= 0, "no side panel in the page")
check('href="javascript' not in dom.lower(), "a javascript: link in the page")
text = os.environ.get("KG_EXPECT_TEXT")
if text:
    esc = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    check(esc in panel, "%r is not in the side panel as text" % text)
    check(text not in panel, "%r is in the side panel as markup" % text)
for b in bad:
    print("  " + b)
print("viewer: %d edges, first edge %s lists %d sentence(s), %d in all; %s" % (
    r["edges"], r["clicked"], len(r["sentences"]), r["allSentences"], "FAIL" if bad else "ok"))
sys.exit(1 if bad else 0)
PY
