package dev.mocap.body;

/** Joint world positions and rotations from local rotations. */
public final class ForwardKinematics {

    /** World rotation of every joint: the product of local rotations from the root down. */
    public static Quat[] worldRotations(Skeleton skeleton, Quat[] local) {
        Quat[] world = new Quat[skeleton.size()];
        world[0] = local[0];
        for (int j = 1; j < world.length; j++) {
            world[j] = world[skeleton.parent(j)].times(local[j]);
        }
        return world;
    }

    /** World position of every joint, the root placed at {@code root}. */
    public static Vec3[] positions(Skeleton skeleton, Vec3 root, Quat[] local) {
        Quat[] world = worldRotations(skeleton, local);
        Vec3[] p = new Vec3[skeleton.size()];
        p[0] = root;
        for (int j = 1; j < p.length; j++) {
            int parent = skeleton.parent(j);
            p[j] = p[parent].plus(world[parent].rotate(skeleton.offset(j)));
        }
        return p;
    }

    private ForwardKinematics() {
    }
}
