package dev.mocap.preview;

import dev.mocap.AtomicFiles;
import dev.mocap.ExitCode;
import dev.mocap.MocapException;
import dev.mocap.body.Motion;
import dev.mocap.video.VideoFrame;
import dev.mocap.video.VideoSource;
import dev.mocap.video.VideoWriter;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The preview as pictures: the 3D view of the mannequin (following the subject) with the frame
 * number, time and foot contacts written on it; when the source video is known, the video with
 * the motion's skeleton projected by its camera on the left and the 3D view on the right. Written
 * as an MP4 of every frame ({@link #renderVideo}) or a PNG of one ({@link #renderPicture}).
 */
public final class PreviewRenderer {
    /** Side panel aspect (width / height) of the 3D view next to a video, and alone. */
    private static final double ASPECT_BESIDE_VIDEO = 4.0 / 3, ASPECT_ALONE = 16.0 / 9;
    private static final ViewCamera VIEW = ViewCamera.following(28, 10, 3.8f);

    /** How long a video render took, for the frames/s figure. */
    public record Stats(int frames, double seconds) {
        public double fps() {
            return frames / seconds;
        }
    }

    private final PreviewInput input;
    private final int height;

    /** A renderer of pictures {@code height} pixels high (even). */
    public PreviewRenderer(PreviewInput input, int height) {
        if (height < 64 || height % 2 != 0) {
            throw new IllegalArgumentException("the preview height must be even and at least 64 pixels, not " + height);
        }
        this.input = input;
        this.height = height;
    }

    /** Every frame of the motion as an MP4 at its frame rate. */
    public Stats renderVideo(Path out) {
        Motion motion = input.motion();
        long start = System.nanoTime();
        try (VideoFrames video = VideoFrames.open(input.video());
             OffscreenRenderer renderer = OffscreenRenderer.start(motion, BodyLook.SIDES, VIEW, viewWidth(video), height)) {
            VideoWriter writer = null;
            try {
                for (int f = 0; f < motion.frameCount(); f++) {
                    BufferedImage picture = compose(renderer, video, f);
                    if (writer == null) {
                        writer = VideoWriter.create(out, picture.getWidth(), picture.getHeight(), motion.fps());
                    }
                    writer.write(picture);
                }
                writer.close();
            } catch (RuntimeException e) {
                if (writer != null) {
                    writer.abort();
                }
                throw e;
            }
        }
        return new Stats(motion.frameCount(), (System.nanoTime() - start) / 1e9);
    }

    /** One frame as a PNG. */
    public void renderPicture(Path out, int frame) {
        if (frame < 0 || frame >= input.motion().frameCount()) {
            throw new IllegalArgumentException("frame " + frame + " is outside the motion (frames 0 to " + (input.motion().frameCount() - 1) + ")");
        }
        BufferedImage picture;
        try (VideoFrames video = VideoFrames.open(input.video());
             OffscreenRenderer renderer = OffscreenRenderer.start(input.motion(), BodyLook.SIDES, VIEW, viewWidth(video), height)) {
            picture = compose(renderer, video, frame);
        }
        AtomicFiles.write(out, stream -> {
            if (!ImageIO.write(picture, "png", stream)) {
                throw new IllegalStateException("no PNG writer");
            }
        });
    }

    private int viewWidth(VideoFrames video) {
        return even(height * (video == null ? ASPECT_ALONE : ASPECT_BESIDE_VIDEO));
    }

    private BufferedImage compose(OffscreenRenderer renderer, VideoFrames video, int frame) {
        BufferedImage view = renderer.render(frame);
        drawStatus(view, frame);
        if (video == null) {
            return view;
        }
        Motion motion = input.motion();
        VideoFrame source = video.at(input.startSeconds() + frame / motion.fps());
        double scale = (double) height / source.height();
        int videoWidth = even(source.width() * scale);
        BufferedImage picture = new BufferedImage(videoWidth + view.getWidth(), height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = picture.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(LandmarkOverlay.toImage(source), 0, 0, videoWidth, height, null);
        if (input.camera() != null) {
            ProjectedSkeleton.draw(g, motion.skeleton(), motion.jointPositions(frame), input.camera(), scale);
        }
        g.drawImage(view, videoWidth, 0, null);
        g.dispose();
        return picture;
    }

    private void drawStatus(BufferedImage view, int frame) {
        Motion motion = input.motion();
        boolean left = motion.contacts().left()[frame], right = motion.contacts().right()[frame];
        String text = String.format(Locale.ROOT, "frame %d / %d   %.2f s   contact: %s", frame + 1, motion.frameCount(), frame / motion.fps(),
                left && right ? "both feet" : left ? "left foot" : right ? "right foot" : "none");
        Graphics2D g = view.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        int size = Math.max(11, height / 36);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, size));
        g.setColor(new Color(20, 20, 30));
        g.drawString(text, size / 2 + 1, size * 3 / 2 + 1);
        g.setColor(Color.WHITE);
        g.drawString(text, size / 2, size * 3 / 2);
        g.dispose();
    }

    private static int even(double pixels) {
        int p = (int) Math.round(pixels);
        return p + (p & 1);
    }

    /** The source video read forward, frame by frame, as the preview's time advances. */
    private static final class VideoFrames implements AutoCloseable {
        private final VideoSource source;
        private VideoFrame current, next;

        private VideoFrames(VideoSource source) {
            this.source = source;
            this.current = source.next();
            this.next = current == null ? null : source.next();
            if (current == null) {
                source.close();
                throw new MocapException(ExitCode.BAD_INPUT, "the video " + source.info().file() + " has no frames");
            }
        }

        /** The video's frames, or null when there is no video. */
        static VideoFrames open(Path video) {
            return video == null ? null : new VideoFrames(VideoSource.open(video));
        }

        /** The frame shown at a time (the last one that started by then); times only move forward. */
        VideoFrame at(double seconds) {
            double halfFrame = 0.5 / source.info().fps();
            while (next != null && next.timestamp() <= seconds + halfFrame) {
                current = next;
                next = source.next();
            }
            return current;
        }

        @Override
        public void close() {
            source.close();
        }
    }
}
