package dev.mocap.retarget;

import dev.mocap.body.FootPin;
import dev.mocap.body.ForwardKinematics;
import dev.mocap.body.Motion;
import dev.mocap.body.Quat;
import dev.mocap.body.RootShift;
import dev.mocap.body.Skeleton;
import dev.mocap.body.Smpl24;
import dev.mocap.body.Vec3;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static dev.mocap.body.Smpl24.*;

/**
 * Moves a motion from one skeleton onto a {@link Rig} in world space (BODY.md §8). Every mapped
 * target bone b following SMPL joint k takes the source's world rotation change of k and keeps
 * its own rest orientation: G_tgt(b) = G_src(k) · A(b) · R_rest_tgt(b), where A(b) turns the
 * target's rest bone direction onto the source's (A-pose onto T-pose, splayed legs onto straight
 * ones) and the source has world-aligned rest frames (SMPL, BVH). Bones that follow a joint in
 * part slerp from the joint's SMPL parent; bones that follow nothing keep their rest rotation
 * relative to their parent. The pelvis path is scaled up and down by the ratio of hip heights
 * (pelvis above the ankles) and across the floor by the ratio of leg lengths (a stride is as long
 * as the legs: a body swaying over a planted foot then leaves that foot where it is, however the
 * two ratios differ), and put on the target's floor. Last, a two-bone IK pass ({@link LimbReach}) puts
 * hands and feet where the source's are relative to shoulders and hips, which differing
 * upper/lower bone ratios would otherwise shift; a foot the source has planted (its foot
 * contacts) is held still at the toes instead ({@link FootPin}), as the pelvis of a body with other
 * proportions would otherwise drag it, blended in and out over {@link #PIN_BLEND_SECONDS}: the
 * whole body first moves toward the pins ({@link RootShift}), so the legs keep the source's pose
 * and bend only for what is left.
 *
 * <p>The result is a {@link Motion} on {@link Rig#skeleton()}: the target's names and rest
 * positions with world-aligned rest frames, ready for BVH and FBX; {@link Rig#rigLocalRotations}
 * turns its rotations into the rig's own bone frames.
 */
public final class Retargeter {
    /** For each SMPL joint the joint its bone points to (-1: none, or more than one), to compare rest directions. */
    private static final int[] BONE_CHILD = {-1, LEFT_KNEE, RIGHT_KNEE, SPINE2, LEFT_ANKLE, RIGHT_ANKLE, SPINE3, LEFT_FOOT,
            RIGHT_FOOT, NECK, -1, -1, HEAD, LEFT_SHOULDER, RIGHT_SHOULDER, -1, LEFT_ELBOW, RIGHT_ELBOW, LEFT_WRIST, RIGHT_WRIST,
            LEFT_HAND, RIGHT_HAND, -1, -1};
    private static final int[] SMPL_PARENTS = Smpl24.parents();
    /** How long a foot takes to move between following its hip and staying pinned, around a contact. */
    static final double PIN_BLEND_SECONDS = 0.1;

    /** Root, middle and end joint of each limb. */
    private static final int[][] LIMB_JOINTS = {{LEFT_HIP, LEFT_KNEE, LEFT_ANKLE}, {RIGHT_HIP, RIGHT_KNEE, RIGHT_ANKLE},
            {LEFT_SHOULDER, LEFT_ELBOW, LEFT_WRIST}, {RIGHT_SHOULDER, RIGHT_ELBOW, RIGHT_WRIST}};

    private final Motion source;
    private final Skeleton skeleton;
    private final List<LimbReach> limbs = new ArrayList<>();
    private final int[] sourceBones;
    private final Rig target;
    private final Quat[] restCorrection;
    private final double scale, stride;
    private final Vec3 offset;

    private Retargeter(Motion source, BoneMap sourceMap, Rig target) {
        this.source = source;
        this.sourceBones = sourceMap.bonesBySmplJoint();
        this.target = target;
        if (sourceBones[PELVIS] != 0) {
            throw new IllegalArgumentException("the source's pelvis must be its root joint");
        }
        for (int joint : new int[]{LEFT_HIP, RIGHT_HIP, LEFT_ANKLE, RIGHT_ANKLE}) {
            if (sourceBones[joint] < 0 || target.map().boneFor(joint) < 0 || target.map().boneFor(PELVIS) < 0) {
                throw new IllegalArgumentException("pelvis, hips and ankles are needed in the source and the target");
            }
        }
        this.restCorrection = restCorrections(source.skeleton().restPositions(), target.restWorldPositions());
        Vec3[] targetRest = target.restWorldPositions();
        int[] targetBones = target.map().bonesBySmplJoint();
        double targetAnkles = (targetRest[targetBones[LEFT_ANKLE]].y() + targetRest[targetBones[RIGHT_ANKLE]].y()) / 2;
        this.scale = hipHeight(targetRest, targetBones) / hipHeight(source.skeleton().restPositions(), sourceBones);
        this.offset = new Vec3(0, targetAnkles - scale * lowestAnkle(), 0);
        this.skeleton = target.skeleton();
        Vec3[] sourceRest = source.skeleton().restPositions();
        for (int[] joints : LIMB_JOINTS) {
            if (Arrays.stream(joints).allMatch(j -> sourceBones[j] >= 0 && targetBones[j] >= 0)) {
                limbs.add(new LimbReach(targetBones[joints[0]], targetBones[joints[1]], targetBones[joints[2]], sourceBones[joints[0]],
                        sourceBones[joints[2]], limbLength(targetRest, targetBones, joints) / limbLength(sourceRest, sourceBones, joints)));
            }
        }
        double[] legs = limbs.stream().filter(l -> l.sourceEnd() == sourceBones[LEFT_ANKLE] || l.sourceEnd() == sourceBones[RIGHT_ANKLE])
                .mapToDouble(LimbReach::scale).toArray();
        this.stride = legs.length == 2 ? (legs[0] + legs[1]) / 2 : scale;
    }

    private static double limbLength(Vec3[] rest, int[] bones, int[] joints) {
        return rest[bones[joints[0]]].distance(rest[bones[joints[1]]]) + rest[bones[joints[1]]].distance(rest[bones[joints[2]]]);
    }

    /** Prepares the transfer of {@code source}, whose joints {@code sourceMap} names, onto {@code target}. */
    public static Retargeter of(Motion source, BoneMap sourceMap, Rig target) {
        return new Retargeter(source, sourceMap, target);
    }

    /** Ratio of target to source hip heights (the pelvis path's vertical scale). */
    public double scale() {
        return scale;
    }

    /** Where a point of the source's world lands in the target's: scaled, on the target's floor. */
    public Vec3 toTarget(Vec3 sourcePoint) {
        return new Vec3(sourcePoint.x() * stride, sourcePoint.y() * scale, sourcePoint.z() * stride).plus(offset);
    }

    /** The motion on the target (same frames, rate, confidence and foot contacts). */
    public Motion motion() {
        int frames = source.frameCount();
        FootPin[] pins = new FootPin[LIMB_JOINTS.length];
        Vec3[] shift = new Vec3[frames];
        Arrays.fill(shift, Vec3.ZERO);
        if (source.contacts() != null) {
            Posed[] free = new Posed[frames];
            Arrays.setAll(free, f -> pose(f, pins, Vec3.ZERO));
            Vec3[][] toes = new Vec3[limbs.size()][];
            for (int i = 0; i < limbs.size(); i++) {
                LimbReach leg = limbs.get(i);
                if (planted(leg) != null) {
                    toes[i] = new Vec3[frames];
                    int toe = toeOf(leg);
                    Arrays.setAll(toes[i], f -> free[f].world(toe));
                }
            }
            pin(pins, toes);
            shift = shiftToPins(pins, toes);
            // Pinned again where the shifted body has its feet, the legs bend only for what the shift could not do.
            for (int i = 0; i < toes.length; i++) {
                for (int f = 0; toes[i] != null && f < frames; f++) {
                    toes[i][f] = toes[i][f].plus(shift[f]);
                }
            }
            pin(pins, toes);
        }
        Vec3[] roots = new Vec3[frames];
        Quat[][] rotations = new Quat[frames][];
        for (int f = 0; f < frames; f++) {
            Posed posed = pose(f, pins, shift[f]);
            rotations[f] = localRotations(posed.rotations());
            roots[f] = posed.root();
        }
        return new Motion(skeleton, source.fps(), roots, rotations, source.confidence(), source.contacts());
    }

    /** The source's contact flags of a leg's foot, or null for an arm. */
    private boolean[] planted(LimbReach limb) {
        return limb.sourceEnd() == sourceBones[LEFT_ANKLE] ? source.contacts().left()
                : limb.sourceEnd() == sourceBones[RIGHT_ANKLE] ? source.contacts().right() : null;
    }

    /** A pin for each leg's toes (null for arms) from where the toes are without one. */
    private void pin(FootPin[] pins, Vec3[][] toes) {
        int blend = Math.max(1, (int) Math.round(PIN_BLEND_SECONDS * source.fps()));
        for (int i = 0; i < toes.length; i++) {
            pins[i] = toes[i] == null ? null : new FootPin(planted(limbs.get(i)), toes[i], blend, FootPin.Ease.LINEAR);
        }
    }

    /**
     * How far the target's root moves so that its pinned toes come to their pins with its pose
     * kept ({@link RootShift}): a character whose hips sit elsewhere on its pelvis (above it, or
     * wider) carries its toes along other paths as the pelvis turns, and holding them only by IK
     * bent its legs away from the source's.
     */
    private Vec3[] shiftToPins(FootPin[] pins, Vec3[][] toes) {
        int frames = source.frameCount();
        Vec3[][] lack = new Vec3[pins.length][frames];
        double[][] weight = new double[pins.length][frames];
        for (int i = 0; i < pins.length; i++) {
            for (int f = 0; pins[i] != null && f < frames; f++) {
                weight[i][f] = pins[i].weight(f);
                lack[i][f] = weight[i][f] > 0 ? pins[i].held(f, pins[i].anchor(f)).minus(toes[i][f]).times(weight[i][f]) : Vec3.ZERO;
            }
        }
        return RootShift.toward(lack, weight, source.fps());
    }

    /** The bone at the toes of a leg's foot (mapped to SMPL's foot joint), else the ankle itself. */
    private int toeOf(LimbReach leg) {
        int toe = target.map().boneFor(leg.end() == target.map().boneFor(LEFT_ANKLE) ? LEFT_FOOT : RIGHT_FOOT);
        return toe >= 0 && target.parent(toe) == leg.end() ? toe : leg.end();
    }

    /** One frame on the target: world rotations, positions relative to the root, and the root's world position. */
    private record Posed(Quat[] rotations, Vec3[] positions, Vec3 root) {
        Vec3 world(int bone) {
            return positions[bone].plus(root);
        }
    }

    /**
     * A frame transferred, the root moved by {@code shift}, limbs reaching as the source's and feet
     * pulled to their pins (none where {@code pins[i]} is null).
     */
    private Posed pose(int frame, FootPin[] pins, Vec3 shift) {
        int hips = target.map().boneFor(PELVIS);
        Quat[] world = worldRotations(ForwardKinematics.worldRotations(source.skeleton(), source.rotations().frame(frame)));
        Vec3[] positions = positionsAtOrigin(world);
        Vec3[] sourcePositions = source.jointPositions(frame);
        Vec3 root = toTarget(source.rootPositions()[frame]).minus(positions[hips]).plus(shift);
        for (int i = 0; i < limbs.size(); i++) {
            LimbReach limb = limbs.get(i);
            FootPin pin = pins[i];
            double weight = pin == null ? 0 : pin.weight(frame);
            // the ankle goes where it puts the toes (which keep their turn) on the pin
            Vec3 ankleGoal = weight > 0 ? pin.held(frame, pin.anchor(frame)).minus(root).minus(positions[toeOf(limb)].minus(positions[limb.end()])) : null;
            limb.follow(skeleton, world, positions, sourcePositions, ankleGoal, weight);
        }
        return new Posed(world, positions, root);
    }

    /** World rotations (world-aligned rest frames) of the target's bones for one frame of source world rotations. */
    private Quat[] worldRotations(Quat[] sourceWorld) {
        Quat[] world = new Quat[target.size()];
        for (int b = 0; b < world.length; b++) {
            int parent = target.parent(b);
            SourceJoint follows = target.map().of(b);
            if (follows == null) {
                world[b] = parent < 0 ? Quat.IDENTITY : world[parent];
            } else {
                Quat turn = sourceTurn(sourceWorld, follows.joint());
                if (!follows.isFull()) {
                    turn = sourceTurn(sourceWorld, SMPL_PARENTS[follows.joint()]).slerp(turn, follows.share());
                }
                world[b] = turn.times(restCorrection[b]).normalized();
            }
        }
        return world;
    }

    private Vec3[] positionsAtOrigin(Quat[] world) {
        Vec3[] p = new Vec3[world.length];
        p[0] = Vec3.ZERO;
        for (int b = 1; b < p.length; b++) {
            p[b] = p[skeleton.parent(b)].plus(world[skeleton.parent(b)].rotate(skeleton.offset(b)));
        }
        return p;
    }

    private Quat[] localRotations(Quat[] world) {
        Quat[] local = new Quat[world.length];
        for (int b = 0; b < local.length; b++) {
            local[b] = b == 0 ? world[0] : world[skeleton.parent(b)].conjugate().times(world[b]).normalized();
        }
        return local;
    }

    /** The world rotation of an SMPL joint in the source, that of its nearest mapped SMPL ancestor where it has none. */
    private Quat sourceTurn(Quat[] sourceWorld, int joint) {
        int j = joint;
        while (sourceBones[j] < 0) {
            j = SMPL_PARENTS[j];
        }
        return sourceWorld[sourceBones[j]];
    }

    /** A(b) per target bone: identity for the pelvis; inherited where the rest directions cannot be compared. */
    private Quat[] restCorrections(Vec3[] sourceRest, Vec3[] targetRest) {
        int[] targetBones = target.map().bonesBySmplJoint();
        Quat[] a = new Quat[target.size()];
        for (int b = 0; b < a.length; b++) {
            a[b] = b == 0 ? Quat.IDENTITY : a[target.parent(b)];
            SourceJoint follows = target.map().of(b);
            if (follows == null || !follows.isFull()) {
                continue;
            }
            int k = follows.joint(), child = BONE_CHILD[k];
            if (k == PELVIS) {
                a[b] = Quat.IDENTITY;
            } else if (child >= 0 && sourceBones[k] >= 0 && sourceBones[child] >= 0 && targetBones[child] >= 0) {
                Vec3 from = targetRest[targetBones[child]].minus(targetRest[b]);
                Vec3 to = sourceRest[sourceBones[child]].minus(sourceRest[sourceBones[k]]);
                if (from.length() > 1e-6 && to.length() > 1e-6) {
                    a[b] = Quat.between(from, to);
                }
            }
        }
        return a;
    }

    /**
     * The standing height of the pelvis over the ankles at rest: pelvis to hip joints, then the
     * legs' length in height, up or down. Character Creator's BVH skeletons have their legs
     * pointing up at rest (the hips' rotations turn them down), where the plain difference in
     * height would turn the pelvis's path upside down.
     */
    private static double hipHeight(Vec3[] rest, int[] bones) {
        double hips = (rest[bones[LEFT_HIP]].y() + rest[bones[RIGHT_HIP]].y()) / 2;
        double ankles = (rest[bones[LEFT_ANKLE]].y() + rest[bones[RIGHT_ANKLE]].y()) / 2;
        return rest[bones[PELVIS]].y() - hips + Math.abs(hips - ankles);
    }

    /** The lowest height either ankle reaches in the clip: the source's ankle height when standing. */
    private double lowestAnkle() {
        double lowest = Double.POSITIVE_INFINITY;
        for (int f = 0; f < source.frameCount(); f++) {
            Vec3[] p = source.jointPositions(f);
            lowest = Math.min(lowest, Math.min(p[sourceBones[LEFT_ANKLE]].y(), p[sourceBones[RIGHT_ANKLE]].y()));
        }
        return lowest;
    }
}
