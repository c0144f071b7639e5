package dev.mocap.train;

import dev.mocap.bench.AccuracyBenchmark;
import dev.mocap.nn.ModelStore;
import dev.mocap.synth.SyntheticView;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code mocap bench accuracy}'s measure of the learned recovery (true focal length) on the
 * rendered training views of at least {@value RenderedViews#MIN_FRAMES} frames: where the
 * recovery's own constants (ray pull, contact rules, fit weights) are tried first, before the
 * held-out sets. The views were among the networks' training data, so they flatter the network
 * against the rays. Usage:
 * {@code RecoveryCheck CORPUS_DIR RENDERED_DIR}.
 */
public final class RecoveryCheck {
    private RecoveryCheck() {
    }

    public static void main(String[] args) throws IOException {
        List<SyntheticView> views = RenderedViews.load(Path.of(args[1]), Path.of(args[0]), new HashMap<>()).stream()
                .filter(v -> v.frames() >= RenderedViews.MIN_FRAMES).toList();
        new AccuracyBenchmark(ModelStore.locate(), System.out, Map.of()).learnedOn("rendered views in " + args[1], views);
    }
}
