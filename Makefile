# Quick start: `make run` opens the app on a demo workspace, `make test` runs the test suite.
# Both install what is missing (packaging/install-deps.sh), configure and build a release first.
PRESET    ?= release
BUILD_DIR := build/$(PRESET)
BIN       := $(BUILD_DIR)/app/sre-roadmap
WORKSPACE ?= demo.srmap

.PHONY: all deps configure build run test bench package asan clean

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

bench:
	@packaging/install-deps.sh --bench
	$(MAKE) build PRESET=release
	bench/run-bench.sh

package: build
	cd $(BUILD_DIR) && cpack -G DEB

clean:
	rm -rf build
