package dev.mocap.smpl;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code .npy} array format (versions 1.0, 2.0, 3.0): magic {@code \x93NUMPY}, version, a
 * header length, a Python dict literal {@code {'descr': '<f8', 'fortran_order': False,
 * 'shape': (10, 72), }} padded to a 64-byte boundary, then the raw elements. Arrays in Fortran
 * order are returned in C order.
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};

    /** Reads one array; errors are one line without the entry's name, which the caller adds. */
    public static NpyArray read(byte[] file) throws IOException {
        ByteBuffer in = ByteBuffer.wrap(file).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        if (file.length < 10 || !java.util.Arrays.equals(file, 0, 6, MAGIC, 0, 6)) {
            throw new IOException("not a .npy array (no \\x93NUMPY signature)");
        }
        int major = file[6];
        long headerLength;
        int start;
        if (major == 1) {
            headerLength = in.getShort(8) & 0xffff;
            start = 10;
        } else if (major == 2 || major == 3) {
            if (file.length < 12) {
                throw new IOException("the .npy header is cut off");
            }
            headerLength = in.getInt(8) & 0xffffffffL;
            start = 12;
        } else {
            throw new IOException("unsupported .npy version " + major + "." + file[7]);
        }
        if (start + headerLength > file.length) {
            throw new IOException("the .npy header is cut off (" + headerLength + " bytes announced, " + (file.length - start) + " present)");
        }
        String header = new String(file, start, (int) headerLength, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        Header h = Header.parse(header);
        NpyType type = NpyType.parse(h.descr);
        long count = NpyArray.elementCount(h.shape);
        int dataStart = start + (int) headerLength;
        if (count < 0 || count * type.bytes() > file.length - dataStart) {
            throw new IOException("shape " + NpyArray.shapeText(h.shape) + " of " + h.descr + " needs "
                    + (count < 0 ? "more than 2^31 elements" : count * type.bytes() + " bytes") + ", the data has " + (file.length - dataStart));
        }
        ByteBuffer data = ByteBuffer.wrap(file, dataStart, file.length - dataStart).slice().order(type.order());
        int n = (int) count;
        int[] order = h.fortran ? fortranToC(h.shape) : null;
        if (type.isText()) {
            String[] text = new String[n];
            for (int i = 0; i < n; i++) {
                text[order == null ? i : order[i]] = type.text(data, i * type.bytes());
            }
            return new NpyArray(h.shape, null, text);
        }
        double[] numbers = new double[n];
        for (int i = 0; i < n; i++) {
            numbers[order == null ? i : order[i]] = type.number(data, i * type.bytes());
        }
        return new NpyArray(h.shape, numbers, null);
    }

    /** A version 1.0 file with elements of this dtype (e.g. {@code <f8}, {@code >i4}, {@code <U7}), in C or Fortran order. */
    public static byte[] write(NpyArray array, String descr, boolean fortranOrder) {
        NpyType type;
        try {
            type = NpyType.parse(descr);
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        if (type.isText() != array.isText()) {
            throw new IllegalArgumentException("dtype " + descr + " does not fit " + (array.isText() ? "text" : "numbers"));
        }
        String dict = "{'descr': '" + type.descr() + "', 'fortran_order': " + (fortranOrder ? "True" : "False") + ", 'shape': "
                + array.shapeText() + ", }";
        int unpadded = MAGIC.length + 4 + dict.length() + 1;
        String header = dict + " ".repeat((64 - unpadded % 64) % 64) + "\n";
        ByteBuffer out = ByteBuffer.allocate(MAGIC.length + 4 + header.length() + array.size() * type.bytes());
        out.put(MAGIC).put((byte) 1).put((byte) 0);
        out.order(java.nio.ByteOrder.LITTLE_ENDIAN).putShort((short) header.length());
        out.put(header.getBytes(StandardCharsets.ISO_8859_1));
        out.order(type.order());
        int[] order = fortranOrder ? fortranToC(array.shape()) : null;
        for (int i = 0; i < array.size(); i++) {
            int c = order == null ? i : order[i];
            if (type.isText()) {
                type.putText(out, array.text()[c]);
            } else {
                type.putNumber(out, array.numbers()[c]);
            }
        }
        return out.array();
    }

    /** For each element in Fortran order, its index in C order. */
    private static int[] fortranToC(int[] shape) {
        int n = (int) NpyArray.elementCount(shape);
        int[] out = new int[n];
        int[] index = new int[shape.length];
        for (int f = 0; f < n; f++) {
            int c = 0;
            for (int d = 0; d < shape.length; d++) {
                c = c * shape[d] + index[d];
            }
            out[f] = c;
            for (int d = 0; d < shape.length && ++index[d] == shape[d]; d++) {
                index[d] = 0;
            }
        }
        return out;
    }

    /** The three fields of the header dict. */
    private record Header(String descr, boolean fortran, int[] shape) {

        static Header parse(String text) throws IOException {
            Literal p = new Literal(text);
            String descr = null;
            Boolean fortran = null;
            int[] shape = null;
            p.expect('{');
            while (!p.accept('}')) {
                String key = p.string();
                p.expect(':');
                switch (key) {
                    case "descr" -> {
                        if (p.peek() == '[') {
                            throw new IOException("structured arrays (record dtypes) are not read");
                        }
                        descr = p.string();
                    }
                    case "fortran_order" -> fortran = p.bool();
                    case "shape" -> shape = p.tuple();
                    default -> throw new IOException("unknown field '" + key + "' in the .npy header");
                }
                if (!p.accept(',')) {
                    p.expect('}');
                    break;
                }
            }
            if (descr == null || fortran == null || shape == null) {
                throw new IOException("the .npy header lacks " + (descr == null ? "descr" : fortran == null ? "fortran_order" : "shape"));
            }
            return new Header(descr, fortran, shape);
        }
    }

    /** Just enough of Python's literal syntax for the header dict. */
    private static final class Literal {
        private final String s;
        private int at;

        Literal(String s) {
            this.s = s;
        }

        char peek() throws IOException {
            while (at < s.length() && Character.isWhitespace(s.charAt(at))) {
                at++;
            }
            if (at >= s.length()) {
                throw new IOException("the .npy header ends early: " + summary());
            }
            return s.charAt(at);
        }

        boolean accept(char c) throws IOException {
            if (peek() == c) {
                at++;
                return true;
            }
            return false;
        }

        void expect(char c) throws IOException {
            if (!accept(c)) {
                throw new IOException("malformed .npy header (expected '" + c + "' at " + at + "): " + summary());
            }
        }

        String string() throws IOException {
            char quote = peek();
            if (quote != '\'' && quote != '"') {
                throw new IOException("malformed .npy header (expected a string at " + at + "): " + summary());
            }
            int end = s.indexOf(quote, at + 1);
            if (end < 0) {
                throw new IOException("malformed .npy header (unterminated string): " + summary());
            }
            String value = s.substring(at + 1, end);
            at = end + 1;
            return value;
        }

        boolean bool() throws IOException {
            peek();
            for (String word : new String[]{"True", "False"}) {
                if (s.startsWith(word, at)) {
                    at += word.length();
                    return word.equals("True");
                }
            }
            throw new IOException("malformed .npy header (expected True or False at " + at + "): " + summary());
        }

        int[] tuple() throws IOException {
            expect('(');
            List<Integer> dims = new ArrayList<>();
            while (!accept(')')) {
                int begin = at;
                while (at < s.length() && Character.isDigit(s.charAt(at))) {
                    at++;
                }
                if (at == begin || at - begin > 9) {
                    throw new IOException("malformed .npy header (bad dimension at " + begin + "): " + summary());
                }
                dims.add(Integer.parseInt(s.substring(begin, at)));
                accept('L');
                if (!accept(',')) {
                    expect(')');
                    break;
                }
            }
            return dims.stream().mapToInt(Integer::intValue).toArray();
        }

        /** The header for an error message: printable characters only, cut short. */
        private String summary() {
            String printable = s.strip().replaceAll("[^\\x20-\\x7e]", "?");
            return printable.length() > 80 ? printable.substring(0, 80) + "…" : printable;
        }
    }

    private Npy() {
    }
}
