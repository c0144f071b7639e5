package dev.mocap.filter;

import dev.mocap.body.Motion;
import dev.mocap.body.SupportFeet;
import dev.mocap.body.Vec3;
import dev.mocap.pose.LandmarkSequence;
import dev.mocap.body.Camera;
import dev.mocap.recover.Segment;

import java.util.Arrays;
import java.util.Locale;

/**
 * Where the floor (y = 0) goes, after recovery has fitted it ({@code --floor}). Only its height
 * changes: the motion and the camera move up or down together, so the animation still matches
 * the video.
 */
public enum FloorLevel {
    /** The floor recovery fitted through the foot contacts it found. */
    AUTO("the floor recovery fitted"),
    /** Under the lowest the feet go (the 2nd percentile of the lower sole per frame): nothing sinks below it. */
    LOWEST("under the lowest the feet go"),
    /**
     * Under the feet that are still in the image (median height of the lower still foot), or,
     * where no foot is still, of the foot that carries the body: a person standing on a box has
     * the floor put under their feet, not on the ground beside it.
     */
    CONTACTS("under the feet that are still in the image");

    private final String description;

    FloorLevel(String description) {
        this.description = description;
    }

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String description() {
        return description;
    }

    public static FloorLevel parse(String name) {
        for (FloorLevel f : values()) {
            if (f.cliName().equals(name.trim())) {
                return f;
            }
        }
        throw new IllegalArgumentException("--floor is auto, lowest or contacts, not '" + name.trim() + "'");
    }

    /**
     * How far (m) to move the motion and camera up so that the floor is where this choice puts
     * it, judged on {@code segment} (a clip's longest); 0 for {@link #AUTO}.
     */
    public double raise(Segment segment, LandmarkSequence landmarks, Camera camera) {
        Motion motion = segment.motion();
        double[] lowest = SupportFeet.of(motion).lowest().clone();
        if (this == AUTO || lowest.length == 0) {
            return 0;
        }
        Arrays.sort(lowest);
        if (this == LOWEST) {
            return -lowest[(int) Math.round(0.02 * (lowest.length - 1))];
        }
        double still = ImageEvidence.of(motion, segment.startTime(), segment.interpolated(), landmarks, camera).stillFootHeightMm() / 1000;
        return Double.isFinite(still) ? -still : -lowest[lowest.length / 2];
    }

    /** The motion moved up by {@code dy} metres. */
    public static Motion raised(Motion motion, double dy) {
        Vec3[] root = new Vec3[motion.frameCount()];
        for (int f = 0; f < root.length; f++) {
            root[f] = motion.rootPositions()[f].plus(new Vec3(0, dy, 0));
        }
        return new Motion(motion.skeleton(), motion.fps(), root, motion.rotations(), motion.confidence(), motion.contacts());
    }

    /** The camera moved up by {@code dy} metres with the motion. */
    public static Camera raised(Camera camera, double dy) {
        return camera.withPose(camera.worldToCamera(), camera.position().plus(new Vec3(0, dy, 0)));
    }
}
