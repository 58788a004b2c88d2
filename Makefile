# Samenwerkingsatlas — GNU Make build.
#   make run     install what is missing, build, migrate, load the seed and the indicators
#                (data/indicatoren), apply the change sets of data/wijzigingen, serve on :8080
#   make test    install what is missing, build, run every test (unit + HTTP + browser)
#   make check   unit tests only          make test-http   black-box HTTP tests only
#   make test-pg the HTTP tests on a throw-away PostgreSQL cluster (+ haproxy)
#   make test-browser  browser tests (chromium: axe-core, keyboard, no-JS, print)
#   make bench   performance figures      make format      clang-format the sources
#   make format-check  fail when a C source is not clang-formatted
#   make seed    rebuild data/seed from ../shared/data (developers only)
#   make indicatoren  rebuild data/indicatoren from ../shared/data (developers only)
#   make data    copy the change sets into data/wijzigingen (developers only)
#   make screenshots  PNGs of every public page at 1280 and 390 px (build/screenshots/pages/)
#   make lighthouse   Lighthouse accessibility + performance of /, /kaart, /organisaties/gm0321

CC      ?= cc
PKGS    := libmicrohttpd jansson sqlite3 libpq libsodium zlib libcurl librhonabwy libxml-2.0 libzip
CFLAGS  ?= -O2 -g
CFLAGS  += -std=c11 -D_GNU_SOURCE -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes \
           -Wmissing-prototypes -Wformat=2 -Wcast-qual -Wno-format-nonliteral \
           -fstack-protector-strong -MMD -MP
LDLIBS  += -lcsv -lpthread -lm

BUILD   := build
SRC     := $(filter-out src/main.c,$(wildcard src/*/*.c))
OBJ     := $(SRC:%.c=$(BUILD)/%.o)
MAIN    := $(BUILD)/src/main.o
LIB     := $(BUILD)/libatlas.a
BIN     := $(BUILD)/atlas
UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
DB      ?= var/atlas.db
PORT    ?= 8080
STAMP   := $(BUILD)/.bootstrap

# pkg-config is only asked once the bootstrap has installed the packages.
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null)

.PHONY: all run test check test-http test-browser bench format bootstrap assets seed clean sanitize

all: $(STAMP) $(BIN) assets

$(STAMP): scripts/bootstrap package.json package-lock.json
	scripts/bootstrap
	@mkdir -p $(BUILD) && touch $@

$(BUILD)/%.o: %.c | $(STAMP)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(PKG_CFLAGS) -c $< -o $@

# The program version shown on /gezondheid and in GET /api/v1/health (and
# nowhere else): `git describe`, "dev" outside a git checkout. Only
# api_health.o is rebuilt when it changes (the stamp file changes only
# then).
ATLAS_VERSION ?= $(shell git describe --always --dirty 2>/dev/null || echo dev)
VERSION_STAMP := $(BUILD)/.version
.PHONY: FORCE
$(VERSION_STAMP): FORCE
	@mkdir -p $(dir $@); echo '$(ATLAS_VERSION)' | cmp -s - $@ || echo '$(ATLAS_VERSION)' > $@
$(BUILD)/src/api/api_health.o: $(VERSION_STAMP)
$(BUILD)/src/api/api_health.o: CFLAGS += -DATLAS_VERSION='"$(ATLAS_VERSION)"'

$(LIB): $(OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BIN): $(MAIN) $(LIB)
	$(CC) $(CFLAGS) -o $@ $^ $(PKG_LIBS) $(LDLIBS)

$(BUILD)/tests/%: tests/unit/%.c $(LIB) tests/unit/fixtures.h
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -Wno-missing-prototypes $(PKG_CFLAGS) -o $@ $< $(LIB) $(PKG_LIBS) -lcmocka $(LDLIBS)

# Vendor CSS/JS copied from node_modules (installed by the bootstrap from the lockfile).
assets: $(STAMP)
	@scripts/assets

run: all
	@mkdir -p $(dir $(DB))
	$(BIN) migrate --db $(DB)
	$(BIN) import seed --db $(DB)
	@# the indicator store (data/indicatoren; idempotent): areas, definitions, values,
	@# and which indicators belong to a policy domain (the collaboration figures)
	@for f in gebieden indicatoren waarden beleidsdomein_taakvelden; do \
		$(BIN) import indicatoren data/indicatoren/$$f.csv --db $(DB) || exit 1; \
	done
	@# the change sets of data/wijzigingen/, in name order (idempotent; docs/import.md)
	@for d in data/wijzigingen/*/; do \
		[ -d "$$d" ] || continue; \
		out=$$($(BIN) import wijzigingen "$$d" --toepassen --db $(DB)) || { echo "$$out"; exit 1; }; \
		echo "$$out" | tail -n 1; \
	done
	$(BIN) serve --db $(DB) --port $(PORT)

check: $(STAMP) $(UNIT_BIN)
	@set -e; for t in $(UNIT_BIN); do echo "== $$t"; ATLAS_SEED_DIR=data/seed $$t; done

# The HTTP and browser suites run TEST_JOBS test files side by side (each file
# has its own server, port and database); TEST_JOBS=1 runs them one at a time.
TEST_JOBS ?= 2

# Every run gets a new empty ATLAS_TEST_TEMPLATE_DIR: the first test that
# needs a database runs migrate + import seed into a template there, and
# every test database of the run is a copy of it (tests/http/harness.mjs,
# "Template databases"). The directory is removed afterwards.
TEMPLATE_RUN = t=$$(mktemp -d "$${TMPDIR:-/tmp}/atlas-template.XXXXXX") || exit 1; \
	trap 'rm -rf "$$t"' EXIT; ATLAS_TEST_TEMPLATE_DIR="$$t"

test-http: all
	$(TEMPLATE_RUN) ATLAS_BIN=$(BIN) node --test --test-concurrency=$(TEST_JOBS) tests/http/

# The whole HTTP suite once more on PostgreSQL (issue 7): a throw-away
# PostgreSQL 15 cluster in a temporary directory (scripts/pg-cluster: a free
# loopback port, run as `nobody` when we are root), every test database made
# in it (tests/http/harness.mjs), plus the multi-instance test with haproxy
# and the fault test. The cluster is always stopped and removed.
# The fault test stops and starts the one cluster every file shares, so it
# runs alone, after the others (a file starting meanwhile would find no
# database).
PG_FAULT_TESTS  := tests/http/pg-faults.test.mjs
PG_SHARED_TESTS := $(filter-out $(PG_FAULT_TESTS),$(wildcard tests/http/*.test.mjs))
.PHONY: test-pg
test-pg: all
	@d=$$(mktemp -d "$${TMPDIR:-/tmp}/atlas-pg.XXXXXX") || exit 1; \
	trap 'scripts/pg-cluster stop "$$d"' EXIT; trap 'exit 130' INT TERM; \
	url=$$(scripts/pg-cluster start "$$d") || exit 1; \
	echo "test-pg: PostgreSQL $$url ($$d)"; \
	t=$$(mktemp -d "$${TMPDIR:-/tmp}/atlas-template.XXXXXX") || exit 1; \
	trap 'scripts/pg-cluster stop "$$d"; rm -rf "$$t"' EXIT; \
	ATLAS_BIN=$(BIN) ATLAS_TEST_PG_URL="$$url" ATLAS_TEST_PG_DIR="$$d" ATLAS_TEST_TEMPLATE_DIR="$$t" \
		node --test --test-concurrency=$(TEST_JOBS) $(PG_SHARED_TESTS) && \
	ATLAS_BIN=$(BIN) ATLAS_TEST_PG_URL="$$url" ATLAS_TEST_PG_DIR="$$d" ATLAS_TEST_TEMPLATE_DIR="$$t" \
		node --test $(PG_FAULT_TESTS)

# Browser tests: playwright-core driving Debian's /usr/bin/chromium (axe-core,
# keyboard-only flows, no-JavaScript and print checks); screenshots and PDFs
# go to build/screenshots/.
test-browser: all
	$(TEMPLATE_RUN) ATLAS_BIN=$(BIN) node --test --test-concurrency=$(TEST_JOBS) tests/browser/

test: lint check test-http test-pg test-browser

# Look at it: full-page PNGs of every public page in the route table at
# 1280 and 390 px, on a `make run`-style database in a temporary directory
# (seed + data/wijzigingen), written to build/screenshots/pages/ with an
# index.txt (not committed). scripts/screenshots.mjs says how.
.PHONY: screenshots lighthouse
screenshots: all
	ATLAS_BIN=$(BIN) node scripts/screenshots.mjs

# Lighthouse (the pinned npm package, Debian's chromium) on the home page,
# the map and Houten's page, mobile and desktop; prints the scores and
# fails below accessibility 100 / performance 95. Not part of `make test`;
# figures in docs/benchmarks.md.
lighthouse: all
	ATLAS_BIN=$(BIN) scripts/lighthouse

# The OpenAPI document against the Dutch API Design Rules (Logius' Spectral
# ruleset, kept beside the clone in ../shared); 0 errors required.
ADR_RULESET ?= ../shared/tools/adr/linter.yaml
.PHONY: lint lint-api fuzz fuzz-smoke
lint-api: $(STAMP)
	@if [ -f "$(ADR_RULESET)" ]; then \
		echo "spectral lint (ADR) docs/openapi.json"; \
		node_modules/.bin/spectral lint --fail-severity error -r "$(ADR_RULESET)" docs/openapi.json; \
	else echo "ADR-ruleset niet gevonden: lint overgeslagen ($(ADR_RULESET))"; fi

# Everything static: the include rules between the floors (scripts/check-layers,
# docs/ARCHITECTURE.md), the OpenAPI document (lint-api) and the stylesheets'
# block structure (scripts/check-css).
lint: lint-api format-check
	scripts/check-layers
	scripts/check-css

# libFuzzer targets tests/fuzz/fuzz_*.c (clang, ASan + UBSan; objects and
# binaries in build-fuzz/). tests/fuzz/run.sh runs each FUZZ_SECONDS on its
# working corpus build-fuzz/corpus/<target>/ plus the seeds in
# tests/fuzz/corpus/<target>/, FUZZ_JOBS targets at a time; any crash, hang
# (> 25 s for one input), leak or sanitizer report fails. Crash inputs land
# in build-fuzz/crashes/, logs in build-fuzz/logs/. FUZZ_TARGETS picks a
# subset. Not part of `make test`.
#   make fuzz        the long run: 300 s per target, one at a time
#   make fuzz-smoke  CI (.ci/run): 60 s per target, two at a time
FUZZ_BUILD   := build-fuzz
FUZZ_TARGETS ?= $(patsubst tests/fuzz/%.c,%,$(wildcard tests/fuzz/fuzz_*.c))
FUZZ_SAN     := -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer
FUZZ_CFLAGS  := -std=c11 -D_GNU_SOURCE -O1 -g $(FUZZ_SAN)
fuzz: FUZZ_SECONDS ?= 300
fuzz: FUZZ_JOBS ?= 1
fuzz-smoke: FUZZ_SECONDS ?= 60
fuzz-smoke: FUZZ_JOBS ?= 2
.PHONY: fuzz-build
fuzz-build: $(STAMP)
	@command -v clang >/dev/null 2>&1 || { echo "make fuzz heeft clang met libFuzzer nodig: sudo apt-get install clang libclang-rt-14-dev" >&2; exit 1; }
	@printf 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n);\nint LLVMFuzzerTestOneInput(const char *d, unsigned long n) { return d && n; }\n' | \
		clang -x c - -fsanitize=fuzzer,address,undefined -o /dev/null 2>/dev/null || \
		{ echo "clang vindt libFuzzer of de sanitizers niet: sudo apt-get install libclang-rt-14-dev" >&2; exit 1; }
	$(MAKE) BUILD=$(FUZZ_BUILD) CC=clang CFLAGS="$(FUZZ_CFLAGS) -MMD -MP -fsanitize=fuzzer-no-link" \
		$(FUZZ_TARGETS:%=$(FUZZ_BUILD)/fuzz/%)
$(FUZZ_BUILD)/fuzz/%: tests/fuzz/%.c $(FUZZ_BUILD)/libatlas.a
	@mkdir -p $(dir $@)
	clang $(FUZZ_CFLAGS) -fsanitize=fuzzer $(PKG_CFLAGS) -o $@ $< $(FUZZ_BUILD)/libatlas.a $(PKG_LIBS) $(LDLIBS)
fuzz fuzz-smoke: fuzz-build
	tests/fuzz/run.sh $(FUZZ_BUILD) $(FUZZ_SECONDS) $(FUZZ_JOBS) $(FUZZ_TARGETS)

bench: all $(BUILD)/bench/overlap_bench
	bench/run

# Load test of issue 8 (item 7): 60 s mixed read/write load with wrk on a
# fresh seeded database; exits non-zero when a target is missed. Not in CI.
.PHONY: soak
soak: all
	ATLAS_BIN=$(BIN) bench/soak.sh

$(BUILD)/bench/overlap_bench: bench/overlap_bench.c $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -Wno-missing-prototypes $(PKG_CFLAGS) -o $@ $< $(LIB) $(PKG_LIBS) $(LDLIBS)

# ASan + UBSan build in build-asan/; runs the unit tests and the HTTP suite
# against build-asan/atlas (ATLAS_BIN). Any sanitizer report is fatal: UBSan
# does not recover, ASan aborts on the first error, and LeakSanitizer checks
# every unit test and every server/CLI run at exit (the HTTP harness requires
# exit status 0 after SIGTERM, so a leak at server exit fails the test).
# The browser suite is left out here (too slow under ASan); run it with
# `make sanitize SANITIZE_GOALS="check test-http test-browser"`.
SAN_CFLAGS     := -O1 -g -Wno-format-truncation -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer
SAN_ENV        := ASAN_OPTIONS=halt_on_error=1:abort_on_error=1:detect_leaks=1:detect_stack_use_after_return=1:strict_string_checks=1 \
                  UBSAN_OPTIONS=halt_on_error=1:abort_on_error=1:print_stacktrace=1 \
                  LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0
SANITIZE_GOALS ?= check test-http
# SAN_CFLAGS go in through the environment, so the Makefile's `CFLAGS +=`
# still adds the normal flags (-std=c11 -D_GNU_SOURCE, warnings, -MMD -MP):
# given on the command line they replaced them, the build had no header
# dependencies, and an object compiled against an older struct layout was
# linked in. Objects from then (no .d file beside them) are rebuilt.
sanitize:
	@for o in $$(find build-asan -name '*.o' 2>/dev/null); do [ -f "$${o%.o}.d" ] || rm -f "$$o"; done
	$(SAN_ENV) CFLAGS="$(SAN_CFLAGS)" $(MAKE) BUILD=build-asan $(SANITIZE_GOALS)

# valgrind memcheck over every unit test and a short server session (pages,
# API, search, sign-in, a token write, SIGTERM): 0 errors, 0 definite leaks.
# Not part of `make test` (takes minutes). See scripts/valgrind.
.PHONY: valgrind
valgrind: all $(UNIT_BIN)
	scripts/valgrind $(BUILD)

format:
	clang-format -i $(FORMAT_CHECK_SRC)

# Fails (and names every spot) when a C source is not formatted as
# .clang-format says: src/ at any depth, the unit tests, the fuzz targets
# and the benchmarks. `make format` fixes it.
FORMAT_CHECK_SRC = $(shell find src -name '*.[ch]' | sort) \
                   $(wildcard tests/unit/*.c tests/unit/*.h tests/fuzz/*.c bench/*.c)
.PHONY: format-check
format-check: $(STAMP)
	clang-format --dry-run --Werror $(FORMAT_CHECK_SRC)

seed:
	python3 scripts/build_seed.py

.PHONY: indicatoren
indicatoren:
	python3 scripts/build_indicatoren.py

# Copy the sourced change sets into data/wijzigingen/ (developers only;
# scripts/copy-data says from where).
.PHONY: data
data:
	scripts/copy-data

clean:
	rm -rf $(BUILD) build-asan web/gen

-include $(OBJ:.o=.d) $(MAIN:.o=.d)
