# man.sh: the man page is current, and make install/uninstall put it and the
# binary where PREFIX and DESTDIR say.
. "$(dirname "$0")/lib.sh"

sh "$KG_TOP/scripts/mkman" "$KG" > kgraph.1 || fail "mkman failed"
cmp -s kgraph.1 "$KG_TOP/docs/kgraph.1" || fail "docs/kgraph.1 is stale: run make man"
grep -q '^\.SS validate' kgraph.1 || fail "man page lacks the validate command"
if command -v man >/dev/null 2>&1; then
	man -l kgraph.1 >/dev/null 2>&1 || fail "man cannot format the page"
fi

# install/uninstall into a staging folder (DESTDIR) without touching the system.
bdir=$(dirname "$KG")
make -s -C "$KG_TOP" install DESTDIR="$T/stage" PREFIX=/opt/kg B="${bdir#"$KG_TOP"/}" >/dev/null 2>&1 ||
	fail "make install failed"
[ -x "$T/stage/opt/kg/bin/kgraph" ] || fail "install put no binary"
[ -f "$T/stage/opt/kg/share/man/man1/kgraph.1" ] || fail "install put no man page"
"$T/stage/opt/kg/bin/kgraph" version >/dev/null || fail "installed binary does not run"
make -s -C "$KG_TOP" uninstall DESTDIR="$T/stage" PREFIX=/opt/kg >/dev/null 2>&1 || fail "make uninstall failed"
[ ! -e "$T/stage/opt/kg/bin/kgraph" ] || fail "uninstall left the binary"
[ ! -e "$T/stage/opt/kg/share/man/man1/kgraph.1" ] || fail "uninstall left the man page"

done_testing
