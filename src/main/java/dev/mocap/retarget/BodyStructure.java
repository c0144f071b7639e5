package dev.mocap.retarget;

import dev.mocap.body.Vec3;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.mocap.body.Smpl24.*;

/**
 * Finds a humanoid's main joints from the shape of its skeleton alone, for rigs whose names say
 * nothing: rest positions in the project's frame (Y up, facing +Z, the character's left at +X).
 * The legs are the chains down to the lowest leaf bones on either side (chains of at least three
 * joints below the waist, which IK targets parked under the root are not), the pelvis is where
 * they meet; the arms are the chains out to the outermost leaves, which meet at the chest; the
 * head tops the chain above the chest. Along each chain, bones sitting on their parent's joint
 * (helpers, twist bones in line) are passed over, and the joints are picked by height (legs) or
 * by reach (arms), which works for an A-pose as for a T-pose. Fingers and other side branches are
 * left alone.
 */
final class BodyStructure {
    /** Bones closer than this fraction of the body's height to the previous joint share its joint. */
    private static final double SAME_JOINT = 0.01;
    private static final double WAIST = 0.6, ANKLE_MAX = 0.25, HIP_LEVEL = 0.8;
    /** Spine, neck, head and two arms of at least three joints. */
    private static final int MIN_UPPER_BODY = 9;

    private final int[] parents;
    private final Vec3[] rest;
    private final List<List<Integer>> children = new ArrayList<>();
    private final double floor, height;
    private final Map<Integer, Integer> found = new HashMap<>();

    private BodyStructure(int[] parents, Vec3[] rest) {
        this.parents = parents;
        this.rest = rest;
        for (int b = 0; b < parents.length; b++) {
            children.add(new ArrayList<>());
        }
        for (int b = 0; b < parents.length; b++) {
            if (parents[b] >= 0) {
                children.get(parents[b]).add(b);
            }
        }
        double low = Double.MAX_VALUE, high = -Double.MAX_VALUE;
        for (Vec3 p : rest) {
            low = Math.min(low, p.y());
            high = Math.max(high, p.y());
        }
        floor = low;
        height = Math.max(high - low, 1e-9);
    }

    /** Bone → SMPL joint for the joints the shape shows; empty when it shows no two legs and two arms. */
    static Map<Integer, Integer> find(int[] parents, Vec3[] rest) {
        BodyStructure s = new BodyStructure(parents, rest);
        s.findAll();
        return s.found;
    }

    private void findAll() {
        int leftFoot = lowestLegLeaf(true), rightFoot = lowestLegLeaf(false);
        if (leftFoot < 0 || rightFoot < 0) {
            return;
        }
        int legs = commonAncestor(leftFoot, rightFoot), pelvis = legs;
        List<Integer> upper = upperBody(pelvis, leftFoot, rightFoot);
        while (upper.size() < MIN_UPPER_BODY && parents[pelvis] >= 0) {
            // The legs may hang from a bone of their own beside the spine.
            pelvis = parents[pelvis];
            upper = upperBody(pelvis, leftFoot, rightFoot);
        }
        int leftTip = outermostLeaf(upper, 1), rightTip = outermostLeaf(upper, -1);
        int topLeaf = upper.stream().filter(b -> children.get(b).isEmpty()).max((a, b) -> Double.compare(rest[a].y(), rest[b].y())).orElse(-1);
        if (leftTip < 0 || rightTip < 0 || leftTip == rightTip || topLeaf < 0) {
            return;
        }
        int chest = commonAncestor(leftTip, rightTip);
        if (chest == pelvis || !isBelow(chest, pelvis) || !isBelow(topLeaf, chest) || topLeaf == chest) {
            return;
        }
        found.put(hips(pelvis, chest, legs, leftFoot, rightFoot), PELVIS);
        leg(joints(legs, leftFoot), LEFT_HIP, LEFT_KNEE, LEFT_ANKLE, LEFT_FOOT);
        leg(joints(legs, rightFoot), RIGHT_HIP, RIGHT_KNEE, RIGHT_ANKLE, RIGHT_FOOT);
        arm(chest, leftTip, LEFT_COLLAR, LEFT_SHOULDER, LEFT_ELBOW, LEFT_WRIST);
        arm(chest, rightTip, RIGHT_COLLAR, RIGHT_SHOULDER, RIGHT_ELBOW, RIGHT_WRIST);
        head(joints(chest, topLeaf));
    }

    /**
     * The bone that stands for the pelvis: where legs and spine meet, or where that is a root on
     * the floor (legs and hips both hanging from it), the first bone up the spine at hip height.
     */
    private int hips(int pelvis, int chest, int legs, int leftFoot, int rightFoot) {
        List<Integer> left = joints(legs, leftFoot), right = joints(legs, rightFoot);
        if (left.isEmpty() || right.isEmpty()) {
            return pelvis;
        }
        double hipHeight = Math.min(height(left.get(0)), height(right.get(0)));
        if (height(pelvis) >= HIP_LEVEL * hipHeight) {
            return pelvis;
        }
        for (int b : joints(pelvis, chest)) {
            if (height(b) >= HIP_LEVEL * hipHeight) {
                return b;
            }
        }
        return pelvis;
    }

    /** The bones below the pelvis but not in the legs. */
    private List<Integer> upperBody(int pelvis, int leftFoot, int rightFoot) {
        int leftLeg = childToward(pelvis, leftFoot), rightLeg = childToward(pelvis, rightFoot);
        List<Integer> upper = new ArrayList<>();
        for (int b = 0; b < parents.length; b++) {
            if (b != pelvis && isBelow(b, pelvis) && !isBelow(b, leftLeg) && !isBelow(b, rightLeg)) {
                upper.add(b);
            }
        }
        return upper;
    }

    /** The lowest leaf on that side whose chain has three joints below the waist: a foot, not an IK target. */
    private int lowestLegLeaf(boolean left) {
        int best = -1;
        for (int b = 0; b < parents.length; b++) {
            if (children.get(b).isEmpty() && (rest[b].x() > 0) == left && jointsBelowWaist(b) >= 3
                    && (best < 0 || rest[b].y() < rest[best].y())) {
                best = b;
            }
        }
        return best;
    }

    private int jointsBelowWaist(int leaf) {
        int count = 0;
        Vec3 last = null;
        for (int b = leaf; b >= 0; b = parents[b]) {
            if (height(b) < WAIST && (last == null || last.distance(rest[b]) > SAME_JOINT * height)) {
                count++;
            }
            last = rest[b];
        }
        return count;
    }

    /** The leaf reaching furthest to that side (+1 left, −1 right). */
    private int outermostLeaf(List<Integer> bones, int side) {
        int best = -1;
        for (int b : bones) {
            if (children.get(b).isEmpty() && rest[b].x() * side > 0 && (best < 0 || rest[b].x() * side > rest[best].x() * side)) {
                best = b;
            }
        }
        return best;
    }

    /** Hip, knee, ankle by height (knee halfway down, ankle the first joint low on the leg), then the ball of the foot. */
    private void leg(List<Integer> chain, int hip, int knee, int ankle, int ball) {
        if (chain.size() < 3) {
            return;
        }
        int a = 1;
        while (a < chain.size() - 1 && height(chain.get(a)) > ANKLE_MAX * height(chain.get(0))) {
            a++;
        }
        double middle = (height(chain.get(0)) + height(chain.get(a))) / 2;
        int k = 1;
        for (int i = 1; i < a; i++) {
            if (Math.abs(height(chain.get(i)) - middle) < Math.abs(height(chain.get(k)) - middle)) {
                k = i;
            }
        }
        if (k >= a) {
            return;
        }
        found.put(chain.get(0), hip);
        found.put(chain.get(k), knee);
        found.put(chain.get(a), ankle);
        if (a + 1 < chain.size()) {
            found.put(chain.get(a + 1), ball);
        }
    }

    /**
     * Collar (when the chain has one), shoulder, elbow about halfway to the wrist, and the wrist:
     * where the fingers branch off, or for a hand without fingers the tip, or the joint before it
     * where the chain has an end bone.
     */
    private void arm(int chest, int tip, int collar, int shoulder, int elbow, int wrist) {
        int hand = tip;
        while (hand != chest && children.get(hand).size() < 2) {
            hand = parents[hand];
        }
        hand = hand == chest ? tip : hand;
        List<Integer> chain = joints(chest, hand);
        if (hand == tip && chain.size() >= 5) {
            chain.remove(chain.size() - 1);
        }
        if (chain.size() < 3) {
            return;
        }
        int last = chain.size() - 1;
        int s = chain.size() >= 4 ? 1 : 0;
        double reach = rest[chain.get(s)].distance(rest[chain.get(last)]);
        int e = s + 1;
        for (int i = s + 1; i < last; i++) {
            if (Math.abs(rest[chain.get(s)].distance(rest[chain.get(i)]) - reach / 2)
                    < Math.abs(rest[chain.get(s)].distance(rest[chain.get(e)]) - reach / 2)) {
                e = i;
            }
        }
        if (e >= last) {
            return;
        }
        if (s == 1) {
            found.put(chain.get(0), collar);
        }
        found.put(chain.get(s), shoulder);
        found.put(chain.get(e), elbow);
        found.put(chain.get(last), wrist);
    }

    /** The head: the joint below the top of the skull when the chain ends in one, else the top (the spine and neck go by the chain, {@link AutoBoneMap}). */
    private void head(List<Integer> chain) {
        if (!chain.isEmpty()) {
            found.put(chain.get(chain.size() >= 3 ? chain.size() - 2 : chain.size() - 1), HEAD);
        }
    }

    /**
     * The joints from below {@code top} down to {@code bottom}: of bones sharing a position, the
     * lowest in the hierarchy stands for it (it is the one the next joint hangs from); bones on
     * {@code top}'s own joint are passed over.
     */
    private List<Integer> joints(int top, int bottom) {
        List<Integer> path = new ArrayList<>();
        for (int b = bottom; b != top && b >= 0; b = parents[b]) {
            path.add(0, b);
        }
        List<Integer> out = new ArrayList<>();
        for (int b : path) {
            Vec3 above = out.isEmpty() ? rest[top] : rest[out.get(out.size() - 1)];
            if (above.distance(rest[b]) > SAME_JOINT * height) {
                out.add(b);
            } else if (!out.isEmpty()) {
                out.set(out.size() - 1, b);
            }
        }
        return out;
    }

    private double height(int bone) {
        return (rest[bone].y() - floor) / height;
    }

    private boolean isBelow(int bone, int ancestor) {
        for (int b = bone; b >= 0; b = parents[b]) {
            if (b == ancestor) {
                return true;
            }
        }
        return false;
    }

    private int childToward(int ancestor, int bone) {
        int b = bone;
        while (parents[b] != ancestor) {
            b = parents[b];
        }
        return b;
    }

    private int commonAncestor(int a, int b) {
        while (!isBelow(b, a)) {
            a = parents[a];
        }
        return a;
    }
}
