# Samenwerkingsatlas — GNU Make build.
#   make run     install what is missing, build, migrate, load the seed, serve on :8080
#   make test    install what is missing, build, run every test (unit + HTTP + browser)
#   make check   unit tests only          make test-http   black-box HTTP tests only
#   make test-browser  browser tests (chromium: axe-core, keyboard, no-JS, print)
#   make bench   performance figures      make format      clang-format the sources
#   make seed    rebuild data/seed from ../shared/data (developers only)

CC      ?= cc
PKGS    := libmicrohttpd jansson sqlite3 libsodium zlib libcurl librhonabwy
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
	$(BIN) serve --db $(DB) --port $(PORT)

check: $(STAMP) $(UNIT_BIN)
	@set -e; for t in $(UNIT_BIN); do echo "== $$t"; ATLAS_SEED_DIR=data/seed $$t; done

test-http: all
	ATLAS_BIN=$(BIN) node --test --test-concurrency=1 tests/http/

# Browser tests: playwright-core driving Debian's /usr/bin/chromium (axe-core,
# keyboard-only flows, no-JavaScript and print checks); screenshots and PDFs
# go to build/screenshots/.
test-browser: all
	ATLAS_BIN=$(BIN) node --test --test-concurrency=1 tests/browser/

test: check test-http test-browser

bench: all $(BUILD)/bench/overlap_bench
	bench/run

$(BUILD)/bench/overlap_bench: bench/overlap_bench.c $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -Wno-missing-prototypes $(PKG_CFLAGS) -o $@ $< $(LIB) $(PKG_LIBS) $(LDLIBS)

sanitize:
	$(MAKE) BUILD=build-asan CFLAGS="-O1 -g -Wno-format-truncation -fsanitize=address,undefined -fno-omit-frame-pointer" test

format:
	clang-format -i $(wildcard src/*/*.c src/*/*.h src/*.c tests/unit/*.c tests/unit/*.h)

seed:
	python3 scripts/build_seed.py

clean:
	rm -rf $(BUILD) build-asan web/gen

-include $(OBJ:.o=.d) $(MAIN:.o=.d)
