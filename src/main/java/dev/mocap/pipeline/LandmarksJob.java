package dev.mocap.pipeline;

import dev.mocap.AtomicFiles;
import dev.mocap.nn.ModelStore;
import dev.mocap.pose.CompactPeopleFrames;
import dev.mocap.pose.LandmarkSequence;
import dev.mocap.pose.LandmarkStats;
import dev.mocap.pose.LandmarksJson;
import dev.mocap.pose.PeopleFrame;
import dev.mocap.pose.PeopleSequence;
import dev.mocap.pose.PersonSelection;
import dev.mocap.pose.PoseModelPool;
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
 * Video → per-frame landmarks of every person, tracked under stable ids; the people chosen by
 * {@link PoseOptions#person()} are written as a landmarks JSON file, and optionally an overlay
 * video shows everyone tracked with their ids. The models come from this JVM's {@link PoseModelPool},
 * so the jobs of one process load them once.
 *
 * <p>Two stages run at once: a thread decodes a few frames ahead into a bounded queue (it waits
 * when the queue is full), and the caller's thread detects, tracks and runs the landmark model
 * on each frame in order, then hands its pixels back to the decoder for a later frame. A failure
 * on either side stops both: the decoding thread is ended and joined, and no file is written.
 */
public final class LandmarksJob {

    /**
     * What the job produced: everyone tracked, the ids selected (empty when nobody was found),
     * the first selected person's quality summary, and the wall time of the frame loop (decoding
     * and estimation; model loading and file writing excluded).
     */
    public record Result(PeopleSequence people, List<Integer> selected, Map<String, Object> summary, double seconds) {
        public double fps() {
            return people.frames().size() / Math.max(seconds, 1e-9);
        }

        /** The first selected person's landmarks (every frame empty when nobody was found). */
        public LandmarkSequence sequence() {
            return people.person(selected.isEmpty() ? PeopleSequence.NOBODY : selected.get(0));
        }
    }

    /** Is handed each frame's people as soon as they are tracked, in frame order. */
    public interface FrameListener {
        void frame(VideoInfo video, PeopleFrame frame);
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
        return run(video, json, overlay, progress, maxFrames, null);
    }

    /**
     * As {@link #run(Path, Path, Path, Progress)}, handing each frame to {@code listener} as it is
     * tracked; the result keeps only what the figures judged after recovery read ({@link CompactPeopleFrames}).
     */
    public Result run(Path video, Progress progress, FrameListener listener) {
        return run(video, null, null, progress, Integer.MAX_VALUE, listener);
    }

    private Result run(Path video, Path json, Path overlay, Progress progress, int maxFrames, FrameListener listener) {
        long start;
        long end;
        PeopleSequence people;
        try (VideoSource source = new PrefetchingVideoSource(VideoSource.open(video, decoderThreads(options.threads())));
             PoseModelPool.Lease lease = PoseModelPool.shared().lend(models, options)) {
            PoseTracker tracker = new PoseTracker(lease.models(), options.minPoseScore());
            VideoInfo info = source.info();
            VideoWriter writer = overlay == null ? null : VideoWriter.create(overlay, info.width(), info.height(), info.fps());
            try {
                List<PeopleFrame> frames = listener == null ? new ArrayList<>() : new CompactPeopleFrames();
                start = System.nanoTime();
                for (VideoFrame frame = source.next(); frame != null && frames.size() < maxFrames; frame = source.next()) {
                    PeopleFrame found = new PeopleFrame(frame.index(), frame.timestamp(), tracker.track(frame));
                    if (writer != null) {
                        writer.write(LandmarkOverlay.draw(frame, found));
                    }
                    source.recycle(frame);
                    frames.add(found);
                    if (listener != null) {
                        listener.frame(info, found);
                    }
                    progress.update(frames.size(), info.frameCount());
                }
                end = System.nanoTime();
                people = new PeopleSequence(info, options.model().fileBase(), frames, warnings(video, frames, source));
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
        List<Integer> selected = options.person().select(people);
        PeopleSequence result = withSelectionWarnings(people, selected);
        Map<String, Object> summary = LandmarkStats.summarize(result, selected.isEmpty() ? PeopleSequence.NOBODY : selected.get(0));
        if (json != null) {
            AtomicFiles.write(json, out -> LandmarksJson.write(result, selected, summary, out));
        }
        return new Result(result, selected, summary, (end - start) / 1e9);
    }

    /**
     * FFmpeg's decoding threads: the cores that inference leaves, at least one. On two cores
     * FFmpeg's automatic count (three threads) took 12–17 % more CPU per frame than one thread
     * for the same frames, and the decoder keeps ahead of inference on one thread.
     */
    static int decoderThreads(int inferenceThreads) {
        return Math.max(1, Runtime.getRuntime().availableProcessors() - inferenceThreads);
    }

    private static List<String> warnings(Path video, List<PeopleFrame> frames, VideoSource source) {
        List<String> warnings = new ArrayList<>(source.warnings());
        if (frames.isEmpty()) {
            warnings.add("the video " + video.getFileName() + " has no decodable frames");
        } else if (frames.stream().allMatch(f -> f.people().isEmpty())) {
            warnings.add("no person found in " + video.getFileName());
        }
        return warnings;
    }

    /** Says which people {@code --person all} left out as too briefly seen. */
    private PeopleSequence withSelectionWarnings(PeopleSequence people, List<Integer> selected) {
        if (options.person().kind() != PersonSelection.Kind.ALL) {
            return people;
        }
        List<String> left = people.persons().stream().filter(p -> !selected.contains(p)).map(String::valueOf).toList();
        if (left.isEmpty()) {
            return people;
        }
        List<String> warnings = new ArrayList<>(people.warnings());
        warnings.add("people tracked too briefly, left out: " + String.join(", ", left));
        return new PeopleSequence(people.video(), people.model(), people.frames(), warnings);
    }
}
