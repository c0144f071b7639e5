package dev.mocap.pose;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompactPeopleFramesTest {

    /** Two people, the second gone for a while, over more frames than the first arrays hold. */
    private static final PeopleSequence PEOPLE = TestPeople.sequence(200, i -> i >= 50 && i < 120
            ? Map.of(1, TestPeople.figure(100 + i, 200, 80))
            : Map.of(1, TestPeople.figure(100 + i, 200, 80), 2, TestPeople.figure(400, 250 - i / 4.0, 120 + i)));

    private static PeopleSequence compact(PeopleSequence people) {
        CompactPeopleFrames frames = new CompactPeopleFrames();
        people.frames().forEach(frames::add);
        return new PeopleSequence(people.video(), people.model(), frames, people.warnings());
    }

    @Test
    void keepsWhatTheFiguresReadAndNothingElse() {
        PeopleSequence kept = compact(PEOPLE);
        assertEquals(PEOPLE.frames().size(), kept.frames().size());
        for (int i = 0; i < PEOPLE.frames().size(); i++) {
            PeopleFrame given = PEOPLE.frames().get(i), back = kept.frames().get(i);
            assertEquals(given.index(), back.index());
            assertEquals(given.timestamp(), back.timestamp());
            assertEquals(given.people().stream().map(TrackedPose::person).toList(), back.people().stream().map(TrackedPose::person).toList());
            for (int p = 0; p < given.people().size(); p++) {
                Landmarks a = given.people().get(p).landmarks(), b = back.people().get(p).landmarks();
                assertEquals(a.score(), b.score());
                assertEquals(a.roi(), b.roi());
                assertNull(b.world());
                assertNull(b.presence());
                for (int m = 0; m < BlazePose.COUNT; m++) {
                    int mark = m;
                    boolean isKept = Arrays.stream(CompactPeopleFrames.KEPT).anyMatch(k -> k == mark);
                    if (isKept) {
                        assertEquals(a.imageX(m), b.imageX(m), "landmark " + m);
                        assertEquals(a.imageY(m), b.imageY(m), "landmark " + m);
                        assertEquals(a.visibility()[m], b.visibility()[m], "landmark " + m);
                    } else {
                        assertTrue(Double.isNaN(b.imageX(m)) && Float.isNaN(b.visibility()[m]), "landmark " + m + " is not kept");
                    }
                }
            }
        }
        assertThrows(IndexOutOfBoundsException.class, () -> kept.frames().get(200));
    }

    @Test
    void theFiguresAndThePeopleChosenAreThoseOfTheWholeLandmarks() {
        PeopleSequence kept = compact(PEOPLE);
        assertEquals(PEOPLE.persons(), kept.persons());
        for (PersonSelection selection : new PersonSelection[]{PersonSelection.LARGEST, PersonSelection.ALL, PersonSelection.of(2)}) {
            assertEquals(selection.select(PEOPLE), selection.select(kept), selection.toString());
        }
        for (int person : new int[]{1, 2, PeopleSequence.NOBODY}) {
            assertEquals(LandmarkStats.summarize(PEOPLE, person), LandmarkStats.summarize(kept, person), "person " + person);
            assertEquals(PEOPLE.coverage(person), kept.coverage(person));
        }
    }
}
