package dev.mocap.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bytedeco.ffmpeg.global.avcodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FfmpegVideoSourceTest {
    private static final double MICROSECOND = 1e-6;

    @TempDir
    Path dir;

    @Test
    void deliversEveryFrameAsRgbWithItsTimestamp() throws IOException {
        int width = 320;
        int height = 240;
        Path clip = TestClip.of(width, height).frames(20).fps(25).writeTo(dir.resolve("pattern.mp4"));

        List<VideoFrame> frames = readAll(clip);

        assertEquals(20, frames.size());
        for (int i = 0; i < frames.size(); i++) {
            VideoFrame frame = frames.get(i);
            assertEquals(i, frame.index());
            assertEquals(i / 25.0, frame.timestamp(), MICROSECOND);
            assertEquals(width, frame.width());
            assertEquals(height, frame.height());
            int middle = height / 2;
            Rgb.assertNear(Rgb.RED, Rgb.at(frame, width / 8, middle), "left quarter of frame " + i);
            Rgb.assertNear(Rgb.BLUE, Rgb.at(frame, width - width / 8, middle), "right quarter of frame " + i);
            int squareCentre = TestClip.squareLeft(width, i) + TestClip.SQUARE / 2;
            Rgb.assertNear(Rgb.WHITE, Rgb.at(frame, squareCentre, middle), "moving square of frame " + i);
            Rgb.assertNear(Rgb.BLACK, Rgb.at(frame, squareCentre + TestClip.SQUARE, middle), "right of the square, frame " + i);
        }
    }

    @Test
    void describesTheVideo() throws IOException {
        Path clip = TestClip.of(320, 240).frames(20).fps(25).writeTo(dir.resolve("pattern.mp4"));

        try (VideoSource source = VideoSource.open(clip)) {
            VideoInfo info = source.info();
            assertEquals(clip, info.file());
            assertEquals(320, info.width());
            assertEquals(240, info.height());
            assertEquals(25, info.fps(), 1e-9);
            assertEquals(20, info.frameCount());
            assertEquals(0.8, info.durationSeconds(), 1e-3);
            assertEquals(0, info.displayRotation());
            assertEquals("h264", info.codec());
        }
    }

    @Test
    void endsWithNullAndStaysEnded() throws IOException {
        Path clip = TestClip.of(64, 48).frames(3).writeTo(dir.resolve("short.mp4"));

        try (VideoSource source = VideoSource.open(clip)) {
            for (int i = 0; i < 3; i++) {
                assertNotNull(source.next());
            }
            assertNull(source.next());
            assertNull(source.next());
            assertEquals(List.of(), source.warnings());
        }
    }

    /**
     * The stored frame is landscape with a red block in its top-left corner. JavaCV's display
     * rotation is counterclockwise, like FFmpeg's; phones held upright write -90. The expected
     * corners are where the FFmpeg command-line tool (autorotate on) puts the block.
     */
    @ParameterizedTest(name = "display rotation {0}")
    @CsvSource({
        "-90, 90, top-right",
        "90, 270, bottom-left",
        "180, 180, bottom-right",
    })
    void turnsRotatedVideoUprightAsPlayersDo(double displayRotation, int clockwise, String redCorner) throws IOException {
        int storedWidth = 192;
        int storedHeight = 108;
        Path clip = TestClip.of(storedWidth, storedHeight).frames(2).displayRotation(displayRotation)
                .pixels((w, h, i) -> TestClip.cornerBlock(w, h, 32, Rgb.GRAY, Rgb.RED))
                .writeTo(dir.resolve("rotated.mp4"));

        try (VideoSource source = VideoSource.open(clip)) {
            VideoInfo info = source.info();
            boolean portrait = clockwise != 180;
            assertEquals(portrait ? storedHeight : storedWidth, info.width());
            assertEquals(portrait ? storedWidth : storedHeight, info.height());
            assertEquals(clockwise, info.displayRotation());

            VideoFrame frame = source.next();
            assertEquals(info.width(), frame.width());
            assertEquals(info.height(), frame.height());
            int inset = 8;
            int right = frame.width() - 1 - inset;
            int bottom = frame.height() - 1 - inset;
            assertEquals(redCorner, cornerOf(frame, Rgb.RED, inset, right, bottom));
            Rgb.assertNear(Rgb.GRAY, Rgb.at(frame, frame.width() / 2, frame.height() / 2), "centre");
        }
    }

    @Test
    void keepsTheTimesOfVariableFrameRateVideo() throws IOException {
        long[] micros = {0, 40_000, 70_000, 150_000, 160_000, 300_000, 310_000, 500_000};
        Path clip = TestClip.of(160, 120).fps(1000).timestampsMicros(micros).writeTo(dir.resolve("vfr.mp4"));

        List<VideoFrame> frames = readAll(clip);

        assertEquals(micros.length, frames.size());
        for (int i = 0; i < micros.length; i++) {
            assertEquals(i, frames.get(i).index());
            assertEquals(micros[i] / 1e6, frames.get(i).timestamp(), MICROSECOND, "frame " + i);
        }
    }

    @Test
    void readsOddSizesWhoseRowsArePadded() throws IOException {
        int width = 161;
        int height = 121;
        Path clip = TestClip.of(width, height).frames(5).writeY4m(dir.resolve("odd.y4m"));

        List<VideoFrame> frames = readAll(clip);

        assertEquals(5, frames.size());
        VideoFrame last = frames.get(4);
        assertEquals(width, last.width());
        assertEquals(height, last.height());
        Rgb.assertNear(Rgb.RED, Rgb.at(last, 10, height - 5), "bottom of the left quarter");
        Rgb.assertNear(Rgb.BLUE, Rgb.at(last, width - 3, height - 5), "bottom right");
        int squareCentre = TestClip.squareLeft(width, 4) + TestClip.SQUARE / 2;
        Rgb.assertNear(Rgb.WHITE, Rgb.at(last, squareCentre, height / 2), "moving square");
    }

    @Test
    void readsUltraHd() throws IOException {
        Path clip = TestClip.of(3840, 2160).frames(3).writeTo(dir.resolve("uhd.mp4"));

        List<VideoFrame> frames = readAll(clip);

        assertEquals(3, frames.size());
        VideoFrame last = frames.get(2);
        assertEquals(3840, last.width());
        assertEquals(2160, last.height());
        Rgb.assertNear(Rgb.BLUE, Rgb.at(last, 3800, 2100), "bottom right");
    }

    @Test
    void stretchesNonSquarePixelsAsPlayersShowThem() throws IOException {
        Path clip = TestClip.of(160, 120).frames(2).sampleAspectRatio(2).writeTo(dir.resolve("anamorphic.mp4"));

        try (VideoSource source = VideoSource.open(clip)) {
            assertEquals(320, source.info().width());
            assertEquals(120, source.info().height());
            VideoFrame frame = source.next();
            assertEquals(320, frame.width());
            Rgb.assertNear(Rgb.BLUE, Rgb.at(frame, 310, 60), "right quarter");
        }
    }

    @Test
    void deliversTheFramesOfATruncatedFileThenWarns() throws IOException {
        Path complete = TestClip.of(320, 240).frames(50).pixels(TestClip::noise)
                .container("matroska", avcodec.AV_CODEC_ID_H264)
                .writeTo(dir.resolve("complete.mkv"));
        Path truncated = TestClip.cut(complete, "truncated.mkv", 0.5);

        try (VideoSource source = VideoSource.open(truncated)) {
            int frames = 0;
            while (source.next() != null) {
                frames++;
            }
            assertTrue(frames > 5 && frames < 50, frames + " frames");
            assertEquals(1, source.warnings().size());
            assertTrue(source.warnings().get(0).contains("truncated.mkv"), source.warnings().get(0));
        }
    }

    private static String cornerOf(VideoFrame frame, int color, int left, int right, int bottom) {
        List<String> corners = new ArrayList<>();
        int top = left;
        if (Rgb.isNear(color, Rgb.at(frame, left, top))) {
            corners.add("top-left");
        }
        if (Rgb.isNear(color, Rgb.at(frame, right, top))) {
            corners.add("top-right");
        }
        if (Rgb.isNear(color, Rgb.at(frame, left, bottom))) {
            corners.add("bottom-left");
        }
        if (Rgb.isNear(color, Rgb.at(frame, right, bottom))) {
            corners.add("bottom-right");
        }
        assertEquals(1, corners.size(), "corners with the marker: " + corners);
        return corners.get(0);
    }

    static List<VideoFrame> readAll(Path clip) {
        try (VideoSource source = VideoSource.open(clip)) {
            List<VideoFrame> frames = new ArrayList<>();
            for (VideoFrame frame = source.next(); frame != null; frame = source.next()) {
                frames.add(frame);
            }
            assertFalse(frames.isEmpty());
            return frames;
        }
    }
}
