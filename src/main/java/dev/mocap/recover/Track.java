package dev.mocap.recover;

import dev.mocap.body.FootContacts;
import dev.mocap.body.Motion;
import dev.mocap.body.Quat;
import dev.mocap.body.Skeleton;
import dev.mocap.body.Vec3;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The pose on each grid frame while it is being recovered; frames without an observation are
 * empty. Feet judged planted (probability over one half) by the lifting network, where it ran,
 * and not overruled by the fit (it never overrules a foot still in the image), and feet still in
 * the image that the fit leaves low, become the segments' foot contacts.
 */
final class Track {
    static final double PLANTED = 0.5;

    final Vec3[] root;
    final Quat[][] rotations;
    final double[] confidence;
    private final double[][] footContact;

    Track(int frames) {
        root = new Vec3[frames];
        rotations = new Quat[frames][];
        confidence = new double[frames];
        footContact = new double[frames][];
    }

    void set(int k, Vec3 rootPosition, Quat[] local, double frameConfidence, double[] feet) {
        root[k] = rootPosition;
        rotations[k] = local;
        confidence[k] = frameConfidence;
        footContact[k] = feet;
    }

    /** The lifting network's probabilities that the left and right foot are planted in frame k, or null. */
    double[] footContact(int k) {
        return footContact[k];
    }

    /** Judges one foot (0 left, 1 right) planted in frame k, where the network did not. */
    void addContact(int k, int side) {
        footContact[k] = footContact[k].clone();
        footContact[k][side] = 1;
    }

    /** Overrules the network's contact of one foot (0 left, 1 right) in frame k. */
    void dropContact(int k, int side) {
        footContact[k] = footContact[k].clone();
        footContact[k][side] = 0;
    }

    boolean has(int k) {
        return rotations[k] != null;
    }

    int size() {
        return root.length;
    }

    /**
     * Bridges gaps of at most {@code maxGap} frames (rotations slerped, root interpolated,
     * confidence 0) and splits the track at longer ones.
     */
    List<Segment> segments(Skeleton skeleton, Grid grid, int maxGap, List<String> warnings) {
        List<Segment> out = new ArrayList<>();
        int start = 0, end = 0;
        for (int k = 1; k < size(); k++) {
            if (has(k)) {
                end = k;
                continue;
            }
            int next = gapEnd(k);
            if (next - k > maxGap) {
                out.add(segment(skeleton, grid, start, end));
                warnings.add(String.format(Locale.ROOT, "the person is lost from %.2f s to %.2f s; the motion is split there",
                        grid.time(k), grid.time(next)));
                start = next;
            }
            end = next;
            k = next;
        }
        out.add(segment(skeleton, grid, start, end));
        return out;
    }

    /** The first filled frame at or after k (size() if none). */
    private int gapEnd(int k) {
        while (k < size() && !has(k)) {
            k++;
        }
        return k;
    }

    private Segment segment(Skeleton skeleton, Grid grid, int start, int end) {
        int n = end - start + 1;
        Vec3[] positions = new Vec3[n];
        Quat[][] local = new Quat[n][];
        double[] conf = new double[n];
        boolean[] filled = new boolean[n], left = new boolean[n], right = new boolean[n];
        boolean judged = true;
        int previous = start;
        for (int k = start; k <= end; k++) {
            if (has(k)) {
                positions[k - start] = root[k];
                local[k - start] = rotations[k].clone();
                conf[k - start] = confidence[k];
                judged &= footContact[k] != null;
                left[k - start] = judged && footContact[k][0] > PLANTED;
                right[k - start] = judged && footContact[k][1] > PLANTED;
                previous = k;
            } else {
                int next = gapEnd(k);
                double t = (double) (k - previous) / (next - previous);
                positions[k - start] = root[previous].lerp(root[next], t);
                local[k - start] = new Quat[rotations[previous].length];
                for (int j = 0; j < local[k - start].length; j++) {
                    local[k - start][j] = rotations[previous][j].slerp(rotations[next][j], t);
                }
                filled[k - start] = true;
                left[k - start] = left[previous - start] && footContact[next] != null && footContact[next][0] > PLANTED;
                right[k - start] = right[previous - start] && footContact[next] != null && footContact[next][1] > PLANTED;
            }
        }
        keepHemisphere(local);
        FootContacts contacts = judged ? new FootContacts(left, right) : null;
        return new Segment(new Motion(skeleton, grid.fps(), positions, local, conf, contacts), grid.time(start), filled);
    }

    /** Each quaternion on the side of its predecessor, so interpolating between frames never takes the long way. */
    private static void keepHemisphere(Quat[][] local) {
        for (int f = 1; f < local.length; f++) {
            for (int j = 0; j < local[f].length; j++) {
                local[f][j] = local[f][j].nearTo(local[f - 1][j]);
            }
        }
    }
}
