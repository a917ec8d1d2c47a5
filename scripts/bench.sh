#!/usr/bin/env bash
# The refresh benchmark of reseller_dns_record: start the sandbox on a fresh
# data file, apply one zone of RECORDS records once, then time `terraform
# plan` with refresh against `terraform plan -refresh=false` in the same run,
# first as is and then with LATENCY_MS of sandbox latency on every request.
# The same plans of as many terraform_data resources are the reference.
# Exits non-zero when a target of bench/README.md is missed, and says which.
set -euo pipefail
shopt -s inherit_errexit
root=$(cd "$(dirname "$0")/.." && pwd)
: "${PLUGIN_DIR:?set by make bench}" "${SANDBOX:?set by make bench}"
RUNS=${RUNS:-7}
RECORDS=${RECORDS:-1000}
LATENCY_MS=${LATENCY_MS:-50}
APPLY_PARALLELISM=${APPLY_PARALLELISM:-64}
TARGET_RATIO=1.15
TARGET_RATIO_LATENCY=1.25
PAGE_SIZE=500 # the largest page of the record list route; the provider asks for it

export CHECKPOINT_DISABLE=1 TF_IN_AUTOMATION=1
export TF_CLI_CONFIG_FILE=${TF_CLI_CONFIG_FILE:-$root/.cache/terraform.tfrc}
mkdir -p "$(dirname "$TF_CLI_CONFIG_FILE")" && touch "$TF_CLI_CONFIG_FILE"
export TF_VAR_record_count=$RECORDS
# The benchmark measures the provider, not its client-side throttle: 0 is no limit.
export RESELLER_NAMEBAY_MAX_REQUESTS_PER_SECOND=0

say() { printf '\n\033[1m==> %s\033[0m\n' "$*" >&2; }
fail() { echo "FAIL: $*" >&2; exit 1; }

# now_ms prints the wall clock in milliseconds.
if [[ $(date +%s%N) =~ ^[0-9]+$ ]]; then
  now_ms() { local ns; ns=$(date +%s%N); echo $((ns / 1000000)); }
else # BSD date has no %N
  now_ms() { perl -MTime::HiRes=time -e 'printf "%d\n", time() * 1000'; }
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/reseller-bench.XXXXXX")
sandbox_pid=
cleanup() {
  if [ -n "$sandbox_pid" ] && kill -0 "$sandbox_pid" 2>/dev/null; then
    kill "$sandbox_pid" && wait "$sandbox_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

say "Starting the sandbox (data file $work/sandbox.db)"
"$SANDBOX" serve --listen 127.0.0.1:0 --data "$work/sandbox.db" >"$work/sandbox.env" 2>"$work/sandbox.log" &
sandbox_pid=$!
for _ in $(seq 100); do
  grep -q '^# reseller-sandbox listening' "$work/sandbox.env" 2>/dev/null && break
  kill -0 "$sandbox_pid" 2>/dev/null || { cat "$work/sandbox.log"; exit 1; }
  sleep 0.1
done
eval "$(grep '^export ' "$work/sandbox.env")"
admin=${RESELLER_NAMEBAY_ENDPOINT%/namebay}/_sandbox

# admin_call METHOD PATH [JSON] calls the sandbox's admin API.
admin_call() {
  curl -fsS -X "$1" -H 'Content-Type: application/json' ${3:+-d "$3"} "$admin/$2"
}
admin_call PUT settings '{"DomainPendingSeconds": 0}' >/dev/null

records=$work/records reference=$work/reference
mkdir -p "$records" "$reference"
cp "$root"/bench/records/*.tf "$records/"
cp "$root"/bench/reference/*.tf "$reference/"

say "terraform init -plugin-dir (offline)"
for dir in "$records" "$reference"; do
  (cd "$dir" && terraform init -input=false -no-color -plugin-dir="$PLUGIN_DIR" >"$dir/init.log") ||
    { cat "$dir/init.log"; fail "terraform init in $dir"; }
done

say "terraform apply: a contact, a domain with hosted DNS and $RECORDS records (-parallelism=$APPLY_PARALLELISM)"
for dir in "$records" "$reference"; do
  start=$(now_ms)
  (cd "$dir" && terraform apply -input=false -no-color -auto-approve -parallelism="$APPLY_PARALLELISM" >"$dir/apply.log") ||
    { tail -n 40 "$dir/apply.log"; fail "terraform apply in $dir"; }
  echo "$(basename "$dir"): $(tail -n 1 "$dir/apply.log" | tr -d '\n') in $(($(now_ms) - start)) ms" >&2
done

# plan_ms DIR [ARGS...] runs one plan and prints its wall clock in
# milliseconds; a plan that is not empty fails the benchmark.
plan_ms() {
  local dir=$1 start end code=0
  shift
  start=$(now_ms)
  (cd "$dir" && terraform plan -input=false -no-color -detailed-exitcode "$@" >"$dir/plan.log" 2>&1) || code=$?
  end=$(now_ms)
  if [ "$code" -ne 0 ]; then
    tail -n 40 "$dir/plan.log" >&2
    fail "terraform plan $* in $dir exited $code (0 is an empty plan)"
  fi
  echo $((end - start))
}

# median prints the median of its arguments.
median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# measure NAME DIR times RUNS plans with and without refresh, alternating
# which goes first (the apply and the counted plans before it have warmed the
# caches); it prints "NAME refresh_median norefresh_median ratio".
measure() {
  local name=$1 dir=$2 i with=() without=()
  for ((i = 1; i <= RUNS; i++)); do
    if ((i % 2)); then
      with+=("$(plan_ms "$dir")")
      without+=("$(plan_ms "$dir" -refresh=false)")
    else
      without+=("$(plan_ms "$dir" -refresh=false)")
      with+=("$(plan_ms "$dir")")
    fi
  done
  echo "$name: refresh ${with[*]} ms; -refresh=false ${without[*]} ms" >&2
  local a b
  a=$(median "${with[@]}") b=$(median "${without[@]}")
  echo "$name $a $b $(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.2f", a / b }')"
}

say "Requests of one plan (sandbox counters)"
counted() { # counted [ARGS...] prints the counters of one plan as JSON
  admin_call DELETE counters >/dev/null
  plan_ms "$records" "$@" >/dev/null
  admin_call GET counters
}
refresh_counts=$(counted)
norefresh_counts=$(counted -refresh=false)
echo "refresh:         $refresh_counts" >&2
echo "-refresh=false:  $norefresh_counts" >&2
list_calls=$(jq '."GET /namebay/api/Zone/{zone}/Record" // 0' <<<"$refresh_counts")
get_calls=$(jq '."GET /namebay/api/Zone/{zone}/Record/{id}" // 0' <<<"$refresh_counts")
total_refresh=$(jq '[.[]] | add // 0' <<<"$refresh_counts")
total_norefresh=$(jq '[.[]] | add // 0' <<<"$norefresh_counts")
pages=$(((RECORDS + PAGE_SIZE - 1) / PAGE_SIZE))

say "Timing $RUNS plans of each kind, interleaved (no sandbox latency)"
row_plain=$(measure "records" "$records")
row_reference=$(measure "terraform_data" "$reference")

say "Timing $RUNS plans of each kind, interleaved ($LATENCY_MS ms of sandbox latency per request)"
admin_call PUT faults "{\"Rules\": [{\"Kind\": \"latency\", \"LatencyMs\": $LATENCY_MS}]}" >/dev/null
row_latency=$(measure "records+${LATENCY_MS}ms" "$records")
fired=$(admin_call GET faults | jq '[.Rules[].Fired] | add // 0')
admin_call DELETE faults >/dev/null
[ "$fired" -gt 0 ] || fail "the latency rule never fired"

say "Results ($RECORDS resources, median of $RUNS plans each, $(nproc 2>/dev/null || sysctl -n hw.ncpu) CPUs, $(terraform version | head -1))"
misses=()
check() { # check ROW TARGET: TARGET is empty for a row without one
  local name a b ratio target=$2 verdict=""
  read -r name a b ratio <<<"$1"
  if [ -n "$target" ]; then
    if awk -v r="$ratio" -v t="$target" 'BEGIN { exit !(r <= t) }'; then
      verdict="ok (<= $target)"
    else
      verdict="MISSED (> $target)"
      misses+=("$name: refresh/no-refresh ratio $ratio > $target")
    fi
  fi
  printf '%-20s %12s %17s %7s  %s\n' "$name" "$a" "$b" "$ratio" "$verdict"
}
printf '%-20s %12s %17s %7s  %s\n' "plan of" "refresh ms" "-refresh=false ms" "ratio" "target"
check "$row_plain" "$TARGET_RATIO"
check "$row_latency" "$TARGET_RATIO_LATENCY"
check "$row_reference" ""

verdict="ok"
if [ "$list_calls" -ne "$pages" ] || [ "$get_calls" -ne 0 ]; then
  verdict="MISSED (want $pages list pages and 0 record reads)"
  misses+=("requests of one refreshing plan: $list_calls record list calls (want $pages, one per page), $get_calls per-record reads (want 0)")
fi
printf '\nRequests of one refreshing plan: %s record list calls (%s pages of %s), %s per-record reads, %s in all (%s with -refresh=false): %s\n' \
  "$list_calls" "$pages" "$PAGE_SIZE" "$get_calls" "$total_refresh" "$total_norefresh" "$verdict"

if [ "${#misses[@]}" -gt 0 ]; then
  printf '\nTargets missed:\n' >&2
  printf '  - %s\n' "${misses[@]}" >&2
  exit 1
fi
echo "All targets met."
