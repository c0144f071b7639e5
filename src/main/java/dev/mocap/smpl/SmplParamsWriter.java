package dev.mocap.smpl;

import dev.mocap.ExitCode;
import dev.mocap.MocapException;
import dev.mocap.body.Motion;
import dev.mocap.body.Quat;
import dev.mocap.body.Skeleton;
import dev.mocap.body.Smpl24;
import dev.mocap.body.Vec3;
import dev.mocap.format.MotionWriter;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An SMPL-24 motion as SMPL parameters in the AMASS layout: {@code poses} [F, 72] (axis-angle,
 * SMPL joint order, joint 0 the global orientation), {@code trans} [F, 3] (metres),
 * {@code betas} [10], {@code gender}, {@code mocap_framerate}; Y up, as SMPL's model frame and
 * the tool's world. Because the tool's rest frames, like SMPL's, are all world-aligned, each
 * joint's local rotation is written unchanged. Without the user's SMPL model the pelvis joint of
 * the SMPL body is unknown: {@code trans} is then the pelvis position itself and {@code betas}
 * are zeros. The tool's own keys {@code mocap_rest_offsets} [24, 3] and {@code mocap_end_sites}
 * [5, 3] (head, left foot, right foot, left hand, right hand) keep the skeleton, so that
 * {@code mocap export} gives back the same joints; SMPL tools ignore them.
 */
public final class SmplParamsWriter {
    static final String REST_OFFSETS = "mocap_rest_offsets", END_SITES = "mocap_end_sites";
    static final int[] END_SITE_JOINTS = {Smpl24.HEAD, Smpl24.LEFT_FOOT, Smpl24.RIGHT_FOOT, Smpl24.LEFT_HAND, Smpl24.RIGHT_HAND};
    private static final int BETAS = 10;

    /** The SMPL body the parameters are for: shape, and the rest position of its pelvis joint J0(β). */
    public record Body(double[] betas, Vec3 pelvis) {
        /** No model given: zero betas, and {@code trans} is the pelvis position. */
        public static final Body NONE = new Body(new double[BETAS], Vec3.ZERO);
    }

    /** The writer of SMPL parameters for this body. */
    public static MotionWriter writer(Body body) {
        return (motion, file) -> write(motion, body, file);
    }

    public static void write(Motion motion, Body body, Path file) {
        Npz.write(file, arrays(motion, body));
    }

    public static Map<String, NpyArray> arrays(Motion motion, Body body) {
        Skeleton skeleton = motion.skeleton();
        if (!skeleton.names().equals(Smpl24.NAMES)) {
            throw new MocapException(ExitCode.BAD_INPUT, "SMPL parameters are written for the SMPL-24 skeleton;"
                    + " this motion has " + skeleton.size() + " joints (first '" + skeleton.name(0) + "')");
        }
        int frames = motion.frameCount();
        double[] poses = new double[frames * 72];
        double[] trans = new double[frames * 3];
        for (int f = 0; f < frames; f++) {
            Quat[] local = motion.rotations().frame(f);
            for (int j = 0; j < Smpl24.COUNT; j++) {
                put(poses, f * 72 + 3 * j, local[j].log());
            }
            put(trans, 3 * f, motion.rootPositions()[f].minus(body.pelvis()));
        }
        double[] offsets = new double[Smpl24.COUNT * 3];
        for (int j = 0; j < Smpl24.COUNT; j++) {
            put(offsets, 3 * j, skeleton.offset(j));
        }
        double[] ends = new double[END_SITE_JOINTS.length * 3];
        for (int i = 0; i < END_SITE_JOINTS.length; i++) {
            Vec3 end = skeleton.endSites()[END_SITE_JOINTS[i]];
            put(ends, 3 * i, end == null ? Vec3.ZERO : end);
        }
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        arrays.put("poses", NpyArray.of(poses, frames, 72));
        arrays.put("trans", NpyArray.of(trans, frames, 3));
        arrays.put("betas", NpyArray.of(body.betas().clone(), body.betas().length));
        arrays.put("gender", NpyArray.text("neutral"));
        arrays.put("mocap_framerate", NpyArray.of(new double[]{motion.fps()}));
        arrays.put(REST_OFFSETS, NpyArray.of(offsets, Smpl24.COUNT, 3));
        arrays.put(END_SITES, NpyArray.of(ends, END_SITE_JOINTS.length, 3));
        return arrays;
    }

    private static void put(double[] out, int at, Vec3 v) {
        out[at] = v.x();
        out[at + 1] = v.y();
        out[at + 2] = v.z();
    }

    private SmplParamsWriter() {
    }
}
