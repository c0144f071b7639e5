package dev.mocap.train;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.engine.Engine;
import dev.mocap.body.Motion;
import dev.mocap.filter.EstimatorNoise;
import dev.mocap.filter.RefinerNetwork;
import dev.mocap.filter.RefinerWindow;
import dev.mocap.synth.CorpusClip;
import dev.mocap.synth.HeldOutClips;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Trains the learned temporal refiner (models/REFINER.md) with DJL on PyTorch's CPU library and
 * writes {@code MODELS_DIR/temporal_refiner.onnx} with its sha256 in {@code manifest.json}.
 * Training data: the clips of the mocap corpus (../shared/mocap-corpus) but the
 * {@link HeldOutClips}, each variant ({@link MotionAugmentation}) with its own draw of
 * {@link EstimatorNoise} whose strengths are scaled at random around
 * {@link EstimatorNoise#perFrameEstimator()}; the loss on the held-out clips is printed each epoch
 * but never trained on. Usage: {@code TrainRefiner CORPUS_DIR MODELS_DIR}.
 */
public final class TrainRefiner {
    static final int HIDDEN = 128, RESIDUAL_BLOCKS = 2, ONNX_BATCH = 128;
    private static final int VARIANTS = 178, TRAIN_STRIDE = 4, EPOCHS = 16, BATCH = 512;
    private static final float LEARNING_RATE = 1e-3f, FINAL_LEARNING_RATE = 1e-5f, ACCEL_WEIGHT = 1f;
    private static final long SEED = 6;
    private static final String FILE = "temporal_refiner.onnx";

    private TrainRefiner() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: TrainRefiner CORPUS_DIR MODELS_DIR");
        }
        System.setProperty("ai.djl.offline", "true");
        Path corpusDir = Path.of(args[0]), modelsDir = Path.of(args[1]);
        Random random = new Random(SEED);
        List<Motion> trainingClips = new ArrayList<>(), heldOutClips = new ArrayList<>();
        try (var files = Files.list(corpusDir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".bvh.gz")).sorted().toList()) {
                (HeldOutClips.isHeldOut(CorpusClip.name(f)) ? heldOutClips : trainingClips).add(CorpusClip.readMotion(f));
            }
        }
        WindowSet training = trainingWindows(trainingClips, random);
        WindowSet heldOut = heldOutWindows(heldOutClips);
        System.out.printf(Locale.ROOT, "%d training windows from %d variants of %d corpus clips; %d held-out windows of %s%n",
                training.size(), VARIANTS, trainingClips.size(), heldOut.size(), HeldOutClips.NAMES);
        Engine.getEngine("PyTorch").setRandomSeed((int) SEED);
        RefinerModel refiner = new RefinerModel(HIDDEN, RESIDUAL_BLOCKS);
        try (Model model = Model.newInstance("temporal_refiner", "PyTorch")) {
            model.setBlock(refiner.block());
            int steps = EPOCHS * (training.size() / BATCH);
            DefaultTrainingConfig config = new DefaultTrainingConfig(new RefinerLoss(ACCEL_WEIGHT))
                    .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.cosine().setBaseValue(LEARNING_RATE)
                            .optFinalValue(FINAL_LEARNING_RATE).setMaxUpdates(steps).build()).build());
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(BATCH, RefinerWindow.FRAMES));
                train(trainer, training, heldOut, random);
                RefinerNetwork network = refiner.toNetwork().centred();
                System.out.printf(Locale.ROOT, "%d parameters%n", network.parameterCount());
                export(network, trainer, heldOut, modelsDir);
            }
        }
    }

    private static WindowSet trainingWindows(List<Motion> sources, Random random) {
        WindowSet set = new WindowSet();
        for (int v = 0; v < VARIANTS; v++) {
            Motion clean = MotionAugmentation.randomVariant(sources.get(v % sources.size()), 30, random);
            set.add(clean, randomNoise(random).applyTo(clean, random), TRAIN_STRIDE);
        }
        return set;
    }

    /** The benchmark's noise with each strength scaled by 0.5–2×, so the refiner meets more than one noise level. */
    private static EstimatorNoise randomNoise(Random random) {
        EstimatorNoise n = EstimatorNoise.perFrameEstimator();
        return new EstimatorNoise(n.jitterDegrees() * factor(random), n.driftDegrees() * factor(random), n.driftSeconds(),
                n.spikeRate() * factor(random), n.spikeDegrees() * factor(random), n.dropoutRate() * factor(random),
                n.rootJitterMm() * factor(random), n.rootDriftMm() * factor(random));
    }

    private static double factor(Random random) {
        return Math.exp((random.nextDouble() * 2 - 1) * Math.log(2));
    }

    private static WindowSet heldOutWindows(List<Motion> clips) {
        WindowSet set = new WindowSet();
        for (int i = 0; i < clips.size(); i++) {
            set.add(clips.get(i), EstimatorNoise.perFrameEstimator().applyTo(clips.get(i), new Random(SEED + i)), 8);
        }
        return set;
    }

    private static void train(Trainer trainer, WindowSet training, WindowSet heldOut, Random random) {
        float[] inputs = training.inputs(), targets = training.targets();
        int n = training.size(), frames = RefinerWindow.FRAMES;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        float[] x = new float[BATCH * frames], y = new float[BATCH * frames];
        System.out.printf(Locale.ROOT, "before training: held-out loss %.4f (identity)%n", loss(trainer, heldOut.inputs(),
                heldOut.targets(), heldOut.size(), true));
        for (int epoch = 1; epoch <= EPOCHS; epoch++) {
            long start = System.nanoTime();
            shuffle(order, random);
            double sum = 0;
            int batches = n / BATCH;
            for (int b = 0; b < batches; b++) {
                for (int k = 0; k < BATCH; k++) {
                    System.arraycopy(inputs, order[b * BATCH + k] * frames, x, k * frames, frames);
                    System.arraycopy(targets, order[b * BATCH + k] * frames, y, k * frames, frames);
                }
                if (random.nextBoolean()) {
                    negate(x);
                    negate(y);
                }
                try (NDManager batch = trainer.getManager().newSubManager();
                     GradientCollector collector = trainer.newGradientCollector()) {
                    NDArray in = batch.create(x, new Shape(BATCH, frames)), out = batch.create(y, new Shape(BATCH, frames));
                    NDArray loss = trainer.getLoss().evaluate(new NDList(out), trainer.forward(new NDList(in)));
                    collector.backward(loss);
                    sum += loss.getFloat();
                }
                trainer.step();
            }
            System.out.printf(Locale.ROOT, "epoch %2d: training loss %.4f, held-out loss %.4f, %.0f s%n", epoch, sum / batches,
                    loss(trainer, heldOut.inputs(), heldOut.targets(), heldOut.size(), false), (System.nanoTime() - start) / 1e9);
        }
    }

    /** The mean loss over a window set, of the network or (with {@code identity}) of leaving the input as it is. */
    private static double loss(Trainer trainer, float[] inputs, float[] targets, int count, boolean identity) {
        int frames = RefinerWindow.FRAMES;
        double sum = 0;
        int batches = 0;
        for (int first = 0; first + BATCH <= count; first += BATCH, batches++) {
            try (NDManager batch = trainer.getManager().newSubManager()) {
                NDArray in = batch.create(slice(inputs, first, BATCH), new Shape(BATCH, frames));
                NDArray out = batch.create(slice(targets, first, BATCH), new Shape(BATCH, frames));
                NDList predicted = identity ? new NDList(in) : trainer.evaluate(new NDList(in));
                sum += trainer.getLoss().evaluate(new NDList(out), predicted).getFloat();
            }
        }
        return sum / batches;
    }

    /**
     * Writes the (centred) network as ONNX, after checking that ONNX Runtime's output on held-out
     * windows matches DJL's forward pass less DJL's correction of a window of zeros.
     */
    private static void export(RefinerNetwork network, Trainer trainer, WindowSet heldOut, Path modelsDir) throws IOException {
        ShippedModel.write(network.toOnnx(ONNX_BATCH), modelsDir, FILE, "temporal_refiner", onnxFile -> {
            float[] windows = slice(heldOut.inputs(), 0, ONNX_BATCH);
            float[] expected, zero;
            try (NDManager batch = trainer.getManager().newSubManager()) {
                expected = trainer.evaluate(new NDList(batch.create(windows, new Shape(ONNX_BATCH, RefinerWindow.FRAMES))))
                        .singletonOrThrow().toFloatArray();
                zero = trainer.evaluate(new NDList(batch.zeros(new Shape(1, RefinerWindow.FRAMES)))).singletonOrThrow().toFloatArray();
            }
            for (int i = 0; i < expected.length; i++) {
                expected[i] -= zero[i % RefinerWindow.FRAMES];
            }
            OnnxExportCheck.verify(onnxFile, RefinerNetwork.OUTPUT, windows, expected, 1e-4, ONNX_BATCH + " held-out windows");
        });
    }

    private static float[] slice(float[] windows, int first, int count) {
        float[] out = new float[count * RefinerWindow.FRAMES];
        System.arraycopy(windows, first * RefinerWindow.FRAMES, out, 0, out.length);
        return out;
    }

    /** A channel's mirror image is as likely as the channel: half the batches are negated. */
    private static void negate(float[] a) {
        for (int i = 0; i < a.length; i++) {
            a[i] = -a[i];
        }
    }

    private static void shuffle(int[] a, Random random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
