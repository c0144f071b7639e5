package dev.mocap.smpl;

import java.util.Arrays;

/**
 * One array of a {@code .npy} file, in C (row-major) order: numbers as doubles (every integer
 * numpy writes for the data the tool reads fits exactly), or text for string dtypes
 * ({@code <U…}, {@code |S…}). A shape of length 0 is a scalar with one element.
 */
public record NpyArray(int[] shape, double[] numbers, String[] text) {

    public NpyArray {
        long n = elementCount(shape);
        int have = numbers != null ? numbers.length : text.length;
        if ((numbers == null) == (text == null) || n != have) {
            throw new IllegalArgumentException("an array of shape " + shapeText(shape) + " holds " + n + " values, not " + have);
        }
    }

    /** Numbers in C order with this shape. */
    public static NpyArray of(double[] numbers, int... shape) {
        return new NpyArray(shape, numbers, null);
    }

    /** A text scalar, as numpy stores {@code np.array('male')}. */
    public static NpyArray text(String value) {
        return new NpyArray(new int[0], null, new String[]{value});
    }

    public boolean isText() {
        return text != null;
    }

    public int size() {
        return isText() ? text.length : numbers.length;
    }

    /** The single value of a scalar or one-element array. */
    public double scalar() {
        return numbers[0];
    }

    /** The element at a C-order index. */
    public double at(int index) {
        return numbers[index];
    }

    public String shapeText() {
        return shapeText(shape);
    }

    /** Like numpy prints it: {@code (10, 72)}, {@code (3,)}, {@code ()}. */
    public static String shapeText(int[] shape) {
        if (shape.length == 1) {
            return "(" + shape[0] + ",)";
        }
        return "(" + String.join(", ", Arrays.stream(shape).mapToObj(Integer::toString).toList()) + ")";
    }

    /** The product of the dimensions, or -1 past {@link Integer#MAX_VALUE} or for a negative dimension. */
    static long elementCount(int[] shape) {
        long n = 1;
        for (int d : shape) {
            if (d < 0) {
                return -1;
            }
            n *= d;
            if (n > Integer.MAX_VALUE) {
                return -1;
            }
        }
        return n;
    }
}
