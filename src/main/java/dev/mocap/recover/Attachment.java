package dev.mocap.recover;

import dev.mocap.body.Quat;
import dev.mocap.body.Vec3;

/**
 * Where a BlazePose landmark sits on the skeleton: a fixed point in a joint's frame (zero for a
 * landmark at the joint itself, e.g. the knee; an offset for the heel, toe, knuckles, ears, nose).
 */
record Attachment(int landmark, int joint, Vec3 offset) {

    Vec3 position(Vec3[] jointPositions, Quat[] worldRotations) {
        return jointPositions[joint].plus(worldRotations[joint].rotate(offset));
    }
}
