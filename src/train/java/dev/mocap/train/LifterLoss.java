package dev.mocap.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;
import dev.mocap.recover.LearnedLifter;

/**
 * Mean per-landmark position error (metres, the L2 norm per landmark, as MPJPE), plus
 * {@value #VELOCITY_WEIGHT} × the same error of the frame-to-frame motion (so the output does not
 * carry the input's jitter: its per-frame error alone is met as well by a jittery answer), plus
 * optionally a weight × the same error of the landmarks' second differences (their acceleration;
 * 0 for the shipped networks: "Earlier networks and what was tried" in models/LIFTER.md), plus
 * {@value #CONTACT_WEIGHT} × the binary cross-entropy of the two contact logits, plus
 * {@value #UP_WEIGHT} × the distance of the predicted up from the true one (unit vectors: about the
 * angle between them). Layout [batch, output, frame]: outputs 0–98 are 33 × (x, y, z), 99 and 100
 * the feet's logits, 101–103 up in camera axes.
 */
final class LifterLoss extends Loss {
    static final float CONTACT_WEIGHT = 0.15f, VELOCITY_WEIGHT = 1f, UP_WEIGHT = 0.1f;
    /** The output's parts as NDArray index strings, from {@link LearnedLifter}'s layout. */
    private static final String POSITIONS = ":, 0:" + LearnedLifter.CONTACTS + ", :",
            CONTACT_LOGITS = ":, " + LearnedLifter.CONTACTS + ":" + LearnedLifter.UP + ", :",
            UP = ":, " + LearnedLifter.UP + ":" + LearnedLifter.OUTPUTS + ", :";

    private final float accelerationWeight;

    LifterLoss(float accelerationWeight) {
        super("lifter");
        this.accelerationWeight = accelerationWeight;
    }

    /**
     * A design that answers several times, one answer after the other along the outputs (its own,
     * then those of parts of it: {@link TcmrLifter}), is held to the truth by the sum of their losses.
     */
    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray label = labels.singletonOrThrow(), pred = predictions.singletonOrThrow();
        int outputs = LearnedLifter.OUTPUTS;
        NDArray sum = loss(label, pred.get(":, 0:" + outputs + ", :"));
        for (long first = outputs; first < pred.getShape().get(1); first += outputs) {
            sum = sum.add(loss(label, pred.get(":, " + first + ":" + (first + outputs) + ", :")));
        }
        return sum;
    }

    private NDArray loss(NDArray label, NDArray pred) {
        NDArray frameErrors = positionError(label, pred).add(velocityError(label, pred).mul(VELOCITY_WEIGHT));
        if (accelerationWeight != 0) {
            frameErrors = frameErrors.add(accelerationError(label, pred).mul(accelerationWeight));
        }
        return frameErrors
                .add(contactLoss(label, pred).mul(CONTACT_WEIGHT)).add(upError(label, pred).mul(UP_WEIGHT));
    }

    static NDArray positionError(NDArray label, NDArray pred) {
        long batch = label.getShape().get(0), frames = label.getShape().get(2);
        NDArray d = pred.get(POSITIONS).sub(label.get(POSITIONS)).reshape(batch, 33, 3, frames);
        return d.square().sum(new int[]{2}).add(1e-8f).sqrt().mean();
    }

    private static NDArray velocityError(NDArray label, NDArray pred) {
        long batch = label.getShape().get(0), frames = label.getShape().get(2);
        NDArray p = pred.get(POSITIONS), y = label.get(POSITIONS);
        NDArray dp = p.get(":, :, 1:").sub(p.get(":, :, :-1")), dy = y.get(":, :, 1:").sub(y.get(":, :, :-1"));
        return dp.sub(dy).reshape(batch, 33, 3, frames - 1).square().sum(new int[]{2}).add(1e-8f).sqrt().mean();
    }

    private static NDArray accelerationError(NDArray label, NDArray pred) {
        long batch = label.getShape().get(0), frames = label.getShape().get(2);
        NDArray p = pred.get(POSITIONS), y = label.get(POSITIONS);
        NDArray ap = p.get(":, :, 2:").sub(p.get(":, :, 1:-1").mul(2)).add(p.get(":, :, :-2"));
        NDArray ay = y.get(":, :, 2:").sub(y.get(":, :, 1:-1").mul(2)).add(y.get(":, :, :-2"));
        return ap.sub(ay).reshape(batch, 33, 3, frames - 2).square().sum(new int[]{2}).add(1e-8f).sqrt().mean();
    }

    static NDArray upError(NDArray label, NDArray pred) {
        NDArray d = pred.get(UP).sub(label.get(UP));
        return d.square().sum(new int[]{1}).add(1e-8f).sqrt().mean();
    }

    private static NDArray contactLoss(NDArray label, NDArray pred) {
        NDArray z = pred.get(CONTACT_LOGITS), y = label.get(CONTACT_LOGITS);
        return z.maximum(0f).sub(z.mul(y)).add(z.abs().neg().exp().add(1f).log()).mean();
    }
}
