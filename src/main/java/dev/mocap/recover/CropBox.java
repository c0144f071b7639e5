package dev.mocap.recover;

/**
 * The upright square of the frame a person crop shows: centre and side in frame pixels. It is
 * the landmark model's region for that frame (the tracker's, with MediaPipe's 25 % margin around
 * the body) without its rotation, since the regressors of the TCMR family are trained on upright
 * boxes.
 */
public record CropBox(double centerX, double centerY, double side) {
}
