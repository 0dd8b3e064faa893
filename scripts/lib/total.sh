# The running total of scripts/test: every runner adds what it counted, and anything that is no
# test's result but stops tests from running or reporting (a crash, a build or publish error, a
# report that was never written, a test project missing from the run) counts as one failure.
# Source it, add to it, and end with total_print, which prints the notes and then, as the last
# line, "N passed, N failed, N skipped"; it returns 1 when anything failed or no test ran at all.
# Another script can carry the total on (.ci/run's smoke test): total_save FILE after the tests,
# then total_load FILE, add its own results and total_print.

total_passed=0 total_failed=0 total_skipped=0
total_notes=()

# total_add PASSED FAILED SKIPPED
total_add() {
  total_passed=$((total_passed + $1)) total_failed=$((total_failed + $2)) total_skipped=$((total_skipped + $3))
}

# total_fail WHY: one failure that no test reported.
total_fail() {
  total_failed=$((total_failed + 1))
  total_notes+=("FAILED (counted as 1): $*")
}

# total_note TEXT: printed above the total, e.g. a part of the suite that was switched off.
total_note() {
  total_notes+=("$*")
}

total_save() {
  declare -p total_passed total_failed total_skipped total_notes > "$1"
}

total_load() {
  # declare -p writes `declare -- x=...`; sourced inside a function that would make locals.
  local line
  while IFS= read -r line; do eval "${line/#declare -? /}"; done < "$1"
}

total_print() {
  if [ $((total_passed + total_failed)) -eq 0 ]; then total_fail "no test ran"; fi
  local note
  for note in ${total_notes[@]+"${total_notes[@]}"}; do echo "$note"; done
  echo "$total_passed passed, $total_failed failed, $total_skipped skipped"
  [ "$total_failed" -eq 0 ]
}
