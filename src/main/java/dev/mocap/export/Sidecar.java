package dev.mocap.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.mocap.AtomicFiles;
import dev.mocap.body.Motion;
import dev.mocap.body.MotionMetrics;
import dev.mocap.body.Skeleton;
import dev.mocap.body.Smpl24;
import dev.mocap.body.Vec3;
import dev.mocap.filter.ImageEvidence;
import dev.mocap.body.Camera;
import dev.mocap.recover.Recovery;
import dev.mocap.recover.Segment;
import dev.mocap.retarget.ExportPreset;
import dev.mocap.retarget.Retargeting;
import dev.mocap.retarget.SourceJoint;
import dev.mocap.video.VideoInfo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The small JSON file written beside each conversion ({@code mocap.convert/1}, described in
 * README.md): what the animation files are, the camera, the skeleton, per-frame confidence,
 * quality figures and warnings.
 */
public final class Sidecar {
    public static final String SCHEMA = "mocap.convert/1";

    /**
     * One recovered segment (after smoothing and foot locking, on the recovered skeleton), its
     * quality figures from the motion alone and against the image, and the motion as written to
     * the animation files (retargeted, resampled).
     */
    public record Output(List<Path> files, Segment segment, MotionMetrics metrics, ImageEvidence evidence, Motion written) {

        /** What the user should know about this output's quality, in words. */
        public List<String> warnings() {
            List<String> all = new ArrayList<>(metrics.warnings());
            all.addAll(evidence.warnings());
            return all;
        }
    }

    /**
     * How the recovered motion was processed and mapped before it was written: {@code recovery},
     * the --recovery method; {@code floor}, the --floor choice, moved the motion up by
     * {@code floorRaisedM}; {@code options}: every choice of the conversion that shapes its
     * output, by name (what a batch rerun compares); {@code smplSkeleton}: with --smpl-model the
     * skeleton of the SMPL body the files carry (the sidecar's {@code skeleton}, the measured one
     * then {@code measured_skeleton}), else null.
     */
    public record Settings(String recovery, String smoothing, boolean footLock, String floor, double floorRaisedM,
                           Retargeting retargeting, Map<String, String> options, Skeleton smplSkeleton) {
    }

    public static void write(Path target, VideoInfo video, Recovery recovery, List<Output> outputs, Map<String, Object> landmarkSummary,
                             Settings settings) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schema", SCHEMA);
        // Keys in a fixed order (Map.of's order changes from JVM to JVM): batch and Spark's executor JVMs write the same bytes.
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("file", video.file().getFileName().toString());
        file.put("path", video.file().toAbsolutePath().normalize().toString());
        file.put("width", video.width());
        file.put("height", video.height());
        file.put("fps", video.fps());
        file.put("duration_s", video.durationSeconds());
        root.put("video", file);
        root.put("camera", camera(recovery.camera()));
        if (settings.smplSkeleton() != null) {
            root.put("skeleton", skeleton(settings.smplSkeleton()));
            root.put("measured_skeleton", skeleton(recovery.skeleton()));
        } else {
            root.put("skeleton", skeleton(recovery.skeleton()));
        }
        Map<String, Object> processing = new LinkedHashMap<>();
        processing.put("recovery", settings.recovery());
        processing.put("smoothing", settings.smoothing());
        processing.put("foot_lock", settings.footLock());
        processing.put("floor", settings.floor());
        processing.put("floor_raised_m", round(settings.floorRaisedM(), 1e4));
        root.put("processing", processing);
        root.put("options", settings.options());
        root.put("target", target(settings.retargeting(), outputs.isEmpty() ? recovery.skeleton() : outputs.get(0).written().skeleton()));
        List<Object> segments = new ArrayList<>();
        for (Output o : outputs) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("files", o.files().stream().map(f -> f.getFileName().toString()).toList());
            s.put("fps", o.written().fps());
            s.put("frames", o.written().frameCount());
            s.put("start_s", round(o.segment().startTime(), 1e4));
            s.put("interpolated_frames", o.segment().interpolatedCount());
            s.put("quality", quality(o.metrics(), o.evidence()));
            double[] confidence = o.written().confidence();
            List<Double> c = new ArrayList<>();
            for (double v : confidence) {
                c.add(round(v, 1e3));
            }
            s.put("confidence", c);
            segments.add(s);
        }
        root.put("segments", segments);
        root.put("landmarks", landmarkSummary);
        List<String> warnings = new ArrayList<>(recovery.warnings());
        outputs.forEach(o -> warnings.addAll(o.warnings()));
        root.put("warnings", warnings);
        AtomicFiles.write(target, out -> new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out, root));
    }

    /** The quality figures, as README.md ("Quality figures") defines them. */
    private static Map<String, Object> quality(MotionMetrics m, ImageEvidence e) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("accel_mm_per_frame2", round(m.accelMmPerFrame2(), 1e2));
        q.put("foot_sliding_mm_per_frame", round(e.footSlidingMmPerFrame(), 1e2));
        q.put("foot_sliding_support_mm_per_frame", round(m.footSlidingMmPerFrame(), 1e2));
        q.put("ground_penetration_mm", round(m.groundPenetrationMm(), 1e2));
        q.put("lowest_foot_mm", round(m.lowestFootMm(), 1e1));
        q.put("lowest_foot_p90_mm", round(m.lowestFootP90Mm(), 1e1));
        q.put("still_foot_height_mm", finite(round(e.stillFootHeightMm(), 1e1)));
        q.put("foot_contact_fraction", round(m.contactFraction(), 1e3));
        q.put("still_foot_fraction", round(e.stillFootFraction(), 1e3));
        Map<String, Object> reprojection = new LinkedHashMap<>();
        e.reprojectionPx().forEach((limb, px) -> reprojection.put(limb, finite(round(px, 1e1))));
        q.put("reprojection_px", reprojection);
        return q;
    }

    /** JSON has no NaN: a figure that could not be measured is null. */
    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    /**
     * The skeleton of the animation files: the preset, the rig's bone names, and for a rig the
     * SMPL-24 joint each bone follows (what an importer needs to map the bones to its own humanoid),
     * and how the map found each bone (--bone-map, VRM humanoid, name, spine chain, skeleton shape).
     */
    private static Map<String, Object> target(Retargeting retargeting, Skeleton written) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("preset", retargeting.preset());
        m.put("rig", retargeting.rig() == null ? ExportPreset.SMPL : retargeting.rig().name());
        m.put("root_motion", retargeting.rootMotion().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        m.put("bones", written.names());
        Map<String, String> follows = new LinkedHashMap<>(), foundBy = new LinkedHashMap<>();
        for (int b = 0; b < written.size(); b++) {
            String joint = retargeting.rig() == null ? written.names().get(b) : fullJoint(retargeting.rig().map().of(b));
            if (joint != null) {
                follows.put(written.names().get(b), joint);
            }
            String how = retargeting.rig() == null ? null : retargeting.rig().map().how().get(b);
            if (how != null) {
                foundBy.put(written.names().get(b), how);
            }
        }
        m.put("smpl_joint_of_bone", follows);
        m.put("bone_map_found_by", foundBy);
        return m;
    }

    private static String fullJoint(SourceJoint source) {
        return source != null && source.isFull() ? Smpl24.NAMES.get(source.joint()) : null;
    }

    private static Map<String, Object> camera(Camera c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("focal_px", round(c.focal(), 1e2));
        m.put("principal_point_px", List.of(c.cx(), c.cy()));
        m.put("image_size_px", List.of(c.width(), c.height()));
        m.put("position_m", vector(c.position()));
        m.put("world_to_camera_quaternion_wxyz", List.of(round(c.worldToCamera().w(), 1e6), round(c.worldToCamera().x(), 1e6),
                round(c.worldToCamera().y(), 1e6), round(c.worldToCamera().z(), 1e6)));
        m.put("camera_axes", "x right, y down, z forward");
        return m;
    }

    private static Map<String, Object> skeleton(Skeleton s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("joints", s.names());
        List<Integer> parents = new ArrayList<>();
        List<Object> offsets = new ArrayList<>();
        for (int j = 0; j < s.size(); j++) {
            parents.add(s.parent(j));
            offsets.add(vector(s.offset(j)));
        }
        m.put("parents", parents);
        m.put("rest_offsets_m", offsets);
        return m;
    }

    private static List<Double> vector(Vec3 v) {
        return List.of(round(v.x(), 1e5), round(v.y(), 1e5), round(v.z(), 1e5));
    }

    private static double round(double v, double precision) {
        return Math.round(v * precision) / precision;
    }

    private Sidecar() {
    }
}
