# Counting `dotnet test` (VSTest) output for scripts/test; needs scripts/lib/total.sh.
# VSTest prints one summary line per test project that reported, e.g.
#   Passed!  - Failed:     0, Passed:    42, Skipped:     0, Total:    42, Duration: 1 s - X.Tests.dll (net10.0)
# with "Failed!" or "Skipped!" (every test skipped) in front instead, and for a project with no test
# matching --filter only "No test matches the given testcase filter `...` in /path/X.Tests.dll".
# A project with neither line (its test host crashed, it was not built, not in the run) counts as
# a failure, and so do no test run at all and a non-zero exit that no counted failure explains.

dotnet_summary_pattern='(Passed|Failed|Skipped)! +- Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+'

# The solution's test projects (those referencing the test SDK), one name a line.
dotnet_test_projects() {
  local solution=$1 dir path
  dir=$(dirname "$solution")
  grep -oE 'Path="[^"]+\.csproj"' "$solution" | sed -E 's/^Path="(.*)"$/\1/' | while read -r path; do
    if grep -q 'Microsoft.NET.Test.Sdk' "$dir/$path"; then basename "$path" .csproj; fi
  done
}

# dotnet_count LOG STATUS SOLUTION: adds the log's counts to the total and checks every test
# project of SOLUTION reported (a summary line, or no test matching the filter).
dotnet_count() {
  local log=$1 status=$2 solution=$3 p f s project before=$total_failed
  read -r p f s < <(grep -E "$dotnet_summary_pattern" "$log" | awk -F'[:,]' '
    { f += $2; p += $4; s += $6 } END { printf "%d %d %d\n", p, f, s }')
  total_add "$p" "$f" "$s"
  echo ".NET tests: $p passed, $f failed, $s skipped"
  # Each failed test by name above the total, where a CI log's tail still shows it ("  Failed X [1 s]").
  local name
  while IFS= read -r name; do total_note "FAILED .NET test: $name"; done < <(sed -nE 's/^ +Failed ([^ ].*) \[[^]]*\]$/\1/p' "$log")
  if [ $((p + f)) -eq 0 ]; then total_fail ".NET: no test ran (a --filter that matches nothing?)"; fi
  for project in $(dotnet_test_projects "$solution"); do
    if ! grep -qE "($dotnet_summary_pattern.* - $project\.dll|No test matches the given testcase filter .* [^ ]*/$project\.dll)" "$log"; then
      total_fail "$project reported no result (crashed, not built, or left out of the run)"
    fi
  done
  if [ "$status" -ne 0 ] && [ "$total_failed" -eq "$before" ]; then
    total_fail "dotnet test exited $status with no failed test counted"
  fi
}
