package dev.mocap.math;

/**
 * The speed of a point moving in a plane, from samples (time, u, v): the slope of a least-squares
 * line through them, which the samples' jitter barely moves.
 */
public final class LineSpeed {
    private double st, su, sv, stt, stu, stv;
    private int count;

    public void add(double time, double u, double v) {
        st += time;
        su += u;
        sv += v;
        stt += time * time;
        stu += time * u;
        stv += time * v;
        count++;
    }

    /** Units of u and v per unit of time; infinite with fewer than three samples or all at one time. */
    public double speed() {
        double denominator = count * stt - st * st;
        if (count < 3 || denominator <= 1e-12) {
            return Double.POSITIVE_INFINITY;
        }
        return Math.hypot(count * stu - st * su, count * stv - st * sv) / denominator;
    }
}
