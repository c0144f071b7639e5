package dev.mocap.preview;

import dev.mocap.body.Skeleton;
import dev.mocap.body.Vec3;
import dev.mocap.body.mesh.BodySide;
import dev.mocap.body.Camera;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;

/**
 * Draws a posed skeleton as the video's camera sees it, on the video frame: where the recovered
 * motion lands in the picture shows at a glance how well it fits the person. Subject's left
 * blue, right orange, the colours of the mannequin beside it.
 */
final class ProjectedSkeleton {
    private static final Color LEFT = colour(BodySide.LEFT), RIGHT = colour(BodySide.RIGHT), CENTRE = new Color(240, 240, 240);

    static void draw(Graphics2D g, Skeleton skeleton, Vec3[] joints, Camera camera, double scale) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        float unit = (float) Math.max(1.5, Math.max(camera.width(), camera.height()) * scale / 400);
        g.setStroke(new BasicStroke(1.5f * unit, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        double[][] uv = new double[joints.length][];
        for (int j = 0; j < joints.length; j++) {
            Vec3 c = camera.toCamera(joints[j]);
            uv[j] = c.z() > 0.05 ? camera.project(c) : null;
        }
        for (int j = 1; j < joints.length; j++) {
            int p = skeleton.parent(j);
            if (uv[j] != null && uv[p] != null) {
                g.setColor(colour(skeleton.name(j)));
                g.draw(new Line2D.Double(uv[p][0] * scale, uv[p][1] * scale, uv[j][0] * scale, uv[j][1] * scale));
            }
        }
        double r = 2.2 * unit;
        for (int j = 0; j < joints.length; j++) {
            if (uv[j] != null) {
                g.setColor(colour(skeleton.name(j)));
                g.fill(new Ellipse2D.Double(uv[j][0] * scale - r, uv[j][1] * scale - r, 2 * r, 2 * r));
            }
        }
    }

    private static Color colour(BodySide side) {
        double[] c = side.rgb();
        return new Color((float) c[0], (float) c[1], (float) c[2]);
    }

    private static Color colour(String joint) {
        return joint.startsWith("left_") ? LEFT : joint.startsWith("right_") ? RIGHT : CENTRE;
    }

    private ProjectedSkeleton() {
    }
}
