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
}
