package dev.mocap.smpl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mocap.ExitCode;
import dev.mocap.MocapException;
import dev.mocap.body.Motion;
import dev.mocap.body.Quat;
import dev.mocap.body.Skeleton;
import dev.mocap.body.Smpl24;
import dev.mocap.body.TestMotions;
import dev.mocap.body.Vec3;
import dev.mocap.format.BodyOption;
import dev.mocap.export.Exporters;
import dev.mocap.format.Format;
import dev.mocap.format.GlbScene;
import dev.mocap.format.gltf.GltfValidator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The user's SMPL body, with a synthetic model of SMPL's array shapes and made-up numbers. */
class SmplModelTest {
    @TempDir
    static Path shared;
    @TempDir
    Path dir;

    private static SyntheticSmplModel synthetic;
    private static SmplModel model;

    @BeforeAll
    static void writeModel() throws IOException {
        synthetic = new SyntheticSmplModel();
        Path file = shared.resolve("model.npz");
        synthetic.write(file);
        model = SmplModel.read(file);
    }

    @Test
    void jointsAreTheRegressedRestJoints() {
        double[] betas = randomBetas(1);
        Vec3[] ours = model.joints(betas), independent = synthetic.joints(betas);
        for (int j = 0; j < Smpl24.COUNT; j++) {
            assertEquals(0, ours[j].distance(independent[j]), 1e-12, "joint " + j);
        }
        assertEquals(0, model.joints(new double[10])[0].distance(SyntheticSmplModel.PELVIS), 1e-12);
    }

    /** A body of known betas gives its bone lengths back; a skeleton from outside the model's shape space as near as the model allows. */
    @Test
    void betasFitTheMeasuredBoneLengths() {
        double[] truth = randomBetas(2);
        BetaFit exact = BetaFit.fit(model, model.body(truth).skeleton());
        Skeleton other = TestMotions.humanSkeleton();
        BetaFit outside = BetaFit.fit(model, other);
        System.out.printf("betas fit, synthetic model: bone-length error RMS %.4f mm (max %.4f) for a body of the model;"
                        + " %.1f mm (max %.1f) for the test skeleton of other proportions (template: %.1f mm)%n", 1000 * exact.rmsError(), 1000 * exact.maxError(),
                1000 * outside.rmsError(), 1000 * outside.maxError(), 1000 * rms(model.joints(new double[10]), other));
        assertTrue(exact.maxError() < 5e-4, exact.maxError() + " m");
        assertTrue(outside.rmsError() < rms(model.joints(new double[10]), other) / 2, "the fit halves the error of the template at least");
    }

    /**
     * A BVH walk exported with the model: the skeleton becomes the fitted body's, the GLB carries
     * the model's mesh (vertex count), passes the validator, and its skinning (the GLB's own data)
     * is within 0.01 mm of linear blend skinning computed here from the model's arrays and the
     * SMPL parameters written beside it.
     */
    @Test
    void glbCarriesTheLinearlySkinnedBody() throws Exception {
        Motion walk = TestMotions.walk(31, 30);
        Exporters exporters = Exporters.defaults().withBody(BodyOption.AUTO).withSmplModel(model);
        Path glb = dir.resolve("walk.glb"), params = dir.resolve("walk.smpl.npz"), fbx = dir.resolve("walk.fbx");
        exporters.write(walk, Format.GLB, glb);
        exporters.write(walk, Format.SMPL, params);
        exporters.write(walk, Format.FBX, fbx);

        Map<String, NpyArray> p = Npz.read(params);
        double[] betas = p.get("betas").numbers();
        Vec3[] joints = synthetic.joints(betas), rest = synthetic.vertices(betas);
        GlbScene scene = GlbScene.read(glb);
        JsonNode primitive = scene.json().path("meshes").get(0).path("primitives").get(0).path("attributes");
        float[] positions = scene.floats(primitive.path("POSITION").asInt());
        int[] skinJoints = scene.unsignedInts(primitive.path("JOINTS_0").asInt());
        float[] weights = scene.floats(primitive.path("WEIGHTS_0").asInt());
        JsonNode skin = scene.json().path("skins").get(0);
        float[] inverseBind = scene.floats(skin.path("inverseBindMatrices").asInt());
        assertEquals(SyntheticSmplModel.VERTICES, positions.length / 3, "the model's vertex count");
        double worst = 0;
        for (int key : new int[]{0, 11, 30}) {
            Map<String, GlbScene.Placement> nodes = scene.worldPlacements(key);
            Quat[] world = new Quat[Smpl24.COUNT];
            Vec3[] place = new Vec3[Smpl24.COUNT];
            for (int j = 0; j < Smpl24.COUNT; j++) {
                Quat local = Quat.exp(new Vec3(p.get("poses").at(72 * key + 3 * j), p.get("poses").at(72 * key + 3 * j + 1),
                        p.get("poses").at(72 * key + 3 * j + 2)));
                int parent = Smpl24.parents()[j];
                world[j] = parent < 0 ? local : world[parent].times(local);
                place[j] = parent < 0 ? joints[0].plus(new Vec3(p.get("trans").at(3 * key), p.get("trans").at(3 * key + 1), p.get("trans").at(3 * key + 2)))
                        : place[parent].plus(world[parent].rotate(joints[j].minus(joints[parent])));
            }
            for (int v = 0; v < SyntheticSmplModel.VERTICES; v++) {
                Vec3 expected = Vec3.ZERO;
                for (int j = 0; j < Smpl24.COUNT; j++) {
                    double w = synthetic.weights[v * Smpl24.COUNT + j];
                    if (w != 0) {
                        expected = expected.plus(place[j].plus(world[j].rotate(rest[v].minus(joints[j]))).times(w));
                    }
                }
                Vec3 bind = new Vec3(positions[3 * v], positions[3 * v + 1], positions[3 * v + 2]);
                Vec3 skinned = Vec3.ZERO;
                for (int k = 0; k < 4; k++) {
                    int node = skin.path("joints").get(skinJoints[4 * v + k]).asInt();
                    GlbScene.Placement placement = nodes.get(scene.json().path("nodes").get(node).path("name").asText());
                    Vec3 local = transform(inverseBind, skinJoints[4 * v + k], bind);
                    skinned = skinned.plus(placement.position().plus(placement.rotation().rotate(local)).times(weights[4 * v + k]));
                }
                worst = Math.max(worst, skinned.distance(expected));
            }
        }
        System.out.printf("SMPL body GLB: %d vertices; skinning differs from independent LBS by at most %.5f mm%n",
                positions.length / 3, 1000 * worst);
        assertTrue(worst < 1e-5, worst + " m");

        JsonNode report = GltfValidator.report(glb, dir);
        assertEquals(0, report.path("errors").asInt(), report.path("messages").toString());
        assertEquals(0, report.path("warnings").asInt(), report.path("messages").toString());
    }

    /** SMPL-H and SMPL-X files of the same body read as the same SMPL-24 body: joints, hands and skin. */
    @Test
    void smplHAndSmplXFilesAreReadAsTheirSmpl24Part() throws IOException {
        double[] betas = randomBetas(4);
        for (int joints : new int[]{52, 55}) {
            Path file = dir.resolve("family" + joints + ".npz");
            synthetic.writeFamily(file, joints);
            SmplModel family = SmplModel.read(file);
            assertEquals(joints == 52 ? "SMPL-H" : "SMPL-X", family.kind());
            assertEquals(SyntheticSmplModel.BETAS, family.betaCount());
            Vec3[] expected = synthetic.joints(betas), read = family.joints(betas);
            for (int j = 0; j < Smpl24.COUNT; j++) {
                assertEquals(0, read[j].distance(expected[j]), 1e-12, family.kind() + " joint " + j);
            }
            for (int v = 0; v < SyntheticSmplModel.VERTICES; v += 7) {
                for (int j = 0; j < Smpl24.COUNT; j++) {
                    assertEquals(model.weight(v, j), family.weight(v, j), 1e-12, family.kind() + " vertex " + v + " joint " + j);
                }
            }
        }
    }

    @Test
    void unusableModelsAreOneClearError() throws IOException {
        Path other = dir.resolve("other.npz");
        Npz.write(other, Map.of("v_template", NpyArray.of(new double[30], 10, 3), "shapedirs", NpyArray.of(new double[300], 10, 3, 10),
                "J_regressor", NpyArray.of(new double[530], 53, 10), "weights", NpyArray.of(new double[530], 10, 53),
                "kintree_table", NpyArray.of(new double[106], 2, 53), "f", NpyArray.of(new double[3], 1, 3)));
        MocapException e = assertThrows(MocapException.class, () -> SmplModel.read(other));
        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
        assertEquals("cannot use SMPL model " + other + ": kintree_table has shape (2, 53); SMPL's models have (2, 24), SMPL-H's (2, 52), "
                + "SMPL-X's (2, 55)", e.getMessage());
        Path smplx = dir.resolve("smplx.npz");
        Npz.write(smplx, Map.of("v_template", NpyArray.of(new double[30], 10, 3), "shapedirs", NpyArray.of(new double[300], 10, 3, 10),
                "J_regressor", NpyArray.of(new double[550], 55, 10), "weights", NpyArray.of(new double[550], 10, 55),
                "kintree_table", NpyArray.of(java.util.stream.IntStream.range(0, 110).mapToDouble(i -> i < 55 ? -1 : i - 55).toArray(), 2, 55),
                "f", NpyArray.of(new double[3], 1, 3)));
        e = assertThrows(MocapException.class, () -> SmplModel.read(smplx));
        assertEquals("cannot use SMPL model " + smplx + ": kintree_table is not SMPL-X's tree: joint 1 has parent -1, not SMPL's 0",
                e.getMessage());
        Path partial = dir.resolve("partial.npz");
        Npz.write(partial, Map.of("v_template", NpyArray.of(new double[30], 10, 3)));
        assertTrue(assertThrows(MocapException.class, () -> SmplModel.read(partial)).getMessage().contains("no 'shapedirs' array"));
    }

    /** A point through a column-major 4×4 matrix (glTF's inverse bind matrices). */
    private static Vec3 transform(float[] matrices, int index, Vec3 p) {
        int o = 16 * index;
        return new Vec3(matrices[o] * p.x() + matrices[o + 4] * p.y() + matrices[o + 8] * p.z() + matrices[o + 12],
                matrices[o + 1] * p.x() + matrices[o + 5] * p.y() + matrices[o + 9] * p.z() + matrices[o + 13],
                matrices[o + 2] * p.x() + matrices[o + 6] * p.y() + matrices[o + 10] * p.z() + matrices[o + 14]);
    }

    private static double rms(Vec3[] joints, Skeleton measured) {
        double sum = 0;
        for (int j = 1; j < Smpl24.COUNT; j++) {
            double e = joints[j].distance(joints[Smpl24.parents()[j]]) - measured.boneLength(j);
            sum += e * e;
        }
        return Math.sqrt(sum / 23);
    }

    private static double[] randomBetas(long seed) {
        Random random = new Random(seed);
        double[] b = new double[10];
        for (int i = 0; i < b.length; i++) {
            b[i] = random.nextGaussian();
        }
        return b;
    }
}
