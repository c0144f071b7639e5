package dev.mocap.retarget;

import dev.mocap.MocapException;
import dev.mocap.body.Vec3;
import dev.mocap.format.fbx.binary.FbxBinaryWriter;
import dev.mocap.format.fbx.binary.FbxNode;
import dev.mocap.format.fbx.binary.FbxVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * FBX bones without a bind pose are placed by composing their node transforms for each node's
 * InheritType as the FBX SDK does. A parent scaled (2, 1, 1), a child 1 along x turned 90° about
 * z, a grandchild at (1, 1, 0) in the child's frame: the grandchild lands at (0, 1, 0) when the
 * child inherits RSrs (parent scale after the child's turn: (1, 1, 0) → (−1, 1, 0) → (−2, 1, 0)),
 * (1, 2, 0) for RrSs (scale first: (2, 1, 0) → (−1, 2, 0)) and (1, 1, 0) for Rrs (the parent's
 * scale not inherited), all plus the child at (2, 0, 0). Worked out by hand from the SDK's formulas.
 */
class FbxInheritTypeTest {
    private static final double CM = 0.01;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "InheritType {0}")
    @CsvSource({"1, 0, 1", "0, 1, 2", "2, 1, 1", "-1, 1, 2"})
    void grandchildLandsWhereTheSdkPutsIt(int inheritType, double x, double y) throws IOException {
        Path file = write(inheritType, 90);
        List<String> warnings = new ArrayList<>();
        RigBones bones = FbxRigReader.read(file, warnings).bones();
        Vec3[] p = bones.worldPositions();
        assertNear(Vec3.ZERO, p[0]);
        assertNear(new Vec3(2, 0, 0).times(CM), p[1]);
        assertNear(new Vec3(x, y, 0).times(CM), p[2]);
        assertEquals(List.of(), warnings, "square axes: no shear");
    }

    /** Turned 45° under a non-uniform scale, RSrs shears the child's axes (a warning names it); RrSs keeps them square. */
    @Test
    void shearIsNamed() throws IOException {
        List<String> warnings = new ArrayList<>();
        FbxRigReader.read(write(1, 45), warnings);
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("bones child, grandchild are sheared"), warnings.get(0));
        warnings.clear();
        FbxRigReader.read(write(0, 45), warnings);
        assertEquals(List.of(), warnings);
    }

    @Test
    void unknownInheritTypeIsOneLineNamingTheBone() throws IOException {
        Path file = write(7, 90);
        MocapException e = assertThrows(MocapException.class, () -> RigFiles.load(file, Map.of()));
        assertTrue(e.getMessage().endsWith("bone parent has InheritType 7, not one of FBX's (0 RrSs, 1 RSrs, 2 Rrs)"), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"));
    }

    /** Three LimbNodes, no bind pose, each with that InheritType (−1: the property left out). */
    private Path write(int inheritType, double childTurnDegrees) throws IOException {
        FbxNode objects = new FbxNode("Objects");
        model(objects, 1L, "parent", inheritType, new double[]{0, 0, 0}, new double[]{0, 0, 0}, new double[]{2, 1, 1});
        model(objects, 2L, "child", inheritType, new double[]{1, 0, 0}, new double[]{0, 0, childTurnDegrees}, new double[]{1, 1, 1});
        model(objects, 3L, "grandchild", inheritType, new double[]{1, 1, 0}, new double[]{0, 0, 0}, new double[]{1, 1, 1});
        FbxNode connections = new FbxNode("Connections");
        connections.child("C", "OO", 1L, 0L);
        connections.child("C", "OO", 2L, 1L);
        connections.child("C", "OO", 3L, 2L);
        Path file = dir.resolve("inherit" + inheritType + "_" + (int) childTurnDegrees + ".fbx");
        try (OutputStream out = Files.newOutputStream(file)) {
            FbxBinaryWriter.write(FbxVersion.V7400, List.of(objects, connections), out);
        }
        return file;
    }

    private static void model(FbxNode objects, long id, String name, int inheritType, double[] translation, double[] rotation,
                              double[] scaling) {
        FbxNode p70 = objects.child("Model", id, name + "\0\1Model", "LimbNode").child("Properties70");
        if (inheritType >= 0) {
            p70.child("P", "InheritType", "enum", "", "", inheritType);
        }
        p70.child("P", "Lcl Translation", "Lcl Translation", "", "A", translation[0], translation[1], translation[2]);
        p70.child("P", "Lcl Rotation", "Lcl Rotation", "", "A", rotation[0], rotation[1], rotation[2]);
        p70.child("P", "Lcl Scaling", "Lcl Scaling", "", "A", scaling[0], scaling[1], scaling[2]);
    }

    private static void assertNear(Vec3 expected, Vec3 actual) {
        assertTrue(expected.distance(actual) < 1e-12, "expected " + expected + ", got " + actual);
    }
}
