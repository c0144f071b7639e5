package dev.mocap.train;

import dev.mocap.body.Vec3;
import dev.mocap.body.Camera;
import dev.mocap.recover.LearnedLifter;
import dev.mocap.recover.LiftingFeatures;
import dev.mocap.synth.CorpusClip;
import dev.mocap.synth.SyntheticView;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Training sequences for the lifting network: random variants of corpus clips
 * ({@link SyntheticView#randomVariant}) as the recovery would see them — features from the
 * landmarks with the focal length the user would give or the tool would guess (the true one,
 * or off by up to 1.5× in half the sequences) — and the truth: the 33 landmarks relative to the
 * mid-hip in camera axes, scaled to a {@value LearnedLifter#STATURE} m body, the two feet's
 * contacts, and up (the floor's normal) in camera axes. A share ({@value #MIXED}) of the variants take their upper body from another clip
 * where that stays plausible, for motions the corpus does not hold.
 */
final class LifterData {
    /** One sequence: {@code inputs[frame][feature]}, {@code targets[frame][output]}. */
    record Sequence(float[][] inputs, float[][] targets) {
        int frames() {
            return inputs.length;
        }
    }

    /** The shortest run of frames with a person that a rendered view contributes. */
    static final int MIN_FRAMES = 16;
    static final double MIXED = 0.5;

    private LifterData() {
    }

    /** {@code count} sequences from views drawn at random (real landmarks of rendered views), each with its own focal guess. */
    static List<Sequence> drawn(List<SyntheticView> views, int count, Random random) {
        List<Sequence> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            SyntheticView view = views.get(random.nextInt(views.size()));
            out.add(of(view, view.camera().focal() * focalError(random)));
        }
        return out;
    }

    /** The focal length's error the recovery works with: none in half the sequences, else up to 1.5× either way. */
    private static double focalError(Random random) {
        return random.nextBoolean() ? 1 : Math.exp((2 * random.nextDouble() - 1) * Math.log(1.5));
    }

    static List<Sequence> generate(List<CorpusClip> clips, int count, int maxFrames, Random random) {
        double[] cumulative = new double[clips.size()];
        double total = 0;
        for (int i = 0; i < clips.size(); i++) {
            total += Math.sqrt(clips.get(i).frames());
            cumulative[i] = total;
        }
        List<Sequence> out = new ArrayList<>(count);
        while (out.size() < count) {
            double r = random.nextDouble() * total;
            int c = 0;
            while (cumulative[c] < r) {
                c++;
            }
            CorpusClip upperBody = random.nextDouble() < MIXED ? clips.get(random.nextInt(clips.size())) : null;
            SyntheticView view = SyntheticView.randomVariant(clips.get(c), upperBody, maxFrames, random);
            if (view != null) {
                out.add(of(view, view.camera().focal() * focalError(random)));
            }
        }
        return out;
    }

    static Sequence of(SyntheticView view, double assumedFocal) {
        Camera assumed = Camera.atOrigin(assumedFocal, view.camera().width(), view.camera().height());
        List<float[]> features = LiftingFeatures.forTraining(view.landmarks().frames(), assumed);
        float[][] targets = new float[view.frames()][LearnedLifter.OUTPUTS];
        double scale = LearnedLifter.STATURE / view.stature();
        Vec3 up = view.camera().worldToCamera().rotate(Vec3.Y);
        for (int k = 0; k < view.frames(); k++) {
            Vec3[] rel = view.cameraRelative(k);
            for (int j = 0; j < rel.length; j++) {
                targets[k][3 * j] = (float) (rel[j].x() * scale);
                targets[k][3 * j + 1] = (float) (rel[j].y() * scale);
                targets[k][3 * j + 2] = (float) (rel[j].z() * scale);
            }
            targets[k][LearnedLifter.CONTACTS] = view.contacts()[k][0] ? 1 : 0;
            targets[k][LearnedLifter.CONTACTS + 1] = view.contacts()[k][1] ? 1 : 0;
            targets[k][LearnedLifter.UP] = (float) up.x();
            targets[k][LearnedLifter.UP + 1] = (float) up.y();
            targets[k][LearnedLifter.UP + 2] = (float) up.z();
        }
        return new Sequence(features.toArray(new float[0][]), targets);
    }
}
