package dev.mocap.body.mesh;

import dev.mocap.body.Smpl24;
import dev.mocap.body.Vec3;

import java.util.List;
import java.util.function.IntFunction;

import static dev.mocap.body.Smpl24.*;

/**
 * The mannequin's coarse control mesh, built like a box-modelled figure: a torso of 8-vertex
 * rings from the hips to the top of the head, with an opening on each side for the arms and two
 * at the bottom for the legs, and a tube of 6-vertex rings from each opening through elbow and
 * wrist to the finger tips, or through knee and ankle, bending at the heel, to the toes. Rings
 * sit at fractions of the bones and take their radii from an adult's proportions scaled to the
 * skeleton (lengths below are for a 1.70 m adult). Each ring is weighted to the joint whose bone
 * it surrounds, half-and-half where it surrounds a joint. Subdivision then smooths both shape
 * and weights.
 */
final class MannequinCage {
    /** Torso ring vertex k at 45k degrees from the front towards the left: 0 front, 2 left, 4 back, 6 right. */
    private static final double[] TORSO_ANGLES = {0, 45, 90, 135, 180, 225, 270, 315};
    /** Torso rings are horizontal: first axis to the front (+Z), second to the left (+X). */
    private static final RingFrame TORSO_FRAME = RingFrame.of(Vec3.Y, Vec3.Z);
    /** Arm rings (left side), from the top towards the front: underarm front first, as the opening. */
    private static final double[] ARM_ANGLES = {120, 180, 240, 300, 360, 420};
    /** Leg rings (left side), from the front towards the inside: back-inner first, as the opening. */
    private static final double[] LEG_ANGLES = {150, 210, 270, 330, 390, 450};

    /** A ring of a limb: where it sits, how it is turned, its two radii and joint weights. */
    private record Section(Vec3 centre, RingFrame frame, double radius1, double radius2, double[] weights) {
    }

    private final Anatomy body;
    private final Cage cage = new Cage(Smpl24.COUNT);

    private MannequinCage(Anatomy body) {
        this.body = body;
    }

    static Cage build(Anatomy body) {
        MannequinCage builder = new MannequinCage(body);
        builder.addBody();
        return builder.cage;
    }

    private void addBody() {
        double hipHalf = body.hipHalfWidth(), shoulderHalf = body.shoulderHalfWidth();
        Vec3 hips = body.joint(LEFT_HIP).lerp(body.joint(RIGHT_HIP), 0.5);
        double shoulderY = (body.joint(LEFT_SHOULDER).y() + body.joint(RIGHT_SHOULDER).y()) / 2;

        int[] hipRing = torsoRing(hips.plus(new Vec3(0, 0, -s(0.025))), s(0.105), hipHalf + s(0.085), only(PELVIS));
        int crotch = cage.addVertex(hips.plus(new Vec3(0, -s(0.075), 0)), only(PELVIS));
        int[] pelvis = torsoRing(body.joint(PELVIS).plus(new Vec3(0, s(0.03), -s(0.01))), s(0.10), hipHalf + s(0.07), only(PELVIS));
        int[] waist = torsoRing(body.joint(SPINE1), s(0.09), s(0.135), blend(PELVIS, SPINE1, 0.5));
        int[] belly = torsoRing(body.joint(SPINE2).plus(new Vec3(0, 0, s(0.01))), s(0.10), s(0.145), blend(SPINE1, SPINE2, 0.5));
        int[] chest = torsoRing(body.joint(SPINE3).plus(new Vec3(0, 0, s(0.015))), s(0.115), 0.85 * shoulderHalf, blend(SPINE2, SPINE3, 0.5));
        int[] armpits = torsoRing(at(body.joint(SPINE3), shoulderY - s(0.065)), s(0.105), 0.85 * shoulderHalf, only(SPINE3));
        int[] shoulders = shoulderRing(at(body.joint(NECK), shoulderY + s(0.045)).plus(new Vec3(0, 0, -s(0.01))),
                s(0.075), 0.8 * shoulderHalf);
        for (int[][] band : new int[][][]{{hipRing, pelvis}, {pelvis, waist}, {waist, belly}, {belly, chest}, {chest, armpits}}) {
            cage.bridge(band[0], band[1], BodySide.CENTRE);
        }
        bridgeAroundArms(armpits, shoulders);
        addNeckAndHead(shoulders);
        for (BodySide side : List.of(BodySide.LEFT, BodySide.RIGHT)) {
            addArm(side, armOpening(armpits, shoulders, side));
            addLeg(side, legOpening(hipRing, crotch, side));
        }
    }

    private void addNeckAndHead(int[] shoulders) {
        Vec3 neck = body.joint(NECK), head = body.joint(HEAD), top = body.headTop();
        double headHeight = top.y() - head.y();
        int[] neckBase = torsoRing(neck.plus(new Vec3(0, s(0.02), 0)), s(0.058), s(0.058), blend(SPINE3, NECK, 0.5));
        int[] neckMiddle = torsoRing(neck.lerp(head, 0.5), s(0.053), s(0.053), only(NECK));
        int[] jaw = torsoRing(head.plus(new Vec3(0, -0.07 * headHeight, s(0.015))), s(0.072), s(0.06), blend(NECK, HEAD, 0.7));
        int[] face = torsoRing(head.plus(new Vec3(0, 0.3 * headHeight, -s(0.013))), s(0.10), s(0.078), only(HEAD));
        int[] brow = torsoRing(head.plus(new Vec3(0, 0.65 * headHeight, -s(0.015))), s(0.095), s(0.075), only(HEAD));
        int crown = cage.addVertex(top.plus(new Vec3(0, s(0.045), -s(0.015))), only(HEAD));
        int[][] rings = {shoulders, neckBase, neckMiddle, jaw, face, brow};
        for (int i = 0; i + 1 < rings.length; i++) {
            cage.bridge(rings[i], rings[i + 1], BodySide.CENTRE);
        }
        cage.cap(brow, crown, BodySide.CENTRE);
    }

    private void addArm(BodySide side, int[] opening) {
        Vec3 shoulder = body.joint(side, LEFT_SHOULDER), elbow = body.joint(side, LEFT_ELBOW);
        Vec3 wrist = body.joint(side, LEFT_WRIST), hand = body.joint(side, LEFT_HAND), tip = body.fingerTip(side);
        int collarJ = side.joint(LEFT_COLLAR), shoulderJ = side.joint(LEFT_SHOULDER), elbowJ = side.joint(LEFT_ELBOW);
        int wristJ = side.joint(LEFT_WRIST), handJ = side.joint(LEFT_HAND);
        Vec3 upper = elbow.minus(shoulder), fore = wrist.minus(elbow), palm = hand.minus(wrist), fingers = tip.minus(hand);
        addLimb(side, opening, ARM_ANGLES, List.of(
                new Section(shoulder.plus(upper.times(0.12)), armFrame(side, upper), s(0.058), s(0.055), blend(collarJ, shoulderJ, 0.65)),
                new Section(shoulder.plus(upper.times(0.5)), armFrame(side, upper), s(0.047), s(0.045), only(shoulderJ)),
                new Section(elbow, armFrame(side, upper.plus(fore)), s(0.037), s(0.037), blend(shoulderJ, elbowJ, 0.5)),
                new Section(elbow.plus(fore.times(0.3)), armFrame(side, fore), s(0.037), s(0.042), only(elbowJ)),
                new Section(wrist, armFrame(side, fore), s(0.021), s(0.031), blend(elbowJ, wristJ, 0.5)),
                new Section(wrist.plus(palm.times(0.5)), armFrame(side, palm), s(0.019), s(0.045), only(wristJ)),
                new Section(hand, armFrame(side, palm), s(0.016), s(0.048), blend(wristJ, handJ, 0.5)),
                new Section(hand.plus(fingers.times(0.5)), armFrame(side, fingers), s(0.012), s(0.042), only(handJ))),
                tip.plus(fingers.times(0.2)), only(handJ));
    }

    private void addLeg(BodySide side, int[] opening) {
        Vec3 hip = body.joint(side, LEFT_HIP), knee = body.joint(side, LEFT_KNEE), ankle = body.joint(side, LEFT_ANKLE);
        Vec3 foot = body.joint(side, LEFT_FOOT), toe = body.toeTip(side), forward = body.forward(side);
        int hipJ = side.joint(LEFT_HIP), kneeJ = side.joint(LEFT_KNEE), ankleJ = side.joint(LEFT_ANKLE), footJ = side.joint(LEFT_FOOT);
        Vec3 thigh = knee.minus(hip), shin = ankle.minus(knee), outwards = Vec3.X.times(side.sign());
        double sole = body.soleHeight(side);
        double thighInner = Math.min(s(0.075), 0.85 * body.hipHalfWidth());
        RingFrame heel = RingFrame.of(shin.normalized().plus(forward), forward.plus(Vec3.Y));
        addLimb(side, opening, LEG_ANGLES, List.of(
                new Section(hip.plus(thigh.times(0.22)).plus(outwards.times(s(0.01))), legFrame(thigh), s(0.085), thighInner, blend(PELVIS, hipJ, 0.8)),
                new Section(hip.plus(thigh.times(0.55)), legFrame(thigh), s(0.072), s(0.068), only(hipJ)),
                new Section(knee, legFrame(thigh.plus(shin)), s(0.05), s(0.048), blend(hipJ, kneeJ, 0.5)),
                new Section(knee.plus(shin.times(0.3)).minus(forward.times(s(0.015))), legFrame(shin), s(0.058), s(0.052), only(kneeJ)),
                new Section(knee.plus(shin.times(0.72)), legFrame(shin), s(0.037), s(0.035), only(kneeJ)),
                new Section(ankle, legFrame(shin), s(0.033), s(0.031), blend(kneeJ, ankleJ, 0.5)),
                new Section(ankle.plus(new Vec3(0, -s(0.035), 0)).minus(forward.times(s(0.01))), heel, s(0.065), s(0.036), only(ankleJ)),
                new Section(at(ankle.lerp(foot, 0.5), sole + s(0.035)), footFrame(forward), s(0.035), s(0.045), only(ankleJ)),
                new Section(at(foot, sole + s(0.022)), footFrame(forward), s(0.022), s(0.05), blend(ankleJ, footJ, 0.5)),
                new Section(at(foot.lerp(toe, 0.55), sole + s(0.016)), footFrame(forward), s(0.016), s(0.045), only(footJ))),
                at(toe, sole + s(0.014)).plus(forward.times(s(0.01))), only(footJ));
    }

    /** A tube from an opening through the sections to a tip. */
    private void addLimb(BodySide side, int[] opening, double[] leftAngles, List<Section> sections, Vec3 tip, double[] tipWeights) {
        double[] angles = side.angles(leftAngles);
        int[] previous = opening;
        for (Section s : sections) {
            int[] ring = ring(s.centre(), s.frame(), s.radius1(), s.radius2(), angles, k -> s.weights());
            cage.bridge(previous, ring, side);
            previous = ring;
        }
        cage.cap(previous, cage.addVertex(tip, tipWeights), side);
    }

    /** The torso between armpits and shoulders, except where the arms join it (vertices 1–3 and 5–7). */
    private void bridgeAroundArms(int[] armpits, int[] shoulders) {
        for (int k : new int[]{0, 3, 4, 7}) {
            int next = (k + 1) % 8;
            cage.addFace(BodySide.CENTRE, armpits[k], armpits[next], shoulders[next], shoulders[k]);
        }
    }

    /**
     * The loop around an arm's opening, counter-clockwise about the arm: underarm front, middle
     * and back, then over the shoulder from back to front.
     */
    private static int[] armOpening(int[] armpits, int[] shoulders, BodySide side) {
        int front = torsoIndex(side, 1), middle = torsoIndex(side, 2), back = torsoIndex(side, 3);
        return side.loop(new int[]{armpits[front], armpits[middle], armpits[back], shoulders[back], shoulders[middle], shoulders[front]});
    }

    /**
     * The loop around a leg's opening in the bottom of the torso, counter-clockwise about the leg
     * (pointing down): back, along the side of the hips to the front, and through the crotch.
     */
    private static int[] legOpening(int[] hipRing, int crotch, BodySide side) {
        int[] loop = new int[6];
        for (int i = 0; i < 5; i++) {
            loop[i] = hipRing[torsoIndex(side, 4 - i)];
        }
        loop[5] = crotch;
        return side.loop(loop);
    }

    /** The torso ring index on a side for a left-side index: mirrored about the front–back line. */
    private static int torsoIndex(BodySide side, int leftIndex) {
        return side == BodySide.RIGHT ? (8 - leftIndex) % 8 : leftIndex;
    }

    /** A horizontal torso ring: half-depth along Z (front), half-width along X. */
    private int[] torsoRing(Vec3 centre, double halfDepth, double halfWidth, double[] weights) {
        return ring(centre, TORSO_FRAME, halfDepth, halfWidth, TORSO_ANGLES, k -> weights);
    }

    /** The ring over the shoulders: its side vertices (1–3 left, 5–7 right) also move with the collar bones. */
    private int[] shoulderRing(Vec3 centre, double halfDepth, double halfWidth) {
        return ring(centre, TORSO_FRAME, halfDepth, halfWidth, TORSO_ANGLES, k -> k % 4 == 0 ? only(SPINE3)
                : blend(SPINE3, k < 4 ? LEFT_COLLAR : RIGHT_COLLAR, 0.5));
    }

    /**
     * A ring of vertices on the ellipse with the given radii. Subdivision pulls a ring of n
     * vertices in to (4 + 2 cos(2π/n)) / 6 of its radius; the cage is widened by as much.
     */
    private int[] ring(Vec3 centre, RingFrame frame, double radius1, double radius2, double[] angles, IntFunction<double[]> weights) {
        double widen = 6 / (4 + 2 * Math.cos(2 * Math.PI / angles.length));
        int[] ring = new int[angles.length];
        for (int i = 0; i < angles.length; i++) {
            ring[i] = cage.addVertex(frame.point(centre, angles[i], widen * radius1, widen * radius2), weights.apply(i));
        }
        return ring;
    }

    /** Arm rings: first axis over the top of the arm (up in a T-pose), second axis to the front. */
    private static RingFrame armFrame(BodySide side, Vec3 along) {
        return RingFrame.of(along, Vec3.Z.cross(along).times(side.sign()));
    }

    /** Leg rings: first axis to the front. */
    private static RingFrame legFrame(Vec3 along) {
        return RingFrame.of(along, Vec3.Z);
    }

    /** Foot rings: first axis up. */
    private static RingFrame footFrame(Vec3 forward) {
        return RingFrame.of(forward, Vec3.Y);
    }

    private double s(double metres) {
        return body.scaled(metres);
    }

    private static Vec3 at(Vec3 p, double y) {
        return new Vec3(p.x(), y, p.z());
    }

    private static double[] only(int joint) {
        double[] w = new double[Smpl24.COUNT];
        w[joint] = 1;
        return w;
    }

    /** Weights moving from joint a (t = 0) to joint b (t = 1). */
    private static double[] blend(int a, int b, double t) {
        double[] w = new double[Smpl24.COUNT];
        w[a] = 1 - t;
        w[b] = t;
        return w;
    }
}
