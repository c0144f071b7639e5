package dev.mocap.preview;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.mocap.AtomicFiles;
import dev.mocap.ExitCode;
import dev.mocap.MocapException;
import dev.mocap.body.Motion;
import dev.mocap.body.Quat;
import dev.mocap.body.Vec3;
import dev.mocap.format.bvh.BvhWriter;
import dev.mocap.body.Camera;
import dev.mocap.video.VideoWriter;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The sample input the project makes itself: {@link SampleMotion} on the mannequin dressed as a
 * person ({@link BodyLook#PERSON}), filmed by a fixed camera at 960 x 540, 30 fps, written as
 * {@code walk_wave.mp4} with its ground truth {@code walk_wave.bvh} (metres) and the camera in
 * {@code walk_wave.camera.json} (the sidecar's camera fields).
 */
public final class SampleClip {
    public static final String NAME = "walk_wave";
    public static final int WIDTH = 960, HEIGHT = 540;
    private static final double HORIZONTAL_FOV_DEGREES = 55;
    private static final Vec3 CAMERA_POSITION = new Vec3(1.6, 1.45, 4.4), CAMERA_TARGET = new Vec3(0, 0.85, 0);

    /** The files of the sample in a folder. */
    public record Files(Path video, Path groundTruth, Path camera) {
        public static Files in(Path folder) {
            return new Files(folder.resolve(NAME + ".mp4"), folder.resolve(NAME + ".bvh"), folder.resolve(NAME + ".camera.json"));
        }
    }

    /** The camera: level-ish, in front of the walker and to their left, looking at the middle of the walk. */
    public static Camera camera() {
        Vec3 forward = CAMERA_TARGET.minus(CAMERA_POSITION).normalized();
        Vec3 right = forward.cross(Vec3.Y).normalized();
        Vec3 down = forward.cross(right);
        Quat cameraToWorld = Quat.fromColumns(right, down, forward);
        return new Camera(Camera.focalFromFov(HORIZONTAL_FOV_DEGREES, WIDTH), WIDTH / 2.0, HEIGHT / 2.0, WIDTH, HEIGHT,
                cameraToWorld.conjugate(), CAMERA_POSITION);
    }

    /** Renders and writes the sample's three files into a folder. */
    public static Files write(Path folder) {
        Files files = Files.in(folder);
        Motion motion = SampleMotion.walkAndWave();
        Camera camera = camera();
        render(motion, camera, files.video());
        new BvhWriter().write(motion, files.groundTruth());
        AtomicFiles.write(files.camera(), out -> new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out, json(camera)));
        return files;
    }

    /** Renders an SMPL-24 motion on the dressed mannequin as the camera sees it: a video of a person, with exact truth. */
    public static void render(Motion motion, Camera camera, Path video) {
        render(motion, camera, video, BodyLook.PERSON, UnaryOperator.identity());
    }

    /** As {@link #render(Motion, Camera, Path)}, in another outfit, each picture passed through {@code light} before it is written. */
    public static void render(Motion motion, Camera camera, Path video, BodyLook look, UnaryOperator<BufferedImage> light) {
        try (OffscreenRenderer renderer = OffscreenRenderer.start(motion, look, ViewCamera.pinhole(camera), camera.width(),
                camera.height())) {
            VideoWriter writer = VideoWriter.create(video, camera.width(), camera.height(), motion.fps());
            try {
                for (int f = 0; f < motion.frameCount(); f++) {
                    writer.write(light.apply(renderer.render(f)));
                }
                writer.close();
            } catch (RuntimeException e) {
                writer.abort();
                throw e;
            }
        }
    }

    /** Reads a camera written by {@link #write}. */
    public static Camera readCamera(Path file) {
        try {
            return PreviewInput.camera(new ObjectMapper().readTree(file.toFile()));
        } catch (IOException e) {
            throw new MocapException(ExitCode.BAD_INPUT, "cannot read camera " + file + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> json(Camera c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("focal_px", c.focal());
        m.put("principal_point_px", List.of(c.cx(), c.cy()));
        m.put("image_size_px", List.of(c.width(), c.height()));
        m.put("position_m", List.of(c.position().x(), c.position().y(), c.position().z()));
        Quat q = c.worldToCamera();
        m.put("world_to_camera_quaternion_wxyz", List.of(q.w(), q.x(), q.y(), q.z()));
        m.put("camera_axes", "x right, y down, z forward");
        return m;
    }

    private SampleClip() {
    }
}
