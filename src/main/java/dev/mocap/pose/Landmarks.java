package dev.mocap.pose;

/**
 * One person's 33 BlazePose landmarks in one frame.
 *
 * @param image      33 × (x, y, z): x, y in frame pixels; z is depth relative to the hips in the
 *                   same pixel scale, negative towards the camera
 * @param world      33 × (x, y, z) in metres, origin between the hips, axes as in the image
 *                   (+x right, +y down, +z away from the camera), average-adult body scale
 * @param visibility 33 probabilities that the landmark is visible (not occluded)
 * @param presence   33 probabilities that the landmark is inside the frame
 * @param score      probability that a person is present in the region
 * @param roi        the region the landmark model looked at
 */
public record Landmarks(float[] image, float[] world, float[] visibility, float[] presence, float score, Roi roi) {

    public double imageX(int landmark) {
        return image[3 * landmark];
    }

    public double imageY(int landmark) {
        return image[3 * landmark + 1];
    }

    /**
     * The other reading of the same picture: the body turned round, front taken for back. Every
     * landmark takes its partner's place (left ↔ right) and its depth is mirrored; the image
     * points stay where they are. Needs all four arrays (not the compact frames of
     * {@code CompactPeopleFrames}, which keep image points only).
     */
    public Landmarks turnedRound() {
        float[] im = new float[image.length], w = new float[world.length], vis = new float[visibility.length],
                pres = new float[presence.length];
        for (int i = 0; i < BlazePose.COUNT; i++) {
            int p = BlazePose.partner(i);
            for (int axis = 0; axis < 3; axis++) {
                float sign = axis == 2 ? -1 : 1;
                im[3 * i + axis] = sign * image[3 * p + axis];
                w[3 * i + axis] = sign * world[3 * p + axis];
            }
            vis[i] = visibility[p];
            pres[i] = presence[p];
        }
        return new Landmarks(im, w, vis, pres, score, roi);
    }
}
