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
     * frame as SPIN's crops, normalised with ImageNet's mean and std, channel planes R, G, B.
     */
    static void cut(VideoFrame frame, CropBox box, float[] out, int offset) {
        int side = RegressorContract.SIDE, w = frame.width(), h = frame.height();
        byte[] rgb = frame.rgb();
        double step = box.side() / side, x0 = box.centerX() - box.side() / 2, y0 = box.centerY() - box.side() / 2;
        float[] sample = new float[3];
        for (int j = 0; j < side; j++) {
            double y = y0 + (j + 0.5) * step - 0.5;
            int yi = (int) Math.floor(y);
            double fy = y - yi;
            for (int i = 0; i < side; i++) {
                double x = x0 + (i + 0.5) * step - 0.5;
                int xi = (int) Math.floor(x);
                double fx = x - xi;
                sample[0] = sample[1] = sample[2] = 0;
                add(rgb, w, h, xi, yi, (1 - fx) * (1 - fy), sample);
                add(rgb, w, h, xi + 1, yi, fx * (1 - fy), sample);
                add(rgb, w, h, xi, yi + 1, (1 - fx) * fy, sample);
                add(rgb, w, h, xi + 1, yi + 1, fx * fy, sample);
                for (int c = 0; c < 3; c++) {
                    out[offset + c * PLANE + j * side + i] = (sample[c] / 255f - RegressorContract.MEAN[c]) / RegressorContract.STD[c];
                }
            }
        }
    }

    private static void add(byte[] rgb, int w, int h, int x, int y, double weight, float[] sample) {
        if (x < 0 || y < 0 || x >= w || y >= h || weight == 0) {
            return;
        }
        int at = 3 * (y * w + x);
        for (int c = 0; c < 3; c++) {
            sample[c] += (float) (weight * (rgb[at + c] & 0xff));
        }
    }

    @Override
    public void close() {
        video.close();
    }
}
