package dev.mocap.pipeline;

import dev.mocap.body.Motion;
import dev.mocap.pose.FramePose;
import dev.mocap.pose.LandmarkSequence;
import dev.mocap.recover.Segment;

import java.util.Arrays;
import java.util.List;

/**
 * Tells resampled frames from gaps. At an output rate above the video's ({@code --fps 30} on a
 * 5 fps clip) recovery fills in the frames between two video frames as it fills in gaps, flagged
 * and with confidence 0. A frame is a gap only when the person was not seen in the video frame
 * at or next to its time; between two video frames that both saw the person it is a resampled
 * frame: not flagged, its confidence interpolated from the output frames around it.
 */
final class ResampledFrames {

    static Segment relabel(Segment segment, LandmarkSequence landmarks) {
        Motion motion = segment.motion();
        boolean[] gap = segment.interpolated().clone();
        List<FramePose> frames = landmarks.frames();
        double[] times = frames.stream().mapToDouble(FramePose::timestamp).toArray();
        for (int f = 0; f < gap.length; f++) {
            if (gap[f] && seenAround(frames, times, segment.startTime() + f / motion.fps())) {
                gap[f] = false;
            }
        }
        double[] confidence = motion.confidence() == null ? null : interpolated(motion.confidence(), segment.interpolated(), gap);
        Motion relabelled = new Motion(motion.skeleton(), motion.fps(), motion.rootPositions(), motion.rotations(), confidence,
                motion.contacts());
        return new Segment(relabelled, segment.startTime(), gap);
    }

    /** Whether the video frames just before and just after {@code time} (the same one at that time) both show the person. */
    private static boolean seenAround(List<FramePose> frames, double[] times, double time) {
        final double tolerance = 1e-6;
        int at = Arrays.binarySearch(times, time);
        int after = at >= 0 ? at : -at - 1;
        if (after > 0 && times[after - 1] >= time - tolerance) {
            after--;
        }
        int before = after < times.length && times[after] <= time + tolerance ? after : after - 1;
        return before >= 0 && after < times.length && frames.get(before).hasPerson() && frames.get(after).hasPerson();
    }

    /** Confidence on the frames that were flagged and are no gaps: linear between the nearest frames that were never flagged. */
    private static double[] interpolated(double[] confidence, boolean[] flagged, boolean[] gap) {
        double[] out = confidence.clone();
        for (int f = 0; f < out.length; f++) {
            if (flagged[f] && !gap[f]) {
                int a = f, b = f;
                while (a >= 0 && flagged[a]) {
                    a--;
                }
                while (b < out.length && flagged[b]) {
                    b++;
                }
                double ca = a >= 0 ? confidence[a] : confidence[Math.min(b, out.length - 1)];
                double cb = b < out.length ? confidence[b] : ca;
                out[f] = a >= 0 && b < out.length ? ca + (cb - ca) * (f - a) / (double) (b - a) : a >= 0 ? ca : cb;
            }
        }
        return out;
    }

    private ResampledFrames() {
    }
}
