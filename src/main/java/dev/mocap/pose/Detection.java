package dev.mocap.pose;

/**
 * A person found by the detector, in frame pixels: the face box (x, y of the top-left corner,
 * width, height), the detector score, and four alignment keypoints as x0, y0 … x3, y3
 * (0 = mid-hip, 1 = full-body size and rotation point, 2 = mid-shoulder, 3 = upper-body point).
 */
public record Detection(float score, float x, float y, float width, float height, float[] keypoints) {

    /** The landmark model's region for this person. */
    public Roi roi() {
        return Roi.fromAlignmentPoints(keypoints[0], keypoints[1], keypoints[2], keypoints[3]);
    }

    float iou(Detection o) {
        float ix = Math.max(0, Math.min(x + width, o.x + o.width) - Math.max(x, o.x));
        float iy = Math.max(0, Math.min(y + height, o.y + o.height) - Math.max(y, o.y));
        float inter = ix * iy;
        float union = width * height + o.width * o.height - inter;
        return union <= 0 ? 0 : inter / union;
    }
}
