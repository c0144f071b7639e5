package dev.mocap.recover;

import dev.mocap.body.Camera;
import dev.mocap.body.Quat;
import dev.mocap.body.Smpl24;
import dev.mocap.body.Vec3;
import dev.mocap.pose.BlazePose;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LifterTest {

    @Test
    void rootTranslationIsExactForAConsistentShape() {
        Camera camera = Camera.atOrigin(1200, 1280, 720);
        Quat[] pose = new Quat[Smpl24.COUNT];
        Arrays.fill(pose, Quat.IDENTITY);
        // The body in camera axes (y down, z forward), centred on its hips.
        Vec3[] body = SyntheticBody.landmarks(Vec3.ZERO, pose);
        Vec3[] shape = new Vec3[body.length];
        for (int i = 0; i < body.length; i++) {
            shape[i] = new Vec3(body[i].x(), -body[i].y(), -body[i].z());
        }
        Vec3 truth = new Vec3(0.4, -0.2, 4.5);
        double[] pixels = new double[2 * shape.length], weight = new double[shape.length];
        for (int i = 0; i < shape.length; i++) {
            double[] uv = camera.project(shape[i].plus(truth));
            pixels[2 * i] = uv[0];
            pixels[2 * i + 1] = uv[1];
            weight[i] = i == BlazePose.NOSE ? 0.1 : 1;
        }
        Vec3 t = Lifter.rootTranslation(shape, pixels, weight, camera);
        assertEquals(0, t.distance(truth), 1e-9);
    }

    @Test
    void unprojectInvertsProject() {
        Camera camera = Camera.atOrigin(900, 640, 480);
        Vec3 p = new Vec3(-0.3, 0.7, 3.2);
        double[] uv = camera.project(p);
        assertEquals(0, camera.unproject(uv[0], uv[1], p.z()).distance(p), 1e-12);
    }
}
