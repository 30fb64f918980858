# gilpy top-level driver. Every target first runs the idempotent dependency
# installer, then configures/builds with CMake+Ninja and installs into dist/.
#   make          build + install into dist/
#   make run      ... then run the bundled demo (DEMO=path to choose another)
#   make test     ... then every test (prints "N passed, N failed")
#   make bench    ... then the benchmarks against python3 (and the thread benchmarks)
#   make conformance   CPython's regression tests and pinned projects' suites, gilpy vs python3.11
#   make bench-safepoints   the cost of the eval loop's safe-point checks
#   make debug / make asan   debug and ASan+UBSan builds into dist-debug/ and dist-asan/
BUILD_TYPE ?= Release
BUILD_DIR  ?= build/release
PREFIX     ?= $(CURDIR)/dist
DEMO       ?= examples/grok_the_gil.py
JOBS       ?= $(shell nproc)

.PHONY: all deps build install run test conformance bench bench-threads bench-safepoints bench-tracing regen debug asan fuzz-build clean
all: install

deps:
	@bash tools/setup-deps.sh

build: deps
	@cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) \
	    -DCMAKE_INSTALL_PREFIX=$(PREFIX) $(CMAKE_ARGS) >/dev/null
	@cmake --build $(BUILD_DIR) -j $(JOBS)

# Installing also precompiles CPython's library into dist/lib/pycache (gilpy's
# own bytecode cache; CPython's files are never touched).
install: build
	@cmake --install $(BUILD_DIR) >/dev/null
	@$(PREFIX)/bin/gilpy --precompile /usr/lib/python3.11 $(PREFIX)/lib/gilpy >/dev/null

run: install
	@$(PREFIX)/bin/gilpy $(DEMO)

# The fuzz targets (tests/fuzz) build with clang into build/fuzz and run for
# FUZZ_SECONDS each as part of the test run.
FUZZ_SECONDS ?= 20
fuzz-build: deps
	@CC=clang CXX=clang++ cmake -S . -B build/fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DGILPY_FUZZ=ON >/dev/null
	@cmake --build build/fuzz -j $(JOBS) --target fuzz_tokenizer fuzz_parser fuzz_compiler

test: install fuzz-build
	@python3 tools/run_tests.py --gilpy $(PREFIX)/bin/gilpy --unit $(BUILD_DIR)/gilpy_unit_tests \
	    --unit tsan=$(BUILD_DIR)/gil_tsan_tests \
	    --fuzz-dir build/fuzz --fuzz-seconds $(FUZZ_SECONDS)

# Not part of `make test`: CPython 3.11's own test modules and pinned pure-Python projects'
# pytest suites under gilpy and /usr/bin/python3.11 (docs/conformance.md; raw results in
# build/conformance/). CONFORMANCE_ARGS passes options, e.g. "--only test_int" or "--group core".
CONFORMANCE_ARGS ?=
conformance: install
	@bash tools/setup-conformance-deps.sh
	@python3 tools/conformance.py --gilpy $(PREFIX)/bin/gilpy -j 2 $(CONFORMANCE_ARGS)

bench: install
	@python3 tools/bench.py --gilpy $(PREFIX)/bin/gilpy
	@python3 tools/bench_threads.py --gilpy $(PREFIX)/bin/gilpy

bench-threads: install
	@python3 tools/bench_threads.py --gilpy $(PREFIX)/bin/gilpy

# What the safe-point checks cost a single-threaded program: the benchmark set
# under the normal build against a build with the checks compiled out (the
# "python" column is that second build).
bench-safepoints: install
	@$(MAKE) install BUILD_DIR=build/nosafe PREFIX=$(CURDIR)/dist-nosafe CMAKE_ARGS=-DGILPY_NO_SAFEPOINT_CHECKS=ON
	@python3 tools/bench.py --gilpy $(PREFIX)/bin/gilpy --python $(CURDIR)/dist-nosafe/bin/gilpy

# What tracing support costs when no trace function is set: the benchmark set
# under the normal build against a build whose default loop never checks for
# tracing (the "python" column is that second build; target: geomean <= 1.02).
bench-tracing: install
	@$(MAKE) install BUILD_DIR=build/notrace PREFIX=$(CURDIR)/dist-notrace CMAKE_ARGS=-DGILPY_NO_TRACE_HOOKS=ON
	@python3 tools/bench.py --gilpy $(PREFIX)/bin/gilpy --python $(CURDIR)/dist-notrace/bin/gilpy

# Rewrite expected outputs with CPython 3.11 (Debian's python3.11); review the diff.
regen:
	@python3 tools/run_tests.py --regen

debug:
	@$(MAKE) install BUILD_TYPE=Debug BUILD_DIR=build/debug PREFIX=$(CURDIR)/dist-debug

asan:
	@$(MAKE) install BUILD_TYPE=Debug BUILD_DIR=build/asan PREFIX=$(CURDIR)/dist-asan CMAKE_ARGS=-DGILPY_SANITIZE=ON

clean:
	rm -rf build dist dist-debug dist-asan dist-nosafe dist-notrace
