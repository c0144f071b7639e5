package dev.mocap.nn;

import java.util.Locale;

/** Where neural inference runs. */
public enum Device {
    CPU, CUDA;

    public static Device parse(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "cpu" -> CPU;
            case "cuda", "gpu" -> CUDA;
            default -> throw new IllegalArgumentException("unknown device '" + name + "' (use cpu or cuda)");
        };
    }
}
