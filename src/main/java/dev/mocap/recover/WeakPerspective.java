package dev.mocap.recover;

import dev.mocap.body.Camera;
import dev.mocap.body.Vec3;

/**
 * A weak-perspective camera of a crop (SPIN, VIBE, TCMR: the crop's normalised coordinates in
 * [−1, 1] are s · (X + tx, Y + ty)) turned into the full-perspective translation of the body
 * in the whole frame's camera, as CLIFF and TAR do: a body whose crop of side b pixels scales it by
 * s stands at depth tz = 2f / (s·b), and the crop's offset from the principal point moves it
 * sideways by that depth.
 */
public final class WeakPerspective {

    /**
     * The translation (metres, camera axes x right, y down, z forward) of the SMPL body under
     * the crop camera (s, tx, ty) of a crop of the frame {@code box}, seen by {@code camera}.
     */
    public static Vec3 translation(double s, double tx, double ty, CropBox box, Camera camera) {
        if (!(s > 0)) {
            throw new IllegalArgumentException("the weak-perspective scale must be positive, not " + s);
        }
        double sb = s * box.side();
        return new Vec3(tx + 2 * (box.centerX() - camera.cx()) / sb, ty + 2 * (box.centerY() - camera.cy()) / sb,
                2 * camera.focal() / sb);
    }

    /** CLIFF's box information of a crop: ((cx − px)/f, (cy − py)/f, b/f). */
    static float[] boxInfo(CropBox box, Camera camera) {
        return new float[]{(float) ((box.centerX() - camera.cx()) / camera.focal()),
                (float) ((box.centerY() - camera.cy()) / camera.focal()), (float) (box.side() / camera.focal())};
    }

    private WeakPerspective() {
    }
}
