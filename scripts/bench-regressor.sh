#!/usr/bin/env bash
# ms/frame of --recovery onnx:MODEL.onnx with the tests' tiny network (TinyRegressor: 16 crops in,
# one result per crop, known output), beside the fit and the learned lifter on the same landmarks.
# The network itself costs next to nothing, so the figure is the host's own: decoding the video a
# second time, cutting and normalising the 224×224 crops, and turning the results into a motion.
# Usage: scripts/bench-regressor.sh [VIDEO] (default samples/walk_wave.mp4); needs a built tree
# (mvn -Dmaven.test.skip=true package, then mvn test-compile).
set -euo pipefail
cd "$(dirname "$0")/.."
video=${1:-samples/walk_wave.mp4}
if [ ! -f target/test-classes/dev/mocap/recover/TinyRegressor.class ]; then
  mvn -B -q -o -Dmocap.skipModels=true test-compile
fi
model=$(mktemp --suffix=.onnx)
trap 'rm -f "$model"' EXIT
java -cp "target/test-classes:target/classes:target/lib/*" dev.mocap.recover.TinyRegressor "$model"
./mocap bench recovery "$video" --regressor "$model"
