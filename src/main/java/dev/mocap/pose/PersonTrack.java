package dev.mocap.pose;

/**
 * One person followed through the video: the region for the landmark model in the next frame
 * (built from the smoothed alignment points, as MediaPipe does, so the crop does not shake), the
 * region actually observed in the last frame they were seen, and the velocity of its centre, which
 * predicts where the person is while they are hidden.
 */
final class PersonTrack {
    // MediaPipe's smoothing of the alignment points: cut-off 0.01 Hz, beta 10, derivative 1 Hz.
    private static final double MIN_CUTOFF = 0.01, BETA = 10, DERIVATIVE_CUTOFF = 1;
    /** Weight of the newest frame in the velocity estimate. */
    private static final double VELOCITY_WEIGHT = 0.5;
    /** A hidden person is assumed to slow down with this time constant (s): prediction never runs far. */
    private static final double COAST_SECONDS = 0.5;

    final int id;
    private final OneEuroSignal[] alignmentFilters = new OneEuroSignal[4];
    private Roi next;
    private Roi observed;
    private double seenAt = Double.NaN;
    private double lostAt = Double.NaN;
    private double velocityX, velocityY;
    private int framesSeen;
    private Landmarks current;

    PersonTrack(int id) {
        this.id = id;
        for (int i = 0; i < alignmentFilters.length; i++) {
            alignmentFilters[i] = new OneEuroSignal(MIN_CUTOFF, BETA, DERIVATIVE_CUTOFF);
        }
    }

    /** Whether the track was followed into the previous frame, so {@link #nextRoi} is where to look now. */
    boolean isActive() {
        return next != null;
    }

    /** The landmarks of the current frame, or null when the person was not seen in it. */
    Landmarks current() {
        return current;
    }

    Roi nextRoi() {
        return next;
    }

    /** The region seen in the frame the person was last seen in (the current one, if seen now). */
    Roi observed() {
        return observed;
    }

    int framesSeen() {
        return framesSeen;
    }

    /** Whether the person was lost in a frame before {@code time} and not found since. */
    boolean lostBefore(double time) {
        return current == null && next == null && lostAt < time;
    }

    /** Seconds since the person was last seen. */
    double unseenFor(double time) {
        return time - seenAt;
    }

    /** Called at the start of every frame. */
    void startFrame() {
        current = null;
    }

    /** The model found the person in the region tracked from the previous frame. */
    void follow(double time, LandmarkEstimator.Estimate estimate) {
        Roi seen = alignmentRoi(estimate.alignment());
        double dt = time - seenAt;
        if (observed != null && dt > 0) {
            velocityX += VELOCITY_WEIGHT * ((seen.centerX() - observed.centerX()) / dt - velocityX);
            velocityY += VELOCITY_WEIGHT * ((seen.centerY() - observed.centerY()) / dt - velocityY);
        }
        see(time, estimate, seen);
    }

    /** The person is found again after being lost (or for the first time): smoothing starts afresh. */
    void restart(double time, LandmarkEstimator.Estimate estimate) {
        resetFilters();
        see(time, estimate, alignmentRoi(estimate.alignment()));
    }

    /** The person was not found where they were expected at {@code time}: keep them for re-identification only. */
    void lose(double time) {
        lostAt = time;
        next = null;
        current = null;
        resetFilters();
    }

    /** Where the person is expected at {@code time}: the last region moved on with a decaying velocity. */
    Roi predicted(double time) {
        double coast = COAST_SECONDS * (1 - Math.exp(-Math.max(0, unseenFor(time)) / COAST_SECONDS));
        return new Roi(observed.centerX() + velocityX * coast, observed.centerY() + velocityY * coast, observed.size(), observed.rotation());
    }

    private void see(double time, LandmarkEstimator.Estimate estimate, Roi seen) {
        observed = seen;
        seenAt = time;
        current = estimate.landmarks();
        framesSeen++;
        next = smoothedRoi(time, estimate.alignment());
    }

    private Roi smoothedRoi(double time, float[] alignment) {
        double scale = (Math.abs(alignment[2] - alignment[0]) + Math.abs(alignment[3] - alignment[1])) / 2;
        double valueScale = scale > 0 ? 1 / scale : 1;
        double[] p = new double[4];
        for (int i = 0; i < 4; i++) {
            p[i] = alignmentFilters[i].apply(time, alignment[i], valueScale);
        }
        return Roi.fromAlignmentPoints(p[0], p[1], p[2], p[3]);
    }

    private static Roi alignmentRoi(float[] a) {
        return Roi.fromAlignmentPoints(a[0], a[1], a[2], a[3]);
    }

    private void resetFilters() {
        for (OneEuroSignal f : alignmentFilters) {
            f.reset();
        }
    }
}
