package dev.mocap.recover;

import dev.mocap.body.Camera;
import dev.mocap.ExitCode;
import dev.mocap.MocapException;
import dev.mocap.pose.FramePose;
import dev.mocap.pose.LandmarkSequence;
import dev.mocap.video.VideoInfo;

import java.util.List;

/**
 * What every recovery starts from: the frames in which the person was found (none at all is an
 * error), the output frame rate (--fps, else the video's, else the landmarks' median rate) and the
 * camera at the origin (--focal, --fov, else the default focal length).
 */
record RecoveryStart(List<FramePose> seen, double fps, Camera camera) {

    static RecoveryStart of(LandmarkSequence seq, RecoveryOptions options) {
        VideoInfo video = seq.video();
        List<FramePose> seen = seq.frames().stream().filter(FramePose::hasPerson).toList();
        if (seen.isEmpty()) {
            throw new MocapException(ExitCode.BAD_INPUT, "no person found in " + video.file().getFileName() + ": nothing to animate");
        }
        double fps = Double.isFinite(options.fps()) ? options.fps() : video.fps() > 0 ? video.fps() : LandmarkRecovery.medianRate(seen);
        return new RecoveryStart(seen, fps, Camera.atOrigin(LandmarkRecovery.focal(options, video), video.width(), video.height()));
    }
}
