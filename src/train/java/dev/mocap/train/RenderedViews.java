package dev.mocap.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mocap.AtomicFiles;
import dev.mocap.MocapException;
import dev.mocap.body.Motion;
import dev.mocap.body.Quat;
import dev.mocap.body.Vec3;
import dev.mocap.nn.ModelStore;
import dev.mocap.pipeline.LandmarksJob;
import dev.mocap.pipeline.Progress;
import dev.mocap.bench.RenderedClips;
import dev.mocap.pose.LandmarkSequence;
import dev.mocap.pose.LandmarksJson;
import dev.mocap.pose.PeopleSequence;
import dev.mocap.pose.PoseOptions;
import dev.mocap.preview.BodyLook;
import dev.mocap.preview.RandomOutfit;
import dev.mocap.preview.RenderLight;
import dev.mocap.preview.SampleClip;
import dev.mocap.body.Camera;
import dev.mocap.synth.CorpusClip;
import dev.mocap.synth.HeldOutClips;
import dev.mocap.synth.RandomCamera;
import dev.mocap.synth.SyntheticView;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * How the real landmark model sees the corpus: windows of the training clips put on the
 * mannequin, dressed in a random outfit, filmed by a random camera under random light
 * ({@link RenderLight}), rendered offscreen and run through the project's own detector and
 * landmark model. Each view is kept as its landmarks file and a small description (clip, first
 * frame, camera), from which the truth is rebuilt; the videos are not kept. Held-out clips are
 * never rendered here. Usage: {@code RenderedViews CORPUS_DIR OUT_DIR [VIEWS_PER_CLIP [FIRST_VIEW]]}
 * (needs OpenGL: run under xvfb-run on a server); views already there are kept, so it resumes.
 * Views FIRST_VIEW (default 0) to VIEWS_PER_CLIP − 1 of each clip are rendered: view 8 and later
 * of a clip were never trained on (training renders eight), so rendered into a folder of their
 * own they judge the recovery on new views of the training motions.
 */
public final class RenderedViews {
    static final int FRAMES = 150;
    /** Views with fewer frames than this are left out of the calibrations made on them (focal length, recovery constants). */
    static final int MIN_FRAMES = 30;
    private static final int[][] SIZES = {{960, 540}, {1280, 720}, {540, 960}, {640, 480}};
    private static final String VIEW = ".view.json", LANDMARKS = ".landmarks.json", RECIPE = "recipe";
    private static final ObjectMapper JSON = new ObjectMapper();

    private RenderedViews() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: RenderedViews CORPUS_DIR OUT_DIR [VIEWS_PER_CLIP [FIRST_VIEW]]");
        }
        Path corpus = Path.of(args[0]), out = Path.of(args[1]);
        int views = args.length > 2 ? Integer.parseInt(args[2]) : 6, first = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        Files.createDirectories(out);
        ModelStore models = ModelStore.locate();
        List<Path> clips = trainingClips(corpus);
        long start = System.nanoTime();
        int made = 0;
        for (int v = first; v < views; v++) {
            for (Path clip : clips) {
                String name = CorpusClip.name(clip) + "_v" + v;
                if (isCurrent(out.resolve(name + VIEW))) {
                    continue;
                }
                int frames;
                try {
                    frames = render(clip, name, new Random(name.hashCode() * 31L + 14), out, models);
                } catch (MocapException e) {
                    System.out.println(name + ": not rendered: " + e.getMessage());
                    continue;
                }
                made++;
                System.out.printf(Locale.ROOT, "%s: %d frames, %d views made in %.0f s%n", name, frames, made, (System.nanoTime() - start) / 1e9);
            }
        }
    }

    static List<Path> trainingClips(Path corpus) throws IOException {
        try (var files = Files.list(corpus)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".bvh.gz"))
                    .filter(p -> !HeldOutClips.isHeldOut(CorpusClip.name(p))).sorted().toList();
        }
    }

    /** Whether the view is there, rendered by the current recipe (an earlier recipe's truth differs). */
    private static boolean isCurrent(Path view) throws IOException {
        return Files.isRegularFile(view) && RenderedClips.RECIPE.equals(JSON.readTree(view.toFile()).path(RECIPE).asText());
    }

    /** Renders one view and runs the landmark model on it; returns its frame count (0 when no camera saw it well). */
    private static int render(Path clip, String name, Random random, Path out, ModelStore models) throws IOException {
        Motion full = CorpusClip.readMotion(clip);
        int first = random.nextInt(Math.max(1, full.frameCount() - FRAMES));
        Motion motion = RenderedClips.onMannequin(full, first, FRAMES, true);
        int[] size = SIZES[random.nextInt(SIZES.length)];
        Camera camera = RandomCamera.pick(CorpusClip.of(name, motion).points(), random, size[0], size[1]);
        if (camera == null) {
            return 0;
        }
        Path video = Files.createTempFile(out, name, ".mp4");
        try {
            SampleClip.render(motion, camera, video, BodyLook.dressed(RandomOutfit.of(random)), RenderLight.random(random));
            LandmarksJob.Result result = new LandmarksJob(models, PoseOptions.defaults()).run(video, null, null, Progress.silent());
            AtomicFiles.write(out.resolve(name + LANDMARKS),
                    o -> LandmarksJson.write(result.people(), result.selected(), result.summary(), o));
        } finally {
            Files.deleteIfExists(video);
        }
        ObjectNode view = JSON.createObjectNode();
        view.put("clip", clip.getFileName().toString()).put("first_frame", first).put("frames", motion.frameCount())
                .put(RECIPE, RenderedClips.RECIPE);
        view.set("camera", cameraJson(camera));
        AtomicFiles.write(out.resolve(name + VIEW), o -> JSON.writerWithDefaultPrettyPrinter().writeValue(o, view));
        return motion.frameCount();
    }

    /**
     * Every view rendered into {@code dir} that is not in {@code loaded} yet, as the lifter's
     * training views (split where the landmark model lost the person).
     */
    static List<SyntheticView> load(Path dir, Path corpus, Map<String, List<SyntheticView>> loaded) throws IOException {
        List<SyntheticView> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        List<Path> files;
        try (var list = Files.list(dir)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(VIEW)).sorted().toList();
        }
        Map<String, Motion> motions = new HashMap<>();
        int stale = 0;
        for (Path f : files) {
            String name = f.getFileName().toString().replace(VIEW, "");
            if (loaded.containsKey(name)) {
                continue;
            }
            JsonNode view = JSON.readTree(f.toFile());
            if (!RenderedClips.RECIPE.equals(view.path(RECIPE).asText())) {
                stale++;
                continue;
            }
            Motion full = motions.computeIfAbsent(view.get("clip").asText(), c -> {
                try {
                    return CorpusClip.readMotion(corpus.resolve(c));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            int first = view.get("first_frame").asInt(), frames = view.get("frames").asInt();
            Motion motion = RenderedClips.onMannequin(full, first, frames, true);
            PeopleSequence people = LandmarksJson.read(dir.resolve(name + LANDMARKS));
            List<SyntheticView> runs = List.of();
            if (!people.persons().isEmpty()) {
                LandmarkSequence person = people.person(mostSeen(people));
                SyntheticView seen = SyntheticView.seen(name, CorpusClip.of(name, motion).points(), camera(view.get("camera")), person);
                runs = seen.runsWithPerson(LifterData.MIN_FRAMES);
            }
            loaded.put(name, runs);
            out.addAll(runs);
        }
        if (stale > 0) {
            System.out.printf(Locale.ROOT, "%d views in %s were rendered by an earlier recipe and are not read; render them again%n", stale, dir);
        }
        return out;
    }

    private static int mostSeen(PeopleSequence people) {
        int best = people.persons().get(0);
        for (int id : people.persons()) {
            if (people.frameCount(id) > people.frameCount(best)) {
                best = id;
            }
        }
        return best;
    }

    private static ObjectNode cameraJson(Camera c) {
        ObjectNode n = JSON.createObjectNode();
        n.put("focal", c.focal()).put("cx", c.cx()).put("cy", c.cy()).put("width", c.width()).put("height", c.height());
        Quat q = c.worldToCamera();
        n.putArray("world_to_camera_wxyz").add(q.w()).add(q.x()).add(q.y()).add(q.z());
        n.putArray("position").add(c.position().x()).add(c.position().y()).add(c.position().z());
        return n;
    }

    private static Camera camera(JsonNode n) {
        JsonNode q = n.get("world_to_camera_wxyz"), p = n.get("position");
        return new Camera(n.get("focal").asDouble(), n.get("cx").asDouble(), n.get("cy").asDouble(), n.get("width").asInt(),
                n.get("height").asInt(), new Quat(q.get(0).asDouble(), q.get(1).asDouble(), q.get(2).asDouble(), q.get(3).asDouble()),
                new Vec3(p.get(0).asDouble(), p.get(1).asDouble(), p.get(2).asDouble()));
    }
}
