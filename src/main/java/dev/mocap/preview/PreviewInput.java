package dev.mocap.preview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mocap.AtomicFiles;
import dev.mocap.ExitCode;
import dev.mocap.MocapException;
import dev.mocap.body.FootContactDetector;
import dev.mocap.body.Motion;
import dev.mocap.body.Quat;
import dev.mocap.body.Skeleton;
import dev.mocap.body.Smpl24;
import dev.mocap.body.Vec3;
import dev.mocap.export.Sidecar;
import dev.mocap.format.bvh.BvhReader;
import dev.mocap.format.gltf.GltfMotionReader;
import dev.mocap.body.Camera;
import dev.mocap.retarget.SmplProxy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a preview shows: an SMPL-24 motion (with foot contacts, detected when the file has none;
 * retargeted outputs are moved back onto SMPL-24, {@link SmplProxy})
 * and, when known, the video it came from, the camera that filmed it and the video time of the
 * motion's first frame.
 */
public record PreviewInput(Motion motion, Path video, Camera camera, double startSeconds) {

    public PreviewInput {
        motion = inSmplOrder(motion);
        if (motion.frameCount() == 0) {
            throw new MocapException(ExitCode.BAD_INPUT, "the motion has no frames");
        }
        if (motion.contacts() == null) {
            motion = motion.withContacts(FootContactDetector.detect(motion));
        }
    }

    /**
     * The motion with its joints in SMPL-24 index order (a BVH lists them depth first), as the
     * mannequin needs; a motion on another humanoid skeleton (a preset's or a character's) moved
     * onto an SMPL-24 skeleton of its proportions first.
     */
    private static Motion inSmplOrder(Motion original) {
        Motion motion;
        try {
            motion = SmplProxy.of(original);
        } catch (IllegalArgumentException e) {
            throw new MocapException(ExitCode.BAD_INPUT, "the preview shows SMPL-24 motions and motions on humanoid rigs; this one has "
                    + e.getMessage() + "; joints " + original.skeleton().names(), e);
        }
        Skeleton s = motion.skeleton();
        int[] from = new int[Smpl24.COUNT];
        for (int j = 0; j < from.length; j++) {
            from[j] = s.indexOf(Smpl24.NAMES.get(j));
            int parent = Smpl24.parents()[j];
            if (from[j] < 0 || s.size() != Smpl24.COUNT || (parent >= 0 && s.parent(from[j]) != s.indexOf(Smpl24.NAMES.get(parent)))) {
                throw new MocapException(ExitCode.BAD_INPUT, "the preview shows SMPL-24 motions (what convert writes); this one has joints "
                        + s.names());
            }
        }
        Vec3[] offsets = new Vec3[from.length], ends = new Vec3[from.length];
        for (int j = 0; j < from.length; j++) {
            offsets[j] = s.offset(from[j]);
            ends[j] = s.endSites()[from[j]];
        }
        Quat[][] rotations = new Quat[motion.frameCount()][from.length];
        for (int f = 0; f < rotations.length; f++) {
            for (int j = 0; j < from.length; j++) {
                rotations[f][j] = motion.rotations().get(f, from[j]);
            }
        }
        return new Motion(new Skeleton(Smpl24.NAMES, Smpl24.parents(), offsets, ends), motion.fps(), motion.rootPositions(), rotations,
                motion.confidence(), motion.contacts());
    }

    /** A motion alone. */
    public static PreviewInput of(Motion motion) {
        return new PreviewInput(motion, null, null, 0);
    }

    /**
     * Reads a BVH in metres or a GLB (as convert writes them) or a {@code .mocap.json} sidecar: its
     * first segment's BVH or GLB, its camera, and its video: {@code video}, else the sidecar's video
     * file next to it, else at the path it was converted from.
     */
    public static PreviewInput read(Path file, Path video) {
        String name = file.getFileName().toString().toLowerCase();
        if (name.endsWith(".bvh") || name.endsWith(".glb")) {
            return new PreviewInput(readMotion(file), video, null, 0);
        }
        if (name.endsWith(".json")) {
            return fromSidecar(file, video);
        }
        throw new MocapException(ExitCode.BAD_INPUT, "cannot preview " + file + ": give a .bvh, a .glb or a .mocap.json that convert wrote");
    }

    private static PreviewInput fromSidecar(Path sidecar, Path video) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(sidecar.toFile());
        } catch (IOException e) {
            throw new MocapException(ExitCode.BAD_INPUT, "cannot read " + sidecar + ": " + AtomicFiles.describe(e), e);
        }
        if (root == null || !Sidecar.SCHEMA.equals(root.path("schema").asText())) {
            throw new MocapException(ExitCode.BAD_INPUT, sidecar + " is not a " + Sidecar.SCHEMA + " sidecar that convert wrote");
        }
        JsonNode segment = root.path("segments").path(0);
        Path folder = sidecar.toAbsolutePath().getParent();
        Path motion = null;
        for (JsonNode f : segment.path("files")) {
            String name = f.asText().toLowerCase();
            if (name.endsWith(".bvh") || (name.endsWith(".glb") && motion == null)) {
                motion = folder.resolve(f.asText());
            }
        }
        if (motion == null) {
            throw new MocapException(ExitCode.BAD_INPUT, sidecar + " lists no BVH or GLB file to preview (convert with --format bvh or glb)");
        }
        if (video == null) {
            video = sourceVideo(root.path("video"), folder);
        }
        return new PreviewInput(readMotion(motion), video, camera(root.path("camera")), segment.path("start_s").asDouble(0));
    }

    /** The video the sidecar names: beside it (the pair was moved together), else where it was converted from. */
    private static Path sourceVideo(JsonNode video, Path folder) {
        for (String field : new String[]{"file", "path"}) {
            if (video.hasNonNull(field)) {
                Path candidate = folder.resolve(video.path(field).asText());
                if (Files.isRegularFile(candidate)) {
                    return candidate;
                }
            }
        }
        return null;
    }

    private static Motion readMotion(Path file) {
        try {
            return file.getFileName().toString().toLowerCase().endsWith(".glb") ? GltfMotionReader.read(file) : BvhReader.read(file, 1);
        } catch (IOException e) {
            throw new MocapException(ExitCode.BAD_INPUT, "cannot read " + file + ": " + AtomicFiles.describe(e), e);
        }
    }

    /** The camera as the sidecar describes it (see README.md, "Sidecar"). */
    static Camera camera(JsonNode c) {
        JsonNode q = c.path("world_to_camera_quaternion_wxyz"), p = c.path("position_m");
        return new Camera(c.path("focal_px").asDouble(), c.path("principal_point_px").path(0).asDouble(),
                c.path("principal_point_px").path(1).asDouble(), c.path("image_size_px").path(0).asInt(),
                c.path("image_size_px").path(1).asInt(),
                new Quat(q.path(0).asDouble(), q.path(1).asDouble(), q.path(2).asDouble(), q.path(3).asDouble()).normalized(),
                new Vec3(p.path(0).asDouble(), p.path(1).asDouble(), p.path(2).asDouble()));
    }
}
