package dev.mocap.pipeline;

import dev.mocap.format.Format;
import dev.mocap.recover.RecoveryOptions;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The choices of a conversion that shape what it writes, as plain strings: the sidecar keeps them
 * ({@code options}) so that a batch rerun can tell whether an earlier output was made as asked now.
 * Threads and device are left out: they change how fast, not what.
 */
final class ConversionSettings {

    static Map<String, String> of(ConvertJob.Options o) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("model", o.pose().model().name().toLowerCase(Locale.ROOT));
        m.put("min_detection_score", number(o.pose().minDetectionScore()));
        m.put("min_pose_score", number(o.pose().minPoseScore()));
        m.put("person", o.pose().person().toString());
        RecoveryOptions r = o.recovery();
        m.put("focal_px", number(r.focalPx()));
        m.put("fov_degrees", number(r.fovDegrees()));
        m.put("height_m", number(r.subjectHeight()));
        m.put("fps", number(r.fps()));
        m.put("keep_camera_frame", Boolean.toString(r.keepCameraFrame()));
        m.put("max_gap_s", number(r.maxGapSeconds()));
        m.put("fit_smoothness", number(r.smoothness()));
        m.put("recovery", r.recoveryName());
        m.put("floor", o.floor().cliName());
        m.put("smoothing", o.smoothing().cliName());
        m.put("foot_lock", Boolean.toString(o.footLock()));
        m.put("formats", o.formats().stream().map(Format::extension).sorted().collect(Collectors.joining(",")));
        m.put("bvh_unit", o.exporters().bvh().unit().name().toLowerCase(Locale.ROOT));
        m.put("fbx_version", o.exporters().fbx().version().name());
        m.put("body", o.exporters().gltf().body().name().toLowerCase(Locale.ROOT));
        m.put("preset", o.retargeting().preset());
        m.put("rig", o.retargeting().rig() == null ? "" : o.retargeting().rig().name());
        return m;
    }

    /** "auto" for a choice left to the tool (NaN), else the number as Java prints it. */
    private static String number(double v) {
        return Double.isNaN(v) ? "auto" : Double.toString(v);
    }

    private ConversionSettings() {
    }
}
