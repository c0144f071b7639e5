package dev.mocap.preview;

import com.jme3.app.SimpleApplication;
import com.jme3.app.state.AppState;
import com.jme3.font.BitmapText;
import com.jme3.input.ChaseCamera;
import com.jme3.input.KeyInput;
import com.jme3.input.MouseInput;
import com.jme3.input.controls.ActionListener;
import com.jme3.input.controls.KeyTrigger;
import com.jme3.input.controls.MouseButtonTrigger;
import com.jme3.material.Material;
import com.jme3.material.RenderState;
import com.jme3.math.ColorRGBA;
import com.jme3.math.FastMath;
import com.jme3.math.Vector2f;
import com.jme3.scene.Geometry;
import com.jme3.scene.Node;
import com.jme3.scene.Spatial;
import com.jme3.scene.shape.Quad;
import com.jme3.system.AppSettings;
import com.jme3.texture.Image;
import com.jme3.texture.Texture2D;
import com.jme3.texture.image.ColorSpace;
import com.jme3.ui.Picture;
import com.jme3.util.BufferUtils;
import dev.mocap.ExitCode;
import dev.mocap.MocapException;
import dev.mocap.body.Motion;

import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The preview window: the mannequin playing the motion, an orbit camera that follows it (drag to
 * turn, wheel to zoom), a timeline to scrub, play/pause, speed and loop, frame number and time,
 * planted feet marked green, the source video in the top-right corner when known, and the keys
 * on screen.
 */
public final class PreviewWindow extends SimpleApplication {
    private static final Logger JME_LOG = Logger.getLogger("com.jme3");
    private static final String HELP = String.join("\n", "space  play / pause", "left / right  step a frame (hold shift: 10)",
            "up / down  speed x2 / /2", "home / end  first / last frame", "L  loop on / off",
            "click the bar below  jump there", "drag  turn the view,  wheel  zoom", "H  hide this help,  Esc  quit");
    private static final float BAR_HEIGHT = 14, VIDEO_WIDTH = 360;

    private final PreviewInput input;
    private PreviewScene scene;
    private VideoThumbnails video;
    private Image videoImage;
    private final Node focus = new Node("focus");
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile Throwable failure;
    private BitmapText status, help;
    private Geometry barFill;
    private double time, speed = 1;
    private boolean playing = true, loop = true, shift;
    private int shown = -1;

    private PreviewWindow(PreviewInput input) {
        super((AppState[]) null);
        this.input = input;
    }

    /** Opens the window and returns when it is closed. */
    public static void show(PreviewInput input, int width, int height) {
        JME_LOG.setLevel(Level.OFF);
        PreviewWindow app = new PreviewWindow(input);
        AppSettings settings = new AppSettings(true);
        settings.setTitle("mocap preview");
        settings.setResolution(width, height);
        settings.setSamples(4);
        settings.setGammaCorrection(false);
        settings.setVSync(true);
        settings.setAudioRenderer(null);
        app.setSettings(settings);
        app.setShowSettings(false);
        app.setPauseOnLostFocus(false);
        app.start();
        try {
            app.closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (app.failure != null) {
            throw new MocapException(ExitCode.DEVICE_UNAVAILABLE, "cannot open the preview window (" + app.failure + ")", app.failure);
        }
    }

    @Override
    public void handleError(String message, Throwable t) {
        failure = t == null ? new IllegalStateException(message) : t;
        stop();
        closed.countDown();
    }

    @Override
    public void destroy() {
        try {
            super.destroy();
        } finally {
            closed.countDown();
        }
    }

    @Override
    public void simpleInitApp() {
        Motion motion = input.motion();
        scene = new PreviewScene(motion, BodyLook.SIDES, assetManager);
        rootNode.attachChild(scene.root());
        rootNode.attachChild(focus);
        scene.addShadows(assetManager, viewPort);
        viewPort.setBackgroundColor(new ColorRGBA(0.78f, 0.84f, 0.90f, 1));
        setDisplayStatView(false);
        setDisplayFps(false);
        cam.setFrustumPerspective(40, (float) cam.getWidth() / cam.getHeight(), ViewCamera.NEAR, ViewCamera.FAR);
        ChaseCamera chase = new ChaseCamera(cam, focus, inputManager);
        chase.setDefaultDistance(4);
        chase.setMinDistance(0.8f);
        chase.setMaxDistance(30);
        chase.setDefaultHorizontalRotation(FastMath.HALF_PI + 28 * FastMath.DEG_TO_RAD);
        chase.setDefaultVerticalRotation(10 * FastMath.DEG_TO_RAD);
        chase.setMinVerticalRotation(-0.2f);
        chase.setSmoothMotion(false);
        chase.setDragToRotate(true);
        chase.setToggleRotationTrigger(new MouseButtonTrigger(MouseInput.BUTTON_LEFT), new MouseButtonTrigger(MouseInput.BUTTON_RIGHT));
        addHud();
        if (input.video() != null) {
            addVideo();
        }
        addKeys();
        showFrame(0);
    }

    private void addHud() {
        float line = guiFont.getCharSet().getRenderedSize();
        status = new BitmapText(guiFont);
        status.setColor(ColorRGBA.White);
        status.setLocalTranslation(10, cam.getHeight() - 8, 0);
        guiNode.attachChild(status);
        help = new BitmapText(guiFont);
        help.setText(HELP);
        help.setColor(new ColorRGBA(0.1f, 0.1f, 0.15f, 1));
        help.setLocalTranslation(10, cam.getHeight() - 16 - 2 * line, 0);
        guiNode.attachChild(help);
        Geometry bar = new Geometry("bar", new Quad(cam.getWidth(), BAR_HEIGHT));
        bar.setMaterial(flat(new ColorRGBA(0.2f, 0.2f, 0.25f, 0.8f)));
        guiNode.attachChild(bar);
        barFill = new Geometry("bar-fill", new Quad(1, BAR_HEIGHT - 4));
        barFill.setMaterial(flat(new ColorRGBA(0.95f, 0.6f, 0.15f, 1)));
        barFill.setLocalTranslation(0, 2, 1);
        guiNode.attachChild(barFill);
    }

    private void addVideo() {
        Motion motion = input.motion();
        video = VideoThumbnails.read(input.video(), input.startSeconds(), motion.fps(), motion.frameCount(), (int) VIDEO_WIDTH);
        videoImage = new Image(Image.Format.RGB8, video.width(), video.height(), BufferUtils.createByteBuffer(video.width() * video.height() * 3),
                ColorSpace.sRGB);
        Picture picture = new Picture("video");
        picture.setTexture(assetManager, new Texture2D(videoImage), false);
        picture.setWidth(video.width());
        picture.setHeight(video.height());
        picture.setPosition(cam.getWidth() - video.width() - 10, cam.getHeight() - video.height() - 10);
        guiNode.attachChild(picture);
    }

    private void addKeys() {
        inputManager.addMapping("play", new KeyTrigger(KeyInput.KEY_SPACE));
        inputManager.addMapping("back", new KeyTrigger(KeyInput.KEY_LEFT));
        inputManager.addMapping("forward", new KeyTrigger(KeyInput.KEY_RIGHT));
        inputManager.addMapping("faster", new KeyTrigger(KeyInput.KEY_UP));
        inputManager.addMapping("slower", new KeyTrigger(KeyInput.KEY_DOWN));
        inputManager.addMapping("first", new KeyTrigger(KeyInput.KEY_HOME));
        inputManager.addMapping("last", new KeyTrigger(KeyInput.KEY_END));
        inputManager.addMapping("loop", new KeyTrigger(KeyInput.KEY_L));
        inputManager.addMapping("help", new KeyTrigger(KeyInput.KEY_H));
        inputManager.addMapping("shift", new KeyTrigger(KeyInput.KEY_LSHIFT), new KeyTrigger(KeyInput.KEY_RSHIFT));
        inputManager.addMapping("click", new MouseButtonTrigger(MouseInput.BUTTON_LEFT));
        ActionListener keys = (name, pressed, tpf) -> {
            if (name.equals("shift")) {
                shift = pressed;
                return;
            }
            if (!pressed) {
                return;
            }
            int frames = input.motion().frameCount();
            switch (name) {
                case "play" -> playing = !playing;
                case "back" -> jump(shown - (shift ? 10 : 1));
                case "forward" -> jump(shown + (shift ? 10 : 1));
                case "faster" -> speed = Math.min(8, speed * 2);
                case "slower" -> speed = Math.max(1.0 / 8, speed / 2);
                case "first" -> jump(0);
                case "last" -> jump(frames - 1);
                case "loop" -> loop = !loop;
                case "help" -> help.setCullHint(help.getCullHint() == Spatial.CullHint.Always
                        ? Spatial.CullHint.Inherit : Spatial.CullHint.Always);
                case "click" -> {
                    Vector2f cursor = inputManager.getCursorPosition();
                    if (cursor.y <= BAR_HEIGHT) {
                        jump(Math.round(cursor.x / cam.getWidth() * (frames - 1)));
                    }
                }
                default -> {
                }
            }
        };
        inputManager.addListener(keys, "play", "back", "forward", "faster", "slower", "first", "last", "loop", "help", "shift", "click");
    }

    /** Shows a frame and pauses there. */
    private void jump(int frame) {
        int f = Math.max(0, Math.min(input.motion().frameCount() - 1, frame));
        playing = false;
        time = f / input.motion().fps();
        showFrame(f);
    }

    @Override
    public void simpleUpdate(float tpf) {
        Motion motion = input.motion();
        if (playing) {
            time += tpf * speed;
            if (time >= motion.duration()) {
                if (loop) {
                    time %= motion.duration();
                } else {
                    time = (motion.frameCount() - 1) / motion.fps();
                    playing = false;
                }
            }
        }
        showFrame(Math.min(motion.frameCount() - 1, (int) Math.floor(time * motion.fps())));
        status.setText(statusLine());
    }

    private void showFrame(int frame) {
        if (frame == shown) {
            return;
        }
        shown = frame;
        scene.show(frame);
        focus.setLocalTranslation(scene.focus(frame));
        barFill.setLocalScale(Math.max(1, cam.getWidth() * (frame + 1f) / input.motion().frameCount()), 1, 1);
        if (video != null) {
            ByteBuffer data = videoImage.getData(0);
            data.clear();
            data.put(video.frame(frame)).flip();
            videoImage.setUpdateNeeded();
        }
    }

    private String statusLine() {
        Motion motion = input.motion();
        boolean left = motion.contacts().left()[shown], right = motion.contacts().right()[shown];
        return String.format(Locale.ROOT, "frame %d / %d   %.2f / %.2f s   %s   speed x%s   loop %s   planted: %s   (H: help)",
                shown + 1, motion.frameCount(), shown / motion.fps(), motion.duration(), playing ? "playing" : "paused",
                speed >= 1 ? String.valueOf((int) speed) : "1/" + (int) Math.round(1 / speed), loop ? "on" : "off",
                left && right ? "both feet" : left ? "left foot" : right ? "right foot" : "-");
    }

    private Material flat(ColorRGBA colour) {
        Material m = new Material(assetManager, "Common/MatDefs/Misc/Unshaded.j3md");
        m.setColor("Color", colour);
        if (colour.a < 1) {
            m.getAdditionalRenderState().setBlendMode(RenderState.BlendMode.Alpha);
        }
        return m;
    }
}
