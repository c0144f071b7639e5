#!/usr/bin/env bash
# Memory of a long conversion: makes a MINUTES-long 1080p clip of the squats test video played in
# a loop (needs the ffmpeg program), converts it with a fixed Java heap (-Xmx), and reports the
# peak heap in use from the GC log. Usage: scripts/heap-long-video.sh [MINUTES=10] [XMX=512m]
# MOCAP (default ./mocap) is the command that runs the tool; MOCAP_JAVA_OPTS reaches its JVM.
# Every SAMPLE_S seconds (default 30; 0: never) it also measures the live heap exactly: jcmd's class
# histogram after a full collection (a young collection's "after" still counts the old generation's
# garbage, so the GC log's figures run high).
set -euo pipefail
minutes="${1:-10}"
xmx="${2:-512m}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source_clip="${SOURCE_CLIP:-$here/../shared/testdata/video/tfjs/pose_squats.mp4}"
mocap="${MOCAP:-$here/mocap}"
command -v ffmpeg >/dev/null || { echo "heap-long-video: needs the ffmpeg program" >&2; exit 2; }
[ -f "$source_clip" ] || { echo "heap-long-video: no source clip at $source_clip (set SOURCE_CLIP)" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

clip="$work/long_${minutes}min_1080p.mp4"
# FFmpeg builds without x264 (such as the one inside JavaCV's ffmpeg jar) have OpenH264.
case "$(ffmpeg -hide_banner -encoders 2>/dev/null)" in
  *libx264*) encoder=(libx264 -preset ultrafast) ;;
  *) encoder=(libopenh264 -b:v 4M) ;;
esac
ffmpeg -loglevel error -stream_loop -1 -i "$source_clip" -t "$((minutes * 60))" -an \
  -vf "scale=-2:1080,pad=1920:1080:(ow-iw)/2:0,fps=30" -c:v "${encoder[@]}" -pix_fmt yuv420p "$clip"
frames="$(ffprobe -v error -select_streams v:0 -count_packets -show_entries stream=nb_read_packets -of csv=p=0 "$clip")"
echo "clip: $frames frames of 1920x1080 at 30 fps ($minutes min), $(du -h "$clip" | cut -f1)"

sample="${SAMPLE_S:-30}"
start=$(date +%s)
MOCAP_JAVA_OPTS="${MOCAP_JAVA_OPTS:-} -Xmx$xmx -Xlog:gc:file=$work/gc.log" \
  "$mocap" convert "$clip" -o "$work/long" -q --force >"$work/convert.log" 2>&1 &
pid=$!
# The launcher execs the JVM, so $pid is the JVM's; a sample that finds it gone is skipped.
while [ "$sample" -gt 0 ] && kill -0 "$pid" 2>/dev/null; do
  sleep "$sample"
  jcmd "$pid" GC.class_histogram 2>/dev/null | awk -v t="$(($(date +%s) - start))" '/^Total/ { print t, $3 }' >>"$work/live.txt" || true
done
wait "$pid" || { cat "$work/convert.log"; exit 1; }
end=$(date +%s)
tail -n 4 "$work/convert.log"
# G1 lines read "... Pause Young (Normal) (G1 Evacuation Pause) 180M->42M(512M) 3.1ms": in use before->after(committed).
peak="$(grep -oE '[0-9]+M->[0-9]+M' "$work/gc.log" | cut -dM -f1 | sort -n | tail -1)"
after="$(grep -oE '[0-9]+M->[0-9]+M' "$work/gc.log" | sed -E 's/.*->([0-9]+)M/\1/' | sort -n | tail -1)"
echo "live heap after collections, largest in each tenth of the run (MB):" \
  "$(sed -nE 's/^\[([0-9.]+)s\].*Pause.* [0-9]+M->([0-9]+)M.*/\1 \2/p' "$work/gc.log" | awk '
    { t[NR] = $1; m[NR] = $2; last = $1 }
    END { for (i = 1; i <= NR; i++) { b = int(10 * t[i] / (last + 1e-9)); if (b > 9) b = 9; if (m[i] > top[b]) top[b] = m[i] }
          for (b = 0; b < 10; b++) printf "%s ", top[b] + 0 }')"
if [ -s "$work/live.txt" ]; then
  echo "live heap measured every $sample s (full collection, class histogram), largest in each tenth of the run (MB):" \
    "$(awk -v last="$((end - start))" '{ b = int(10 * $1 / (last + 1e-9)); if (b > 9) b = 9; if ($2 > top[b]) top[b] = $2 }
      END { for (b = 0; b < 10; b++) printf "%s ", (b in top) ? sprintf("%.0f", top[b] / 1e6) : "-" }' "$work/live.txt")"
fi
echo "converted in $((end - start)) s with -Xmx$xmx: peak heap in use ${peak:-?} MB (before a collection), largest live set ${after:-?} MB (after one); $(grep -c 'Pause' "$work/gc.log") collections"
