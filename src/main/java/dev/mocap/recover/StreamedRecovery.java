package dev.mocap.recover;

import dev.mocap.pose.FramePose;
import dev.mocap.pose.PeopleFrame;
import dev.mocap.pose.PeopleSequence;
import dev.mocap.pose.PersonSelection;
import dev.mocap.pose.TrackedPose;
import dev.mocap.video.VideoInfo;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Recovery that runs while the video is tracked: every person who may be put out has a
 * {@link WindowedRecovery.Stream} that is handed each frame as tracking makes it, so that a
 * window is recovered as soon as it is complete and its landmarks let go. Which people are put
 * out is known only at the end ({@code --person largest} is the one filling the most of the
 * whole video), so everyone tracked is followed (only the asked-for id with {@code --person ID});
 * the others' streams are dropped unfinished.
 */
public final class StreamedRecovery {
    private final WindowedRecovery recovery;
    private final RecoveryOptions options;
    private final PersonSelection selection;
    private final String model;
    private final Map<Integer, Person> people = new LinkedHashMap<>();
    /** Index and time of every frame so far, for a person first seen late: their stream starts at the video's first frame. */
    private int[] indices = new int[256];
    private double[] times = new double[256];
    private int frames;
    private VideoInfo video;

    /**
     * One person's stream (let go once finished, with the frames it held), the time it has taken,
     * what made it fail (thrown only if the person is put out), and its result.
     */
    private static final class Person {
        WindowedRecovery.Stream stream;
        long nanos;
        RuntimeException failure;
        Recovery finished;

        Person(WindowedRecovery.Stream stream) {
            this.stream = stream;
        }
    }

    public StreamedRecovery(WindowedRecovery recovery, RecoveryOptions options, PersonSelection selection, String model) {
        this.recovery = recovery;
        this.options = options;
        this.selection = selection;
        this.model = model;
    }

    /** The next frame of the video, as tracking made it. */
    public void frame(VideoInfo info, PeopleFrame frame) {
        video = info;
        for (TrackedPose p : frame.people()) {
            if (!people.containsKey(p.person()) && (selection.kind() != PersonSelection.Kind.ID || selection.id() == p.person())) {
                people.put(p.person(), started());
            }
        }
        remember(frame);
        people.forEach((id, person) -> feed(person, new FramePose(frame.index(), frame.timestamp(), frame.landmarksOf(id))));
    }

    /**
     * The recovery of {@code id} over the whole video ({@link PeopleSequence#NOBODY}, or anyone
     * not followed, gets frames without a person, hence recovery's error), with the landmarks'
     * {@code warnings} first.
     */
    public Recovery finish(int id, VideoInfo info, List<String> warnings) {
        video = info;
        Person person = people.computeIfAbsent(id, unknown -> started());
        if (person.failure != null) {
            throw person.failure;
        }
        if (person.finished == null) {
            long start = System.nanoTime();
            try {
                person.finished = person.stream.finish(warnings);
                person.stream = null;
            } finally {
                person.nanos += System.nanoTime() - start;
            }
        }
        return person.finished;
    }

    /** Lets go of everyone else's stream (and the frames it holds): only {@code ids} will be finished. */
    public void keepOnly(Collection<Integer> ids) {
        people.keySet().retainAll(ids);
    }

    /** Seconds spent recovering {@code id}, in the windows recovered while tracking and at the end. */
    public double seconds(int id) {
        Person person = people.get(id);
        return person == null ? 0 : person.nanos / 1e9;
    }

    /** A stream that has seen every frame so far, without its person. */
    private Person started() {
        Person person = new Person(recovery.stream(video, model, options));
        for (int i = 0; i < frames; i++) {
            feed(person, new FramePose(indices[i], times[i], null));
        }
        return person;
    }

    private void feed(Person person, FramePose pose) {
        if (person.failure != null || person.stream == null) {
            return;
        }
        long start = System.nanoTime();
        try {
            person.stream.add(pose);
        } catch (RuntimeException e) {
            person.failure = e;
        } finally {
            person.nanos += System.nanoTime() - start;
        }
    }

    private void remember(PeopleFrame frame) {
        if (frames == indices.length) {
            indices = Arrays.copyOf(indices, 2 * frames);
            times = Arrays.copyOf(times, 2 * frames);
        }
        indices[frames] = frame.index();
        times[frames] = frame.timestamp();
        frames++;
    }
}
