# Quick start: `make run` opens the app on a demo workspace, `make test` runs the test suite.
# Both install what is missing (packaging/install-deps.sh), configure and build a release first.
PRESET    ?= release
BUILD_DIR := build/$(PRESET)
BIN       := $(BUILD_DIR)/app/sre-roadmap
WORKSPACE ?= demo.srmap

.PHONY: all deps configure build run test bench package asan tsan format-check fuzz clean

all: build

deps:
	@packaging/install-deps.sh

configure: deps
	@test -f $(BUILD_DIR)/build.ninja || cmake --preset $(PRESET)

build: configure
	cmake --build --preset $(PRESET)

run: build
	@test -f $(WORKSPACE) || $(BIN) demo $(WORKSPACE)
	$(BIN) gui $(WORKSPACE)

test: build
	ctest --preset $(PRESET)

asan:
	$(MAKE) test PRESET=asan

# The GUI, import and progress suites (ctest label "tsan") under ThreadSanitizer: the threads
# are the window's background jobs, the importer's parse thread and the second threads of a
# span's read and of the figures.
tsan:
	@packaging/install-deps.sh
	@test -f build/tsan/build.ninja || cmake --preset tsan
	cmake --build --preset tsan
	ctest --preset tsan

# clang-format on the C++ files changed against BASE (default main); `.ci/format-check --all`
# checks the whole tree.
format-check:
	@.ci/format-check

# Every import parser under libFuzzer for FUZZ_SECONDS each (default 60), from the corpus in
# tests/fixtures/fuzz/ (README "Fuzzing").
fuzz:
	@packaging/install-deps.sh --fuzz
	@test -f build/fuzz/build.ninja || cmake --preset fuzz
	cmake --build --preset fuzz
	ctest --preset fuzz

# make bench BENCH_ARGS="--sizes 1000000 --no-write" (bench/run-bench.sh's options)
bench:
	@packaging/install-deps.sh --bench
	$(MAKE) build PRESET=release
	bench/run-bench.sh $(BENCH_ARGS)

package: build
	cd $(BUILD_DIR) && cpack -G DEB

clean:
	rm -rf build
