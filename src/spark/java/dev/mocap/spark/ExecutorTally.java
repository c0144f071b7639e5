package dev.mocap.spark;

import dev.mocap.nn.OnnxSession;
import dev.mocap.pose.PoseModelPool;

import java.io.Serializable;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What the executor JVMs of a batch opened: after each video an executor tells which JVM it is
 * and how many sets of pose models and ONNX sessions that JVM has opened since it started, so
 * that the driver can show that each executor loads the models once and keeps them.
 */
final class ExecutorTally {
    /** One executor JVM's counts after one of its videos. */
    record Sample(String jvm, int poseModelSets, int onnxSessions) implements Serializable {
        static Sample here() {
            String host;
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                host = "?";
            }
            return new Sample(ProcessHandle.current().pid() + "@" + host, PoseModelPool.shared().opened(), OnnxSession.opened());
        }
    }

    private record Jvm(int videos, int poseModelSets, int onnxSessions) {
    }

    private final Map<String, Jvm> jvms = new LinkedHashMap<>();

    void add(Sample s) {
        jvms.merge(s.jvm(), new Jvm(1, s.poseModelSets(), s.onnxSessions()), (a, b) -> new Jvm(a.videos() + b.videos(),
                Math.max(a.poseModelSets(), b.poseModelSets()), Math.max(a.onnxSessions(), b.onnxSessions())));
    }

    /** One line a JVM: {@code executor JVM PID@HOST: N video(s); since it started it opened S set(s) of pose models and O ONNX session(s)}. */
    String summary() {
        StringBuilder lines = new StringBuilder();
        jvms.forEach((jvm, counts) -> lines.append(String.format(Locale.ROOT,
                "executor JVM %s: %d video(s); since it started it opened %d set(s) of pose models and %d ONNX session(s)%n",
                jvm, counts.videos(), counts.poseModelSets(), counts.onnxSessions())));
        return lines.toString();
    }
}
