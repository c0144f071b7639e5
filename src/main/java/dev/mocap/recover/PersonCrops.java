package dev.mocap.recover;

import dev.mocap.ExitCode;
import dev.mocap.MocapException;
import dev.mocap.pose.FramePose;
import dev.mocap.pose.Roi;
import dev.mocap.video.PrefetchingVideoSource;
import dev.mocap.video.VideoFrame;
import dev.mocap.video.VideoSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The person crops a regressor sees ({@link RegressorContract}), one per frame in which the
 * person was found, in order: the video is decoded a second time and each of those frames cut at
 * the tracker's region, so the landmark pass keeps no images. Not for concurrent use.
 */
final class PersonCrops implements AutoCloseable {
    private static final int PLANE = RegressorContract.SIDE * RegressorContract.SIDE;

    private final List<FramePose> frames;
    private final VideoSource video;
    private int next;

    /** @param frames the frames with the person, in video order */
    PersonCrops(Path videoFile, List<FramePose> frames) {
        if (!Files.isRegularFile(videoFile)) {
            throw new MocapException(ExitCode.BAD_INPUT, "--recovery onnx: cuts the person out of the video's frames, but the video "
                    + videoFile + " is not there (convert the video itself, or run from its folder)");
        }
        this.frames = frames;
        this.video = new PrefetchingVideoSource(VideoSource.open(videoFile));
    }

    /** The box of crop i (the ROI without its rotation). */
    static CropBox box(FramePose frame) {
        Roi roi = frame.landmarks().roi();
        return new CropBox(roi.centerX(), roi.centerY(), roi.size());
    }

    /** Writes the next crop, 3 × 224 × 224 floats, into {@code out} at {@code offset}. */
    void next(float[] out, int offset) {
        FramePose wanted = frames.get(next++);
        VideoFrame frame = video.next();
        while (frame != null && frame.index() < wanted.index()) {
            frame = video.next();
        }
        if (frame == null || frame.index() != wanted.index()) {
            throw new MocapException(ExitCode.BAD_INPUT, "the video ends before frame " + wanted.index()
                    + " that the landmarks have: it is not the video they were made from");
        }
        cut(frame, box(wanted), out, offset);
    }

    /**
     * The box scaled to 224 × 224 by bilinear sampling (pixel centres at k + ½), black beyond the
     * frame as SPIN's crops, normalised with ImageNet's mean and std, channel planes R, G, B. The
     * box is upright, so the sample columns and rows, and their weights, are worked out once.
     */
    static void cut(VideoFrame frame, CropBox box, float[] out, int offset) {
        int side = RegressorContract.SIDE;
        int[] x0 = new int[side], y0 = new int[side];
        float[][] wx = taps(box.centerX(), box.side(), frame.width(), x0), wy = taps(box.centerY(), box.side(), frame.height(), y0);
        byte[] rgb = frame.rgb();
        int w = frame.width();
        float[] scale = new float[3], shift = new float[3];
        for (int c = 0; c < 3; c++) {
            scale[c] = 1 / (255f * RegressorContract.STD[c]);
            shift[c] = -RegressorContract.MEAN[c] / RegressorContract.STD[c];
        }
        for (int j = 0; j < side; j++) {
            for (int i = 0; i < side; i++) {
                float r = 0, g = 0, b = 0;
                for (int dy = 0; dy < 2; dy++) {
                    for (int dx = 0; dx < 2; dx++) {
                        float weight = wy[dy][j] * wx[dx][i];
                        if (weight != 0) {
                            int at = 3 * ((y0[j] + dy) * w + x0[i] + dx);
                            r += weight * (rgb[at] & 0xff);
                            g += weight * (rgb[at + 1] & 0xff);
                            b += weight * (rgb[at + 2] & 0xff);
                        }
                    }
                }
                int o = offset + j * side + i;
                out[o] = r * scale[0] + shift[0];
                out[o + PLANE] = g * scale[1] + shift[1];
                out[o + 2 * PLANE] = b * scale[2] + shift[2];
            }
        }
    }

    /**
     * For each of the 224 samples along one axis of a box (centre, side) in a frame {@code size}
     * pixels long: the first of the two pixels it blends ({@code first}, kept inside the frame)
     * and their two weights, zero for a pixel beyond the frame.
     */
    private static float[][] taps(double centre, double side, int size, int[] first) {
        int n = first.length;
        float[][] weights = new float[2][n];
        double step = side / n, start = centre - side / 2;
        for (int i = 0; i < n; i++) {
            double p = start + (i + 0.5) * step - 0.5;
            int k = (int) Math.floor(p);
            double f = p - k;
            // The two taps are kept on real pixels (first, first + 1); a pixel beyond the frame adds nothing.
            first[i] = Math.max(0, Math.min(size - 2, k));
            for (int t = 0; t < 2; t++) {
                int q = k + t;
                if (q >= 0 && q < size) {
                    weights[q - first[i]][i] += (float) (t == 0 ? 1 - f : f);
                }
            }
        }
        return weights;
    }

    @Override
    public void close() {
        video.close();
    }
}
