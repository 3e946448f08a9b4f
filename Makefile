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

# libFuzzer targets (fuzz/*.c, docs/reliability.md): `make fuzz` builds them
# with clang into build/fuzz/, `make fuzz-run` runs each FUZZ_TIME seconds
# on its seeds and replays fuzz/regress/ (make check does, when clang is
# there).  Long runs: build/fuzz/read -max_total_time=600 build/fuzz/corpus/read
FUZZ_CC    ?= clang
FUZZ_TIME  ?= 3
FUZZ_FLAGS  = -g -O1 -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all
# (fuzz/petrarch.c needs src/lexicon/petrarch.c: built once that is there)
FUZZ_SRC    = $(filter-out $(if $(wildcard src/lexicon/petrarch.c),,fuzz/petrarch.c),$(sort $(wildcard fuzz/*.c)))
FUZZ_BIN    = $(FUZZ_SRC:fuzz/%.c=build/fuzz/%)
FUZZ_LIB    = $(LIB_SRC:src/%.c=build/fuzz/obj/%.o) build/fuzz/obj/gen/embedded.o

fuzz: $(FUZZ_BIN)

build/fuzz/obj/%.o: src/%.c | deps
	@mkdir -p $(@D)
	$(FUZZ_CC) $(CPPFLAGS) $(KG_CFLAGS) $(FUZZ_FLAGS) -MMD -MP -c -o $@ $<

build/fuzz/obj/gen/embedded.o: $(B)/gen/embedded.c
	@mkdir -p $(@D)
	$(FUZZ_CC) $(KG_CFLAGS) $(FUZZ_FLAGS) -c -o $@ $<

build/fuzz/%: fuzz/%.c fuzz/fuzz.h $(FUZZ_LIB)
	$(FUZZ_CC) $(CPPFLAGS) $(KG_CFLAGS) $(FUZZ_FLAGS) -fsanitize=fuzzer -o $@ $< $(FUZZ_LIB) $(KG_LIBS)

fuzz-run: fuzz
	@rm -rf build/fuzz/seeds && fuzz/seeds.sh build/fuzz/seeds
	@for t in $(FUZZ_BIN:build/fuzz/%=%); do \
	  mkdir -p build/fuzz/corpus/$$t; \
	  if [ -d fuzz/regress/$$t ]; then \
	    build/fuzz/$$t -runs=0 fuzz/regress/$$t/* >build/fuzz/$$t.log 2>&1 || { \
	      echo "fuzz: $$t fails on fuzz/regress/$$t (see build/fuzz/$$t.log)"; exit 1; }; fi; \
	  build/fuzz/$$t -max_total_time=$(FUZZ_TIME) -close_fd_mask=3 -artifact_prefix=build/fuzz/$$t- \
	    build/fuzz/corpus/$$t build/fuzz/seeds/$$t >build/fuzz/$$t.log 2>&1 || { \
	    echo "fuzz: $$t failed (see build/fuzz/$$t.log)"; tail -n 30 build/fuzz/$$t.log; exit 1; }; \
	  echo "fuzz: $$t: $$(grep -o 'Done [0-9]* runs' build/fuzz/$$t.log | tail -n 1) in $(FUZZ_TIME) s"; \
	done

.PHONY: fuzz fuzz-run

# The whole test suite with every kgraph run (and the unit tests) under
# valgrind memcheck: no error and no leak of ours (docs/reliability.md;
# library suppressions in tests/valgrind.supp).  Slow: minutes.
VG = valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect \
     --suppressions=$(CURDIR)/tests/valgrind.supp --log-file=$(CURDIR)/build/memcheck/vg.%p.log
memcheck: install-deps
	@$(MAKE) --no-print-directory build/kgraph build/unit-tests build/gen-corpus
	@mkdir -p build/memcheck && rm -f build/memcheck/vg.*.log && chmod 1777 build/memcheck
	@ln -sf $(CURDIR)/build/gen-corpus build/memcheck/gen-corpus
	@# tests that run make with B=build/memcheck (man.sh: make install) must
	@# find the wrappers up to date, not relink a plain kgraph over them
	@rm -rf build/memcheck/obj build/memcheck/gen build/memcheck/embed
	@ln -s $(CURDIR)/build/obj build/memcheck/obj; ln -s $(CURDIR)/build/gen build/memcheck/gen
	@ln -s $(CURDIR)/build/embed build/memcheck/embed
	@for p in kgraph unit-tests; do \
	  { echo '#!/bin/sh'; echo 'exec $(VG) $(CURDIR)/build/'$$p' "$$@"'; } > build/memcheck/$$p; \
	  chmod +x build/memcheck/$$p; done
	KG_BUILD=build/memcheck KG_VALGRIND=1 tests/run
	@bad=$$(find build/memcheck -name 'vg.*.log' -size +0 | wc -l); \
	 if [ "$$bad" -ne 0 ]; then echo "memcheck: $$bad runs with errors or leaks:"; \
	   find build/memcheck -name 'vg.*.log' -size +0 | head -n 5; exit 1; fi; \
	 echo "memcheck: $$(ls build/memcheck/vg.*.log | wc -l) runs, no errors, no leaks"

.PHONY: memcheck

-include $(shell find build -name '*.d' 2>/dev/null)
