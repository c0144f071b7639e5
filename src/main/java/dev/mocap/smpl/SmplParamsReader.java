package dev.mocap.smpl;

import dev.mocap.body.AdultSkeleton;
import dev.mocap.body.Motion;
import dev.mocap.body.Quat;
import dev.mocap.body.Skeleton;
import dev.mocap.body.Smpl24;
import dev.mocap.body.Vec3;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * SMPL parameters from an {@code .npz} as a {@link Motion} of the SMPL-24 skeleton. The layouts
 * read (first match wins):
 * <ul>
 * <li><b>AMASS</b>: {@code poses} [F, 72 | 156 (SMPL-H) | 165 (SMPL-X)], {@code trans} [F, 3];
 *     Z up unless the file is one this tool wrote;</li>
 * <li><b>WHAM</b> world: {@code pose_world} [F, 72], {@code trans_world} [F, 3]; Y up;</li>
 * <li><b>VIBE / TCMR / MPS-Net</b> (and WHAM in camera): {@code pose} [F, 72], optional
 *     {@code trans} [F, 3]; camera axes;</li>
 * <li><b>GVHMR / 4D-Humans / smplx</b>: {@code global_orient} [F, 3 | 1×3 | 3×3 | 1×3×3],
 *     {@code body_pose} [F, 63 | 69 | 21×3 | 23×3 | 21×3×3 | 23×3×3], translation
 *     {@code transl} (Y up) or {@code pred_cam_t} / {@code cam_t} (camera axes), or none.</li>
 * </ul>
 * Other keys these tools save (shape, gender, frame rate, weak-perspective cameras, boxes,
 * vertices, joints, hands, face) are accepted and not used; any other key is an error. Joints
 * that a layout lacks (SMPL's hands in SMPL-H/X and 21-joint body poses) stay at rest.
 */
public final class SmplParamsReader {
    /** Keys that belong to the layouts but carry nothing the motion needs. */
    private static final Set<String> IGNORED = Set.of("betas", "gender", "dmpls", "mocap_framerate", "mocap_frame_rate", "fps",
            "mocap_time_length", "surface_model_type", "num_betas", "markers_latent", "latent_labels", "markers_latent_vids",
            "root_orient", "pose_body", "pose_hand", "pose_jaw", "pose_eye", "left_hand_pose", "right_hand_pose", "jaw_pose",
            "leye_pose", "reye_pose", "expression", "pred_cam", "orig_cam", "cam", "bbox", "bboxes", "frame_ids", "joints2d",
            "joints3d", "joints", "verts", "vertices", "focal_length", "K_fullimg", "img_size", "box_center", "box_size",
            "pred_keypoints_3d", "pred_vertices", "pose_world", "trans_world", "pose", "trans", "poses", "global_orient",
            "body_pose", "transl", "pred_cam_t", "cam_t", SmplParamsWriter.REST_OFFSETS, SmplParamsWriter.END_SITES);
    private static final double DEFAULT_FPS = 30;

    /**
     * How to read: {@code axes} overrides the layout's own axes (null: the layout's); {@code fps}
     * is used when the file has no frame rate (NaN: 30 with a note); {@code model}, the user's
     * SMPL model or null, gives the skeleton of the file's betas and the exact pelvis position.
     */
    public record Options(SmplAxes axes, double fps, SmplModel model) {
        public static final Options DEFAULT = new Options(null, Double.NaN, null);
    }

    /** The motion, the layout recognised, the axes it was read in, and notes for the user. */
    public record Result(Motion motion, String layout, SmplAxes axes, double[] betas, List<String> notes) {
    }

    /** Reads; errors are one line beginning with {@code name}. */
    public static Result read(Map<String, NpyArray> arrays, String name, Options options) throws IOException {
        List<String> unknown = arrays.keySet().stream().filter(k -> !IGNORED.contains(k)).toList();
        if (!unknown.isEmpty()) {
            throw new IOException(name + ": unknown key" + (unknown.size() > 1 ? "s " : " ") + describe(arrays, unknown)
                    + "; this file has " + describe(arrays, arrays.keySet()) + " (see the README for the layouts read)");
        }
        Parsed p = parse(arrays, name);
        List<String> notes = new ArrayList<>();
        SmplAxes axes = options.axes() != null ? options.axes() : p.axes;
        double fps = frameRate(arrays, name, options.fps(), notes);
        double[] betas = betas(arrays);
        SmplBody body = options.model() == null ? null : options.model().body(betas);
        Skeleton skeleton = body != null ? body.skeleton() : fileSkeleton(arrays, name, notes);
        boolean pelvisKnown = body != null || arrays.containsKey(SmplParamsWriter.REST_OFFSETS);
        Vec3 pelvis = body != null ? body.pelvis() : Vec3.ZERO;
        Quat turn = axes.toYUp();
        Vec3[] root = new Vec3[p.frames];
        Quat[][] rotations = new Quat[p.frames][];
        for (int f = 0; f < p.frames; f++) {
            rotations[f] = p.rotations[f];
            rotations[f][0] = turn.times(rotations[f][0]);
            root[f] = turn.rotate(pelvis.plus(p.translation == null ? Vec3.ZERO : p.translation[f]));
        }
        if (p.translation == null) {
            notes.add("no translation in the file: the body stays in place");
        }
        Motion motion = new Motion(skeleton, fps, root, rotations);
        if (!pelvisKnown && axes != SmplAxes.CAMERA && p.frames > 0) {
            motion = onTheFloor(motion);
            notes.add("without the SMPL model the pelvis height is unknown: the lowest foot of the clip was put on the floor");
        }
        return new Result(motion, p.layout, axes, betas, notes);
    }

    private record Parsed(String layout, SmplAxes axes, int frames, Quat[][] rotations, Vec3[] translation) {
    }

    private static Parsed parse(Map<String, NpyArray> a, String name) throws IOException {
        if (a.containsKey("poses")) {
            Quat[][] r = jointRotations(a, "poses", name, Smpl24.COUNT, 22, 24, 52, 55);
            boolean ours = a.containsKey(SmplParamsWriter.REST_OFFSETS);
            return new Parsed("AMASS", ours ? SmplAxes.Y_UP : SmplAxes.Z_UP, r.length, r, translation(a, "trans", r.length, name, true));
        }
        if (a.containsKey("pose_world")) {
            Quat[][] r = jointRotations(a, "pose_world", name, Smpl24.COUNT, 24);
            return new Parsed("WHAM (world)", SmplAxes.Y_UP, r.length, r, translation(a, "trans_world", r.length, name, true));
        }
        if (a.containsKey("pose")) {
            Quat[][] r = jointRotations(a, "pose", name, Smpl24.COUNT, 24);
            return new Parsed("VIBE/TCMR", SmplAxes.CAMERA, r.length, r, translation(a, "trans", r.length, name, false));
        }
        if (a.containsKey("global_orient") && a.containsKey("body_pose")) {
            Quat[][] root = jointRotations(a, "global_orient", name, 1, 1);
            Quat[][] body = jointRotations(a, "body_pose", name, Smpl24.COUNT - 1, 21, 23);
            if (body.length != root.length) {
                throw new IOException(name + ": global_orient has " + root.length + " frames, body_pose " + body.length);
            }
            Quat[][] r = new Quat[root.length][];
            for (int f = 0; f < r.length; f++) {
                r[f] = new Quat[Smpl24.COUNT];
                r[f][0] = root[f][0];
                System.arraycopy(body[f], 0, r[f], 1, Smpl24.COUNT - 1);
            }
            for (String key : List.of("transl", "pred_cam_t", "cam_t")) {
                if (a.containsKey(key)) {
                    return new Parsed(key.equals("transl") ? "GVHMR/smplx" : "4D-Humans", key.equals("transl") ? SmplAxes.Y_UP : SmplAxes.CAMERA,
                            r.length, r, translation(a, key, r.length, name, true));
                }
            }
            return new Parsed("global_orient + body_pose", SmplAxes.CAMERA, r.length, r, null);
        }
        throw new IOException(name + ": no SMPL pose parameters (poses, pose_world, pose, or global_orient with body_pose); this file has "
                + describe(a, a.keySet()));
    }

    /**
     * Per frame {@code out} rotations from an array of {@code [F, J·3]}, {@code [F, J, 3]}
     * (axis-angle) or {@code [F, J, 3, 3]} (row-major matrices; {@code [F, 3, 3]} for one joint),
     * J one of {@code accepted}. Past 24 joints (SMPL-H/X: fingers from joint 22 on, face) only
     * the 22 body joints are taken; joints missing stay at rest.
     */
    private static Quat[][] jointRotations(Map<String, NpyArray> arrays, String key, String name, int out, int... accepted)
            throws IOException {
        NpyArray a = arrays.get(key);
        int[] s = a.shape();
        boolean matrices = s.length == 4 || s.length == 3 && s[1] == 3 && s[2] == 3 && !accepts(accepted, 3);
        int count = s.length < 2 ? -1 : matrices ? (s.length == 4 ? s[1] : 1) : s.length == 3 ? s[1] : s[1] / 3;
        boolean shapeOk = !a.isText() && s.length >= 2 && s.length <= 4 && s[0] > 0 && accepts(accepted, count)
                && (matrices ? s[s.length - 1] == 3 && s[s.length - 2] == 3 : s.length == 3 ? s[2] == 3 : s[1] == 3 * count);
        if (!shapeOk) {
            String expected = Arrays.stream(accepted).mapToObj(j -> "(F, " + 3 * j + ")").collect(Collectors.joining(" or "));
            throw new IOException(name + ": " + key + " has shape " + a.shapeText() + (a.isText() ? " of text" : "")
                    + "; expected " + expected + " axis-angle, or the same joints as (F, J, 3) axis-angle or (F, J, 3, 3) matrices");
        }
        int frames = s[0], stride = matrices ? 9 : 3;
        int taken = count > Smpl24.COUNT ? 22 : count;
        Quat[][] rotations = new Quat[frames][out];
        for (int f = 0; f < frames; f++) {
            Arrays.fill(rotations[f], Quat.IDENTITY);
            for (int j = 0; j < taken; j++) {
                int at = (f * count + j) * stride;
                rotations[f][j] = matrices ? matrix(a, at, key, name) : rotationVector(a, at, key, name);
            }
        }
        return rotations;
    }

    private static boolean accepts(int[] accepted, int count) {
        return Arrays.stream(accepted).anyMatch(j -> j == count);
    }

    private static Quat rotationVector(NpyArray a, int at, String key, String name) throws IOException {
        Vec3 v = new Vec3(a.at(at), a.at(at + 1), a.at(at + 2));
        if (!Double.isFinite(v.length())) {
            throw new IOException(name + ": " + key + " holds a value that is not a finite number");
        }
        return Quat.exp(v);
    }

    /** A row-major rotation matrix; refused when it is not close to a rotation. */
    private static Quat matrix(NpyArray a, int at, String key, String name) throws IOException {
        Vec3 c0 = new Vec3(a.at(at), a.at(at + 3), a.at(at + 6));
        Vec3 c1 = new Vec3(a.at(at + 1), a.at(at + 4), a.at(at + 7));
        Vec3 c2 = new Vec3(a.at(at + 2), a.at(at + 5), a.at(at + 8));
        double error = Math.abs(c0.length() - 1) + Math.abs(c1.length() - 1) + Math.abs(c0.dot(c1)) + c0.cross(c1).minus(c2).length();
        if (!(error < 1e-2)) {
            throw new IOException(name + ": " + key + " holds a 3×3 matrix that is not a rotation");
        }
        return Quat.fromColumns(c0, c1, c2);
    }

    private static Vec3[] translation(Map<String, NpyArray> arrays, String key, int frames, String name, boolean required) throws IOException {
        NpyArray a = arrays.get(key);
        if (a == null) {
            if (required) {
                throw new IOException(name + ": " + key + " is missing (the root translation, [" + frames + ", 3])");
            }
            return null;
        }
        if (a.isText() || a.shape().length != 2 || a.shape()[0] != frames || a.shape()[1] != 3) {
            throw new IOException(name + ": " + key + " has shape " + a.shapeText() + "; expected (" + frames + ", 3)");
        }
        Vec3[] out = new Vec3[frames];
        for (int f = 0; f < frames; f++) {
            out[f] = new Vec3(a.at(3 * f), a.at(3 * f + 1), a.at(3 * f + 2));
            if (!Double.isFinite(out[f].length())) {
                throw new IOException(name + ": " + key + " holds a value that is not a finite number");
            }
        }
        return out;
    }

    private static double frameRate(Map<String, NpyArray> arrays, String name, double fallback, List<String> notes) throws IOException {
        for (String key : List.of("mocap_framerate", "mocap_frame_rate", "fps")) {
            NpyArray a = arrays.get(key);
            if (a != null) {
                if (a.isText() || a.size() != 1 || !(a.scalar() > 0 && a.scalar() < 1e5)) {
                    throw new IOException(name + ": " + key + " is not a frame rate (" + (a.isText() || a.size() != 1 ? "shape " + a.shapeText() : a.scalar()) + ")");
                }
                return a.scalar();
            }
        }
        if (Double.isNaN(fallback)) {
            notes.add("no frame rate in the file: " + (int) DEFAULT_FPS + " fps assumed (set it with --fps)");
            return DEFAULT_FPS;
        }
        return fallback;
    }

    /** The skeleton this tool wrote into the file, or the default adult proportions. */
    private static Skeleton fileSkeleton(Map<String, NpyArray> arrays, String name, List<String> notes) throws IOException {
        NpyArray offsets = arrays.get(SmplParamsWriter.REST_OFFSETS), ends = arrays.get(SmplParamsWriter.END_SITES);
        if (offsets == null) {
            notes.add("no SMPL model: the skeleton has the tool's default adult proportions (1.75 m)");
            return AdultSkeleton.smpl24();
        }
        int endCount = SmplParamsWriter.END_SITE_JOINTS.length;
        if (offsets.isText() || !Arrays.equals(offsets.shape(), new int[]{Smpl24.COUNT, 3}) || ends == null || ends.isText()
                || !Arrays.equals(ends.shape(), new int[]{endCount, 3})) {
            throw new IOException(name + ": " + SmplParamsWriter.REST_OFFSETS + " must be (24, 3) and " + SmplParamsWriter.END_SITES
                    + " (5, 3); found " + describe(arrays, List.of(SmplParamsWriter.REST_OFFSETS, SmplParamsWriter.END_SITES)));
        }
        Vec3[] o = new Vec3[Smpl24.COUNT];
        for (int j = 0; j < o.length; j++) {
            o[j] = j == 0 ? Vec3.ZERO : new Vec3(offsets.at(3 * j), offsets.at(3 * j + 1), offsets.at(3 * j + 2));
        }
        Vec3[] e = new Vec3[endCount];
        for (int i = 0; i < endCount; i++) {
            e[i] = new Vec3(ends.at(3 * i), ends.at(3 * i + 1), ends.at(3 * i + 2));
        }
        for (Vec3 v : o) {
            if (!Double.isFinite(v.length())) {
                throw new IOException(name + ": " + SmplParamsWriter.REST_OFFSETS + " holds a value that is not a finite number");
            }
        }
        return Smpl24.skeleton(o, e[0], e[1], e[2], e[3], e[4]);
    }

    private static double[] betas(Map<String, NpyArray> arrays) {
        NpyArray b = arrays.get("betas");
        if (b == null || b.isText() || b.size() == 0) {
            return new double[0];
        }
        int n = b.shape().length == 0 ? 1 : b.shape()[b.shape().length - 1];
        return Arrays.copyOf(b.numbers(), Math.min(n, b.size()));
    }

    /** Shifted up or down so that the lowest ball of a foot in the clip is at y = 0. */
    private static Motion onTheFloor(Motion m) {
        double lowest = Double.POSITIVE_INFINITY;
        for (int f = 0; f < m.frameCount(); f++) {
            Vec3[] p = m.jointPositions(f);
            lowest = Math.min(lowest, Math.min(p[Smpl24.LEFT_FOOT].y(), p[Smpl24.RIGHT_FOOT].y()));
        }
        Vec3 lift = new Vec3(0, -lowest, 0);
        Vec3[] root = Arrays.stream(m.rootPositions()).map(r -> r.plus(lift)).toArray(Vec3[]::new);
        return new Motion(m.skeleton(), m.fps(), root, m.rotations());
    }

    private static String describe(Map<String, NpyArray> arrays, java.util.Collection<String> keys) {
        Map<String, String> shapes = new LinkedHashMap<>();
        keys.forEach(k -> shapes.put(k, arrays.get(k) == null ? "missing" : arrays.get(k).shapeText()));
        return shapes.entrySet().stream().map(e -> "'" + e.getKey() + "' " + e.getValue()).collect(Collectors.joining(", "));
    }

    private SmplParamsReader() {
    }
}
