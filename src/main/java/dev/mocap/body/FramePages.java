package dev.mocap.body;

import java.util.Arrays;

/**
 * A fixed number of doubles per frame for any number of frames, in pages of at most
 * {@value #PAGE_DOUBLES} doubles (512 frames of 24 joints' rotations): a long motion grows a page
 * at a time without being copied, and every page stays small enough for the collector to move
 * (G1 puts an array of half a region or more, 512 KB with the smallest regions, in regions of its
 * own that it never compacts, so a long clip's arrays in one piece can leave a small heap too
 * fragmented for the next one). Only the last page is shorter, so that a short motion stays small.
 */
final class FramePages {
    static final int PAGE_DOUBLES = 48 * 1024;

    private final int stride, framesPerPage;
    private double[][] pages = new double[0][];

    /** {@code stride} doubles a frame. */
    FramePages(int stride) {
        if (stride < 0) {
            throw new IllegalArgumentException(stride + " values a frame");
        }
        this.stride = stride;
        framesPerPage = framesPerPage(stride);
    }

    /** How many frames of {@code stride} doubles a page holds. */
    static int framesPerPage(int stride) {
        return Math.max(1, PAGE_DOUBLES / Math.max(stride, 1));
    }

    /** Value {@code k} of frame {@code frame}; 0 where nothing was set. */
    double get(int frame, int k) {
        int page = frame / framesPerPage, at = (frame % framesPerPage) * stride + k;
        return page < pages.length && at < pages[page].length ? pages[page][at] : 0;
    }

    void set(int frame, int k, double value) {
        reach(frame);
        pages[frame / framesPerPage][(frame % framesPerPage) * stride + k] = value;
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
        int page = frame / framesPerPage, full = framesPerPage * stride;
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
        int needed = (frame % framesPerPage + 1) * stride;
        if (pages[page].length < needed) {
            pages[page] = Arrays.copyOf(pages[page], Math.min(full, Math.max(needed, 2 * pages[page].length)));
        }
    }
}
