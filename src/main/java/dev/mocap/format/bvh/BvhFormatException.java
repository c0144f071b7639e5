package dev.mocap.format.bvh;

import java.io.IOException;

/** A BVH file that cannot be read; the message names the source and the line. */
public class BvhFormatException extends IOException {
    private final int line;

    public BvhFormatException(String source, int line, String problem) {
        super(source + " line " + line + ": " + problem);
        this.line = line;
    }

    /** The 1-based line where the problem was found. */
    public int line() {
        return line;
    }
}
