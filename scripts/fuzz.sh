#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz) with clang into ./build-asan (as
# scripts/sanitize.sh) and runs each on its seed corpus for a few seconds; any
# crash, hang, leak or sanitizer report fails the run and keeps the input.
# Usage: scripts/fuzz.sh [--seconds N] [TARGET...]   (default 15 s each, every target)
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=15
targets=()
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) [ $# -ge 2 ] && [[ "$2" =~ ^[0-9]+$ ]] || { echo "fuzz.sh: --seconds needs a number" >&2; exit 2; }
               seconds=$2; shift 2 ;;
    -h|--help) sed -n '2,5p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "fuzz.sh: unknown option $1 (try --help)" >&2; exit 2 ;;
    *) targets+=("$1"); shift ;;
  esac
done

build=${HYPERWALL_ASAN_BUILD:-build-asan}
scripts/sanitize.sh --configure-only
cmake --build "$build" -j2 --target fuzz_targets

if [ ${#targets[@]} -eq 0 ]; then
  for corpus in tests/fuzz/corpus/*/; do targets+=("$(basename "$corpus")"); done
fi
findings=$build/findings
mkdir -p "$findings"
# Leaks are fuzzed too; UBSan reports stop the target like a crash.
export ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
passed=0 failed=0
for target in "${targets[@]}"; do
  binary=$build/fuzz/${target}_fuzz
  [ -x "$binary" ] || { echo "fuzz.sh: no target $target (see tests/fuzz/corpus/)" >&2; exit 2; }
  # New inputs go to a scratch copy: the seeds in the repo stay small and reviewed.
  work=$build/corpus/$target
  mkdir -p "$work"
  log=$build/$target.log
  echo "fuzz: $target for ${seconds}s"
  if "$binary" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
      -print_final_stats=1 -artifact_prefix="$findings/$target-" \
      "$work" "tests/fuzz/corpus/$target" >"$log" 2>&1; then
    passed=$((passed + 1))
    grep -E '^stat::number_of_executed_units' "$log" | sed "s/^/  /" || true
  else
    failed=$((failed + 1))
    echo "fuzz: $target FAILED; its report:" >&2
    grep -E -A30 'ERROR|runtime error|deadly signal|timeout after' "$log" | head -60 >&2 || tail -40 "$log" >&2
    ls "$findings/$target-"* 2>/dev/null | sed 's/^/  input: /' >&2 || true
  fi
done
echo "To fuzz longer: scripts/fuzz.sh --seconds 3600 TARGET (inputs found collect in $build/corpus/TARGET)"
echo "fuzz: ${passed} passed, ${failed} failed"
[ "$failed" -eq 0 ]
