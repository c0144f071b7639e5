#!/usr/bin/env bash
# The same clips with `mocap batch --jobs 2` and with the Spark engine on local[1] and local[2], in
# ROUNDS rounds whose order of engines rotates, so that a change of the machine's load falls on all.
# Each engine's turn is two runs: one that converts every clip (--force), then the same command
# again, which finds every video complete and skips it: its cost is the engine's fixed cost (the
# JVM, Spark's start and stop, one task a video, the report), so that
#   fixed     = the skipping run's wall and CPU time;
#   per video = (the converting run's CPU time - the skipping run's) / videos;
#   start-up  = an engine's fixed wall time - batch's, i.e. what Spark adds once per run.
# CPU time is user + system time of the whole process tree (every thread of the JVM and what it
# waited for), which other load on a shared machine disturbs far less than wall time; the summary
# gives each figure's median and its range over the rounds.
# Usage: scripts/bench-spark.sh [ROUNDS=3] [COPIES=2] [CLIP...]
#   default clips: the shared pose_1.mp4 (120 frames) and sports2d demo.mp4 (230 frames, 1768x994)
# STAGING=1: also local[2] with the clips and the output folder named as file: URIs, so that every
#   video takes the staging of inputs and outputs on HDFS or S3A (copied in, converted, copied out).
# BEFORE=OTHER/mocap: every engine also with that checkout's launcher, marked "(before)".
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rounds="${1:-3}"
copies="${2:-2}"
shift 2 || shift $# || true
clips=("$@")
if [ ${#clips[@]} -eq 0 ]; then
  clips=("$here/../shared/testdata/video/tfjs/pose_1.mp4" "$here/../shared/testdata/video/sports2d/demo.mp4")
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
videos=$(ls "$work/in" | wc -l)
echo "$videos videos, $(nproc) cores, $rounds rounds, load average $(cut -d' ' -f1-3 /proc/loadavg)"

# One engine a line: LABEL|LAUNCHER|URIS (1: inputs and output as file: URIs)|ARGS...
engines=("batch --jobs 2|$mocap||--jobs 2" "spark local[1]|$mocap||--engine spark --master local[1]"
  "spark local[2]|$mocap||--engine spark --master local[2]")
[ -z "${STAGING:-}" ] || engines+=("spark local[2] file: URIs|$mocap|1|--engine spark --master local[2]")
if [ -n "${BEFORE:-}" ]; then
  for e in "${engines[@]}"; do
    IFS='|' read -r label _ uris args <<<"$e"
    engines+=("$label (before)|$BEFORE|$uris|$args")
  done
fi

cpu() { # FILE: user + system seconds of this shell's finished children, from the second line of `times` written there
  sed -n 2p "$1" | grep -o '[0-9]*m[0-9.]*s' | awk -F'[ms]' '{t += $1 * 60 + $2} END {printf "%.2f", t}'
}

measure() { # ROUND LABEL LAUNCHER URIS ARGS: appends "round label kind wall cpu report log" lines to $work/runs
  local round="$1" label="$2" launcher="$3" uris="$4" args="$5" prefix="" kind force
  local out="$work/out-${label//[^a-z0-9]/_}"
  [ -z "$uris" ] || prefix="file://"
  rm -rf "$out"
  for kind in convert skip; do
    force=""
    [ "$kind" = skip ] || force="--force"
    local start end
    times >"$work/cpu-start" # in this shell: a command substitution's `times` would be a subshell's
    start=$(date +%s.%N)
    # shellcheck disable=SC2086 # the engine's options, word by word
    "$launcher" batch "$prefix$work/in" -o "$prefix$out" $force -q $args >"$work/log" 2>&1 || { [ $? -eq 7 ] || { cat "$work/log"; exit 1; }; }
    end=$(date +%s.%N)
    times >"$work/cpu-end"
    local id="$round-${label//[^a-z0-9]/_}-$kind"
    cp "$out/batch-report.json" "$work/report-$id"
    cp "$work/log" "$work/log-$id"
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$label" "$kind" "$(echo "$start $end" | awk '{printf "%.2f", $2 - $1}')" \
      "$(echo "$(cpu "$work/cpu-start") $(cpu "$work/cpu-end")" | awk '{printf "%.2f", $2 - $1}')" "$work/report-$id" "$work/log-$id" >>"$work/runs"
  done
}

n=${#engines[@]}
for round in $(seq 1 "$rounds"); do
  for k in $(seq 0 $((n - 1))); do
    IFS='|' read -r label launcher uris args <<<"${engines[$(((k + round - 1) % n))]}"
    measure "$round" "$label" "$launcher" "$uris" "$args"
    tail -2 "$work/runs" | awk -F'\t' '{printf "round %s  %-28s %-8s wall %7.1f s  CPU %7.1f s\n", $1, $2, $3, $4, $5}'
  done
done
echo "load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"

python3 - "$work/runs" "$videos" <<'PY'
import json, re, statistics, sys
from collections import defaultdict

runs, videos = sys.argv[1], int(sys.argv[2])
by = defaultdict(lambda: defaultdict(dict))  # label -> round -> kind -> figures
for line in open(runs):
    rnd, label, kind, wall, cpu, report, log = line.rstrip("\n").split("\t")
    totals = json.load(open(report))["totals"]
    started = re.search(r"started in ([0-9.]+) s", open(log).read())
    by[label][rnd][kind] = dict(wall=float(wall), cpu=float(cpu), converted=totals["converted"], skipped=totals["skipped"],
                                context=float(started.group(1)) if started else None)

def spread(values, unit="", digits=1):
    values = sorted(values)
    return f"{statistics.median(values):.{digits}f}{unit} ({values[0]:.{digits}f}-{values[-1]:.{digits}f})"

print(f"\nmedian (lowest-highest) over {len(next(iter(by.values())))} rounds, {videos} videos a run:")
print(f"{'engine':28s} {'videos/min':>20s} {'wall s':>20s} {'CPU s/video':>18s} {'fixed wall s':>18s} {'fixed CPU s':>18s} {'start-up wall s':>18s}")
batch_fixed = {rnd: r["skip"]["wall"] for rnd, r in by.get("batch --jobs 2", {}).items()}
for label, rounds in by.items():
    for rnd, r in rounds.items():
        if r["convert"]["converted"] != videos or r["skip"]["skipped"] != videos:
            sys.exit(f"bench-spark: {label}, round {rnd}: {r['convert']['converted']} converted and {r['skip']['skipped']} skipped, not {videos}")
    per_minute = [videos / r["convert"]["wall"] * 60 for r in rounds.values()]
    wall = [r["convert"]["wall"] for r in rounds.values()]
    cpu_per_video = [(r["convert"]["cpu"] - r["skip"]["cpu"]) / videos for r in rounds.values()]
    fixed_wall = [r["skip"]["wall"] for r in rounds.values()]
    fixed_cpu = [r["skip"]["cpu"] for r in rounds.values()]
    startup = [r["skip"]["wall"] - batch_fixed[rnd] for rnd, r in rounds.items() if rnd in batch_fixed]
    print(f"{label:28s} {spread(per_minute):>20s} {spread(wall):>20s} {spread(cpu_per_video, digits=2):>18s} {spread(fixed_wall):>18s}"
          f" {spread(fixed_cpu):>18s} {spread(startup) if label != 'batch --jobs 2' and startup else '':>18s}")
contexts = [r[k]["context"] for rounds in by.values() for r in rounds.values() for k in r if r[k]["context"] is not None]
if contexts:
    print(f"Spark's context started in {spread(contexts, ' s')} (all Spark runs)")
PY
