package dev.mocap.retarget;

import dev.mocap.ExitCode;
import dev.mocap.MocapException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The presets: the built-in ones ({@code exporters/NAME.json}, read as class-path resources
 * where the build packages them, else from the folder {@code exporters} of the installation
 * ({@code -Dmocap.home}, which the launcher sets) or of the working directory), and any preset
 * file given by its path.
 */
public final class Presets {
    public static final List<String> BUILT_IN = List.of("smpl", "mixamo", "unity-humanoid", "ue5-mannequin", "blender");

    /** A built-in preset by name, or a preset file by path ({@code .json}). */
    public static ExportPreset get(String nameOrFile) {
        if (nameOrFile.endsWith(".json")) {
            Path file = Path.of(nameOrFile);
            try (InputStream in = Files.newInputStream(file)) {
                return ExportPreset.read(in, file.toString());
            } catch (IOException e) {
                throw new MocapException(ExitCode.BAD_INPUT, "cannot read the preset " + file + ": " + e.getMessage(), e);
            }
        }
        if (!BUILT_IN.contains(nameOrFile)) {
            throw new IllegalArgumentException("unknown preset '" + nameOrFile + "' (built in: " + String.join(", ", BUILT_IN)
                    + "; or give a preset file NAME.json)");
        }
        try (InputStream in = open(nameOrFile + ".json")) {
            return ExportPreset.read(in, "exporters/" + nameOrFile + ".json");
        } catch (IOException e) {
            throw new IllegalStateException("built-in preset " + nameOrFile + " unreadable: " + e.getMessage(), e);
        }
    }

    public static List<ExportPreset> builtIn() {
        List<ExportPreset> out = new ArrayList<>();
        for (String name : BUILT_IN) {
            out.add(get(name));
        }
        return out;
    }

    private static InputStream open(String file) throws IOException {
        InputStream resource = Presets.class.getResourceAsStream("/exporters/" + file);
        if (resource != null) {
            return resource;
        }
        Path folder = Path.of(System.getProperty("mocap.home", "."), "exporters");
        return Files.newInputStream(folder.resolve(file));
    }

    private Presets() {
    }
}
