package dev.mocap.recover;

import dev.mocap.body.Camera;
import dev.mocap.body.Skeleton;

import java.util.List;

/**
 * The result of motion recovery: one motion per stretch of video in which the person was
 * followed (usually one), the camera in the motion's world frame, the subject's skeleton and
 * what the user should know.
 */
public record Recovery(List<Segment> segments, Camera camera, Skeleton skeleton, List<String> warnings) {
}
