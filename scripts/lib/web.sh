# Web UI tests for scripts/test: vitest (unit and component) and the Playwright E2E runner.
# Sets web_passed, web_failed, web_skipped from their JSON reports; a runner that crashes
# before writing its report counts as one failure. Usage: web_tests PATH/TO/Glidepath.Server.dll

web_tests() {
  local dll=$1 report status=0 e2e_status=0
  web_passed=0 web_failed=0 web_skipped=0
  report=$(mktemp -d)
  (cd web && npx vitest run --reporter=default --reporter=json --outputFile="$report/vitest.json") || status=$?
  if [ -s "$report/vitest.json" ]; then
    read -r p f s < <(node -e 'const r = require(process.argv[1]);
      console.log(r.numPassedTests, r.numFailedTests, r.numPendingTests + r.numTodoTests)' "$report/vitest.json")
    web_passed=$((web_passed + p)); web_failed=$((web_failed + f)); web_skipped=$((web_skipped + s))
  else
    web_failed=$((web_failed + 1))
  fi
  echo "web unit tests (vitest): $web_passed passed, $web_failed failed, $web_skipped skipped"

  rm -f web/e2e/artifacts/results.json
  (cd web && GLIDEPATH_SERVER_DLL="$dll" node e2e/run.mjs) || e2e_status=$?
  if [ -s web/e2e/artifacts/results.json ]; then
    read -r p f s < <(node -e 'const r = require(process.argv[1]); console.log(r.passed, r.failed, r.skipped)' "$PWD/web/e2e/artifacts/results.json")
    web_passed=$((web_passed + p)); web_failed=$((web_failed + f)); web_skipped=$((web_skipped + s))
  else
    web_failed=$((web_failed + 1))
  fi
  rm -rf "$report"
  if [ "$status" -ne 0 ]; then return "$status"; fi
  return "$e2e_status"
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
