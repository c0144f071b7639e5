#!/usr/bin/env bash
# The same clips with `mocap batch --jobs 2` and with the Spark engine on local[1] and local[2]:
# videos per minute (from each batch-report.json), wall time, and Spark's start-up; then local[2]
# again with the clips and the output folder named as file: URIs, so that every video goes through
# the staging that inputs and outputs on HDFS or S3A take (copied in, converted, copied out).
# Usage: scripts/bench-spark.sh [COPIES=2] [CLIP...]  (default: the shared pose_1.mp4 and pose_squats.mp4)
# Each clip is converted COPIES times (as copies under other names), with --force.
# BEFORE=OTHER/mocap: after each line, the same with that checkout's launcher (e.g. a build from
# before a change), marked "(before)", so that both are measured in one run on the same load.
# "outside" is the wall time that is not converting: the JVM, Spark's start and stop, the report;
# "CPU" the processor time the command took (user and system, all threads), which other load on
# the machine disturbs less than wall times.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
copies="${1:-2}"
shift || true
clips=("$@")
if [ ${#clips[@]} -eq 0 ]; then
  clips=("$here/../shared/testdata/video/tfjs/pose_1.mp4" "$here/../shared/testdata/video/tfjs/pose_squats.mp4")
fi
mocap="${MOCAP:-$here/mocap}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir "$work/in"
for clip in "${clips[@]}"; do
  [ -f "$clip" ] || { echo "bench-spark: no clip at $clip" >&2; exit 2; }
  name="$(basename "${clip%.*}")"
  for i in $(seq 1 "$copies"); do cp "$clip" "$work/in/${name}_$i.${clip##*.}"; done
done
echo "$(ls "$work/in" | wc -l) videos, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"

run() { # LABEL ARGS...: with this checkout's launcher, then with $BEFORE's
  measure "$mocap" "$@"
  [ -z "${BEFORE:-}" ] || { local label="$1"; shift; measure "$BEFORE" "$label (before)" "$@"; }
}

measure() { # LAUNCHER LABEL ARGS... (URIS=1: the clips and the output folder as file: URIs)
  local launcher="$1" label="$2"; shift 2
  local out="$work/out-${label//[^a-z0-9]/_}" start end prefix=""
  [ -z "${URIS:-}" ] || prefix="file://"
  times >"$work/cpu-start" # of this shell's finished children: the commands run so far
  start=$(date +%s.%N)
  "$launcher" batch "$prefix$work/in" -o "$prefix$out" --force -q "$@" >"$work/log" 2>&1 || { [ $? -eq 7 ] || { cat "$work/log"; exit 1; }; }
  end=$(date +%s.%N)
  times >"$work/cpu-end"
  python3 - "$label" "$out/batch-report.json" "$start" "$end" "$work/log" "$work/cpu-start" "$work/cpu-end" <<'PY'
import json, re, sys
label, report, start, end, log, cpu_start, cpu_end = sys.argv[1:]
totals = json.load(open(report))["totals"]

def children_cpu(file):  # the second line of `times`: user and system time of the children, as 1m2.345s
    return sum(int(m) * 60 + float(s) for m, s in re.findall(r"(\d+)m([0-9.]+)s", open(file).read().splitlines()[1]))

started = re.search(r"started in ([0-9.]+) s", open(log).read())
print(f"{label:35s} {totals['converted']:3d} converted  {totals['videos_per_minute']:6.2f} videos/min  "
      f"{totals['frames_per_second']:6.1f} frames/s  batch {totals['seconds']:6.1f} s  wall {float(end) - float(start):6.1f} s"
      f"  outside {float(end) - float(start) - totals['seconds']:5.1f} s  CPU {children_cpu(cpu_end) - children_cpu(cpu_start):6.1f} s"
      + (f"  Spark start-up {started.group(1)} s" if started else ""))
PY
}

run "batch --jobs 2" --jobs 2
run "spark local[1]" --engine spark --master 'local[1]'
run "spark local[2]" --engine spark --master 'local[2]'
URIS=1 run "spark local[2] file: URIs" --engine spark --master 'local[2]'
run "batch --jobs 2 (again)" --jobs 2
