package dev.mocap.format.fbx.binary;

/**
 * One typed value of a node record. The Java type of the value picks the FBX type code:
 * Short Y, Boolean C, Integer I, Float F, Double D, Long L, String S, byte[] R, and the arrays
 * float[] f, double[] d, long[] l, int[] i, boolean[] b.
 */
public final class FbxProperty {
    private final char type;
    private final Object value;

    private FbxProperty(char type, Object value) {
        this.type = type;
        this.value = value;
    }

    public static FbxProperty of(Object value) {
        return new FbxProperty(typeOf(value), value);
    }

    private static char typeOf(Object value) {
        if (value instanceof Short) {
            return 'Y';
        } else if (value instanceof Boolean) {
            return 'C';
        } else if (value instanceof Integer) {
            return 'I';
        } else if (value instanceof Float) {
            return 'F';
        } else if (value instanceof Double) {
            return 'D';
        } else if (value instanceof Long) {
            return 'L';
        } else if (value instanceof String) {
            return 'S';
        } else if (value instanceof byte[]) {
            return 'R';
        } else if (value instanceof float[]) {
            return 'f';
        } else if (value instanceof double[]) {
            return 'd';
        } else if (value instanceof long[]) {
            return 'l';
        } else if (value instanceof int[]) {
            return 'i';
        } else if (value instanceof boolean[]) {
            return 'b';
        }
        throw new IllegalArgumentException("no FBX property type for " + (value == null ? "null" : value.getClass().getName()));
    }

    public char type() {
        return type;
    }

    public Object value() {
        return value;
    }
}
