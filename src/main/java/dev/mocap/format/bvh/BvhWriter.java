package dev.mocap.format.bvh;

import dev.mocap.AtomicFiles;
import dev.mocap.body.Motion;
import dev.mocap.body.Skeleton;
import dev.mocap.body.Vec3;
import dev.mocap.format.EulerOrder;
import dev.mocap.format.MotionWriter;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a {@link Motion} as BVH in the internal axes (Y up, facing +Z), which is what BVH
 * readers expect. The root has {@code OFFSET 0 0 0} and six channels holding its absolute
 * position, because readers disagree on how a non-zero root OFFSET combines with the position
 * channels; every other joint has three rotation channels only. Rotations are Euler angles in
 * degrees in {@link BvhOptions#rotationOrder()}, made continuous across frames.
 * Leaf joints get an End Site: the skeleton's, else a short stub along the bone.
 * End sites of joints that have children cannot be expressed in BVH and are left out.
 */
public final class BvhWriter implements MotionWriter {
    private static final int DECIMALS = 9;
    private static final MathContext FRAME_TIME_DIGITS = new MathContext(12);
    private static final double STUB_FRACTION = 0.1, STUB_MINIMUM = 0.01;
    private static final String[] AXIS_NAMES = {"X", "Y", "Z"};

    private final BvhOptions options;

    public BvhWriter() {
        this(BvhOptions.DEFAULT);
    }

    public BvhWriter(BvhOptions options) {
        this.options = options;
    }

    /** Writes the file atomically (a temporary file moved into place). */
    @Override
    public void write(Motion motion, Path file) {
        AtomicFiles.write(file, out -> write(motion, out));
    }

    /** Writes ASCII text; the stream is flushed, not closed. */
    public void write(Motion motion, OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.US_ASCII));
        write(motion, writer);
        writer.flush();
    }

    /** Writes the text; the writer is not closed. */
    public void write(Motion motion, Writer out) throws IOException {
        Skeleton skeleton = motion.skeleton();
        List<String> names = BvhNames.sanitized(skeleton.names());
        out.write("HIERARCHY\n");
        writeJoint(skeleton, names, 0, "", out);
        out.write("MOTION\n");
        out.write("Frames: " + motion.frameCount() + "\n");
        out.write("Frame Time: " + frameTime(motion.fps()) + "\n");
        writeFrames(motion, out);
    }

    private void writeJoint(Skeleton skeleton, List<String> names, int joint, String indent, Writer out) throws IOException {
        boolean root = joint == 0;
        String inner = indent + "\t";
        out.write(indent + (root ? "ROOT " : "JOINT ") + names.get(joint) + "\n");
        out.write(indent + "{\n");
        out.write(inner + "OFFSET " + vector(root ? Vec3.ZERO : skeleton.offset(joint)) + "\n");
        out.write(inner + (root ? "CHANNELS 6 Xposition Yposition Zposition " : "CHANNELS 3 ") + rotationChannels() + "\n");
        List<Integer> children = skeleton.children(joint);
        for (int child : children) {
            writeJoint(skeleton, names, child, inner, out);
        }
        if (children.isEmpty()) {
            out.write(inner + "End Site\n");
            out.write(inner + "{\n");
            out.write(inner + "\tOFFSET " + vector(endSite(skeleton, joint)) + "\n");
            out.write(inner + "}\n");
        }
        out.write(indent + "}\n");
    }

    private String rotationChannels() {
        EulerOrder order = options.rotationOrder();
        return AXIS_NAMES[order.axis(0)] + "rotation " + AXIS_NAMES[order.axis(1)] + "rotation "
                + AXIS_NAMES[order.axis(2)] + "rotation";
    }

    /**
     * The skeleton's end site, else a stub continuing the bone into the joint: 10% of its length,
     * at least 1 cm, so that readers that take the End Site as the bone's tail get a visible bone.
     */
    static Vec3 endSite(Skeleton skeleton, int joint) {
        Vec3 end = skeleton.endSites()[joint];
        if (end != null) {
            return end;
        }
        int bone = joint;
        while (bone > 0 && skeleton.boneLength(bone) == 0) {
            bone = skeleton.parent(bone);
        }
        if (bone == 0) {
            return Vec3.Y.times(STUB_MINIMUM);
        }
        Vec3 offset = skeleton.offset(bone);
        return offset.normalized().times(Math.max(STUB_FRACTION * offset.length(), STUB_MINIMUM));
    }

    private void writeFrames(Motion motion, Writer out) throws IOException {
        Skeleton skeleton = motion.skeleton();
        int[] order = skeleton.depthFirstOrder();
        double[][] previous = new double[skeleton.size()][];
        StringBuilder line = new StringBuilder();
        for (int f = 0; f < motion.frameCount(); f++) {
            line.setLength(0);
            line.append(vector(motion.rootPositions()[f]));
            for (int joint : order) {
                previous[joint] = options.rotationOrder().anglesNear(motion.rotations().get(f, joint), previous[joint]);
                for (double angle : previous[joint]) {
                    line.append(' ').append(decimal(Math.toDegrees(angle)));
                }
            }
            out.write(line.append('\n').toString());
        }
    }

    /** A length in metres, in the file's unit. */
    private String vector(Vec3 metres) {
        Vec3 v = metres.times(options.unit().perMetre());
        return decimal(v.x()) + " " + decimal(v.y()) + " " + decimal(v.z());
    }

    /** Plain decimal notation (no exponent, which some parsers reject), at most 9 decimals. */
    static String decimal(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("a motion value is not a finite number: " + value);
        }
        BigDecimal d = new BigDecimal(value).setScale(DECIMALS, RoundingMode.HALF_EVEN);
        return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
    }

    /** 1/fps to 12 significant digits, so that a reader recovers the exact rate. */
    static String frameTime(double fps) {
        return BigDecimal.ONE.divide(new BigDecimal(fps), FRAME_TIME_DIGITS).stripTrailingZeros().toPlainString();
    }
}
