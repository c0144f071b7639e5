package dev.mocap.pipeline;

import dev.mocap.ExitCode;
import dev.mocap.MocapException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Which files a batch takes, and the names of their outputs. */
class BatchInputsTest {
    @TempDir
    Path dir;

    @Test
    void videosOfAFolderSortedBySubFoldersOnlyWhenRecursive() throws IOException {
        Path shoot = Files.createDirectory(dir.resolve("shoot"));
        for (String name : List.of("b.MOV", "a.mp4", "notes.txt", ".hidden.mp4", "c.mkv")) {
            Files.writeString(shoot.resolve(name), "x");
        }
        Files.writeString(Files.createDirectory(shoot.resolve("day2")).resolve("d.mp4"), "x");
        assertEquals(List.of("a.mp4", "b.MOV", "c.mkv"), names(BatchInputs.find(List.of(shoot), false)));
        assertEquals(List.of("a.mp4", "b.MOV", "c.mkv", "d.mp4"), names(BatchInputs.find(List.of(shoot), true)));
        Path named = shoot.resolve("notes.txt");
        assertEquals(List.of("notes.txt", "a.mp4", "b.MOV", "c.mkv"),
                names(BatchInputs.find(List.of(named, shoot, shoot.resolve("day2/../notes.txt")), false)),
                "a file named on the command line is taken whatever its extension, once");
        assertEquals(List.of("d.mp4"), names(BatchInputs.find(List.of(shoot.resolve("day2"), dir), false)));
        assertEquals(ExitCode.BAD_INPUT, assertThrows(MocapException.class, () -> BatchInputs.find(List.of(dir), false)).exitCode());
    }

    @Test
    void inputsSharingANameAreToldApartTheSameWayEachTime() {
        Path a = Path.of("/takes/monday/walk.mp4"), b = Path.of("/takes/tuesday/walk.mp4"), c = Path.of("/takes/tuesday/walk.mov");
        Path d = Path.of("/takes/run.mp4"), e = Path.of("/takes/run.landmarks.json");
        Map<Path, String> names = OutputNames.assign(List.of(a, b, c, d, e));
        assertEquals("monday_walk_mp4", names.get(a));
        assertEquals("tuesday_walk_mp4", names.get(b));
        assertEquals("tuesday_walk_mov", names.get(c));
        assertEquals("run_mp4", names.get(d));
        assertEquals("run_json", names.get(e));
        assertEquals(names, OutputNames.assign(List.of(e, d, c, b, a)), "independent of the order");
        assertEquals("walk", OutputNames.assign(List.of(a)).get(a));
        Path twin = Path.of("/other/monday/walk.mp4");
        Map<Path, String> hashed = OutputNames.assign(List.of(a, twin));
        assertEquals(2, hashed.values().stream().distinct().count(), hashed.toString());
    }

    private static List<String> names(List<Path> files) {
        return files.stream().map(p -> p.getFileName().toString()).toList();
    }
}
