package dev.mocap.train;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import dev.mocap.body.Vec3;
import dev.mocap.recover.LearnedLifter;
import dev.mocap.recover.LiftingFeatures;
import dev.mocap.synth.CorpusClip;
import dev.mocap.synth.HeldOutClips;
import dev.mocap.synth.SyntheticView;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Trains one lifting network (models/LIFTER.md) with DJL on PyTorch's CPU library from the mocap
 * corpus and writes it as an ONNX file, with its DJL parameters and feature standardisation beside
 * it ({@code FILE-0000.params}, {@code FILE.standardisation}); STEPS 0 exports those parameters
 * again without training. The shipped network is the mean of several such files trained with
 * different seeds ({@link LifterEnsemble}).
 * Each round draws fresh random variants of the training clips ({@link LifterData}); the
 * held-out clips ({@link HeldOutClips}) are only measured. With a folder of rendered views
 * ({@link RenderedViews}), half of each round's sequences are real landmarks of rendered corpus
 * clips, so the network learns how the real landmark model errs; views that appear there while
 * it trains join at the next round. Usage:
 * {@code TrainLifter CORPUS_DIR FILE.onnx [STEPS [DESIGN [RENDERED_DIR]]]}, the seed
 * {@code -Dlifter.seed=N}, the weight of the acceleration term of the loss {@code -Dlifter.accel=W}
 * (default 0); the designs ({@link LifterNetwork}) are compared in models/LIFTER.md.
 */
public final class TrainLifter {
    private static final int BATCH = 32, OUT_FRAMES = 32, SEQUENCES_PER_ROUND = 240, MAX_FRAMES = 300, HELD_OUT_SEQUENCES = 60;
    private static final int DEFAULT_STEPS = 20000, STEPS_PER_ROUND = 500;
    private static final float LEARNING_RATE = 1e-3f, FINAL_LEARNING_RATE = 2e-5f;
    private static final long SEED = Long.getLong("lifter.seed", 15);
    private static final float ACCELERATION_WEIGHT = Float.parseFloat(System.getProperty("lifter.accel", "0"));
    private static final int PAD = LearnedLifter.RECEPTIVE_FIELD / 2;
    /** The features' standardisation, measured on the first training round. */
    private static float[] mean, std;

    private TrainLifter() {
    }

    public static void main(String[] args) throws IOException, MalformedModelException {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: TrainLifter CORPUS_DIR FILE.onnx [STEPS [DESIGN [RENDERED_DIR]]]");
        }
        System.setProperty("ai.djl.offline", "true");
        Path corpus = Path.of(args[0]), output = Path.of(args[1]).toAbsolutePath();
        int steps = args.length > 2 ? Integer.parseInt(args[2]) : DEFAULT_STEPS;
        String design = args.length > 3 ? args[3] : "tcn";
        Path rendered = args.length > 4 ? Path.of(args[4]) : null;
        List<CorpusClip> training = new ArrayList<>(), heldOut = new ArrayList<>();
        try (var files = Files.list(corpus)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".bvh.gz")).sorted().toList()) {
                CorpusClip clip = CorpusClip.read(f);
                (HeldOutClips.isHeldOut(clip.name()) ? heldOut : training).add(clip);
            }
        }
        int trainFrames = training.stream().mapToInt(CorpusClip::frames).sum();
        System.out.printf(Locale.ROOT, "%d training clips (%d frames), %d held-out clips %s%n", training.size(), trainFrames,
                heldOut.size(), heldOut.stream().map(CorpusClip::name).toList());
        Random random = new Random(SEED);
        List<LifterData.Sequence> heldOutSet = LifterData.generate(heldOut, HELD_OUT_SEQUENCES, MAX_FRAMES, new Random(SEED + 1));
        Engine.getEngine("PyTorch").setRandomSeed((int) SEED);
        Pool pool = new Pool(training, corpus, rendered, random);
        String saved = output.getFileName().toString().replaceFirst("\\.onnx$", "");
        Path standardFile = output.resolveSibling(saved + ".standardisation");
        List<LifterData.Sequence> firstPool = null;
        Standardisation standard;
        if (steps == 0 && Files.isRegularFile(standardFile)) {
            standard = Standardisation.read(standardFile);
        } else {
            firstPool = pool.next();
            standard = Standardisation.of(firstPool);
            Files.createDirectories(output.getParent());
            standard.write(standardFile);
        }
        mean = standard.mean();
        std = standard.std();
        LifterNetwork lifter = LifterNetwork.of(design, mean, std);
        try (Model model = Model.newInstance("lifter", "PyTorch")) {
            model.setBlock(lifter.block());
            if (steps == 0) {
                // Before the trainer takes its copies of the parameters.
                model.load(output.getParent(), saved);
            }
            DefaultTrainingConfig config = new DefaultTrainingConfig(new LifterLoss(ACCELERATION_WEIGHT))
                    .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.cosine().setBaseValue(LEARNING_RATE)
                            .optFinalValue(FINAL_LEARNING_RATE).setMaxUpdates(Math.max(1, steps)).build()).build());
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(LifterModel.inputShape(BATCH, OUT_FRAMES + LearnedLifter.RECEPTIVE_FIELD - 1));
                long parameters = model.getBlock().getParameters().values().stream().mapToLong(p -> p.getArray().size()).sum();
                System.out.printf(Locale.ROOT, "design %s, %d parameters; held-out world landmarks as they come: %.1f mm%n",
                        design, parameters, 1000 * worldLandmarkError(heldOutSet));
                if (steps == 0) {
                    System.out.printf(Locale.ROOT, "loaded %s-0000.params: held-out %s%n", saved, heldOutError(trainer, heldOutSet));
                } else {
                    lifter.startFromTheWorldLandmarks();
                    train(trainer, pool, firstPool, heldOutSet, steps, random);
                    model.save(output.getParent(), saved);
                }
                ShippedModel.writeChecked(lifter.toOnnx(), output, onnxFile -> checkExport(onnxFile, trainer, heldOutSet));
                System.out.printf(Locale.ROOT, "wrote %s%n", output);
            }
        }
    }

    private static void train(Trainer trainer, Pool sequences, List<LifterData.Sequence> firstPool,
                              List<LifterData.Sequence> heldOut, int steps, Random random) throws IOException {
        List<LifterData.Sequence> pool = firstPool;
        double sum = 0;
        long start = System.nanoTime();
        for (int step = 0; step < steps; step++) {
            if (step > 0 && step % STEPS_PER_ROUND == 0) {
                pool = sequences.next();
            }
            float[][] batch = batch(pool, BATCH, random);
            try (NDManager m = trainer.getManager().newSubManager(); GradientCollector collector = trainer.newGradientCollector()) {
                NDArray x = m.create(batch[0], LifterModel.inputShape(BATCH, OUT_FRAMES + LearnedLifter.RECEPTIVE_FIELD - 1));
                NDArray y = m.create(batch[1], new Shape(BATCH, LearnedLifter.OUTPUTS, OUT_FRAMES));
                NDArray loss = trainer.getLoss().evaluate(new NDList(y), trainer.forward(new NDList(x)));
                collector.backward(loss);
                sum += loss.getFloat();
            }
            trainer.step();
            if ((step + 1) % STEPS_PER_ROUND == 0 || step + 1 == steps) {
                int n = (step % STEPS_PER_ROUND) + 1;
                System.out.printf(Locale.ROOT, "step %5d: training loss %.4f, held-out %s, %.0f s%n", step + 1, sum / n,
                        heldOutError(trainer, heldOut), (System.nanoTime() - start) / 1e9);
                sum = 0;
            }
        }
    }

    /** Each round's sequences: synthetic variants of the training clips, and as many rendered views as there are synthetic ones. */
    private static final class Pool {
        private final List<CorpusClip> clips;
        private final Path corpus, renderedDir;
        private final Random random;
        private final Map<String, List<SyntheticView>> loaded = new HashMap<>();
        private final List<SyntheticView> rendered = new ArrayList<>();

        Pool(List<CorpusClip> clips, Path corpus, Path renderedDir, Random random) {
            this.clips = clips;
            this.corpus = corpus;
            this.renderedDir = renderedDir;
            this.random = random;
        }

        List<LifterData.Sequence> next() throws IOException {
            if (renderedDir != null) {
                rendered.addAll(RenderedViews.load(renderedDir, corpus, loaded));
            }
            if (rendered.isEmpty()) {
                return LifterData.generate(clips, SEQUENCES_PER_ROUND, MAX_FRAMES, random);
            }
            List<LifterData.Sequence> out = new ArrayList<>(LifterData.generate(clips, SEQUENCES_PER_ROUND / 2, MAX_FRAMES, random));
            out.addAll(LifterData.drawn(rendered, SEQUENCES_PER_ROUND / 2, random));
            System.out.printf(Locale.ROOT, "round: %d rendered views (%d runs with a person) beside the synthetic ones%n", loaded.size(),
                    rendered.size());
            return out;
        }
    }

    /** Random windows: inputs [batch, feature, frames + context], targets [batch, output, frames]. */
    private static float[][] batch(List<LifterData.Sequence> pool, int size, Random random) {
        int inFrames = OUT_FRAMES + LearnedLifter.RECEPTIVE_FIELD - 1, c = LiftingFeatures.SIZE, o = LearnedLifter.OUTPUTS;
        float[] x = new float[size * c * inFrames], y = new float[size * o * OUT_FRAMES];
        for (int b = 0; b < size; b++) {
            LifterData.Sequence s = pool.get(random.nextInt(pool.size()));
            int first = random.nextInt(Math.max(1, s.frames() - OUT_FRAMES + 1));
            fill(x, b * c * inFrames, s.inputs(), first - PAD, inFrames, c, true);
            fill(y, b * o * OUT_FRAMES, s.targets(), first, OUT_FRAMES, o, false);
        }
        return new float[][]{x, y};
    }

    /**
     * Copies frames [first, first + frames) channel-major, repeating the end frames beyond the
     * sequence; inputs are standardised.
     */
    static void fill(float[] dst, int offset, float[][] src, int first, int frames, int channels, boolean standardise) {
        for (int ch = 0; ch < channels; ch++) {
            float m = standardise ? mean[ch] : 0, sd = standardise ? std[ch] : 1;
            for (int t = 0; t < frames; t++) {
                int k = Math.max(0, Math.min(src.length - 1, first + t));
                dst[offset + ch * frames + t] = (src[k][ch] - m) / sd;
            }
        }
    }

    /** Mean landmark error and angle of up of the network over the held-out sequences, chunk by chunk as the tool runs it. */
    private static String heldOutError(Trainer trainer, List<LifterData.Sequence> heldOut) {
        double sum = 0, angle = 0;
        long count = 0;
        for (LifterData.Sequence s : heldOut) {
            float[][] predicted = predict(trainer, s);
            for (int k = 0; k < s.frames(); k++) {
                sum += meanError(predicted[k], s.targets()[k], 0);
                angle += upAngle(predicted[k], s.targets()[k]);
                count++;
            }
        }
        return String.format(Locale.ROOT, "MPJPE %.1f mm, up %.1f°", 1000 * sum / count, Math.toDegrees(angle / count));
    }

    private static double upAngle(float[] predicted, float[] target) {
        int u = LearnedLifter.UP;
        Vec3 p = new Vec3(predicted[u], predicted[u + 1], predicted[u + 2]), t = new Vec3(target[u], target[u + 1], target[u + 2]);
        return p.angle(t);
    }

    static float[][] predict(Trainer trainer, LifterData.Sequence s) {
        int n = s.frames(), c = LiftingFeatures.SIZE, o = LearnedLifter.OUTPUTS, in = LearnedLifter.INPUT_FRAMES;
        float[][] out = new float[n][o];
        for (int start = 0; start < n; start += LearnedLifter.CHUNK) {
            float[] x = new float[c * in];
            fill(x, 0, s.inputs(), start - PAD, in, c, true);
            float[] y;
            try (NDManager m = trainer.getManager().newSubManager()) {
                y = trainer.evaluate(new NDList(m.create(x, LifterModel.inputShape(1, in)))).singletonOrThrow().toFloatArray();
            }
            for (int t = 0; t < LearnedLifter.CHUNK && start + t < n; t++) {
                for (int k = 0; k < o; k++) {
                    out[start + t][k] = y[k * LearnedLifter.CHUNK + t];
                }
            }
        }
        return out;
    }

    /** Mean distance over the 33 landmarks between {@code a} (from {@code offset}) and the target. */
    private static double meanError(float[] a, float[] target, int offset) {
        double sum = 0;
        for (int j = 0; j < 33; j++) {
            double dx = a[offset + 3 * j] - target[3 * j], dy = a[offset + 3 * j + 1] - target[3 * j + 1];
            double dz = a[offset + 3 * j + 2] - target[3 * j + 2];
            sum += Math.sqrt(dx * dx + dy * dy + dz * dz);
        }
        return sum / 33;
    }

    /** The same measure for the world landmarks of the input (what the tool lifted before). */
    private static double worldLandmarkError(List<LifterData.Sequence> heldOut) {
        double sum = 0;
        long count = 0;
        for (LifterData.Sequence s : heldOut) {
            for (int k = 0; k < s.frames(); k++) {
                sum += meanError(s.inputs()[k], s.targets()[k], 66);
                count++;
            }
        }
        return sum / count;
    }

    /** Throws unless ONNX Runtime on the exported file reproduces DJL on a held-out chunk. */
    private static void checkExport(Path onnxFile, Trainer trainer, List<LifterData.Sequence> heldOut) {
        LifterData.Sequence s = heldOut.get(0);
        int size = LiftingFeatures.SIZE * LearnedLifter.INPUT_FRAMES;
        float[] standardised = new float[size], raw = new float[size];
        fill(standardised, 0, s.inputs(), -PAD, LearnedLifter.INPUT_FRAMES, LiftingFeatures.SIZE, true);
        fill(raw, 0, s.inputs(), -PAD, LearnedLifter.INPUT_FRAMES, LiftingFeatures.SIZE, false);
        float[] expected;
        try (NDManager m = trainer.getManager().newSubManager()) {
            // A design that answers several times gives its own answer first; the file gives that one.
            expected = Arrays.copyOf(trainer.evaluate(new NDList(m.create(standardised, LifterModel.inputShape(1, LearnedLifter.INPUT_FRAMES))))
                    .singletonOrThrow().toFloatArray(), LearnedLifter.OUTPUTS * LearnedLifter.CHUNK);
        }
        OnnxExportCheck.verify(onnxFile, LearnedLifter.OUTPUT, raw, expected, 1e-3, "a held-out chunk");
    }
}
