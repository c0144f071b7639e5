package dev.mocap.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mocap.ExitCode;
import dev.mocap.TestData;
import dev.mocap.format.bvh.BvhReader;
import dev.mocap.nn.ModelStore;
import dev.mocap.pipeline.LandmarksJob;
import dev.mocap.pipeline.Progress;
import dev.mocap.pose.LandmarkStats;
import dev.mocap.pose.Landmarks;
import dev.mocap.pose.LandmarksJson;
import dev.mocap.pose.PeopleFrame;
import dev.mocap.pose.PeopleSequence;
import dev.mocap.pose.PoseOptions;
import dev.mocap.pose.Roi;
import dev.mocap.pose.TrackedPose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --person} on the command line: a landmarks file holding two people (the dancer of
 * {@code pose_1.mp4} as person 1, and a copy of her moved right and shrunk as person 4).
 */
class ConvertPeopleTest {
    private static final int FRAMES = 60;

    @TempDir
    Path dir;

    private Path twoPeople() throws IOException {
        PeopleSequence one = new LandmarksJob(ModelStore.locate(), PoseOptions.defaults())
                .run(TestData.file("video/tfjs/pose_1.mp4"), null, null, Progress.silent(), FRAMES).people();
        int id = one.persons().get(0);
        List<PeopleFrame> frames = new ArrayList<>();
        for (PeopleFrame f : one.frames()) {
            Landmarks l = f.landmarksOf(id);
            frames.add(new PeopleFrame(f.index(), f.timestamp(), l == null ? List.of()
                    : List.of(new TrackedPose(1, l), new TrackedPose(4, movedAndShrunk(l)))));
        }
        PeopleSequence two = new PeopleSequence(one.video(), one.model(), frames, List.of());
        Path file = dir.resolve("two.landmarks.json");
        try (OutputStream out = Files.newOutputStream(file)) {
            LandmarksJson.write(two, List.of(1, 4), LandmarkStats.summarize(two, 1), out);
        }
        return file;
    }

    /** Image points 200 px to the right and at 80 % of the size (about the hips): a smaller person beside her. */
    private static Landmarks movedAndShrunk(Landmarks l) {
        float[] image = l.image().clone();
        double cx = l.roi().centerX(), cy = l.roi().centerY();
        for (int i = 0; i < image.length; i += 3) {
            image[i] = (float) (cx + 200 + 0.8 * (image[i] - cx));
            image[i + 1] = (float) (cy + 0.8 * (image[i + 1] - cy));
            image[i + 2] *= 0.8f;
        }
        Roi r = l.roi();
        return new Landmarks(image, l.world(), l.visibility(), l.presence(), l.score(),
                new Roi(r.centerX() + 200, r.centerY(), 0.8 * r.size(), r.rotation()));
    }

    @Test
    void allWritesOneAnimationAndSidecarPerPerson() throws IOException {
        Path json = twoPeople();
        CliRun run = CliRun.of("convert", json.toString(), "-o", dir.resolve("out").toString(), "--person", "all");
        assertEquals(ExitCode.OK, run.exit(), run.err());
        for (int person : List.of(1, 4)) {
            assertTrue(BvhReader.read(dir.resolve("out.person" + person + ".bvh"), 1).frameCount() > FRAMES / 2);
            assertEquals(person, new ObjectMapper().readTree(dir.resolve("out.person" + person + ".mocap.json").toFile())
                    .get("landmarks").get("person").asInt());
        }
        assertTrue(run.out().contains("person 4 in"), run.out());
        assertEquals(List.of("out.person1.bvh", "out.person1.mocap.json", "out.person4.bvh", "out.person4.mocap.json", "two.landmarks.json"),
                names());

        CliRun again = CliRun.of("convert", "-q", json.toString(), "-o", dir.resolve("out").toString(), "--person", "all");
        assertEquals(ExitCode.OUTPUT_FAILED, again.exit(), "existing files are kept without --force");
        assertEquals(1, again.errorLines(), again.err());
    }

    @Test
    void oneChosenPersonKeepsThePlainNames() throws IOException {
        Path json = twoPeople();
        CliRun largest = CliRun.of("convert", "-q", json.toString(), "-o", dir.resolve("big").toString());
        assertEquals(ExitCode.OK, largest.exit(), largest.err());
        assertEquals(1, new ObjectMapper().readTree(dir.resolve("big.mocap.json").toFile()).get("landmarks").get("person").asInt(),
                "the larger of the two");
        CliRun four = CliRun.of("convert", "-q", json.toString(), "-o", dir.resolve("small").toString(), "--person", "4");
        assertEquals(ExitCode.OK, four.exit(), four.err());
        assertEquals(4, new ObjectMapper().readTree(dir.resolve("small.mocap.json").toFile()).get("landmarks").get("person").asInt());
        assertEquals(List.of("big.bvh", "big.mocap.json", "small.bvh", "small.mocap.json", "two.landmarks.json"), names());
    }

    @Test
    void anUnknownPersonIsOneClearError() throws IOException {
        Path json = twoPeople();
        CliRun run = CliRun.of("convert", "-q", json.toString(), "-o", dir.resolve("x").toString(), "--person", "3");
        assertEquals(ExitCode.BAD_INPUT, run.exit(), run.err());
        assertEquals(1, run.errorLines(), run.err());
        assertTrue(run.err().contains("no person 3") && run.err().contains("people tracked: 1, 4"), run.err());
        assertEquals(List.of("two.landmarks.json"), names());
        CliRun bad = CliRun.of("convert", "-q", json.toString(), "--person", "biggest");
        assertEquals(ExitCode.USAGE, bad.exit(), bad.err());
        assertTrue(bad.err().contains("--person is largest, all or a person id"), bad.err());
    }

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
