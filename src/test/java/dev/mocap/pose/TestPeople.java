package dev.mocap.pose;

import dev.mocap.video.VideoInfo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/** Hand-made tracked people for tests that need no model: each a figure of a given size standing at a given place. */
final class TestPeople {
    static final int WIDTH = 640, HEIGHT = 480;
    static final double FPS = 30;

    /** A person whose landmarks spread over a square of side {@code size} around (x, y); point i is offset by its index. */
    static Landmarks figure(double x, double y, double size) {
        float[] image = new float[3 * BlazePose.COUNT], world = new float[3 * BlazePose.COUNT];
        float[] visibility = new float[BlazePose.COUNT], presence = new float[BlazePose.COUNT];
        for (int i = 0; i < BlazePose.COUNT; i++) {
            image[3 * i] = (float) (x + size * ((i % 5) / 10.0 - 0.2));
            image[3 * i + 1] = (float) (y + size * (i / 33.0 - 0.5));
            image[3 * i + 2] = i;
            world[3 * i] = i / 100f;
            world[3 * i + 1] = -i / 50f;
            world[3 * i + 2] = 0.01f * (i % 3);
            visibility[i] = 0.9f;
            presence[i] = 0.95f;
        }
        return new Landmarks(image, world, visibility, presence, 0.99f, new Roi(x, y, size, 0.1));
    }

    /** {@code frames} frames; in each, every person the function gives a figure for (id → figure, or an empty map). */
    static PeopleSequence sequence(int frames, IntFunction<Map<Integer, Landmarks>> people) {
        List<PeopleFrame> out = new ArrayList<>();
        for (int i = 0; i < frames; i++) {
            List<TrackedPose> here = new ArrayList<>();
            people.apply(i).entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> here.add(new TrackedPose(e.getKey(), e.getValue())));
            out.add(new PeopleFrame(i, i / FPS, here));
        }
        VideoInfo video = new VideoInfo(Path.of("people.mp4"), WIDTH, HEIGHT, FPS, frames, 0, frames / FPS, "h264");
        return new PeopleSequence(video, "test", out, List.of());
    }

    private TestPeople() {
    }
}
