package dev.mocap.body;

/** The joints of one SMPL-24 leg, found by name so that any joint order (a BVH's) works. */
public record Leg(int hip, int knee, int ankle, int foot) {

    public static Leg left(Skeleton skeleton) {
        return of(skeleton, "left_");
    }

    public static Leg right(Skeleton skeleton) {
        return of(skeleton, "right_");
    }

    private static Leg of(Skeleton skeleton, String side) {
        return new Leg(joint(skeleton, side + "hip"), joint(skeleton, side + "knee"), joint(skeleton, side + "ankle"),
                joint(skeleton, side + "foot"));
    }

    private static int joint(Skeleton skeleton, String name) {
        int j = skeleton.indexOf(name);
        if (j < 0) {
            throw new IllegalArgumentException("not an SMPL-24 skeleton: no joint '" + name + "'");
        }
        return j;
    }
}
