package dev.mocap.video;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The messy inputs a batch meets, written by the tests into a folder (nothing of it is
 * committed): broken files that must fail with their reason, and awkward but valid videos of a
 * person (three frames, 4K, a phone's rotated portrait, variable frame rate, a name
 * with spaces and non-ASCII letters) made from the frames of a real clip.
 */
public final class BadInputCorpus {
    /** What a file must give: a conversion, or a failure whose message contains {@code reason}. */
    public record Case(Path file, String reason) {
        public boolean converts() {
            return reason == null;
        }
    }

    private static final int FPS = 30;

    /** Writes the corpus into {@code dir}, using the first frames of {@code personVideo}. */
    public static List<Case> write(Path dir, Path personVideo) throws IOException {
        List<VideoFrame> person = firstFrames(personVideo, 12);
        int w = person.get(0).width(), h = person.get(0).height();
        List<Case> cases = new ArrayList<>();
        cases.add(fails(Files.createFile(dir.resolve("zero bytes.mp4")), "empty (0 bytes)"));
        cases.add(fails(Files.writeString(dir.resolve("notes.mp4"), "not a video\n".repeat(100)), "Not a video"));
        Path whole = TestClip.of(w, h).frames(12).fps(FPS).pixels(frames(person)).writeTo(dir.resolve("whole.mkv.part"));
        cases.add(fails(TestClip.cut(whole, "truncated.mp4", 0.5), "Not a video"));
        Files.delete(whole);
        cases.add(fails(TestClip.writeAudioOnly(dir.resolve("audio only.mp4")), "No video stream"));
        cases.add(fails(TestClip.of(w, h).frames(10).writeTo(dir.resolve("empty room.mp4")), "no person found"));
        // One pose is a one-frame animation (a still to pose a character with).
        cases.add(converts(TestClip.of(w, h).frames(1).fps(FPS).pixels(frames(person)).writeTo(dir.resolve("one frame.mp4"))));
        cases.add(converts(TestClip.of(w, h).frames(3).fps(FPS).pixels(frames(person)).writeTo(dir.resolve("three frames.mp4"))));
        cases.add(converts(TestClip.of(3840, 2160).frames(3).fps(FPS).pixels((width, height, i) -> scaled(person.get(i), width, height))
                .writeTo(dir.resolve("4k.mp4"))));
        cases.add(converts(TestClip.of(h, w).frames(12).fps(FPS).displayRotation(90)
                .pixels((width, height, i) -> TestClip.turnedClockwise(person.get(i))).writeTo(dir.resolve("portrait phone.mov"))));
        long[] uneven = new long[12];
        for (int i = 1; i < uneven.length; i++) {
            uneven[i] = uneven[i - 1] + (i % 3 == 0 ? 66_000 : 33_000);
        }
        cases.add(converts(TestClip.of(w, h).fps(1000).timestampsMicros(uneven).pixels(frames(person))
                .writeTo(dir.resolve("variable frame rate.mp4"))));
        cases.add(converts(TestClip.of(w, h).frames(12).fps(FPS).pixels(frames(person)).writeTo(dir.resolve("Tänzerin — 舞 take 2.mp4"))));
        return cases;
    }

    private static Case fails(Path file, String reason) {
        return new Case(file, reason);
    }

    private static Case converts(Path file) {
        return new Case(file, null);
    }

    private static TestClip.FrameDrawing frames(List<VideoFrame> frames) {
        return (width, height, index) -> frames.get(index).rgb();
    }

    private static List<VideoFrame> firstFrames(Path video, int count) {
        List<VideoFrame> frames = new ArrayList<>();
        try (VideoSource source = VideoSource.open(video)) {
            for (VideoFrame f = source.next(); f != null && frames.size() < count; f = source.next()) {
                frames.add(f);
            }
        }
        return frames;
    }

    /** Nearest-neighbour enlargement to fit {@code width} x {@code height}, centred on black. */
    private static byte[] scaled(VideoFrame f, int width, int height) {
        double scale = Math.min(width / (double) f.width(), height / (double) f.height());
        int left = (int) ((width - f.width() * scale) / 2), top = (int) ((height - f.height() * scale) / 2);
        byte[] out = new byte[width * height * 3];
        for (int y = 0; y < height; y++) {
            int sy = (int) ((y - top) / scale);
            for (int x = 0; x < width; x++) {
                int sx = (int) ((x - left) / scale);
                if (y >= top && x >= left && sy < f.height() && sx < f.width()) {
                    System.arraycopy(f.rgb(), (sy * f.width() + sx) * 3, out, (y * width + x) * 3, 3);
                }
            }
        }
        return out;
    }

    private BadInputCorpus() {
    }
}
