package dev.mocap.bench;

import dev.mocap.AtomicFiles;
import dev.mocap.ExitCode;
import dev.mocap.MocapException;
import dev.mocap.body.Motion;
import dev.mocap.body.Quat;
import dev.mocap.body.Vec3;
import dev.mocap.format.bvh.BvhReader;
import dev.mocap.synth.CorpusClip;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The CMU mocap clips of the test data (120 fps, CMU length units); the run and the dance are the
 * learned refiner's benchmark, motion it never trained on.
 */
public final class CmuClips {
    /** One CMU length unit, (1/0.45) inch, in metres. */
    public static final double CMU_UNIT = 0.056444;
    /** Every 4th frame of the 120 fps clips gives the 30 fps of the videos. */
    public static final int STEP_TO_30_FPS = 4;

    /** A clip file of the test data's CMU folder. */
    public record Clip(String file) {
    }

    public static final List<Clip> HELD_OUT = List.of(new Clip("cmu_09_11_run.bvh"), new Clip("cmu_55_01_dance.bvh"));

    private CmuClips() {
    }

    /**
     * The clip's motion at its own 120 fps, in metres, from its first frame of motion (the run and
     * the dance start with a T-pose: {@link CorpusClip#motionStart}).
     */
    public static Motion read(Path cmuDir, Clip clip) {
        Path file = cmuDir.resolve(clip.file());
        if (!Files.isRegularFile(file)) {
            throw new MocapException(ExitCode.BAD_INPUT, "CMU clip not found: " + file);
        }
        try {
            Motion take = BvhReader.read(file, CMU_UNIT);
            return every(take, CorpusClip.motionStart(take), 1);
        } catch (IOException e) {
            throw new MocapException(ExitCode.BAD_INPUT, "cannot read " + file + ": " + AtomicFiles.describe(e), e);
        }
    }

    /** Every {@code step}-th frame from {@code first}. */
    public static Motion every(Motion m, int first, int step) {
        int n = (m.frameCount() - first + step - 1) / step;
        Vec3[] root = new Vec3[n];
        Quat[][] rotations = new Quat[n][];
        for (int k = 0; k < n; k++) {
            root[k] = m.rootPositions()[first + k * step];
            rotations[k] = m.rotations().frame(first + k * step);
        }
        return new Motion(m.skeleton(), m.fps() / step, root, rotations);
    }
}
