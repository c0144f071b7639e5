package dev.mocap.pose;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Quality figures of a landmark sequence: how often the person was found, how visible the limb
 * joints were, and how much the hip centre shakes.
 *
 * <p>Hip step is the median frame-to-frame motion of the hip midpoint. Hip jitter is the median
 * distance of the hip midpoint from the middle of its neighbours in the previous and next frames
 * (a second difference), so steady motion does not count as jitter. Both are in pixels and in
 * percent of the median torso length (mid-hip to mid-shoulder).
 */
public final class LandmarkStats {

    public static Map<String, Object> summarize(LandmarkSequence seq) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("frames", seq.frames().size());
        s.put("frames_with_person", seq.framesWithPerson());
        s.put("detection_rate", round(seq.detectionRate()));
        s.put("mean_visibility", meanVisibility(seq));
        double torso = median(torsoLengths(seq));
        double step = median(hipSteps(seq));
        double jitter = median(hipJitter(seq));
        s.put("torso_px", round(torso));
        s.put("hip_step_median_px", round(step));
        s.put("hip_jitter_median_px", round(jitter));
        s.put("hip_jitter_percent_of_torso", round(100 * jitter / torso));
        return s;
    }

    /** The figures of one tracked person, led by their id and the number of people tracked in the video. */
    public static Map<String, Object> summarize(PeopleSequence people, int person) {
        Map<String, Object> s = new LinkedHashMap<>();
        if (person != PeopleSequence.NOBODY) {
            s.put("person", person);
        }
        s.put("people_tracked", people.persons().size());
        s.putAll(summarize(people.person(person)));
        return s;
    }

    private static Map<String, Double> meanVisibility(LandmarkSequence seq) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (int j : BlazePose.MAJOR_JOINTS) {
            out.put(BlazePose.NAMES.get(j), round(seq.frames().stream().filter(FramePose::hasPerson)
                    .mapToDouble(f -> f.landmarks().visibility()[j]).average().orElse(Double.NaN)));
        }
        return out;
    }

    private static List<Double> torsoLengths(LandmarkSequence seq) {
        List<Double> out = new ArrayList<>();
        for (FramePose f : seq.frames()) {
            if (f.hasPerson()) {
                Landmarks l = f.landmarks();
                double sx = (l.imageX(BlazePose.LEFT_SHOULDER) + l.imageX(BlazePose.RIGHT_SHOULDER)) / 2;
                double sy = (l.imageY(BlazePose.LEFT_SHOULDER) + l.imageY(BlazePose.RIGHT_SHOULDER)) / 2;
                out.add(Math.hypot(sx - hipX(l), sy - hipY(l)));
            }
        }
        return out;
    }

    private static List<Double> hipSteps(LandmarkSequence seq) {
        List<Double> out = new ArrayList<>();
        List<FramePose> f = seq.frames();
        for (int i = 1; i < f.size(); i++) {
            if (f.get(i).hasPerson() && f.get(i - 1).hasPerson()) {
                Landmarks a = f.get(i - 1).landmarks(), b = f.get(i).landmarks();
                out.add(Math.hypot(hipX(b) - hipX(a), hipY(b) - hipY(a)));
            }
        }
        return out;
    }

    private static List<Double> hipJitter(LandmarkSequence seq) {
        List<Double> out = new ArrayList<>();
        List<FramePose> f = seq.frames();
        for (int i = 1; i + 1 < f.size(); i++) {
            if (f.get(i - 1).hasPerson() && f.get(i).hasPerson() && f.get(i + 1).hasPerson()) {
                Landmarks a = f.get(i - 1).landmarks(), b = f.get(i).landmarks(), c = f.get(i + 1).landmarks();
                out.add(Math.hypot(hipX(b) - (hipX(a) + hipX(c)) / 2, hipY(b) - (hipY(a) + hipY(c)) / 2));
            }
        }
        return out;
    }

    private static double hipX(Landmarks l) {
        return (l.imageX(BlazePose.LEFT_HIP) + l.imageX(BlazePose.RIGHT_HIP)) / 2;
    }

    private static double hipY(Landmarks l) {
        return (l.imageY(BlazePose.LEFT_HIP) + l.imageY(BlazePose.RIGHT_HIP)) / 2;
    }

    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** Four decimals; null (JSON null) where there was nothing to measure. */
    private static Double round(double v) {
        return Double.isFinite(v) ? Math.round(v * 1e4) / 1e4 : null;
    }

    private LandmarkStats() {
    }
}
