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
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        if (!SCHEMA.equals(root.path("schema").asText())) {
            throw new IOException(file + " is not a " + SCHEMA + " file");
        }
        JsonNode v = root.get("video");
        VideoInfo video = new VideoInfo(Path.of(v.get("file").asText()), v.get("width").asInt(), v.get("height").asInt(),
                v.get("fps").asDouble(), v.get("frame_count").asInt(), v.get("display_rotation").asInt(),
                v.get("duration_s").asDouble(), v.get("codec").asText());
        List<PeopleFrame> frames = new ArrayList<>();
        for (JsonNode f : root.get("frames")) {
            List<TrackedPose> people = new ArrayList<>();
            if (f.has("score")) {
                people.add(readPerson(f));
            }
            f.path("others").forEach(o -> people.add(readPerson(o)));
            people.sort(Comparator.comparingInt(TrackedPose::person));
            frames.add(new PeopleFrame(f.get("index").asInt(), f.get("time_s").asDouble(), people));
        }
        List<String> warnings = new ArrayList<>();
        root.path("warnings").forEach(w -> warnings.add(w.asText()));
        return new PeopleSequence(video, root.get("model").asText(), frames, warnings);
    }

    private static TrackedPose readPerson(JsonNode p) {
        return new TrackedPose(p.path("person").asInt(UNTRACKED_PERSON), readLandmarks(p));
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
