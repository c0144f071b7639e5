package dev.mocap.format.fbx;

import dev.mocap.body.Motion;
import dev.mocap.body.Quat;
import dev.mocap.body.Skeleton;
import dev.mocap.body.Vec3;
import dev.mocap.body.mesh.Mannequin;
import dev.mocap.body.mesh.SkinnedMesh;
import dev.mocap.format.BindPose;
import dev.mocap.format.BodyOption;
import dev.mocap.format.EulerOrder;
import dev.mocap.format.fbx.binary.FbxTestReader;
import dev.mocap.format.fbx.binary.FbxTestReader.FbxFile;
import dev.mocap.format.fbx.binary.FbxTestReader.Node;
import dev.mocap.format.fbx.binary.FbxVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The exported scene read back with the test reader: structure, content, and its own forward kinematics. */
class FbxExporterTest {
    private static final long TICKS_PER_FRAME_AT_30 = 1_539_538_600L;
    private static final Motion WALK = SyntheticWalk.motion();

    @TempDir
    Path dir;

    private FbxFile export(FbxOptions options) throws IOException {
        Path file = dir.resolve("walk.fbx");
        FbxExporter.write(WALK, options, file);
        return FbxTestReader.read(Files.readAllBytes(file));
    }

    private static List<Node> objects(FbxFile file, String type) {
        return file.record("Objects").children(type);
    }

    @Test
    void topLevelRecordsInTheSdkOrderWithTheConsistentFileStamp() throws IOException {
        FbxFile file = export(FbxOptions.DEFAULT);
        assertEquals(7400, file.version());
        assertEquals(List.of("FBXHeaderExtension", "FileId", "CreationTime", "Creator", "GlobalSettings", "Documents",
                "References", "Definitions", "Objects", "Connections", "Takes"), file.records().stream().map(Node::name).toList());
        assertEquals(7400, file.record("FBXHeaderExtension").child("FBXVersion").property(0));
        assertArrayEquals(HexFormat.of().parseHex("28b32aebb624ccc2bfc8b02aa92bfcf1"), (byte[]) file.record("FileId").property(0));
        assertEquals("1970-01-01 10:00:00:000", file.record("CreationTime").property(0));
    }

    @Test
    void version7500() throws IOException {
        FbxFile file = export(FbxOptions.DEFAULT.withVersion(FbxVersion.V7500));
        assertEquals(7500, file.version());
        assertEquals(7500, file.record("FBXHeaderExtension").child("FBXVersion").property(0));
    }

    @Test
    void globalSettingsStateYUpFrontZCentimetresAndFrameRate() throws IOException {
        Node settings = export(FbxOptions.DEFAULT).record("GlobalSettings");
        assertEquals(List.of(1), settings.p("UpAxis"));
        assertEquals(List.of(1), settings.p("UpAxisSign"));
        assertEquals(List.of(2), settings.p("FrontAxis"));
        assertEquals(List.of(1), settings.p("FrontAxisSign"));
        assertEquals(List.of(0), settings.p("CoordAxis"));
        assertEquals(List.of(1), settings.p("CoordAxisSign"));
        assertEquals(List.of(1.0), settings.p("UnitScaleFactor"));
        assertEquals(List.of(6), settings.p("TimeMode"), "30 fps");
        assertEquals(List.of(30.0), settings.p("CustomFrameRate"));
        assertEquals(List.of(59 * TICKS_PER_FRAME_AT_30), settings.p("TimeSpanStop"));
        assertEquals(List.of(100.0), export(FbxOptions.DEFAULT.withUnit(FbxUnit.METRE)).record("GlobalSettings").p("UnitScaleFactor"));
    }

    @Test
    void definitionsCountEveryObjectType() throws IOException {
        FbxFile file = export(FbxOptions.DEFAULT);
        Map<String, Long> objectCounts = file.record("Objects").children().stream()
                .collect(Collectors.groupingBy(Node::name, Collectors.counting()));
        Node definitions = file.record("Definitions");
        Map<String, Long> defined = definitions.children("ObjectType").stream()
                .collect(Collectors.toMap(t -> (String) t.property(0), t -> (long) (Integer) t.child("Count").property(0)));
        objectCounts.put("GlobalSettings", 1L);
        assertEquals(objectCounts, defined);
        assertEquals(objectCounts.values().stream().mapToLong(Long::longValue).sum(), (long) (Integer) definitions.child("Count").property(0));
        assertEquals(24 + 24 + 1 + 1 + 1 + 25 + 75 + 1, objectCounts.values().stream().mapToLong(Long::longValue).sum(),
                "models, attributes, pose, stack, layer, curve nodes, curves, global settings");
    }

    @Test
    void bonesFollowTheSkeletonWithRestOffsetsInCentimetres() throws IOException {
        FbxFile file = export(FbxOptions.DEFAULT);
        Skeleton skeleton = WALK.skeleton();
        List<Node> models = objects(file, "Model");
        assertEquals(skeleton.names(), models.stream().map(ParsedScene::objectName).toList());
        Map<Long, Long> parents = file.record("Connections").children("C").stream().filter(c -> c.property(0).equals("OO"))
                .collect(Collectors.toMap(c -> (Long) c.property(1), c -> (Long) c.property(2)));
        for (int j = 0; j < skeleton.size(); j++) {
            Node model = models.get(j);
            assertEquals("LimbNode", model.property(2));
            assertEquals(List.of(1), model.p("InheritType"));
            assertEquals(List.of(1), model.p("RotationActive"));
            assertEquals(List.of(0), model.p("RotationOrder"));
            long parent = parents.get((Long) model.property(0));
            assertEquals(j == 0 ? 0L : models.get(skeleton.parent(j)).property(0), parent, skeleton.name(j) + "'s parent");
            if (j > 0) {
                Vec3 offset = skeleton.offset(j).times(100);
                assertEquals(List.of(offset.x(), offset.y(), offset.z()), model.p("Lcl Translation"));
            }
        }
        List<Node> attributes = objects(file, "NodeAttribute");
        assertEquals(24, attributes.size());
        for (Node attribute : attributes) {
            assertEquals("Skeleton", attribute.child("TypeFlags").property(0));
            assertTrue(models.stream().anyMatch(m -> m.property(0).equals(parents.get((Long) attribute.property(0)))));
        }
    }

    /** The bind pose is the T-pose standing on y = 0: pelvis at its rest height above the lowest joint. */
    @Test
    void bindPoseHoldsRestWorldMatrices() throws IOException {
        FbxFile file = export(FbxOptions.DEFAULT);
        Node pose = objects(file, "Pose").get(0);
        assertEquals("BindPose", pose.child("Type").property(0));
        assertEquals(24, pose.child("NbPoseNodes").property(0));
        List<Node> poseNodes = pose.children("PoseNode");
        Vec3[] rest = WALK.skeleton().restPositions();
        double lowest = Arrays.stream(rest).mapToDouble(Vec3::y).min().orElseThrow();
        for (int j = 0; j < 24; j++) {
            assertEquals(objects(file, "Model").get(j).property(0), poseNodes.get(j).child("Node").property(0));
            double[] m = (double[]) poseNodes.get(j).child("Matrix").property(0);
            assertEquals(100 * rest[j].x(), m[12], 1e-9);
            assertEquals(100 * (rest[j].y() - lowest), m[13], 1e-9);
            assertEquals(100 * rest[j].z(), m[14], 1e-9);
            assertEquals(1, m[0] * m[5] * m[10] * m[15]);
        }
        assertEquals(List.of(0.0, 100 * -lowest, 0.0), objects(file, "Model").get(0).p("Lcl Translation"));
    }

    @Test
    void curvesCarryEveryFieldTheSdkNeedsWithAKeyPerFrame() throws IOException {
        FbxFile file = export(FbxOptions.DEFAULT);
        List<Node> curves = objects(file, "AnimationCurve");
        assertEquals(75, curves.size());
        for (Node curve : curves) {
            assertEquals(4008, curve.child("KeyVer").property(0));
            long[] times = (long[]) curve.child("KeyTime").property(0);
            float[] values = (float[]) curve.child("KeyValueFloat").property(0);
            assertEquals(60, times.length);
            assertEquals(60, values.length);
            for (int f = 0; f < 60; f++) {
                assertEquals(f * TICKS_PER_FRAME_AT_30, times[f]);
            }
            assertEquals((double) values[0], curve.child("Default").property(0));
            assertArrayEquals(new int[]{24836}, (int[]) curve.child("KeyAttrFlags").property(0));
            assertEquals(4, ((float[]) curve.child("KeyAttrDataFloat").property(0)).length);
            assertArrayEquals(new int[]{60}, (int[]) curve.child("KeyAttrRefCount").property(0));
        }
        List<Node> curveNodes = objects(file, "AnimationCurveNode");
        assertEquals(1, curveNodes.stream().filter(n -> ParsedScene.objectName(n).equals("T")).count());
        assertEquals(24, curveNodes.stream().filter(n -> ParsedScene.objectName(n).equals("R")).count());
    }

    @Test
    void takeIsNamedAfterTheFileAndSpansTheMotion() throws IOException {
        FbxFile file = export(FbxOptions.DEFAULT);
        Node stack = objects(file, "AnimationStack").get(0);
        assertEquals("walk", ParsedScene.objectName(stack));
        assertEquals(List.of(59 * TICKS_PER_FRAME_AT_30), stack.p("LocalStop"));
        Node take = file.record("Takes").child("Take");
        assertEquals("walk", take.property(0));
        assertEquals(List.of(0L, 59 * TICKS_PER_FRAME_AT_30), take.child("LocalTime").properties());
    }

    /** Evaluating the file's own transforms gives back the motion's joint positions, for every option. */
    @Test
    void fileTransformsReproduceTheMotionsForwardKinematics() throws IOException {
        for (FbxOptions options : List.of(FbxOptions.DEFAULT, FbxOptions.DEFAULT.withVersion(FbxVersion.V7500),
                FbxOptions.DEFAULT.withUnit(FbxUnit.METRE), FbxOptions.DEFAULT.withRotationOrder(EulerOrder.YXZ),
                FbxOptions.DEFAULT.withRotationOrder(EulerOrder.XZY))) {
            ParsedScene scene = new ParsedScene(export(options));
            double perMetre = options.unit() == FbxUnit.METRE ? 1 : 100;
            for (int frame : new int[]{0, 17, 42, 59}) {
                Map<String, Vec3> positions = scene.worldPositions(frame, options.rotationOrder());
                Vec3[] expected = WALK.jointPositions(frame);
                for (int j = 0; j < expected.length; j++) {
                    Vec3 actual = positions.get(WALK.skeleton().name(j)).times(1 / perMetre);
                    assertEquals(0, actual.distance(expected[j]), 1e-5, options + " frame " + frame + " " + WALK.skeleton().name(j));
                }
            }
        }
    }

    /**
     * The mannequin: a Geometry of triangles under a Mesh model at the root, a Skin with one
     * Cluster per bone whose weights add up to 1 per vertex, bind matrices of the bind pose, and
     * the mesh in the bind Pose.
     */
    @Test
    void mannequinIsAMeshSkinnedToEveryBone() throws IOException {
        FbxFile file = export(FbxOptions.DEFAULT.withBody(BodyOption.MANNEQUIN));
        SkinnedMesh mesh = Mannequin.of(WALK.skeleton());
        Node geometry = objects(file, "Geometry").get(0);
        assertEquals(3 * mesh.vertexCount(), ((double[]) geometry.child("Vertices").property(0)).length);
        int[] polygons = (int[]) geometry.child("PolygonVertexIndex").property(0);
        assertEquals(3 * mesh.triangleCount(), polygons.length);
        for (int i = 0; i < polygons.length; i++) {
            assertEquals(i % 3 == 2, polygons[i] < 0, "triangles: every third index ends a polygon");
        }
        assertEquals(3 * mesh.vertexCount(), ((double[]) geometry.child("LayerElementNormal").child("Normals").property(0)).length);
        assertEquals(mesh.triangleCount(), ((int[]) geometry.child("LayerElementMaterial").child("Materials").property(0)).length);
        assertEquals(3, objects(file, "Material").size());

        Set<List<Object>> links = file.record("Connections").children("C").stream().filter(c -> c.property(0).equals("OO"))
                .map(c -> List.of(c.property(1), c.property(2))).collect(Collectors.toSet());
        List<Node> meshModels = objects(file, "Model").stream().filter(m -> m.property(2).equals("Mesh")).toList();
        assertEquals(1, meshModels.size());
        long model = (Long) meshModels.get(0).property(0);
        assertTrue(links.contains(List.of(model, 0L)), "the mesh at the scene root");
        assertTrue(links.contains(List.of(geometry.property(0), model)), "the geometry is the mesh's");

        List<Node> deformers = objects(file, "Deformer");
        List<Node> skins = deformers.stream().filter(d -> d.property(2).equals("Skin")).toList();
        assertEquals(1, skins.size());
        assertTrue(links.contains(List.of(skins.get(0).property(0), geometry.property(0))), "the skin deforms the geometry");
        List<Node> clusters = deformers.stream().filter(d -> d.property(2).equals("Cluster")).toList();
        assertEquals(24, clusters.size());
        Vec3[] bind = BindPose.jointPositions(WALK.skeleton());
        double[] weightSums = new double[mesh.vertexCount()];
        for (int j = 0; j < 24; j++) {
            Node cluster = clusters.get(j);
            int[] indexes = (int[]) cluster.child("Indexes").property(0);
            double[] weights = (double[]) cluster.child("Weights").property(0);
            for (int i = 0; i < indexes.length; i++) {
                weightSums[indexes[i]] += weights[i];
            }
            double[] link = (double[]) cluster.child("TransformLink").property(0);
            double[] transform = (double[]) cluster.child("Transform").property(0);
            for (int axis = 0; axis < 3; axis++) {
                assertEquals(100 * bind[j].get(axis), link[12 + axis], 1e-9);
                assertEquals(-100 * bind[j].get(axis), transform[12 + axis], 1e-9);
            }
            assertTrue(links.contains(List.of(cluster.property(0), skins.get(0).property(0))), "cluster " + j + " in the skin");
            assertTrue(links.contains(List.of(objects(file, "Model").get(j).property(0), cluster.property(0))), "bone " + j + " drives its cluster");
        }
        for (double sum : weightSums) {
            assertEquals(1, sum, 1e-9);
        }
        Node pose = objects(file, "Pose").get(0);
        assertEquals(25, pose.child("NbPoseNodes").property(0));
        assertEquals(model, pose.children("PoseNode").get(24).child("Node").property(0));
    }

    @Test
    void customFrameRatesUseTimeModeCustom() throws IOException {
        Motion motion = new Motion(WALK.skeleton(), 29.97, WALK.rootPositions(), WALK.rotations());
        Path file = dir.resolve("ntsc.fbx");
        FbxExporter.write(motion, FbxOptions.DEFAULT, file);
        Node settings = FbxTestReader.read(Files.readAllBytes(file)).record("GlobalSettings");
        assertEquals(List.of(14), settings.p("TimeMode"));
        assertEquals(List.of(29.97), settings.p("CustomFrameRate"));
    }

    @Test
    void aMotionWithoutFramesIsRefused() {
        Motion empty = new Motion(WALK.skeleton(), 30, new Vec3[0], new Quat[0][]);
        assertThrows(IllegalArgumentException.class, () -> FbxExporter.write(empty, FbxOptions.DEFAULT, dir.resolve("empty.fbx")));
        assertEquals(0, dir.toFile().list().length, "nothing left behind");
    }
}
