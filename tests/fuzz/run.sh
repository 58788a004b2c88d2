#!/bin/bash
# run.sh — run built libFuzzer targets for a fixed time each (`make fuzz`,
# `make fuzz-smoke`; the Makefile builds FUZZ_BUILD/fuzz/<target> first).
#
# Usage: tests/fuzz/run.sh FUZZ_BUILD SECONDS JOBS TARGET...
#
# Each target runs -max_total_time=SECONDS on FUZZ_BUILD/corpus/<target>/
# (its working corpus, kept between runs; new inputs go there) plus the
# seed corpus tests/fuzz/corpus/<target>/ (read only). JOBS targets run at
# the same time (1 = one after another). A single input taking longer than
# FUZZ_TIMEOUT seconds (default 25) counts as a failure (hang), as does any
# crash, sanitizer report (ASan, UBSan, LeakSanitizer), out-of-memory
# (-rss_limit_mb=2048) or non-zero exit. Crash inputs are written to
# FUZZ_BUILD/crashes/<target>-{crash,leak,timeout,oom}-<sha1>; the full log
# of each target to FUZZ_BUILD/logs/<target>.log. Prints one line per
# target (executions, coverage, corpus size, wall time) and exits non-zero
# when any target failed.
set -u

if [ $# -lt 4 ]; then
	echo "usage: $0 FUZZ_BUILD SECONDS JOBS TARGET..." >&2
	exit 2
fi
BUILD=$1
SECONDS_EACH=$2
JOBS=$3
shift 3
TIMEOUT=${FUZZ_TIMEOUT:-25}
SEEDS=tests/fuzz/corpus

case "$SECONDS_EACH" in '' | *[!0-9]*) echo "$0: SECONDS must be a whole number" >&2; exit 2 ;; esac
case "$JOBS" in '' | *[!0-9]* | 0) echo "$0: JOBS must be a whole number >= 1" >&2; exit 2 ;; esac
mkdir -p "$BUILD/crashes" "$BUILD/logs"

# Run one target; prints its summary line (also kept in
# $BUILD/logs/<target>.summary, whose status word decides the result).
run_one() {
	local t=$1 bin="$BUILD/fuzz/$1" log="$BUILD/logs/$1.log" mark="$BUILD/logs/$1.start"
	local seeds="$SEEDS/$t" start end rc status
	mkdir -p "$BUILD/corpus/$t"
	[ -d "$seeds" ] || seeds=""
	: >"$mark"
	start=$(date +%s)
	UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
		"$bin" -max_total_time="$SECONDS_EACH" -timeout="$TIMEOUT" -rss_limit_mb=2048 \
		-print_final_stats=1 -artifact_prefix="$BUILD/crashes/$t-" \
		"$BUILD/corpus/$t" $seeds >"$log" 2>&1
	rc=$?
	end=$(date +%s)
	# artifacts written by this run (older ones are reported once, when made)
	local new
	new=$(find "$BUILD/crashes" -maxdepth 1 -name "$t-*" -newer "$mark" 2>/dev/null)
	local execs cov corp
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
	cov=$(grep -oE '(DONE|INITED) +cov: [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+$')
	corp=$(find "$BUILD/corpus/$t" -type f | wc -l)
	status=ok
	if [ $rc -ne 0 ] || [ -n "$new" ] ||
		grep -qE '^==[0-9]+==ERROR|runtime error:|^SUMMARY: (Address|Undefined|Leak)Sanitizer' "$log"; then
		status=FAILED
	fi
	printf '%-18s %-6s %4ss  %9s execs  cov %-5s corpus %-5s %s\n' "$t" "$status" \
		$((end - start)) "${execs:-?}" "${cov:-?}" "$corp" \
		"$([ -n "$new" ] && echo "crash: $new" || true)" >"$BUILD/logs/$t.summary"
	rm -f "$mark"
	cat "$BUILD/logs/$t.summary"
}

echo "fuzz: $# targets, ${SECONDS_EACH} s each, $JOBS at a time (logs in $BUILD/logs/)"
fail=0
for t in "$@"; do
	rm -f "$BUILD/logs/$t.summary"
	if [ ! -x "$BUILD/fuzz/$t" ]; then
		echo "$t: $BUILD/fuzz/$t is not built" >&2
		fail=1
		continue
	fi
	while [ "$(jobs -rp | wc -l)" -ge "$JOBS" ]; do
		wait -n
	done
	run_one "$t" &
done
wait
for t in "$@"; do
	grep -qs '^[^ ]* *ok ' "$BUILD/logs/$t.summary" || fail=1
done
if [ $fail -ne 0 ]; then
	echo "fuzz: FAILED — see $BUILD/logs/ and $BUILD/crashes/" >&2
	for t in "$@"; do
		f="$BUILD/logs/$t.log"
		[ -f "$f" ] && grep -qE '^==[0-9]+==ERROR|runtime error:|deadly signal|Test unit written' "$f" &&
			{ echo "--- $f"; grep -E -A12 '^==[0-9]+==ERROR|runtime error:|deadly signal' "$f" | head -40; }
	done >&2
	exit 1
fi
echo "fuzz: all $# targets clean"
