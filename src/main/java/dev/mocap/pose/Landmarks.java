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
}
