package dev.mocap.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mocap.format.Format;
import dev.mocap.export.Sidecar;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one conversion left on disk, as its sidecar tells: the animation files and the quality
 * figures. The sidecar is written last, so a sidecar that lists files which all exist marks a
 * conversion that finished.
 *
 * @param frames          video frames the landmarks were estimated on
 * @param animationFrames frames of all animation segments together
 * @param quality         frame-weighted means over the segments
 * @param settings        the conversion's choices ({@link ConversionSettings}); empty in sidecars written before they were kept
 */
record ConvertedFiles(Path sidecar, List<Path> files, int frames, int animationFrames, double detectionRate,
                      Quality quality, List<String> warnings, Map<String, String> settings) {

    /** The sidecar's figures; jitter, foot sliding and ground penetration in mm as in the sidecar. */
    record Quality(double meanConfidence, double accelMmPerFrame2, double footSlidingMmPerFrame, double groundPenetrationMm) {
    }

    /**
     * The earlier conversion of {@code input} to {@code base}, if it finished after the input was
     * last changed, with the same {@code settings} (when its sidecar records them; older ones do
     * not), and wrote every file in {@code formats} that its sidecar lists; otherwise empty.
     */
    static Optional<ConvertedFiles> complete(Path input, Path base, Set<Format> formats, Map<String, String> settings) {
        try {
            return Files.isRegularFile(input) ? complete(Files.getLastModifiedTime(input), base, formats, settings) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** As {@link #complete(Path, Path, Set, Map)}, for an input elsewhere that last changed at {@code inputModified}. */
    static Optional<ConvertedFiles> complete(FileTime inputModified, Path base, Set<Format> formats, Map<String, String> settings) {
        List<Path> planned = ConvertJob.plannedFiles(base, formats);
        Path sidecar = ConvertJob.sidecarFile(base);
        try {
            if (!Files.isRegularFile(sidecar) || inputModified.compareTo(Files.getLastModifiedTime(sidecar)) > 0) {
                return Optional.empty();
            }
            ConvertedFiles done = read(sidecar);
            boolean allThere = done.files().stream().allMatch(ConvertedFiles::nonEmpty);
            boolean allAsked = planned.stream().filter(p -> !p.equals(sidecar)).allMatch(done.files()::contains);
            boolean sameSettings = done.settings().isEmpty() || done.settings().equals(settings);
            return allThere && allAsked && sameSettings ? Optional.of(done) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Whatever an earlier conversion to {@code base} left, as its sidecar lists it; empty without a readable sidecar. */
    static Optional<ConvertedFiles> earlier(Path base) {
        try {
            Path sidecar = ConvertJob.sidecarFile(base);
            return Files.isRegularFile(sidecar) ? Optional.of(read(sidecar)) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Reads the figures of a sidecar. */
    static ConvertedFiles read(Path sidecar) throws IOException {
        JsonNode root = new ObjectMapper().readTree(sidecar.toFile());
        if (root == null || !Sidecar.SCHEMA.equals(root.path("schema").asText())) {
            throw new IOException("not a " + Sidecar.SCHEMA + " sidecar: " + sidecar);
        }
        List<Path> files = new ArrayList<>();
        int animationFrames = 0;
        double confidence = 0, accel = 0, sliding = 0, penetration = 0;
        for (JsonNode segment : root.path("segments")) {
            segment.path("files").forEach(f -> files.add(sidecar.resolveSibling(f.asText())));
            int n = segment.path("frames").asInt();
            JsonNode q = segment.path("quality");
            animationFrames += n;
            double c = 0;
            for (JsonNode v : segment.path("confidence")) {
                c += v.asDouble();
            }
            confidence += c;
            accel += n * q.path("accel_mm_per_frame2").asDouble();
            sliding += n * q.path("foot_sliding_mm_per_frame").asDouble();
            penetration += n * q.path("ground_penetration_mm").asDouble();
        }
        double n = Math.max(1, animationFrames);
        List<String> warnings = new ArrayList<>();
        root.path("warnings").forEach(w -> warnings.add(w.asText()));
        Map<String, String> settings = new LinkedHashMap<>();
        root.path("options").fields().forEachRemaining(e -> settings.put(e.getKey(), e.getValue().asText()));
        JsonNode landmarks = root.path("landmarks");
        return new ConvertedFiles(sidecar, files, landmarks.path("frames").asInt(), animationFrames,
                landmarks.path("detection_rate").asDouble(), new Quality(confidence / n, accel / n, sliding / n, penetration / n),
                warnings, settings);
    }

    private static boolean nonEmpty(Path file) {
        try {
            return Files.isRegularFile(file) && Files.size(file) > 0;
        } catch (IOException e) {
            return false;
        }
    }
}
