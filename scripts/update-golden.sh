#!/usr/bin/env bash
# Regenerates tests/data/golden/ from the current build after an intended
# change to `hyperwall plan --json`. Review the diff before committing.
set -euo pipefail
cd "$(dirname "$0")/.."
for wall in 1x1-1080p 2x2-1080p 3x3-1080p 5x3-1080p 4x4-4k; do
  HYPERWALL_CACHE=/nonexistent/hyperwall-test-cache \
    build/hyperwall plan examples/mabl-b/svs-31382-mabl-b.json --wall "$wall" --json \
    > "tests/data/golden/plan-mabl-b-$wall.json"
done
git diff --stat tests/data/golden/
