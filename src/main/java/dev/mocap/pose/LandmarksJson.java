package dev.mocap.pose;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mocap.video.VideoInfo;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The landmarks file ({@code mocap.landmarks/1}, schema in README.md): video info, model, the
 * landmark names, one object per decoded frame, a summary and warnings.
 */
public final class LandmarksJson {
    public static final String SCHEMA = "mocap.landmarks/1";

    public static void write(LandmarkSequence seq, Map<String, Object> summary, OutputStream out) throws IOException {
        try (JsonGenerator g = new ObjectMapper().getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("schema", SCHEMA);
            writeVideo(g, seq.video());
            g.writeStringField("model", seq.model());
            g.writeArrayFieldStart("landmark_names");
            for (String name : BlazePose.NAMES) {
                g.writeString(name);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("frames");
            for (FramePose f : seq.frames()) {
                writeFrame(g, f);
            }
            g.writeEndArray();
            g.writeObjectField("summary", summary);
            g.writeArrayFieldStart("warnings");
            for (String w : seq.warnings()) {
                g.writeString(w);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private static void writeVideo(JsonGenerator g, VideoInfo v) throws IOException {
        g.writeObjectFieldStart("video");
        g.writeStringField("file", v.file().getFileName().toString());
        g.writeNumberField("width", v.width());
        g.writeNumberField("height", v.height());
        g.writeNumberField("fps", round(v.fps(), 1e3));
        g.writeNumberField("frame_count", v.frameCount());
        g.writeNumberField("display_rotation", v.displayRotation());
        g.writeNumberField("duration_s", round(v.durationSeconds(), 1e4));
        g.writeStringField("codec", v.codec());
        g.writeEndObject();
    }

    private static void writeFrame(JsonGenerator g, FramePose f) throws IOException {
        g.writeStartObject();
        g.writeNumberField("index", f.index());
        g.writeNumberField("time_s", round(f.timestamp(), 1e6));
        Landmarks l = f.landmarks();
        if (l != null) {
            g.writeNumberField("score", round(l.score(), 1e4));
            g.writeObjectFieldStart("roi");
            g.writeNumberField("cx", round(l.roi().centerX(), 1e2));
            g.writeNumberField("cy", round(l.roi().centerY(), 1e2));
            g.writeNumberField("size", round(l.roi().size(), 1e2));
            g.writeNumberField("rotation_rad", round(l.roi().rotation(), 1e4));
            g.writeEndObject();
            writePoints(g, "image_px", l.image(), 1e2);
            writePoints(g, "world_m", l.world(), 1e5);
            writeValues(g, "visibility", l.visibility());
            writeValues(g, "presence", l.presence());
        }
        g.writeEndObject();
    }

    private static void writePoints(JsonGenerator g, String name, float[] xyz, double precision) throws IOException {
        g.writeArrayFieldStart(name);
        for (int i = 0; i < xyz.length; i += 3) {
            g.writeStartArray();
            for (int k = 0; k < 3; k++) {
                g.writeNumber(round(xyz[i + k], precision));
            }
            g.writeEndArray();
        }
        g.writeEndArray();
    }

    private static void writeValues(JsonGenerator g, String name, float[] values) throws IOException {
        g.writeArrayFieldStart(name);
        for (float v : values) {
            g.writeNumber(round(v, 1e4));
        }
        g.writeEndArray();
    }

    private static double round(double v, double precision) {
        return Math.round(v * precision) / precision;
    }

    /** Reads a file written by {@link #write}. */
    public static LandmarkSequence read(Path file) throws IOException {
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        if (!SCHEMA.equals(root.path("schema").asText())) {
            throw new IOException(file + " is not a " + SCHEMA + " file");
        }
        JsonNode v = root.get("video");
        VideoInfo video = new VideoInfo(Path.of(v.get("file").asText()), v.get("width").asInt(), v.get("height").asInt(),
                v.get("fps").asDouble(), v.get("frame_count").asInt(), v.get("display_rotation").asInt(),
                v.get("duration_s").asDouble(), v.get("codec").asText());
        List<FramePose> frames = new ArrayList<>();
        for (JsonNode f : root.get("frames")) {
            frames.add(new FramePose(f.get("index").asInt(), f.get("time_s").asDouble(), f.has("score") ? readLandmarks(f) : null));
        }
        List<String> warnings = new ArrayList<>();
        root.path("warnings").forEach(w -> warnings.add(w.asText()));
        return new LandmarkSequence(video, root.get("model").asText(), frames, warnings);
    }

    private static Landmarks readLandmarks(JsonNode f) {
        JsonNode r = f.get("roi");
        Roi roi = new Roi(r.get("cx").asDouble(), r.get("cy").asDouble(), r.get("size").asDouble(), r.get("rotation_rad").asDouble());
        return new Landmarks(points(f.get("image_px")), points(f.get("world_m")), values(f.get("visibility")),
                values(f.get("presence")), (float) f.get("score").asDouble(), roi);
    }

    private static float[] points(JsonNode array) {
        float[] out = new float[array.size() * 3];
        for (int i = 0; i < array.size(); i++) {
            for (int k = 0; k < 3; k++) {
                out[3 * i + k] = (float) array.get(i).get(k).asDouble();
            }
        }
        return out;
    }

    private static float[] values(JsonNode array) {
        float[] out = new float[array.size()];
        for (int i = 0; i < array.size(); i++) {
            out[i] = (float) array.get(i).asDouble();
        }
        return out;
    }

    private LandmarksJson() {
    }
}
