package dev.mocap.preview;

import com.jme3.asset.AssetManager;
import com.jme3.light.AmbientLight;
import com.jme3.light.DirectionalLight;
import com.jme3.material.Material;
import com.jme3.math.ColorRGBA;
import com.jme3.math.FastMath;
import com.jme3.math.Quaternion;
import com.jme3.math.Vector3f;
import com.jme3.renderer.Camera;
import com.jme3.renderer.ViewPort;
import com.jme3.renderer.queue.RenderQueue;
import com.jme3.scene.Geometry;
import com.jme3.scene.Node;
import com.jme3.scene.Spatial;
import com.jme3.scene.debug.Grid;
import com.jme3.scene.shape.Quad;
import com.jme3.scene.shape.Sphere;
import com.jme3.shadow.DirectionalLightShadowRenderer;
import com.jme3.shadow.EdgeFilteringMode;
import dev.mocap.body.Leg;
import dev.mocap.body.Motion;
import dev.mocap.body.Vec3;

/**
 * What the preview shows, shared by the window and the offscreen render: the posed mannequin on
 * a floor with a one-metre grid, lit by a sun (with shadows) and the sky, and a green marker
 * under each foot while it is planted.
 */
final class PreviewScene {
    private static final ColorRGBA CONTACT = new ColorRGBA(0.1f, 0.95f, 0.2f, 1);
    private static final float FLOOR_MARGIN = 4;

    private final Motion motion;
    private final Node root = new Node("preview");
    private final BodyGeometry body;
    private final DirectionalLight sun = new DirectionalLight();
    private final Geometry[] contactMarkers = new Geometry[2];
    private final int[] feet;

    PreviewScene(Motion motion, BodyLook look, AssetManager assets) {
        this.motion = motion;
        this.body = new BodyGeometry(motion, look, assets);
        this.feet = new int[]{Leg.left(motion.skeleton()).foot(), Leg.right(motion.skeleton()).foot()};
        root.attachChild(body.geometry());
        addFloor(assets);
        for (int side = 0; side < 2; side++) {
            contactMarkers[side] = new Geometry("contact" + side, new Sphere(12, 16, 0.045f));
            contactMarkers[side].setMaterial(unshaded(assets, CONTACT));
            root.attachChild(contactMarkers[side]);
        }
        sun.setDirection(new Vector3f(-0.45f, -1f, -0.6f).normalizeLocal());
        sun.setColor(new ColorRGBA(0.85f, 0.83f, 0.78f, 1));
        root.addLight(sun);
        AmbientLight sky = new AmbientLight(new ColorRGBA(0.45f, 0.47f, 0.52f, 1));
        root.addLight(sky);
        root.setShadowMode(RenderQueue.ShadowMode.Off);
        body.geometry().setShadowMode(RenderQueue.ShadowMode.Cast);
        show(0);
    }

    Node root() {
        return root;
    }

    Motion motion() {
        return motion;
    }

    /** Poses the body and the contact markers at a frame. */
    void show(int frame) {
        body.pose(frame);
        Vec3[] joints = motion.jointPositions(frame);
        boolean[][] planted = motion.contacts() == null ? null : new boolean[][]{motion.contacts().left(), motion.contacts().right()};
        for (int side = 0; side < 2; side++) {
            boolean on = planted != null && planted[side][frame];
            contactMarkers[side].setCullHint(on ? Spatial.CullHint.Inherit : Spatial.CullHint.Always);
            Vec3 p = joints[feet[side]];
            contactMarkers[side].setLocalTranslation((float) p.x(), 0.01f, (float) p.z());
        }
    }

    /** Shadows of the body on the floor, cast by the sun, in a viewport that shows this scene. */
    void addShadows(AssetManager assets, ViewPort viewPort) {
        DirectionalLightShadowRenderer shadows = new DirectionalLightShadowRenderer(assets, 1024, 1);
        shadows.setLight(sun);
        shadows.setShadowIntensity(0.45f);
        shadows.setEdgeFilteringMode(EdgeFilteringMode.Bilinear);
        viewPort.addProcessor(shadows);
    }

    /** The middle of the body at a frame (the pelvis, at chest height), what cameras look at. */
    Vector3f focus(int frame) {
        Vec3 pelvis = motion.rootPositions()[frame];
        return new Vector3f((float) pelvis.x(), (float) Math.max(0.6, pelvis.y() - 0.05), (float) pelvis.z());
    }

    /** Places a camera on a sphere around the focus: yaw 0 looks at the subject's front (from +Z). */
    static void orbit(Camera camera, Vector3f focus, float yawDegrees, float pitchDegrees, float distance) {
        Quaternion turn = new Quaternion().fromAngles(-pitchDegrees * FastMath.DEG_TO_RAD, yawDegrees * FastMath.DEG_TO_RAD, 0);
        Vector3f offset = turn.mult(new Vector3f(0, 0, distance));
        camera.setLocation(focus.add(offset));
        camera.lookAt(focus, Vector3f.UNIT_Y);
    }

    private void addFloor(AssetManager assets) {
        float minX = Float.MAX_VALUE, maxX = -Float.MAX_VALUE, minZ = Float.MAX_VALUE, maxZ = -Float.MAX_VALUE;
        for (Vec3 p : motion.rootPositions()) {
            minX = Math.min(minX, (float) p.x());
            maxX = Math.max(maxX, (float) p.x());
            minZ = Math.min(minZ, (float) p.z());
            maxZ = Math.max(maxZ, (float) p.z());
        }
        int halfX = (int) Math.ceil((maxX - minX) / 2 + FLOOR_MARGIN), halfZ = (int) Math.ceil((maxZ - minZ) / 2 + FLOOR_MARGIN);
        float centreX = Math.round((minX + maxX) / 2), centreZ = Math.round((minZ + maxZ) / 2);
        Geometry floor = new Geometry("floor", new Quad(2 * halfX, 2 * halfZ));
        floor.rotate(-FastMath.HALF_PI, 0, 0);
        floor.setLocalTranslation(centreX - halfX, 0, centreZ + halfZ);
        Material floorMaterial = new Material(assets, "Common/MatDefs/Light/Lighting.j3md");
        floorMaterial.setBoolean("UseMaterialColors", true);
        floorMaterial.setColor("Diffuse", new ColorRGBA(0.62f, 0.62f, 0.60f, 1));
        floorMaterial.setColor("Ambient", new ColorRGBA(0.62f, 0.62f, 0.60f, 1));
        floor.setMaterial(floorMaterial);
        floor.setShadowMode(RenderQueue.ShadowMode.Receive);
        root.attachChild(floor);
        Geometry grid = new Geometry("grid", new Grid(2 * halfZ + 1, 2 * halfX + 1, 1f));
        grid.setMaterial(unshaded(assets, new ColorRGBA(0.35f, 0.35f, 0.36f, 1)));
        grid.setLocalTranslation(centreX - halfX, 0.003f, centreZ - halfZ);
        root.attachChild(grid);
    }

    private static Material unshaded(AssetManager assets, ColorRGBA colour) {
        Material m = new Material(assets, "Common/MatDefs/Misc/Unshaded.j3md");
        m.setColor("Color", colour);
        return m;
    }
}
