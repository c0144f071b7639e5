#!/usr/bin/env bash
# `mocap batch --engine spark` with executors in JVMs of their own: Spark's local-cluster master
# starts a standalone master and WORKERS workers (one core each) inside the driver, and each worker
# launches its executor as a separate process, as on a real cluster. Spark's launcher wants a
# SPARK_HOME: a temporary one whose jars are the build's target/spark-lib. The executors get the
# tool's classes and libraries (target/classes, target/lib) and its models (-Dmocap.home).
# Then the same videos with `mocap batch --jobs WORKERS`: every output must be the same byte for
# byte, there must be WORKERS executor JVMs, none of them the driver, and each must have opened the
# pose models once (one task slot each) and three ONNX sessions (the two pose models and the lifter).
# Usage: scripts/spark-cluster.sh [WORKERS=2] [COPIES=3] [CLIP...]  (default: the shared pose_1.mp4)
# Exit status 0 when all holds; the driver's lines and the checks are printed.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
workers="${1:-2}"
copies="${2:-3}"
shift 2 || shift $# || true
clips=("$@")
if [ ${#clips[@]} -eq 0 ]; then
  clips=("$here/../shared/testdata/video/tfjs/pose_1.mp4")
fi
[ -d "$here/target/spark-lib" ] || { echo "spark-cluster: no target/spark-lib; build with: mvn -Dmaven.test.skip=true package" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir "$work/in" "$work/spark-home"
for clip in "${clips[@]}"; do
  [ -f "$clip" ] || { echo "spark-cluster: no clip at $clip" >&2; exit 2; }
  name="$(basename "${clip%.*}")"
  for i in $(seq 1 "$copies"); do cp "$clip" "$work/in/${name}_$i.${clip##*.}"; done
done
touch "$work/spark-home/RELEASE" # a distribution's layout: the launcher takes SPARK_HOME/jars
ln -s "$here/target/spark-lib" "$work/spark-home/jars"

# Everything on the loopback address: the driver, the master, the workers, their web pages.
export SPARK_HOME="$work/spark-home" SPARK_SCALA_VERSION=2.12 SPARK_LOCAL_IP=127.0.0.1
export MOCAP_JAVA_OPTS="-Dspark.executor.extraClassPath=$here/target/classes:$here/target/lib/* \
 -Dspark.executor.extraJavaOptions=-Dmocap.home=$here -Dspark.driver.host=127.0.0.1 -Dspark.ui.enabled=false"
echo "$(ls "$work/in" | wc -l) videos, $workers workers, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
start=$(date +%s.%N)
"$here/mocap" batch "$work/in" -o "$work/spark" --format bvh,fbx --engine spark --master "local-cluster[$workers,1,1536]" \
  >"$work/spark.log" 2>&1 &
driver=$! # the launcher execs the driver's JVM
wait "$driver" || { cat "$work/spark.log"; exit 1; }
end=$(date +%s.%N)
unset MOCAP_JAVA_OPTS
"$here/mocap" batch "$work/in" -o "$work/batch" --format bvh,fbx --jobs "$workers" -q >"$work/batch.log" 2>&1 \
  || { cat "$work/batch.log"; exit 1; }

grep -E '^(Spark .* started in|executor JVM|[0-9]+ files:)' "$work/spark.log"
python3 - "$work" "$workers" "$driver" "$start" "$end" <<'PY'
import pathlib, re, sys
work, workers, driver = pathlib.Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
print(f"wall time of the Spark run: {float(sys.argv[5]) - float(sys.argv[4]):.1f} s (driver JVM {driver})")
log = (work / "spark.log").read_text()
jvms = re.findall(r"^executor JVM (\d+)@\S+: (\d+) video\(s\); since it started it opened (\d+) set\(s\) of pose models and (\d+) ONNX session\(s\)$",
                  log, re.M)
problems = []
if len(jvms) != workers:
    problems.append(f"{len(jvms)} executor JVMs, not {workers}")
for pid, videos, sets, sessions in jvms:
    if pid == driver:
        problems.append("an executor ran in the driver's JVM")
    if (sets, sessions) != ("1", "3"):
        problems.append(f"executor JVM {pid} opened {sets} sets of pose models and {sessions} ONNX sessions for {videos} videos")


def strip_creation_time(data: bytes) -> bytes:  # an FBX file records when it was written
    i = data.find(b"CreationTimeStamp")
    if i < 13:
        return data
    end = int.from_bytes(data[i - 13:i - 9], "little")
    return data[:i + 17] + bytes(end - i - 17) + data[end:]


names = sorted(p.name for p in (work / "batch").iterdir() if p.name != "batch-report.json")
if names != sorted(p.name for p in (work / "spark").iterdir() if p.name != "batch-report.json"):
    problems.append("not the same files as batch")
else:
    for name in names:
        if strip_creation_time((work / "batch" / name).read_bytes()) != strip_creation_time((work / "spark" / name).read_bytes()):
            problems.append(f"{name} differs from batch's")
print(f"{len(names)} output files compared with batch --jobs {workers}: " + ("all the same" if not problems else "; ".join(problems)))
sys.exit(1 if problems else 0)
PY
