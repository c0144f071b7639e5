package dev.mocap.spark;

import java.util.function.BiConsumer;

/** Makes Spark task tries die on purpose, as a lost executor would, for the tests of other packages. */
public final class TaskFaults {
    /** {@code fault} gets each video's output base (a local path or a URI) and the try's number (0 first) before it converts; null: none. */
    public static void inject(BiConsumer<String, Integer> fault) {
        VideoTask.beforeConvert = fault != null ? fault : (base, attempt) -> { };
    }

    private TaskFaults() {
    }
}
