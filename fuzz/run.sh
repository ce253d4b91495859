#!/bin/sh
# Fuzz every source, one after the other, at the lowest priority (NICE=0 for a fair share): up to 100 000 inputs or SECONDS seconds each.
#   fuzz/run.sh [SECONDS] [TARGET...]      (default: 600 seconds, every fuzz_*.py)
# Logs go to fuzz/logs/TARGET.log; a crash, hang (over 10 s) or input over 1 GB leaves its input in fuzz/.
set -u
cd "$(dirname "$0")"
PYTHON=${PYTHON:-../.venv/bin/python}
SECONDS_EACH=${1:-600}
MAX_LEN=${MAX_LEN:-65536}  # the PDF seeds are 100-390 KB: MAX_LEN=400000 for published_pdf
[ $# -gt 0 ] && shift
TARGETS=${*:-$(ls fuzz_*.py | sed 's/^fuzz_//; s/\.py$//')}
mkdir -p logs
for target in $TARGETS; do
    "$PYTHON" "fuzz_$target.py" --write-corpus "corpus/$target" > /dev/null 2>&1
    nice -n "${NICE:-19}" "$PYTHON" "fuzz_$target.py" -runs=100000 -max_total_time="$SECONDS_EACH" -timeout=10 \
        -rss_limit_mb=1024 -max_len="$MAX_LEN" -print_final_stats=1 "corpus/$target" > "logs/$target.log" 2>&1
    status=$?
    echo "$target: exit $status, $(grep -E '^stat::number_of_executed_units' "logs/$target.log" | awk '{print $2}') inputs in $(grep -E '^#[0-9]+' "logs/$target.log" | tail -1 | awk '{print $1}')"
done
