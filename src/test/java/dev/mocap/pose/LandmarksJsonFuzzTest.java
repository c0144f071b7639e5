package dev.mocap.pose;

import dev.mocap.Fuzz;
import dev.mocap.video.VideoInfo;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A damaged landmarks file gives an IOException naming the file and the problem, never a crash. */
class LandmarksJsonFuzzTest {

    @Test
    void damagedFilesGiveAClearError() throws IOException {
        byte[] valid = validFile();
        assertEquals(4, LandmarksJson.read(new ByteArrayInputStream(valid), "take.landmarks.json").frames().size());
        Fuzz.Outcome outcome = new Fuzz(valid, 3).run(3000, 60, bytes -> {
            PeopleSequence people = LandmarksJson.read(new ByteArrayInputStream(bytes), "take.landmarks.json");
            for (int person : people.persons()) {
                LandmarkStats.summarize(people.person(person));
            }
        }, e -> e instanceof IOException && e.getMessage().startsWith("take.landmarks.json") && !e.getMessage().contains("\n"));
        System.out.printf("landmarks JSON fuzz: %d damaged files, %d refused with a clear error, %d still read%n",
                outcome.cases(), outcome.rejected(), outcome.accepted());
        assertTrue(outcome.rejected() > outcome.cases() / 10);
    }

    /** Four frames of two people, the third frame without the first person. */
    private static byte[] validFile() throws IOException {
        Random random = new Random(1);
        List<PeopleFrame> frames = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            List<TrackedPose> people = new ArrayList<>();
            for (int person = 1; person <= 2; person++) {
                if (i != 2 || person != 1) {
                    people.add(new TrackedPose(person, new Landmarks(randoms(random, 99, 400), randoms(random, 99, 1),
                            randoms(random, 33, 1), randoms(random, 33, 1), 0.9f, new Roi(320, 240, 300, 0.1))));
                }
            }
            frames.add(new PeopleFrame(i, i / 30.0, people));
        }
        PeopleSequence people = new PeopleSequence(new VideoInfo(Path.of("take.mp4"), 640, 480, 30, 4, 0, 4 / 30.0, "h264"),
                "pose_landmark_full", frames, List.of("a warning"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LandmarksJson.write(people, List.of(1, 2), Map.of("frames", 4), out);
        return out.toByteArray();
    }

    private static float[] randoms(Random random, int n, float scale) {
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = random.nextFloat() * scale;
        }
        return out;
    }
}
