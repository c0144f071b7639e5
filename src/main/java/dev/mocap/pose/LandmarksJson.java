package dev.mocap.pose;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mocap.video.VideoInfo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
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
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        }
    }

    /**
     * Reads what {@link #write} wrote; {@code source} names it in errors.
     *
     * @throws IOException naming the source and the problem when the content is not such a file
     */
    public static LandmarkSequence read(InputStream in, String source) throws IOException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(in);
        } catch (JsonProcessingException e) {
            throw new IOException(source + " is not valid JSON: " + e.getOriginalMessage().lines().findFirst().orElse(""), e);
        }
        if (root == null || !SCHEMA.equals(root.path("schema").asText())) {
            throw new IOException(source + " is not a " + SCHEMA + " file");
        }
        Fields fields = new Fields(source);
        JsonNode v = fields.object(root, "video");
        VideoInfo video = new VideoInfo(fields.path(v, "video.file"), fields.positiveInt(v, "video.width"),
                fields.positiveInt(v, "video.height"), fields.number(v, "video.fps"), fields.integer(v, "video.frame_count"),
                fields.integer(v, "video.display_rotation"), fields.number(v, "video.duration_s"), fields.text(v, "video.codec"));
        List<FramePose> frames = new ArrayList<>();
        double lastTime = Double.NEGATIVE_INFINITY;
        for (JsonNode f : fields.array(root, "frames")) {
            double time = fields.number(f, "frames[" + frames.size() + "].time_s");
            if (time < lastTime) {
                throw new IOException(source + ": frame " + frames.size() + " comes before the frame it follows (time_s " + time + ")");
            }
            lastTime = time;
            frames.add(new FramePose(fields.integer(f, "frames[" + frames.size() + "].index"), time,
                    f.has("score") ? readLandmarks(fields, f, "frames[" + frames.size() + "]") : null));
        }
        List<String> warnings = new ArrayList<>();
        root.path("warnings").forEach(w -> warnings.add(w.asText()));
        return new LandmarkSequence(video, fields.text(root, "model"), frames, warnings);
    }

    private static Landmarks readLandmarks(Fields fields, JsonNode f, String where) throws IOException {
        JsonNode r = fields.object(f, where + ".roi");
        Roi roi = new Roi(fields.number(r, where + ".roi.cx"), fields.number(r, where + ".roi.cy"),
                fields.number(r, where + ".roi.size"), fields.number(r, where + ".roi.rotation_rad"));
        return new Landmarks(points(fields, f, where + ".image_px"), points(fields, f, where + ".world_m"),
                values(fields, f, where + ".visibility"), values(fields, f, where + ".presence"),
                (float) fields.number(f, where + ".score"), roi);
    }

    private static float[] points(Fields fields, JsonNode f, String name) throws IOException {
        JsonNode array = fields.array(f, name, BlazePose.COUNT);
        float[] out = new float[BlazePose.COUNT * 3];
        for (int i = 0; i < BlazePose.COUNT; i++) {
            JsonNode point = array.get(i);
            if (!point.isArray() || point.size() != 3) {
                throw fields.problem(name + "[" + i + "] is not an (x, y, z) point");
            }
            for (int k = 0; k < 3; k++) {
                out[3 * i + k] = (float) fields.value(point.get(k), name + "[" + i + "]");
            }
        }
        return out;
    }

    private static float[] values(Fields fields, JsonNode f, String name) throws IOException {
        JsonNode array = fields.array(f, name, BlazePose.COUNT);
        float[] out = new float[BlazePose.COUNT];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) fields.value(array.get(i), name + "[" + i + "]");
        }
        return out;
    }

    /** Typed access to the fields of one file, each missing or mistyped one an error naming the file and the field. */
    private record Fields(String source) {

        JsonNode object(JsonNode parent, String path) throws IOException {
            JsonNode node = parent.get(leaf(path));
            if (node == null || !node.isObject()) {
                throw problem(path + " is missing or not an object");
            }
            return node;
        }

        JsonNode array(JsonNode parent, String path) throws IOException {
            JsonNode node = parent.get(leaf(path));
            if (node == null || !node.isArray()) {
                throw problem(path + " is missing or not a list");
            }
            return node;
        }

        JsonNode array(JsonNode parent, String path, int size) throws IOException {
            JsonNode node = array(parent, path);
            if (node.size() != size) {
                throw problem(path + " has " + node.size() + " entries, not " + size);
            }
            return node;
        }

        String text(JsonNode parent, String path) throws IOException {
            JsonNode node = parent.get(leaf(path));
            if (node == null || !node.isTextual()) {
                throw problem(path + " is missing or not text");
            }
            return node.asText();
        }

        Path path(JsonNode parent, String path) throws IOException {
            String name = text(parent, path);
            try {
                return Path.of(name);
            } catch (InvalidPathException e) {
                throw problem(path + " is not a file name");
            }
        }

        double number(JsonNode parent, String path) throws IOException {
            return value(parent.get(leaf(path)), path);
        }

        double value(JsonNode node, String path) throws IOException {
            if (node == null || !node.isNumber() || !Double.isFinite(node.asDouble())) {
                throw problem(path + " is missing or not a number");
            }
            return node.asDouble();
        }

        int integer(JsonNode parent, String path) throws IOException {
            JsonNode node = parent.get(leaf(path));
            if (node == null || !node.isIntegralNumber() || !node.canConvertToInt()) {
                throw problem(path + " is missing or not a whole number");
            }
            return node.asInt();
        }

        int positiveInt(JsonNode parent, String path) throws IOException {
            int v = integer(parent, path);
            if (v <= 0) {
                throw problem(path + " must be positive, not " + v);
            }
            return v;
        }

        IOException problem(String what) {
            return new IOException(source + ": " + what);
        }

        private static String leaf(String path) {
            return path.substring(path.lastIndexOf('.') + 1);
        }
    }

    private LandmarksJson() {
    }
}
