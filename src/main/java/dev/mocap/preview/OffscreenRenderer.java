package dev.mocap.preview;

import com.jme3.app.SimpleApplication;
import com.jme3.app.state.AppState;
import com.jme3.math.ColorRGBA;
import com.jme3.system.AppSettings;
import com.jme3.system.JmeContext;
import com.jme3.texture.FrameBuffer;
import com.jme3.texture.Image;
import com.jme3.util.BufferUtils;
import dev.mocap.ExitCode;
import dev.mocap.MocapException;
import dev.mocap.body.Motion;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.ByteBuffer;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Renders the preview scene without a window: a jME application on an offscreen surface (an
 * OpenGL context that needs a display, e.g. Xvfb with Mesa on a server) drawing into a frame
 * buffer that is read back after each frame. The render thread waits for requests, so an idle
 * renderer costs nothing; {@link #render(int)} hands it a frame and waits for the picture.
 */
public final class OffscreenRenderer implements AutoCloseable {
    private static final Logger JME_LOG = Logger.getLogger("com.jme3");
    private static final long START_TIMEOUT_S = 60;

    private record Request(int frame, CompletableFuture<BufferedImage> result) {
    }

    private static final Request STOP = new Request(-1, null);

    private final Scene app;

    private OffscreenRenderer(Scene app) {
        this.app = app;
    }

    /**
     * Starts a renderer of {@code width} x {@code height} pictures of the motion.
     *
     * @throws MocapException (DEVICE_UNAVAILABLE) when no OpenGL context can be created
     */
    public static OffscreenRenderer start(Motion motion, BodyLook look, ViewCamera camera, int width, int height) {
        JME_LOG.setLevel(Level.OFF);
        AppSettings settings = new AppSettings(true);
        settings.setResolution(width, height);
        settings.setAudioRenderer(null);
        settings.setUseInput(false);
        settings.setFrameRate(-1);
        settings.setVSync(false);
        Scene app = new Scene(motion, look, camera, width, height);
        app.setSettings(settings);
        app.setShowSettings(false);
        app.start(JmeContext.Type.OffscreenSurface);
        try {
            app.ready.get(START_TIMEOUT_S, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            app.stop();
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new MocapException(ExitCode.DEVICE_UNAVAILABLE, "cannot start OpenGL for the preview render (" + cause
                    + "); on a server without a display run it under xvfb-run", cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MocapException(ExitCode.FAILURE, "interrupted while starting the preview renderer", e);
        }
        return new OffscreenRenderer(app);
    }

    /** The picture of one frame of the motion. */
    public BufferedImage render(int frame) {
        if (frame < 0 || frame >= app.scene().motion().frameCount()) {
            throw new IllegalArgumentException("frame " + frame + " is outside the motion's " + app.scene().motion().frameCount() + " frames");
        }
        if (app.failure != null) {
            throw new MocapException(ExitCode.FAILURE, "preview render failed: " + app.failure, app.failure);
        }
        CompletableFuture<BufferedImage> result = new CompletableFuture<>();
        app.requests.add(new Request(frame, result));
        try {
            return result.get();
        } catch (ExecutionException e) {
            throw new MocapException(ExitCode.FAILURE, "preview render failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MocapException(ExitCode.FAILURE, "interrupted while rendering the preview", e);
        }
    }

    @Override
    public void close() {
        app.requests.add(STOP);
        try {
            app.stopped.get(START_TIMEOUT_S, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // The context is gone or stuck; nothing more to release from here.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The jME application: renders one requested frame per update and reads it back. */
    private static final class Scene extends SimpleApplication {
        private final Motion motion;
        private final BodyLook look;
        private final ViewCamera viewCamera;
        private final int width, height;
        private final BlockingQueue<Request> requests = new LinkedBlockingQueue<>();
        private final CompletableFuture<Void> ready = new CompletableFuture<>(), stopped = new CompletableFuture<>();
        private volatile Throwable failure;
        private PreviewScene scene;
        private FrameBuffer target;
        private ByteBuffer pixels;

        Scene(Motion motion, BodyLook look, ViewCamera viewCamera, int width, int height) {
            super((AppState[]) null);
            this.motion = motion;
            this.look = look;
            this.viewCamera = viewCamera;
            this.width = width;
            this.height = height;
        }

        PreviewScene scene() {
            return scene;
        }

        @Override
        public void simpleInitApp() {
            scene = new PreviewScene(motion, look, assetManager);
            rootNode.attachChild(scene.root());
            target = new FrameBuffer(width, height, 1);
            target.setDepthTarget(FrameBuffer.FrameBufferTarget.newTarget(Image.Format.Depth));
            target.addColorTarget(FrameBuffer.FrameBufferTarget.newTarget(Image.Format.RGBA8));
            viewPort.setOutputFrameBuffer(target);
            viewPort.setBackgroundColor(new ColorRGBA(0.78f, 0.84f, 0.90f, 1));
            guiViewPort.setEnabled(false);
            scene.addShadows(assetManager, viewPort);
            pixels = BufferUtils.createByteBuffer(width * height * 4);
            ready.complete(null);
        }

        @Override
        public void update() {
            Request request;
            try {
                request = requests.take();
            } catch (InterruptedException e) {
                request = STOP;
            }
            if (request == STOP) {
                context.destroy(false);
                return;
            }
            try {
                scene.show(request.frame());
                viewCamera.place(cam, scene, request.frame());
                super.update();
                pixels.clear();
                renderer.readFrameBuffer(target, pixels);
                request.result().complete(toImage(pixels, width, height));
            } catch (RuntimeException e) {
                request.result().completeExceptionally(e);
            }
        }

        @Override
        public void handleError(String message, Throwable t) {
            failure = new IllegalStateException(message, t);
            ready.completeExceptionally(failure);
            for (Request r; (r = requests.poll()) != null; ) {
                if (r != STOP) {
                    r.result().completeExceptionally(failure);
                }
            }
            stop();
        }

        @Override
        public void destroy() {
            try {
                super.destroy();
            } finally {
                stopped.complete(null);
            }
        }
    }

    /** RGBA rows from the bottom up (OpenGL's order) as a top-down BGR picture. */
    private static BufferedImage toImage(ByteBuffer rgba, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        byte[] bgr = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < height; y++) {
            int src = (height - 1 - y) * width * 4, dst = y * width * 3;
            for (int x = 0; x < width; x++, src += 4, dst += 3) {
                bgr[dst] = rgba.get(src + 2);
                bgr[dst + 1] = rgba.get(src + 1);
                bgr[dst + 2] = rgba.get(src);
            }
        }
        return image;
    }
}
