# Web UI tests for scripts/test: vitest (unit and component), the Playwright E2E specs and the
# Lighthouse budget (one test per page), added to the total (scripts/lib/total.sh).
# Usage: web_part CONFIGURATION (e.g. Release).

# vitest_count JSON LOG STATUS: vitest's JSON report counts tests, but not a test file that failed
# to load (it has no tests: only the file is "failed") nor an unhandled error or rejection (the
# JSON says nothing; the console's summary says "Errors  N error(s)" and vitest exits 1). Each of
# those counts as one failure, and so does a non-zero exit that no counted failure explains.
vitest_count() {
  local json=$1 log=$2 status=$3 p f s files errors before=$total_failed
  if [ ! -s "$json" ]; then
    total_fail "vitest wrote no report (exit $status)"
    return
  fi
  read -r p f s files < <(node -e 'const r = require(process.argv[1]);
    const broken = r.testResults.filter((t) => t.status === "failed" && !t.assertionResults.some((a) => a.status === "failed"));
    console.log(r.numPassedTests, r.numFailedTests, r.numPendingTests + r.numTodoTests, broken.length)' "$(realpath "$json")")
  total_add "$p" "$f" "$s"
  echo "web unit tests (vitest): $p passed, $f failed, $s skipped"
  if [ "$files" -gt 0 ]; then
    for _ in $(seq "$files"); do total_fail "a vitest test file failed outside its tests (it did not load, or a hook threw)"; done
  fi
  errors=$(sed -E 's/\x1b\[[0-9;]*m//g' "$log" | sed -nE 's/^ *Errors +([0-9]+) errors?.*/\1/p' | tail -n 1)
  if [ -n "$errors" ] && [ "$errors" -gt 0 ]; then
    for _ in $(seq "$errors"); do total_fail "vitest caught an unhandled error or rejection"; done
  fi
  if [ "$status" -ne 0 ] && [ "$total_failed" -eq "$before" ]; then
    total_fail "vitest exited $status with no failure counted"
  fi
}

# e2e_count JSON STATUS [WHAT]: the E2E reporter (web/e2e/results-reporter.mjs) and the Lighthouse
# runner (web/lighthouse/run.mjs) write {passed, failed, skipped}; no report is one failure.
e2e_count() {
  local json=$1 status=$2 what=${3:-the E2E runner} p f s before=$total_failed
  if [ ! -s "$json" ]; then
    total_fail "$what wrote no report (exit $status)"
    return
  fi
  read -r p f s < <(node -e 'const r = require(process.argv[1]); console.log(r.passed, r.failed, r.skipped)' "$(realpath "$json")")
  total_add "$p" "$f" "$s"
  echo "web $what: $p passed, $f failed, $s skipped"
  if [ "$status" -ne 0 ] && [ "$total_failed" -eq "$before" ]; then
    total_fail "$what exited $status with no failure counted"
  fi
}

web_part() {
  local configuration=$1 report published status=0
  if [ "${GLIDEPATH_SKIP_WEB_TESTS:-}" = "1" ]; then
    total_note "SWITCHED OFF: the web unit and E2E tests did not run (GLIDEPATH_SKIP_WEB_TESTS=1)"
    return 0
  fi
  report=$(mktemp -d)
  (cd web && npx vitest run --reporter=default --reporter=json --outputFile="$report/vitest.json") 2>&1 | tee "$report/vitest.log" || status=$?
  vitest_count "$report/vitest.json" "$report/vitest.log" "$status"
  rm -rf "$report"

  # The E2E tests run against a published copy: that also checks publish ships the web app.
  if ! published=$(web_publish "$configuration"); then
    total_fail "dotnet publish failed or left the web app out: the E2E tests did not run"
    return 0
  fi
  status=0
  rm -f web/e2e/artifacts/results.json
  (cd web && GLIDEPATH_SERVER_DLL="$published" npx playwright test) || status=$?
  e2e_count web/e2e/artifacts/results.json "$status"

  # Lighthouse on the same Release publish: each page's budget is one test, on the median of five
  # runs (docs/web.md, "Lighthouse budget"). Each page's scores are named above the total; a performance
  # miss that was only reported (GLIDEPATH_LIGHTHOUSE_PERFORMANCE=report) is named as such.
  status=0
  rm -f web/lighthouse/artifacts/results.json
  (cd web && GLIDEPATH_SERVER_DLL="$published" node lighthouse/run.mjs) || status=$?
  e2e_count web/lighthouse/artifacts/results.json "$status" "Lighthouse budget"
  if [ -s web/lighthouse/artifacts/results.json ]; then
    while IFS= read -r line; do
      [ -n "$line" ] && total_note "$line"
    done < <(node -e '
      const r = require(process.argv[1]);
      for (const p of r.pages ?? []) if (p.scores) console.log(`Lighthouse ${p.name}: ${Object.entries(p.scores).map(([k, v]) => `${k} ${v}`).join(", ")} (${p.status})`);
      for (const m of r.notEnforced ?? []) console.log(`NOT ENFORCED: Lighthouse budget missed: ${m}`);' "$(realpath web/lighthouse/artifacts/results.json)")
  fi
  rm -rf "$(dirname "$published")"
}

# Publishes the already built server (configuration $1, e.g. Release) into a fresh folder and checks
# that the web app came along (wwwroot/index.html); prints the published Glidepath.Server.dll.
# The E2E tests then run against that copy, so a publish without the UI fails the suite.
web_publish() {
  local configuration=$1 dir
  dir=$(mktemp -d)
  dotnet publish src/Glidepath.Server -c "$configuration" --no-build --nologo -v quiet -o "$dir" >&2 || return 1
  if [ ! -s "$dir/wwwroot/index.html" ]; then
    echo "dotnet publish left the web app out: no $dir/wwwroot/index.html" >&2
    return 1
  fi
  echo "$dir/Glidepath.Server.dll"
}
