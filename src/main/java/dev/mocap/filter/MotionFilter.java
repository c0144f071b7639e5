package dev.mocap.filter;

import dev.mocap.body.Motion;

/**
 * One post-processing step on a recovered motion. A filter returns a new motion with the same
 * skeleton, frame rate, frame count, confidence and contacts (unless contacts are what it makes)
 * and never changes its input.
 */
@FunctionalInterface
public interface MotionFilter {
    MotionFilter NONE = motion -> motion;

    Motion apply(Motion motion);

    /** This filter, then {@code next}. */
    default MotionFilter then(MotionFilter next) {
        return motion -> next.apply(apply(motion));
    }
}
