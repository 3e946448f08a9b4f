# kgraph: news articles -> CAMEO-coded knowledge graph.  See README.md.
#
#   make            build build/kgraph
#   make check      install missing packages, build, run every test
#   make demo       install, build, ingest data/samples, print triples, render build/demo.svg
#   make install    PREFIX=/usr/local DESTDIR=
#   make SANITIZE=address,undefined check

PREFIX  ?= /usr/local
BINDIR  ?= $(PREFIX)/bin
MANDIR  ?= $(PREFIX)/share/man
CC      ?= cc
CFLAGS  ?= -O2 -g
PKG_CONFIG ?= pkg-config
PKGS     = sqlite3 jansson libcgraph libgvc libxml-2.0
TESTPKGS = cunit

B := build
KG_CFLAGS  = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Wall -Wextra -Wformat=2 -Wshadow \
             -Wno-unused-parameter -Isrc -I$(B)/gen $(filter-out -I/usr/include/graphviz,$(shell $(PKG_CONFIG) --cflags $(PKGS)))
KG_LIBS    = $(shell $(PKG_CONFIG) --libs $(PKGS)) -lpthread -lm
ifneq ($(SANITIZE),)
KG_CFLAGS += -fsanitize=$(SANITIZE) -fno-omit-frame-pointer -fno-sanitize-recover=all
KG_LDFLAGS += -fsanitize=$(SANITIZE)
B := build/san
SAN_ENV = ASAN_OPTIONS=fast_unwind_on_malloc=0:detect_leaks=1 \
          LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
          UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
endif

# Every module lives in one folder per pipeline stage; main.c sits on top.
LIB_SRC  = $(sort $(wildcard src/base/*.c src/text/*.c src/lexicon/*.c src/code/*.c \
             src/input/*.c src/store/*.c src/export/*.c))
CMD_SRC  = $(sort $(wildcard src/cmd/*.c))
LIB_OBJ  = $(LIB_SRC:src/%.c=$(B)/obj/%.o) $(B)/obj/gen/embedded.o
CMD_OBJ  = $(CMD_SRC:src/%.c=$(B)/obj/%.o)
TEST_SRC = $(sort $(wildcard tests/unit/*.c))
TEST_OBJ = $(TEST_SRC:tests/unit/%.c=$(B)/obj/tests/%.o)

# Files compiled into the binary, so kgraph works from any directory.
EMBED = $(sort $(wildcard schema/*.sql data/*.tsv data/dict/*.tsv data/dict/*.txt viz/*.tsv viz/*.html viz/*.js viz/*.css))

all: $(B)/kgraph

$(B)/kgraph: $(B)/obj/main.o $(CMD_OBJ) $(LIB_OBJ)
	$(CC) $(LDFLAGS) $(KG_LDFLAGS) -o $@ $^ $(KG_LIBS)

$(B)/obj/%.o: src/%.c | deps
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(KG_CFLAGS) $(CFLAGS) -MMD -MP -c -o $@ $<

$(B)/obj/gen/embedded.o: $(B)/gen/embedded.c
	@mkdir -p $(@D)
	$(CC) $(KG_CFLAGS) $(CFLAGS) -c -o $@ $<

$(B)/gen/embedded.c: $(B)/embed $(EMBED)
	@mkdir -p $(@D)
	$(B)/embed $(EMBED) > $@.tmp && mv $@.tmp $@

$(B)/embed: scripts/embed.c
	@mkdir -p $(@D)
	$(CC) -std=c11 -O2 -o $@ $<

$(B)/obj/tests/%.o: tests/unit/%.c | deps
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(KG_CFLAGS) $(CFLAGS) $(shell $(PKG_CONFIG) --cflags $(TESTPKGS)) -MMD -MP -c -o $@ $<

$(B)/unit-tests: $(TEST_OBJ) $(LIB_OBJ)
	$(CC) $(LDFLAGS) $(KG_LDFLAGS) -o $@ $^ $(KG_LIBS) $(shell $(PKG_CONFIG) --libs $(TESTPKGS))

# Stop early, with the command to run, when a library's .pc file is missing:
# an absent .pc gives empty flags and baffling link errors.
deps:
	@for p in $(PKGS); do $(PKG_CONFIG) --exists $$p || { \
	  echo "kgraph: missing library $$p: run scripts/install-deps (or make check/demo, which run it)" >&2; exit 1; }; done
.PHONY: deps

install-deps:
	@scripts/install-deps check

check: install-deps
	@$(MAKE) --no-print-directory $(B)/kgraph $(B)/unit-tests $(B)/gen-corpus
	@$(PKG_CONFIG) --exists $(TESTPKGS) || { echo "kgraph: missing cunit: run scripts/install-deps check" >&2; exit 1; }
	KG_BUILD=$(B) $(SAN_ENV) tests/run

demo: install-deps
	@$(MAKE) --no-print-directory $(B)/kgraph
	@rm -f $(B)/demo.db $(B)/demo.db-wal $(B)/demo.db-shm
	$(B)/kgraph -d $(B)/demo.db ingest data/samples
	$(B)/kgraph -d $(B)/demo.db query "SELECT subject, predicate, object, cameo, modality FROM triples ORDER BY id"
	$(B)/kgraph -d $(B)/demo.db render -T svg -o $(B)/demo.svg
	@echo "demo: wrote $(B)/demo.svg"

# The store's entity diagram, drawn from the schema by kgraph itself
# (docs/schema.md); a CLI test checks docs/schema.dot is current.
docs/schema.dot: $(B)/kgraph schema/*.sql
	$(B)/kgraph schema > $@.tmp && mv $@.tmp $@
docs/schema.svg: docs/schema.dot
	dot -Tsvg docs/schema.dot > $@.tmp && mv $@.tmp $@
schema-docs: docs/schema.svg
.PHONY: schema-docs

# The man page is made from the binary's help texts (tests/cli/man.sh checks it).
man: $(B)/kgraph
	scripts/mkman $(B)/kgraph > docs/kgraph.1

install: $(B)/kgraph
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1
	cp -f $(B)/kgraph $(DESTDIR)$(BINDIR)/kgraph
	chmod 755 $(DESTDIR)$(BINDIR)/kgraph
	cp -f docs/kgraph.1 $(DESTDIR)$(MANDIR)/man1/kgraph.1
	chmod 644 $(DESTDIR)$(MANDIR)/man1/kgraph.1

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/kgraph $(DESTDIR)$(MANDIR)/man1/kgraph.1

clean:
	rm -rf build

.PHONY: all check demo install uninstall clean install-deps man

# Benchmark (docs/benchmarks.md): a generated news corpus per size, timed.
#   make bench                      10 and 100 MB
#   make bench BENCH_SIZES="10 100 1000" BENCH_RUNS=3
BENCH_SIZES ?= 10 100
BENCH_RUNS  ?= 3
BENCH_DIR   ?= build/bench
$(B)/gen-corpus: scripts/gen-corpus.c
	@mkdir -p $(@D)
	$(CC) -std=c11 -O2 -Wall -Wextra -o $@ $<

bench: $(B)/kgraph $(B)/gen-corpus
	KG=$(B)/kgraph GEN=$(B)/gen-corpus BENCH_SIZES="$(BENCH_SIZES)" BENCH_RUNS=$(BENCH_RUNS) \
	  BENCH_DIR=$(BENCH_DIR) scripts/bench
.PHONY: bench

-include $(shell find build -name '*.d' 2>/dev/null)
