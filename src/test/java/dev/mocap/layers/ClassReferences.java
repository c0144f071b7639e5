package dev.mocap.layers;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The project's classes a compiled class refers to, read from its constant pool: every class,
 * field type, method signature, generic signature and annotation names its types in a UTF-8
 * entry there. Constants that javac copies into the user (static final numbers and strings) leave
 * no trace, as with any class-file reader.
 */
final class ClassReferences {
    private static final Pattern PROJECT_CLASS = Pattern.compile("dev/mocap/(?:[a-z0-9_]+/)*[A-Za-z0-9_$]+");

    /** The names, such as {@code dev/mocap/body/Vec3}, of the project's classes the class file names. */
    static Set<String> of(InputStream classFile) throws IOException {
        DataInputStream in = new DataInputStream(classFile);
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        Set<String> names = new LinkedHashSet<>();
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> {
                    Matcher m = PROJECT_CLASS.matcher(in.readUTF());
                    while (m.find()) {
                        names.add(m.group());
                    }
                }
                case 7, 8, 16, 19, 20 -> in.skipNBytes(2);
                case 15 -> in.skipNBytes(3);
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4);
                case 5, 6 -> {
                    in.skipNBytes(8);
                    i++;
                }
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        return names;
    }

    private ClassReferences() {
    }
}
