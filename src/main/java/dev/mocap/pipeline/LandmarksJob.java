package dev.mocap.pipeline;

import dev.mocap.AtomicFiles;
import dev.mocap.nn.ModelStore;
import dev.mocap.pose.FramePose;
import dev.mocap.pose.LandmarkSequence;
import dev.mocap.pose.LandmarkStats;
import dev.mocap.pose.Landmarks;
import dev.mocap.pose.LandmarksJson;
import dev.mocap.pose.PoseOptions;
import dev.mocap.pose.PoseTracker;
import dev.mocap.preview.LandmarkOverlay;
import dev.mocap.video.PrefetchingVideoSource;
import dev.mocap.video.VideoFrame;
import dev.mocap.video.VideoInfo;
import dev.mocap.video.VideoSource;
import dev.mocap.video.VideoWriter;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Video → per-frame landmarks of one person, written as a landmarks JSON file and optionally an
 * overlay video with the skeleton drawn on the frames.
 */
public final class LandmarksJob {

    /**
     * What the job produced: the landmarks, their quality summary, and the wall time of the frame
     * loop (decoding and estimation; model loading and file writing excluded).
     */
    public record Result(LandmarkSequence sequence, Map<String, Object> summary, double seconds) {
        public double fps() {
            return sequence.frames().size() / Math.max(seconds, 1e-9);
        }
    }

    private final ModelStore models;
    private final PoseOptions options;

    public LandmarksJob(ModelStore models, PoseOptions options) {
        this.models = models;
        this.options = options;
    }

    /**
     * @param json    landmarks file to write, or null
     * @param overlay overlay video to write, or null
     */
    public Result run(Path video, Path json, Path overlay, Progress progress) {
        return run(video, json, overlay, progress, Integer.MAX_VALUE);
    }

    /** As {@link #run(Path, Path, Path, Progress)}, stopping after {@code maxFrames} frames. */
    public Result run(Path video, Path json, Path overlay, Progress progress, int maxFrames) {
        long start;
        long end;
        LandmarkSequence seq;
        try (VideoSource source = new PrefetchingVideoSource(VideoSource.open(video));
             PoseTracker tracker = PoseTracker.open(models, options)) {
            VideoInfo info = source.info();
            VideoWriter writer = overlay == null ? null : VideoWriter.create(overlay, info.width(), info.height(), info.fps());
            try {
                List<FramePose> frames = new ArrayList<>();
                start = System.nanoTime();
                for (VideoFrame frame = source.next(); frame != null && frames.size() < maxFrames; frame = source.next()) {
                    Landmarks landmarks = tracker.track(frame);
                    FramePose pose = new FramePose(frame.index(), frame.timestamp(), landmarks);
                    frames.add(pose);
                    if (writer != null) {
                        writer.write(LandmarkOverlay.draw(frame, pose));
                    }
                    progress.update(frames.size(), info.frameCount());
                }
                end = System.nanoTime();
                seq = new LandmarkSequence(info, options.model().fileBase(), frames, warnings(video, frames, source));
                if (writer != null) {
                    writer.close();
                }
            } catch (RuntimeException e) {
                if (writer != null) {
                    writer.abort();
                }
                throw e;
            } finally {
                progress.finish();
            }
        }
        Map<String, Object> summary = LandmarkStats.summarize(seq);
        if (json != null) {
            AtomicFiles.write(json, out -> LandmarksJson.write(seq, summary, out));
        }
        return new Result(seq, summary, (end - start) / 1e9);
    }

    private static List<String> warnings(Path video, List<FramePose> frames, VideoSource source) {
        List<String> warnings = new ArrayList<>(source.warnings());
        if (frames.isEmpty()) {
            warnings.add("the video " + video.getFileName() + " has no decodable frames");
        } else if (frames.stream().noneMatch(FramePose::hasPerson)) {
            warnings.add("no person found in " + video.getFileName());
        }
        return warnings;
    }
}
