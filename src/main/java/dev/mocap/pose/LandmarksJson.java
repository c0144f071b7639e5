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
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The landmarks file ({@code mocap.landmarks/1}, schema in README.md): video info, model, the
 * landmark names, the people tracked, one object per decoded frame, a summary and warnings. A
 * frame's own fields are the first written person's landmarks, as in files from before people
 * were tracked (which still read); any other written person's are in its {@code others}.
 */
public final class LandmarksJson {
    public static final String SCHEMA = "mocap.landmarks/1";
    static final int UNTRACKED_PERSON = 1;

    /**
     * Writes the people {@code selected} (ids; the first one's landmarks are the frames' own
     * fields, the others' go into each frame's {@code others}) and a list of everyone tracked.
     */
    public static void write(PeopleSequence people, List<Integer> selected, Map<String, Object> summary, OutputStream out) throws IOException {
        try (JsonGenerator g = new ObjectMapper().getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("schema", SCHEMA);
            writeVideo(g, people.video());
            g.writeStringField("model", people.model());
            g.writeArrayFieldStart("landmark_names");
            for (String name : BlazePose.NAMES) {
                g.writeString(name);
            }
            g.writeEndArray();
            if (!selected.isEmpty()) {
                g.writeNumberField("person", selected.get(0));
            }
            writeTracks(g, people, selected);
            g.writeArrayFieldStart("frames");
            for (PeopleFrame f : people.frames()) {
                writeFrame(g, f, selected);
            }
            g.writeEndArray();
            g.writeObjectField("summary", summary);
            g.writeArrayFieldStart("warnings");
            for (String w : people.warnings()) {
                g.writeString(w);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private static void writeTracks(JsonGenerator g, PeopleSequence people, List<Integer> selected) throws IOException {
        g.writeArrayFieldStart("tracks");
        for (int id : people.persons()) {
            int first = -1, last = -1;
            for (PeopleFrame f : people.frames()) {
                if (f.landmarksOf(id) != null) {
                    first = first < 0 ? f.index() : first;
                    last = f.index();
                }
            }
            int frames = people.frameCount(id);
            g.writeStartObject();
            g.writeNumberField("person", id);
            g.writeNumberField("frames", frames);
            g.writeNumberField("first_frame", first);
            g.writeNumberField("last_frame", last);
            g.writeNumberField("mean_roi_size_px", round(Math.sqrt(people.coverage(id) / frames), 1e1));
            g.writeBooleanField("written", selected.contains(id));
            g.writeEndObject();
        }
        g.writeEndArray();
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

    private static void writeFrame(JsonGenerator g, PeopleFrame f, List<Integer> selected) throws IOException {
        g.writeStartObject();
        g.writeNumberField("index", f.index());
        g.writeNumberField("time_s", round(f.timestamp(), 1e6));
        int first = selected.isEmpty() ? PeopleSequence.NOBODY : selected.get(0);
        for (TrackedPose p : f.people()) {
            if (p.person() == first) {
                writePerson(g, p);
            }
        }
        List<TrackedPose> others = f.people().stream().filter(p -> p.person() != first && selected.contains(p.person())).toList();
        if (!others.isEmpty()) {
            g.writeArrayFieldStart("others");
            for (TrackedPose p : others) {
                g.writeStartObject();
                writePerson(g, p);
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private static void writePerson(JsonGenerator g, TrackedPose p) throws IOException {
        Landmarks l = p.landmarks();
        g.writeNumberField("person", p.person());
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

    /**
     * Reads a file written by {@link #write}. Files written before people were tracked hold one
     * person without an id; they are read as person {@value #UNTRACKED_PERSON}.
     */
    public static PeopleSequence read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        }
    }

    /**
     * Reads what {@link #write} wrote; {@code source} names it in errors.
     *
     * @throws IOException naming the source and the problem when the content is not such a file
     */
    public static PeopleSequence read(InputStream in, String source) throws IOException {
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
        List<PeopleFrame> frames = new ArrayList<>();
        double lastTime = Double.NEGATIVE_INFINITY;
        for (JsonNode f : fields.array(root, "frames")) {
            String where = "frames[" + frames.size() + "]";
            double time = fields.number(f, where + ".time_s");
            if (time < lastTime) {
                throw new IOException(source + ": frame " + frames.size() + " comes before the frame it follows (time_s " + time + ")");
            }
            lastTime = time;
            List<TrackedPose> people = new ArrayList<>();
            if (f.has("score")) {
                people.add(readPerson(fields, f, where));
            }
            int other = 0;
            for (JsonNode o : f.path("others")) {
                people.add(readPerson(fields, o, where + ".others[" + other++ + "]"));
            }
            people.sort(Comparator.comparingInt(TrackedPose::person));
            frames.add(new PeopleFrame(fields.integer(f, where + ".index"), time, people));
        }
        List<String> warnings = new ArrayList<>();
        root.path("warnings").forEach(w -> warnings.add(w.asText()));
        return new PeopleSequence(video, fields.text(root, "model"), frames, warnings);
    }

    private static TrackedPose readPerson(Fields fields, JsonNode p, String where) throws IOException {
        return new TrackedPose(p.path("person").asInt(UNTRACKED_PERSON), readLandmarks(fields, p, where));
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
