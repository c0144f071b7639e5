package dev.mocap.pose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The landmarks file with tracked people: the first written person in the frames' own fields, others beside. */
class LandmarksJsonTest {
    @TempDir
    Path dir;

    private static PeopleSequence threePeople() {
        return TestPeople.sequence(6, i -> {
            Map<Integer, Landmarks> m = new HashMap<>();
            m.put(2, TestPeople.figure(100 + i, 200, 120));
            if (i % 2 == 0) {
                m.put(5, TestPeople.figure(400, 240 - i, 150));
            }
            m.put(7, TestPeople.figure(300, 100, 60));
            return m;
        });
    }

    private Path write(PeopleSequence people, List<Integer> selected) throws IOException {
        Path file = dir.resolve("people.json");
        try (OutputStream out = Files.newOutputStream(file)) {
            LandmarksJson.write(people, selected, LandmarkStats.summarize(people, selected.get(0)), out);
        }
        return file;
    }

    @Test
    void selectedPeopleRoundTripWithTheirIds() throws IOException {
        PeopleSequence people = threePeople();
        Path file = write(people, List.of(5, 2));
        PeopleSequence back = LandmarksJson.read(file);
        assertEquals(List.of(2, 5), back.persons());
        assertEquals(people.frames().size(), back.frames().size());
        for (int i = 0; i < people.frames().size(); i++) {
            for (int id : List.of(2, 5)) {
                Landmarks a = people.frames().get(i).landmarksOf(id), b = back.frames().get(i).landmarksOf(id);
                assertEquals(a == null, b == null, "frame " + i + " person " + id);
                if (a != null) {
                    for (int k = 0; k < a.image().length; k++) {
                        assertEquals(a.image()[k], b.image()[k], 0.006);
                        assertEquals(a.world()[k], b.world()[k], 1e-5);
                    }
                    assertEquals(a.roi().size(), b.roi().size(), 0.006);
                }
            }
        }
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        assertEquals(5, root.get("person").asInt());
        assertEquals(5, root.get("summary").get("person").asInt());
        assertEquals(3, root.get("tracks").size(), "every tracked person is listed");
        assertFalse(root.get("tracks").get(2).get("written").asBoolean());
        JsonNode odd = root.get("frames").get(1);
        assertFalse(odd.has("score"), "person 5 is not in frame 1");
        assertEquals(2, odd.get("others").get(0).get("person").asInt());
    }

    @Test
    void filesFromBeforeTrackingReadAsPersonOne() throws IOException {
        Path file = write(threePeople(), List.of(2));
        ObjectNode root = (ObjectNode) new ObjectMapper().readTree(file.toFile());
        root.remove(List.of("person", "tracks"));
        ((ObjectNode) root.get("summary")).remove(List.of("person", "people_tracked"));
        root.get("frames").forEach(f -> ((ObjectNode) f).remove("person"));
        Path old = dir.resolve("old.json");
        new ObjectMapper().writeValue(old.toFile(), root);
        assertFalse(Files.readString(old).contains("\"person\""));
        PeopleSequence back = LandmarksJson.read(old);
        assertEquals(List.of(1), back.persons());
        assertEquals(6, back.person(1).framesWithPerson());
        assertEquals(threePeople().frames().get(3).landmarksOf(2).imageX(0), back.person(1).frames().get(3).landmarks().imageX(0), 0.006,
                "the written person's landmarks");
    }
}
