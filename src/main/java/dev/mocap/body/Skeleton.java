package dev.mocap.body;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A joint hierarchy in its rest pose. Every joint's rest frame is aligned with the world axes
 * (no rest rotations), so {@code offsets[j]} is the rest position of joint j relative to its
 * parent, in metres, in world axes; the root's offset is zero. {@code endSites[j]}, where not
 * null, is the tip of a leaf joint's bone relative to that joint (a BVH End Site).
 * Parents come before their children.
 */
public record Skeleton(List<String> names, int[] parents, Vec3[] offsets, Vec3[] endSites) {

    public Skeleton {
        if (parents.length == 0) {
            throw new IllegalArgumentException("a skeleton needs at least one joint");
        }
        if (parents.length != names.size() || offsets.length != names.size() || endSites.length != names.size()) {
            throw new IllegalArgumentException("names, parents, offsets and end sites differ in length");
        }
        for (int j = 0; j < parents.length; j++) {
            if (j == 0 ? parents[j] != -1 : parents[j] < 0 || parents[j] >= j) {
                throw new IllegalArgumentException("joint " + names.get(j) + " must come after its parent; the root first");
            }
        }
        names = List.copyOf(names);
    }

    public int size() {
        return parents.length;
    }

    public String name(int joint) {
        return names.get(joint);
    }

    public int parent(int joint) {
        return parents[joint];
    }

    public Vec3 offset(int joint) {
        return offsets[joint];
    }

    /** The joint's index, or -1. */
    public int indexOf(String name) {
        return names.indexOf(name);
    }

    public List<Integer> children(int joint) {
        List<Integer> out = new ArrayList<>();
        for (int j = joint + 1; j < parents.length; j++) {
            if (parents[j] == joint) {
                out.add(j);
            }
        }
        return out;
    }

    /** Joints in depth-first order (children in index order), as BVH lists them. */
    public int[] depthFirstOrder() {
        List<Integer> order = new ArrayList<>();
        visit(0, order);
        return order.stream().mapToInt(Integer::intValue).toArray();
    }

    private void visit(int joint, List<Integer> order) {
        order.add(joint);
        for (int child : children(joint)) {
            visit(child, order);
        }
    }

    /** Rest positions of all joints with the root at the origin. */
    public Vec3[] restPositions() {
        Vec3[] p = new Vec3[size()];
        p[0] = Vec3.ZERO;
        for (int j = 1; j < p.length; j++) {
            p[j] = p[parents[j]].plus(offsets[j]);
        }
        return p;
    }

    /** Length of the bone from joint j's parent to joint j. */
    public double boneLength(int joint) {
        return offsets[joint].length();
    }

    /** The same hierarchy with every length multiplied by {@code factor}. */
    public Skeleton scaled(double factor) {
        return new Skeleton(names, parents, Arrays.stream(offsets).map(o -> o.times(factor)).toArray(Vec3[]::new),
                Arrays.stream(endSites).map(e -> e == null ? null : e.times(factor)).toArray(Vec3[]::new));
    }
}
