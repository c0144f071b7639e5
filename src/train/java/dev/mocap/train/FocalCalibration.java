package dev.mocap.train;

import dev.mocap.nn.ModelStore;
import dev.mocap.pose.FramePose;
import dev.mocap.body.Camera;
import dev.mocap.recover.FocalEstimate;
import dev.mocap.recover.LearnedLifter;
import dev.mocap.synth.SyntheticView;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;

/**
 * Measures {@link FocalEstimate}'s constants on the rendered training views (real landmarks,
 * known cameras): the median ln(judged / true focal length), and the mean |ln(estimate / true)|
 * for weights of the judgement against the image diagonal. Usage:
 * {@code FocalCalibration CORPUS_DIR RENDERED_DIR}.
 */
public final class FocalCalibration {
    private FocalCalibration() {
    }

    public static void main(String[] args) throws IOException {
        LearnedLifter lifter = new LearnedLifter(ModelStore.locate().lifter(), 1);
        List<SyntheticView> views = RenderedViews.load(Path.of(args[1]), Path.of(args[0]), new HashMap<>());
        List<Double> judged = new ArrayList<>(), diagonal = new ArrayList<>();
        for (SyntheticView v : views) {
            if (v.frames() >= RenderedViews.MIN_FRAMES) {
                List<FramePose> seen = v.landmarks().frames();
                double truth = v.camera().focal();
                judged.add(Math.log(FocalEstimate.judged(seen, v.landmarks().video(), lifter) / truth));
                diagonal.add(Math.log(Camera.defaultFocal(v.camera().width(), v.camera().height()) / truth));
            }
        }
        List<Double> sorted = new ArrayList<>(judged);
        sorted.sort(null);
        double bias = sorted.get(sorted.size() / 2);
        System.out.printf(Locale.ROOT, "%d views: median ln(judged / true) %.3f; mean |ln(diagonal / true)| %.3f%n", judged.size(), bias,
                diagonal.stream().mapToDouble(Math::abs).average().orElse(Double.NaN));
        for (double weight = 0; weight <= 1.0001; weight += 0.25) {
            double sum = 0;
            for (int i = 0; i < judged.size(); i++) {
                sum += Math.abs(weight * (judged.get(i) - bias) + (1 - weight) * diagonal.get(i));
            }
            System.out.printf(Locale.ROOT, "weight %.2f: mean |ln(estimate / true)| %.3f%n", weight, sum / judged.size());
        }
    }
}
