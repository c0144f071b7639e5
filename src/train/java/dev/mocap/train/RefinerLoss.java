package dev.mocap.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;

/**
 * SmoothNet's loss on normalised windows: mean absolute error of the samples plus
 * {@code accelWeight} times that of their second differences (the acceleration), so the refiner
 * is pushed both towards the clean values and towards the clean motion's smoothness.
 */
final class RefinerLoss extends Loss {
    private final float accelWeight;

    RefinerLoss(float accelWeight) {
        super("refiner_loss");
        this.accelWeight = accelWeight;
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray target = labels.singletonOrThrow(), predicted = predictions.singletonOrThrow();
        NDArray values = predicted.sub(target).abs().mean();
        NDArray accel = acceleration(predicted).sub(acceleration(target)).abs().mean();
        return values.add(accel.mul(accelWeight));
    }

    private static NDArray acceleration(NDArray windows) {
        return windows.get(":, 2:").sub(windows.get(":, 1:-1").mul(2)).add(windows.get(":, :-2"));
    }
}
