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

# dotnet_failures LOG: "NAME<tab>MESSAGE" for each failed test, MESSAGE its error message's first six
# lines joined by " | " (at most 600 characters).
dotnet_failures() {
  awk '
    function flush() { if (name != "") { if (length(why) > 600) why = substr(why, 1, 597) "..."; print name "\t" why }; name = ""; why = ""; taking = 0 }
    /^ +Failed [^ ].* \[[^]]*\]$/ { flush(); name = $0; sub(/^ +Failed /, "", name); sub(/ \[[^]]*\]$/, "", name); lines = 0; next }
    name != "" && /^ +Error Message:$/ { taking = 1; next }
    name != "" && (/^ +Stack Trace:$/ || /^ +Standard Output Messages:$/) { taking = 0; next }
    taking && lines < 6 { line = $0; sub(/^ +/, "", line); if (line != "") { why = why (lines ? " | " : "") line; lines++ } }
    END { flush() }
  ' "$1"
}

# dotnet_count LOG STATUS SOLUTION: adds the log's counts to the total and checks every test
# project of SOLUTION reported (a summary line, or no test matching the filter).
dotnet_count() {
  local log=$1 status=$2 solution=$3 p f s project before=$total_failed
  read -r p f s < <(grep -E "$dotnet_summary_pattern" "$log" | awk -F'[:,]' '
    { f += $2; p += $4; s += $6 } END { printf "%d %d %d\n", p, f, s }')
  total_add "$p" "$f" "$s"
  echo ".NET tests: $p passed, $f failed, $s skipped"
  # Each failed test by name above the total, where a CI log's tail still shows it ("  Failed X [1 s]"),
  # with the first lines of its error message: a CI log may keep only its tail.
  local name why
  while IFS=$'\t' read -r name why; do
    total_note "FAILED .NET test: $name"
    if [ -n "$why" ]; then total_note "  because: $why"; fi
  done < <(dotnet_failures "$log")
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
