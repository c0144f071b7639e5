package dev.mocap.format.bvh;

import dev.mocap.body.Motion;
import dev.mocap.body.Quat;
import dev.mocap.body.Skeleton;
import dev.mocap.body.Vec3;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * Reads any single-skeleton BVH file into a {@link Motion} on a skeleton with the file's joint
 * names, offsets and End Sites, lengths multiplied by the caller's unit scale (metres per file
 * unit: 1 for metre files, 0.01 for centimetres, 0.056444 for CMU). Axes are taken as they are.
 *
 * <p>Channels may come in any order and number per joint; rotations are multiplied in listed
 * order (degrees). Position channels are read as Blender reads them: they give the joint's
 * position relative to its parent and replace its OFFSET, an axis without a channel reading 0.
 * So the root's position channels are absolute and a non-zero root OFFSET is ignored (a root
 * without position channels stays at its OFFSET). A non-root joint's position channels must be
 * constant, and become its offset; a moving one is rejected, since {@link Motion} moves only the
 * root. Frame rates that the printed frame time rounds from, among whole rates and NTSC rates
 * (n · 1000/1001), are taken exactly: "0.0083333" reads as 120 fps.
 */
public final class BvhReader {
    private static final List<String> CHANNEL_NAMES =
            List.of("xposition", "yposition", "zposition", "xrotation", "yrotation", "zrotation");
    private static final double CONSTANT_TOLERANCE = 1e-6;

    private final BvhTokens tokens;
    private final double unitScale;
    private final List<BvhJoint> joints = new ArrayList<>();
    private int columns;

    private BvhReader(BvhTokens tokens, double unitScale) {
        if (!(unitScale > 0) || Double.isInfinite(unitScale)) {
            throw new IllegalArgumentException("unit scale must be a positive number: " + unitScale);
        }
        this.tokens = tokens;
        this.unitScale = unitScale;
    }

    public static Motion read(Path file, double unitScale) throws IOException {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8))) {
            return new BvhReader(new BvhTokens(in, file.toString()), unitScale).read();
        }
    }

    /** Reads from a reader (not closed); {@code source} names it in error messages. */
    public static Motion read(Reader in, String source, double unitScale) throws IOException {
        return new BvhReader(new BvhTokens(new BufferedReader(in), source), unitScale).read();
    }

    private Motion read() throws IOException {
        tokens.expect("HIERARCHY");
        tokens.expect("ROOT");
        readHierarchy();
        String word = tokens.next("MOTION");
        if (word.equalsIgnoreCase("ROOT")) {
            throw tokens.error("a second ROOT: only files with one skeleton are supported");
        }
        if (!word.equalsIgnoreCase("MOTION")) {
            throw tokens.error("expected MOTION after the hierarchy, found '" + word + "'");
        }
        tokens.expect("Frames:");
        int frameCount = tokens.count("the frame count", Integer.MAX_VALUE);
        tokens.expect("Frame");
        tokens.expect("Time:");
        double fps = frameRate(tokens.next("the frame time"));
        return readFrames(fps, frameCount);
    }

    /** Reads the joints, the ROOT keyword already consumed; iterative, so deep nesting cannot overflow the stack. */
    private void readHierarchy() throws IOException {
        Deque<Integer> open = new ArrayDeque<>();
        open.push(readJoint(-1));
        while (!open.isEmpty()) {
            String word = tokens.next("JOINT, End Site or }");
            if (word.equalsIgnoreCase("JOINT")) {
                open.push(readJoint(open.peek()));
            } else if (word.equalsIgnoreCase("End")) {
                readEndSite(joints.get(open.peek()));
            } else if (word.equals("}")) {
                open.pop();
            } else {
                throw tokens.error("expected JOINT, End Site or }, found '" + word + "'");
            }
        }
    }

    private int readJoint(int parent) throws IOException {
        String[] nameWords = openingLine();
        if (nameWords.length == 0) {
            throw tokens.error("a joint without a name");
        }
        String name = String.join(" ", nameWords);
        tokens.expect("OFFSET");
        Vec3 offset = vector("the OFFSET of " + name);
        tokens.expect("CHANNELS");
        int[] channels = new int[tokens.count("the channel count of " + name, CHANNEL_NAMES.size())];
        for (int i = 0; i < channels.length; i++) {
            String channel = tokens.next("a channel name");
            int kind = CHANNEL_NAMES.indexOf(channel.toLowerCase(Locale.ROOT));
            if (kind < 0) {
                throw tokens.error("unknown channel '" + channel + "'");
            }
            if (Arrays.stream(channels, 0, i).anyMatch(earlier -> earlier == kind)) {
                throw tokens.error("channel " + channel + " appears twice in " + name);
            }
            channels[i] = kind;
        }
        joints.add(new BvhJoint(name, parent, offset, channels, columns));
        columns += channels.length;
        return joints.size() - 1;
    }

    /** "End Site", the word End already consumed; a name after "Site" is ignored, as Blender does. */
    private void readEndSite(BvhJoint joint) throws IOException {
        String site = tokens.next("End Site");
        if (!site.equalsIgnoreCase("Site")) {
            throw tokens.error("expected End Site, found End " + site);
        }
        openingLine();
        if (joint.endSite != null) {
            throw tokens.error("joint " + joint.name + " has a second End Site");
        }
        tokens.expect("OFFSET");
        joint.endSite = vector("the End Site OFFSET of " + joint.name);
        tokens.expect("}");
    }

    /** The rest of a block's first line, then its "{", which may also end that line. */
    private String[] openingLine() throws IOException {
        String[] words = tokens.restOfLine();
        if (words.length > 0 && words[words.length - 1].equals("{")) {
            return Arrays.copyOf(words, words.length - 1);
        }
        tokens.expect("{");
        return words;
    }

    private Vec3 vector(String what) throws IOException {
        return new Vec3(tokens.number(what), tokens.number(what), tokens.number(what));
    }

    private double frameRate(String word) throws IOException {
        double frameTime = tokens.parseNumber(word, "the frame time");
        if (!(frameTime > 0) || Double.isInfinite(1 / frameTime)) {
            throw tokens.error("the frame time must be a positive number of seconds, found " + word);
        }
        double tolerance = printedHalfUlp(word);
        double whole = Math.rint(1 / frameTime);
        double ntsc = Math.rint(1 / frameTime * 1.001) * 1000 / 1001;
        for (double rate : new double[]{whole, ntsc}) {
            if (rate > 0 && Math.abs(1 / rate - frameTime) <= tolerance) {
                return rate;
            }
        }
        return 1 / frameTime;
    }

    /** Half a unit in the last printed digit of a number ("0.0083333": 5e-8); 0 for unusual notations. */
    private static double printedHalfUlp(String word) {
        try {
            return new BigDecimal(word).ulp().doubleValue() / 2 * (1 + 1e-9);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private Motion readFrames(double fps, int frameCount) throws IOException {
        BvhJoint root = joints.get(0);
        Vec3[] constantPositions = new Vec3[joints.size()];
        List<Vec3> rootPositions = new ArrayList<>();
        List<Quat[]> rotations = new ArrayList<>();
        for (int f = 0; f < frameCount; f++) {
            double[] values = frameValues(f, frameCount);
            rootPositions.add((root.hasPosition() ? root.position(values) : root.offset).times(unitScale));
            Quat[] frame = new Quat[joints.size()];
            for (int j = 0; j < frame.length; j++) {
                BvhJoint joint = joints.get(j);
                frame[j] = joint.rotation(values);
                if (j > 0 && joint.hasPosition()) {
                    constantPositions[j] = constantPosition(joint, values, constantPositions[j]);
                }
            }
            rotations.add(frame);
        }
        if (tokens.nextLine() != null) {
            throw tokens.error("more frame lines than 'Frames: " + frameCount + "'");
        }
        return new Motion(skeleton(constantPositions), fps, rootPositions.toArray(Vec3[]::new), rotations.toArray(Quat[][]::new));
    }

    private double[] frameValues(int frame, int frameCount) throws IOException {
        String[] words = tokens.nextLine();
        if (words == null) {
            throw tokens.error("the file ends after " + frame + " of " + frameCount + " frames");
        }
        if (words.length != columns) {
            throw tokens.error("frame " + (frame + 1) + " has " + words.length + " values, the hierarchy has " + columns + " channels");
        }
        double[] values = new double[columns];
        for (int i = 0; i < columns; i++) {
            values[i] = tokens.parseNumber(words[i], "a channel value");
        }
        return values;
    }

    private Vec3 constantPosition(BvhJoint joint, double[] values, Vec3 first) throws BvhFormatException {
        Vec3 p = joint.position(values);
        if (first == null) {
            return p;
        }
        double tolerance = CONSTANT_TOLERANCE * Math.max(1, Math.max(Math.abs(first.x()), Math.max(Math.abs(first.y()), Math.abs(first.z()))));
        if (Math.abs(p.x() - first.x()) > tolerance || Math.abs(p.y() - first.y()) > tolerance || Math.abs(p.z() - first.z()) > tolerance) {
            throw tokens.error("joint " + joint.name + " has moving position channels; only the root may move");
        }
        return first;
    }

    private Skeleton skeleton(Vec3[] constantPositions) {
        int n = joints.size();
        List<String> names = new ArrayList<>(n);
        int[] parents = new int[n];
        Vec3[] offsets = new Vec3[n];
        Vec3[] endSites = new Vec3[n];
        for (int j = 0; j < n; j++) {
            BvhJoint joint = joints.get(j);
            names.add(joint.name);
            parents[j] = joint.parent;
            Vec3 offset = j == 0 ? Vec3.ZERO : constantPositions[j] != null ? constantPositions[j] : joint.offset;
            offsets[j] = offset.times(unitScale);
            endSites[j] = joint.endSite == null ? null : joint.endSite.times(unitScale);
        }
        return new Skeleton(names, parents, offsets, endSites);
    }
}
