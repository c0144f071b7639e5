#!/usr/bin/env bash
# The same clips with `mocap batch --jobs 2` and with the Spark engine on local[1] and local[2]:
# videos per minute (from each batch-report.json), wall time, and Spark's start-up; then local[2]
# again with the clips and the output folder named as file: URIs, so that every video goes through
# the staging that inputs and outputs on HDFS or S3A take (copied in, converted, copied out).
# Usage: scripts/bench-spark.sh [COPIES=2] [CLIP...]  (default: the shared pose_1.mp4 and pose_squats.mp4)
# Each clip is converted COPIES times (as copies under other names), with --force.
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

run() { # LABEL ARGS... (URIS=1: the clips and the output folder as file: URIs)
  local label="$1"; shift
  local out="$work/out-${label//[^a-z0-9]/_}" start end prefix=""
  [ -z "${URIS:-}" ] || prefix="file://"
  start=$(date +%s.%N)
  "$mocap" batch "$prefix$work/in" -o "$prefix$out" --force -q "$@" >"$work/log" 2>&1 || { [ $? -eq 7 ] || { cat "$work/log"; exit 1; }; }
  end=$(date +%s.%N)
  python3 - "$label" "$out/batch-report.json" "$start" "$end" "$work/log" <<'PY'
import json, re, sys
label, report, start, end, log = sys.argv[1:]
totals = json.load(open(report))["totals"]
started = re.search(r"started in ([0-9.]+) s", open(log).read())
print(f"{label:26s} {totals['converted']:3d} converted  {totals['videos_per_minute']:6.2f} videos/min  "
      f"{totals['frames_per_second']:6.1f} frames/s  batch {totals['seconds']:6.1f} s  wall {float(end) - float(start):6.1f} s"
      + (f"  Spark start-up {started.group(1)} s" if started else ""))
PY
}

run "batch --jobs 2" --jobs 2
run "spark local[1]" --engine spark --master 'local[1]'
run "spark local[2]" --engine spark --master 'local[2]'
URIS=1 run "spark local[2] file: URIs" --engine spark --master 'local[2]'
run "batch --jobs 2 (again)" --jobs 2
