package dev.mocap.body;

import java.util.Arrays;

/**
 * A fixed number of doubles per frame for any number of frames, in pages of
 * {@value #FRAMES_PER_PAGE} frames: a long motion grows a page at a time without being copied,
 * and every page stays small enough for the collector to move (G1 puts an array of half a region
 * or more, 512 KB with the smallest regions, in regions of its own that it never compacts, so
 * a long clip's arrays in one piece can leave a small heap too fragmented for the next one).
 * Only the last page is shorter, so that a short motion stays small.
 */
final class FramePages {
    static final int FRAMES_PER_PAGE = 512;

    private final int stride;
    private double[][] pages = new double[0][];

    /** {@code stride} doubles a frame (at most 128, so that a full page stays under 512 KB). */
    FramePages(int stride) {
        if (stride < 0 || stride > 128) {
            throw new IllegalArgumentException(stride + " values a frame");
        }
        this.stride = stride;
    }

    /** Value {@code k} of frame {@code frame}; 0 where nothing was set. */
    double get(int frame, int k) {
        int page = frame / FRAMES_PER_PAGE, at = (frame % FRAMES_PER_PAGE) * stride + k;
        return page < pages.length && at < pages[page].length ? pages[page][at] : 0;
    }

    void set(int frame, int k, double value) {
        reach(frame);
        pages[frame / FRAMES_PER_PAGE][(frame % FRAMES_PER_PAGE) * stride + k] = value;
    }

    /** A copy whose pages are its own. */
    FramePages copy() {
        FramePages out = new FramePages(stride);
        out.pages = Arrays.stream(pages).map(double[]::clone).toArray(double[][]::new);
        return out;
    }

    /** Room for {@code frame}: full pages before its own, and its own long enough (doubling). */
    void reach(int frame) {
        if (frame < 0) {
            throw new IndexOutOfBoundsException("frame " + frame);
        }
        int page = frame / FRAMES_PER_PAGE, full = FRAMES_PER_PAGE * stride;
        if (page >= pages.length) {
            int had = pages.length;
            pages = Arrays.copyOf(pages, page + 1);
            if (had > 0) {
                pages[had - 1] = Arrays.copyOf(pages[had - 1], full);
            }
            for (int p = had; p < page; p++) {
                pages[p] = new double[full];
            }
            pages[page] = new double[0];
        }
        int needed = (frame % FRAMES_PER_PAGE + 1) * stride;
        if (pages[page].length < needed) {
            pages[page] = Arrays.copyOf(pages[page], Math.min(full, Math.max(needed, 2 * pages[page].length)));
        }
    }
}
