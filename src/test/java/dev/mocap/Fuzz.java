package dev.mocap;

import java.util.Arrays;
import java.util.BitSet;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * Seeded mutation fuzzing of a parser: each case damages a valid input with one to four edits
 * (a flipped bit, a random byte, a deleted, inserted or duplicated stretch, a cut-off end) and
 * parses it. Any failure other than the parser's own clear error fails the test, naming the case,
 * which {@link #mutate} with the same seed and index reproduces.
 */
public final class Fuzz {
    /** Parses one input, as the code under test reads files. */
    public interface Parser {
        void parse(byte[] input) throws Exception;
    }

    /** What a fuzz run did. */
    public record Outcome(int cases, int rejected) {
        public int accepted() {
            return cases - rejected;
        }
    }

    private static final int CASE_SECONDS = 10;

    private final byte[] valid;
    private final long seed;
    private int[] focus;

    public Fuzz(byte[] valid, long seed) {
        this.valid = valid;
        this.seed = seed;
    }

    /**
     * Makes nine edits in ten land on these byte positions, such as a file's structure rather than
     * the bulk data that the parser only slices.
     */
    public Fuzz focusedOn(BitSet positions) {
        this.focus = positions.stream().toArray();
        return this;
    }

    /**
     * Runs up to {@code cases} cases, stopping early after {@code seconds}; fails on the first
     * throwable that is not a clear error.
     */
    public Outcome run(int cases, double seconds, Parser parser, Predicate<Throwable> clearError) {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        int rejected = 0;
        int i = 0;
        ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
            Thread t = new Thread(task, "fuzz");
            t.setDaemon(true);
            return t;
        });
        try {
            for (; i < cases && System.nanoTime() < deadline; i++) {
                byte[] input = mutate(i);
                Throwable failure = outcome(worker.submit(() -> {
                    parser.parse(input);
                    return null;
                }));
                if (failure != null && !clearError.test(failure)) {
                    throw new AssertionError("fuzz case " + i + " (seed " + seed + ", " + input.length + " bytes): " + failure, failure);
                }
                rejected += failure == null ? 0 : 1;
            }
        } finally {
            worker.shutdownNow();
        }
        return new Outcome(i, rejected);
    }

    /** What the parser threw, or null; a parser still busy after {@value #CASE_SECONDS} s counts as hanging. */
    private static Throwable outcome(Future<?> parse) {
        try {
            parse.get(CASE_SECONDS, TimeUnit.SECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (TimeoutException e) {
            return new AssertionError("the parser hangs (still busy after " + CASE_SECONDS + " s)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** The input of case {@code index}. */
    public byte[] mutate(int index) {
        Random random = new Random(seed * 1_000_003L + index);
        byte[] data = valid;
        for (int edits = 1 + random.nextInt(4); edits > 0 && data.length > 0; edits--) {
            int at = position(random, data.length);
            data = switch (random.nextInt(6)) {
                case 0 -> flipBit(data, at, random);
                case 1 -> setByte(data, at, (byte) random.nextInt(256));
                case 2 -> delete(data, at, 1 + random.nextInt(Math.min(64, data.length - at)));
                case 3 -> insert(data, at, randomBytes(random, 1 + random.nextInt(16)));
                case 4 -> insert(data, at, stretch(data, position(random, data.length), 1 + random.nextInt(64)));
                default -> Arrays.copyOf(data, at);
            };
        }
        return data;
    }

    private int position(Random random, int length) {
        if (focus != null && focus.length > 0 && random.nextInt(10) != 0) {
            int pick = focus[random.nextInt(focus.length)];
            if (pick < length) {
                return pick;
            }
        }
        return random.nextInt(length);
    }

    private static byte[] flipBit(byte[] data, int at, Random random) {
        byte[] out = data.clone();
        out[at] ^= (byte) (1 << random.nextInt(8));
        return out;
    }

    private static byte[] setByte(byte[] data, int at, byte value) {
        byte[] out = data.clone();
        out[at] = value;
        return out;
    }

    private static byte[] delete(byte[] data, int at, int count) {
        byte[] out = new byte[data.length - count];
        System.arraycopy(data, 0, out, 0, at);
        System.arraycopy(data, at + count, out, at, data.length - at - count);
        return out;
    }

    private static byte[] insert(byte[] data, int at, byte[] inserted) {
        byte[] out = new byte[data.length + inserted.length];
        System.arraycopy(data, 0, out, 0, at);
        System.arraycopy(inserted, 0, out, at, inserted.length);
        System.arraycopy(data, at, out, at + inserted.length, data.length - at);
        return out;
    }

    private static byte[] stretch(byte[] data, int from, int length) {
        return Arrays.copyOfRange(data, from, Math.min(data.length, from + length));
    }

    private static byte[] randomBytes(Random random, int count) {
        byte[] out = new byte[count];
        random.nextBytes(out);
        return out;
    }
}
