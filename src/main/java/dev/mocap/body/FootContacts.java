package dev.mocap.body;

/** Per frame, whether the left and the right foot are planted on the ground. */
public record FootContacts(boolean[] left, boolean[] right) {
    public FootContacts {
        if (left.length != right.length) {
            throw new IllegalArgumentException("left and right contacts differ in length");
        }
    }

    public int frameCount() {
        return left.length;
    }

    /** A foot planted here or in {@code other}, frame by frame. */
    public FootContacts or(FootContacts other) {
        boolean[] l = left.clone(), r = right.clone();
        for (int f = 0; f < l.length; f++) {
            l[f] |= other.left[f];
            r[f] |= other.right[f];
        }
        return new FootContacts(l, r);
    }
}
