package dev.mocap.format;

import java.nio.file.Path;

/** The name an exported file gives its animation (FBX take, glTF animation): the file name without extension. */
public final class AnimationName {

    public static String of(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private AnimationName() {
    }
}
