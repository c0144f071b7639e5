#!/usr/bin/env bash
# Retrains the shipped lifting network from the mocap corpus (models/LIFTER.md): renders the
# training views if they are not there yet, trains one network per seed (DJL, CPU; about 28 min
# each on two threads, so about 4 hours for the default eight), ships their mean as
# models/lifter.onnx, and refits the focal-length estimate's bias to it (FocalEstimate.BIAS,
# printed: edit it by hand). Usage: scripts/train-lifter.sh [SEED...] (default the shipped
# seeds, 14 15 16 18 19 20 21 22; 17's network was not kept). TRAIN_THREADS (default 2) sets the
# threads (the shipped 19-22 were trained on one thread each, two at a time; a network differs in
# its last digits with the thread count), LIFTER_ACCEL (default 0) the weight of the loss's
# acceleration term; several weights ("0 0.5") train one network per seed for each
# (models/LIFTER.md, "Earlier networks").
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
seeds=("$@")
[ ${#seeds[@]} -gt 0 ] || seeds=(14 15 16 18 19 20 21 22)
mvn_train=(mvn -B -ntp -Ptrain -Dmocap.skipModels=true -Dmaven.test.skip=true -Dtrain.threads="${TRAIN_THREADS:-2}")
xvfb=()
[ -n "${DISPLAY:-}" ] || xvfb=(xvfb-run -a)
"${xvfb[@]}" "${mvn_train[@]}" compile exec:java@render-views
rm -rf target/lifter-members
for accel in ${LIFTER_ACCEL:-0}; do
  for seed in "${seeds[@]}"; do
    name="seed$seed"
    [ "$accel" = 0 ] || name="$name-accel$accel"
    "${mvn_train[@]}" -Dlifter.seed="$seed" -Dlifter.accel="$accel" -Dlifter.output="$here/target/lifter-members/$name.onnx" \
      compile exec:java@train-lifter
  done
done
"${mvn_train[@]}" compile exec:java@ship-lifter
"${mvn_train[@]}" compile exec:java@focal-calibration
