package dev.mocap.bench;

import dev.mocap.MocapException;
import dev.mocap.body.Motion;
import dev.mocap.body.Quat;
import dev.mocap.body.Skeleton;
import dev.mocap.body.Smpl24;
import dev.mocap.body.SupportFeet;
import dev.mocap.body.Vec3;
import dev.mocap.body.AdultSkeleton;
import dev.mocap.filter.FloorLevel;
import dev.mocap.nn.ModelStore;
import dev.mocap.pipeline.LandmarksJob;
import dev.mocap.pipeline.Progress;
import dev.mocap.pose.LandmarkSequence;
import dev.mocap.pose.PoseOptions;
import dev.mocap.body.FootContactDetector;
import dev.mocap.preview.BodyLook;
import dev.mocap.preview.RandomOutfit;
import dev.mocap.preview.RenderLight;
import dev.mocap.preview.SampleClip;
import dev.mocap.body.Camera;
import dev.mocap.retarget.AutoBoneMap;
import dev.mocap.retarget.ExportPreset;
import dev.mocap.retarget.Retargeting;
import dev.mocap.retarget.Rig;
import dev.mocap.synth.BodyPoints;
import dev.mocap.synth.CorpusClip;
import dev.mocap.synth.RandomCamera;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A corpus clip as a video of a person: its motion moved onto the SMPL-24 mannequin (retargeted
 * onto an adult skeleton, scaled to a 1.70 m body), filmed by a random camera (960×540, seeded by
 * the clip's name) and rendered with the dressed mannequin of the sample clip, or in a varied
 * look. What the recovery makes of the video through the real landmark model can then be compared
 * with the motion itself.
 */
public final class RenderedClips {
    static final int WIDTH = 960, HEIGHT = 540, MAX_FRAMES = 150, VIEWS = 3;
    /** What follows a view's name where it is rendered in a varied look. */
    static final String LOOK = "_look";
    /**
     * How the truth is made (feet held; the retargeter's pelvis path scaled by leg length, its body
     * moved toward the pinned feet before the legs bend, its hip height measured also on skeletons
     * whose legs point up at rest; the takes' calibration frames dropped). In the videos' names and
     * the training views' descriptions, so that nothing rendered by an earlier recipe is read
     * against this truth.
     */
    public static final String RECIPE = "held.stride.shift.legs.start";

    record Clip(String name, Path video, Motion truth, Camera camera) {
    }

    private RenderedClips() {
    }

    /**
     * View {@code view} (0 to {@value #VIEWS} − 1) of the clip rendered into {@code dir} (or the
     * video rendered there before): the views' 5-second windows are spread evenly over the clip
     * and each has its own camera. With {@code variedLook} the mannequin wears a random outfit
     * under random light (as the training views do, seeded by the view's name) instead of the
     * sample's clothes.
     */
    static Clip render(Path corpusFile, Path dir, int view, boolean variedLook) throws IOException {
        String clipName = CorpusClip.name(corpusFile);
        String name = (view == 0 ? clipName : clipName + "_v" + view) + (variedLook ? LOOK : "");
        Motion source = CorpusClip.readMotion(corpusFile);
        int length = (int) Math.floor(source.frameCount() / source.fps() * 30);
        int start = (int) Math.round(view * Math.max(0, length - MAX_FRAMES) / (VIEWS - 1.0));
        Motion motion = onMannequin(source, start, MAX_FRAMES, true);
        Camera camera = null;
        Random random = new Random(name.hashCode());
        Vec3[][] points = CorpusClip.of(name, motion).points();
        for (int t = 0; t < 20 && camera == null; t++) {
            camera = RandomCamera.pick(points, random, WIDTH, HEIGHT);
        }
        if (camera == null) {
            throw new IllegalStateException("no camera sees " + name + " well");
        }
        Files.createDirectories(dir);
        Path video = dir.resolve(name + "." + RECIPE + ".mp4");
        if (!Files.isRegularFile(video)) {
            if (variedLook) {
                SampleClip.render(motion, camera, video, BodyLook.dressed(RandomOutfit.of(random)), RenderLight.random(random));
            } else {
                SampleClip.render(motion, camera, video);
            }
        }
        return new Clip(name, video, motion, camera);
    }

    /** What a measurement is handed for each rendered view. */
    interface ViewMeasure {
        void measure(Clip clip, LandmarkSequence seen) throws IOException;
    }

    /**
     * Every view of the corpus clips {@code clips} rendered into {@code dir} (or rendered there
     * before; {@code variedLook} as in {@link #render}) and run through the landmark model, handed
     * to {@code measure}; a clip that cannot be put on the mannequin is reported on {@code out} and
     * skipped.
     */
    static void forEachView(List<Path> clips, Path dir, boolean variedLook, ModelStore models, PrintStream out, ViewMeasure measure)
            throws IOException {
        for (Path f : clips) {
            for (int view = 0; view < VIEWS; view++) {
                Clip clip;
                try {
                    clip = render(f, dir, view, variedLook);
                } catch (MocapException e) {
                    out.println("not rendered: " + f.getFileName() + ": " + e.getMessage());
                    break;
                }
                measure.measure(clip, new LandmarksJob(models, PoseOptions.defaults()).run(clip.video(), null, null, Progress.silent())
                        .sequence());
            }
        }
    }

    /**
     * Frames [start, start + frames) of the motion on the adult SMPL-24 skeleton at 30 fps, scaled
     * to a 1.70 m body, standing on the floor (y = 0) as {@link FloorLevel#LOWEST} puts it: the
     * corpus clips' floors are at any height, and the retargeted root alone can leave the body
     * sunk into the rendered floor. With {@code holdFeet} the source's planted feet (as
     * {@link FootContactDetector} finds them on the mannequin) are held still: the mannequin's legs
     * are not the subject's, and a walk's stance feet otherwise slide 5–7 mm a frame, so that
     * "planted" flickers in the truth.
     */
    public static Motion onMannequin(Motion source, int start, int frames, boolean holdFeet) {
        Skeleton adult = AdultSkeleton.smpl24();
        Quat[] rest = new Quat[adult.size()];
        Arrays.fill(rest, Quat.IDENTITY);
        Rig rig = new Rig("smpl", adult.names(), adult.parents(), adult.offsets(), rest,
                AutoBoneMap.find(adult.names(), adult.parents(), Map.of()));
        Motion held = source;
        if (holdFeet) {
            Motion loose = new Retargeting(ExportPreset.SMPL, rig, 0, ExportPreset.RootMotion.WORLD).apply(source);
            held = source.withContacts(FootContactDetector.detect(loose));
        }
        Motion m = new Retargeting(ExportPreset.SMPL, rig, 30, ExportPreset.RootMotion.WORLD).apply(held);
        int first = Math.max(0, Math.min(start, m.frameCount() - 1)), n = Math.min(frames, m.frameCount() - first);
        Vec3[] p0 = CorpusClip.of("", m).points()[0], raw = m.jointPositions(0);
        double scale = p0[BodyPoints.L_HIP].distance(p0[BodyPoints.L_KNEE])
                / raw[Smpl24.LEFT_HIP].distance(raw[Smpl24.LEFT_KNEE]);
        Vec3[] root = new Vec3[m.frameCount()];
        for (int f = 0; f < root.length; f++) {
            root[f] = m.rootPositions()[f].times(scale);
        }
        Motion scaled = new Motion(m.skeleton().scaled(scale), m.fps(), root, m.rotations());
        double[] soles = SupportFeet.of(scaled).lowest().clone();
        Arrays.sort(soles);
        Motion standing = FloorLevel.raised(scaled, -soles[(int) Math.round(0.02 * (soles.length - 1))]);
        return new Motion(standing.skeleton(), standing.fps(), Arrays.copyOfRange(standing.rootPositions(), first, first + n),
                standing.rotations().range(first, first + n));
    }
}
