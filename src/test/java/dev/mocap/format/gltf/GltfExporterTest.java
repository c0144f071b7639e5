package dev.mocap.format.gltf;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mocap.body.Motion;
import dev.mocap.body.Quat;
import dev.mocap.body.TestMotions;
import dev.mocap.body.Vec3;
import dev.mocap.body.mesh.Mannequin;
import dev.mocap.body.mesh.SkinnedMesh;
import dev.mocap.format.BindPose;
import dev.mocap.format.BodyOption;
import dev.mocap.format.GlbScene;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The GLB read back: structure, the skin's bind matrices, the animation and its own forward kinematics. */
class GltfExporterTest {
    private static final Motion WALK = TestMotions.walk(61, 30);

    @TempDir
    Path dir;

    private GlbScene export(GltfOptions options) throws IOException {
        Path file = dir.resolve("walk.glb");
        GltfExporter.write(WALK, options, file);
        return GlbScene.read(file);
    }

    @Test
    void jointNodesFollowTheSkeletonStandingOnTheFloor() throws IOException {
        GlbScene glb = export(GltfOptions.DEFAULT);
        JsonNode nodes = glb.json().path("nodes");
        assertEquals(24, nodes.size());
        Vec3[] bind = BindPose.jointPositions(WALK.skeleton());
        for (int j = 0; j < 24; j++) {
            JsonNode node = nodes.get(j);
            assertEquals(WALK.skeleton().name(j), node.path("name").asText());
            Vec3 expected = j == 0 ? bind[0] : WALK.skeleton().offset(j);
            assertEquals(0, vec3(node.path("translation")).distance(expected), 1e-6);
            assertTrue(node.path("rotation").isMissingNode(), "no rest rotation");
            List<Integer> children = new ArrayList<>();
            node.path("children").forEach(c -> children.add(c.asInt()));
            assertEquals(WALK.skeleton().children(j), children);
        }
        assertEquals(List.of(0), ints(glb.json().path("scenes").get(0).path("nodes")));
        assertEquals("2.0", glb.json().path("asset").path("version").asText());
    }

    @Test
    void skinBindsEveryJointWithTheInverseOfItsBindTransform() throws IOException {
        GlbScene glb = export(GltfOptions.DEFAULT);
        JsonNode skin = glb.json().path("skins").get(0);
        assertEquals(24, skin.path("joints").size());
        float[] matrices = glb.floats(skin.path("inverseBindMatrices").asInt());
        Vec3[] bind = BindPose.jointPositions(WALK.skeleton());
        for (int j = 0; j < 24; j++) {
            for (int i = 0; i < 12; i++) {
                assertEquals(i % 5 == 0 ? 1 : 0, matrices[16 * j + i], 0, "rotation part of joint " + j);
            }
            assertEquals(0, new Vec3(matrices[16 * j + 12], matrices[16 * j + 13], matrices[16 * j + 14]).plus(bind[j]).length(), 1e-6);
            assertEquals(1, matrices[16 * j + 15]);
        }
    }

    @Test
    void oneLinearAnimationKeyedOnEveryFrameWithTimeBounds() throws IOException {
        GlbScene glb = export(GltfOptions.DEFAULT);
        JsonNode animation = glb.json().path("animations").get(0);
        assertEquals("walk", animation.path("name").asText());
        assertEquals(25, animation.path("channels").size(), "root translation and 24 rotations");
        animation.path("samplers").forEach(s -> assertEquals("LINEAR", s.path("interpolation").asText()));
        JsonNode time = glb.json().path("accessors").get(animation.path("samplers").get(0).path("input").asInt());
        assertEquals(61, time.path("count").asInt());
        assertEquals(0, time.path("min").get(0).asDouble());
        assertEquals(2.0, time.path("max").get(0).asDouble(), 1e-6);
        float[] times = glb.keyTimes();
        for (int f = 0; f < times.length; f++) {
            assertEquals(f / 30.0, times[f], 1e-6);
        }
    }

    /** Consecutive keys of every rotation are in the same hemisphere, so slerp takes the short way. */
    @Test
    void rotationsStayInOneHemisphere() throws IOException {
        Quat[][] flipped = new Quat[WALK.frameCount()][];
        for (int f = 0; f < flipped.length; f++) {
            flipped[f] = WALK.rotations().frame(f);
            if (f % 2 == 1) {
                for (int j = 0; j < flipped[f].length; j++) {
                    flipped[f][j] = flipped[f][j].negated();
                }
            }
        }
        Path file = dir.resolve("flipped.glb");
        GltfExporter.write(new Motion(WALK.skeleton(), WALK.fps(), WALK.rootPositions(), flipped), GltfOptions.DEFAULT, file);
        GlbScene glb = GlbScene.read(file);
        JsonNode animation = glb.json().path("animations").get(0);
        for (JsonNode channel : animation.path("channels")) {
            if (channel.path("target").path("path").asText().equals("rotation")) {
                float[] q = glb.floats(animation.path("samplers").get(channel.path("sampler").asInt()).path("output").asInt());
                for (int k = 4; k < q.length; k += 4) {
                    double dot = q[k] * q[k - 4] + q[k + 1] * q[k - 3] + q[k + 2] * q[k - 2] + q[k + 3] * q[k - 1];
                    assertTrue(dot > 0, "joint node " + channel.path("target").path("node") + " key " + k / 4);
                }
            }
        }
    }

    @Test
    void fileTransformsReproduceTheMotionsForwardKinematics() throws IOException {
        GlbScene glb = export(GltfOptions.DEFAULT.withBody(BodyOption.MANNEQUIN));
        for (int frame : new int[]{0, 17, 42, 60}) {
            Map<String, Vec3> positions = glb.worldPositions(frame);
            Vec3[] expected = WALK.jointPositions(frame);
            for (int j = 0; j < expected.length; j++) {
                assertEquals(0, positions.get(WALK.skeleton().name(j)).distance(expected[j]), 1e-5, "frame " + frame + " joint " + j);
            }
        }
    }

    /** The mannequin: a root node with mesh and skin, a coloured primitive per body side, normalised weights. */
    @Test
    void mannequinIsASkinnedMeshAtTheSceneRoot() throws IOException {
        GlbScene glb = export(GltfOptions.DEFAULT.withBody(BodyOption.MANNEQUIN));
        JsonNode meshNode = glb.json().path("nodes").get(24);
        assertEquals(0, meshNode.path("mesh").asInt());
        assertEquals(0, meshNode.path("skin").asInt());
        assertTrue(meshNode.path("translation").isMissingNode() && meshNode.path("rotation").isMissingNode());
        assertEquals(List.of(0, 24), ints(glb.json().path("scenes").get(0).path("nodes")));
        JsonNode primitives = glb.json().path("meshes").get(0).path("primitives");
        assertEquals(3, primitives.size());
        assertEquals(3, glb.count("materials"));
        SkinnedMesh mesh = Mannequin.of(WALK.skeleton());
        int triangles = 0;
        for (JsonNode primitive : primitives) {
            triangles += glb.unsignedInts(primitive.path("indices").asInt()).length / 3;
        }
        assertEquals(mesh.triangleCount(), triangles);
        JsonNode attributes = primitives.get(0).path("attributes");
        float[] weights = glb.floats(attributes.path("WEIGHTS_0").asInt());
        int[] joints = glb.unsignedInts(attributes.path("JOINTS_0").asInt());
        assertEquals(4 * mesh.vertexCount(), weights.length);
        for (int v = 0; v < mesh.vertexCount(); v++) {
            assertEquals(1, weights[4 * v] + weights[4 * v + 1] + weights[4 * v + 2] + weights[4 * v + 3], 1e-6);
            assertEquals(mesh.joint(v, 0), joints[4 * v]);
        }
        JsonNode position = glb.json().path("accessors").get(attributes.path("POSITION").asInt());
        assertEquals(0, position.path("min").get(1).asDouble(), 0.05, "standing on the floor");
    }

    @Test
    void aMotionWithoutFramesIsRefused() {
        Motion empty = new Motion(WALK.skeleton(), 30, new Vec3[0], new Quat[0][]);
        assertThrows(IllegalArgumentException.class, () -> GltfExporter.write(empty, GltfOptions.DEFAULT, dir.resolve("empty.glb")));
        assertEquals(0, dir.toFile().list().length, "nothing left behind");
    }

    private static Vec3 vec3(JsonNode array) {
        return new Vec3(array.get(0).asDouble(), array.get(1).asDouble(), array.get(2).asDouble());
    }

    private static List<Integer> ints(JsonNode array) {
        List<Integer> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asInt()));
        return out;
    }
}
