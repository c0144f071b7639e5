package dev.mocap.pose;

import dev.mocap.ExitCode;
import dev.mocap.MocapException;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PersonSelectionTest {

    @Test
    void parsesTheThreeForms() {
        assertEquals(PersonSelection.LARGEST, PersonSelection.parse("largest"));
        assertEquals(PersonSelection.ALL, PersonSelection.parse("ALL"));
        assertEquals(PersonSelection.of(12), PersonSelection.parse("12"));
        for (String bad : List.of("0", "-2", "everyone", "", "1.5", "99999999999")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PersonSelection.parse(bad), bad);
            assertTrue(e.getMessage().contains("--person") && e.getMessage().contains("'" + bad + "'"), e.getMessage());
        }
    }

    /** Person 1 is small and there all along; person 2 is large but there for a third of the time; person 3 flickers. */
    private static PeopleSequence crowd() {
        return TestPeople.sequence(90, i -> {
            Map<Integer, Landmarks> m = new HashMap<>();
            m.put(1, TestPeople.figure(100, 200, 100));
            if (i >= 60) {
                m.put(2, TestPeople.figure(400, 240, 200));
            }
            if (i == 10 || i == 11) {
                m.put(3, TestPeople.figure(300, 100, 300));
            }
            return m;
        });
    }

    @Test
    void largestIsTheMostFramesTimesArea() {
        // Person 1: 90 frames × 100² = 900 000; person 2: 30 × 200² = 1 200 000.
        assertEquals(List.of(2), PersonSelection.LARGEST.select(crowd()));
        assertEquals(List.of(), PersonSelection.LARGEST.select(TestPeople.sequence(5, i -> Map.of())));
    }

    @Test
    void allLeavesOutPeopleSeenOnlyBriefly() {
        assertEquals(List.of(2, 1), PersonSelection.ALL.select(crowd()), "the largest first");
        PeopleSequence onlyBrief = TestPeople.sequence(90, i -> i < 3 ? Map.of(4, TestPeople.figure(50, 50, 40)) : Map.of());
        assertEquals(List.of(4), PersonSelection.ALL.select(onlyBrief), "someone rather than nobody");
    }

    @Test
    void anIdMustBeAmongThePeopleTracked() {
        assertEquals(List.of(3), PersonSelection.of(3).select(crowd()));
        MocapException e = assertThrows(MocapException.class, () -> PersonSelection.of(7).select(crowd()));
        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
        assertEquals("there is no person 7 in people.mp4 (people tracked: 1, 2, 3)", e.getMessage());
        MocapException none = assertThrows(MocapException.class,
                () -> PersonSelection.of(1).select(TestPeople.sequence(5, i -> Map.of())));
        assertTrue(none.getMessage().contains("nobody was found"), none.getMessage());
    }
}
