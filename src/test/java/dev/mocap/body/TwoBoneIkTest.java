package dev.mocap.body;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TwoBoneIkTest {
    private static final Vec3 HIP = new Vec3(0, 1, 0), KNEE = new Vec3(0, 0.55, 0.05), ANKLE = new Vec3(0, 0.1, 0);

    private static Vec3 reached(TwoBoneIk.Turns turns) {
        Vec3 knee = HIP.plus(turns.swing().rotate(KNEE.minus(HIP)));
        return knee.plus(turns.swing().times(turns.bend()).rotate(ANKLE.minus(KNEE)));
    }

    @Test
    void aReachableGoalIsReachedWithTheBonesKept() {
        Vec3 goal = new Vec3(0.2, 0.3, 0.25);
        TwoBoneIk.Turns turns = new TwoBoneIk(0.001, 0, 1e-6).solve(HIP, KNEE, ANKLE, goal, null);
        assertEquals(0, reached(turns).distance(goal), 1e-12);
        Vec3 knee = HIP.plus(turns.swing().rotate(KNEE.minus(HIP)));
        assertEquals(KNEE.distance(HIP), knee.distance(HIP), 1e-12);
        assertEquals(ANKLE.distance(KNEE), reached(turns).distance(knee), 1e-12);
    }

    @Test
    void aGoalOutOfReachGetsTheLongestReachTowardsIt() {
        TwoBoneIk ik = new TwoBoneIk(0, 1e-4, 1e-4);
        double upper = KNEE.distance(HIP), lower = ANKLE.distance(KNEE);
        Vec3 far = new Vec3(0, -5, 0);
        assertEquals(ik.longest(upper, lower), reached(ik.solve(HIP, KNEE, ANKLE, far, null)).distance(HIP), 1e-12);
        assertEquals(upper + lower - 1e-4, ik.longest(upper, lower), 1e-15);
        assertEquals(0.999 * (upper + lower), new TwoBoneIk(0.001, 0, 1e-6).longest(upper, lower), 1e-15);
    }

    @Test
    void aStraightLimbBendsAboutTheAxisGivenOrOnlySwings() {
        Vec3 knee = new Vec3(0, 0.55, 0), ankle = new Vec3(0, 0.1, 0), goal = new Vec3(0, 0.3, 0.1);
        TwoBoneIk ik = new TwoBoneIk(0, 1e-4, 1e-4);
        assertEquals(0, reachedFrom(knee, ankle, ik.solve(HIP, knee, ankle, goal, Vec3.X)).distance(goal), 1e-12);
        TwoBoneIk.Turns straight = ik.solve(HIP, knee, ankle, goal, null);
        assertEquals(0, straight.bend().angle(), 1e-12);
        assertEquals(HIP.distance(ankle), reachedFrom(knee, ankle, straight).distance(HIP), 1e-12);
    }

    private static Vec3 reachedFrom(Vec3 knee, Vec3 ankle, TwoBoneIk.Turns turns) {
        return HIP.plus(turns.swing().rotate(knee.minus(HIP))).plus(turns.swing().times(turns.bend()).rotate(ankle.minus(knee)));
    }
}
