package dev.mocap.pose;

import dev.mocap.ExitCode;
import dev.mocap.MocapException;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Which tracked people a command puts out: the largest (the one filling the most frames × area,
 * the default), all of them, or the one with a given track id.
 */
public record PersonSelection(Kind kind, int id) {
    public enum Kind { LARGEST, ALL, ID }

    public static final PersonSelection LARGEST = new PersonSelection(Kind.LARGEST, PeopleSequence.NOBODY);
    public static final PersonSelection ALL = new PersonSelection(Kind.ALL, PeopleSequence.NOBODY);
    /** {@code all} leaves out people tracked for less than this (passers-by, false detections), unless nobody stays longer. */
    static final double MIN_SECONDS_FOR_ALL = 0.5;

    public static PersonSelection of(int id) {
        return new PersonSelection(Kind.ID, id);
    }

    /** {@code largest}, {@code all} or a track id. */
    public static PersonSelection parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("largest")) {
            return LARGEST;
        }
        if (t.equals("all")) {
            return ALL;
        }
        try {
            int id = Integer.parseInt(t);
            if (id > 0) {
                return of(id);
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("--person is largest, all or a person id (1, 2, …), not '" + text + "'");
    }

    /**
     * The ids selected among the people of {@code people}: for {@code all} the largest first (it
     * fills the frames' own fields of the landmarks file), then the others in id order; empty
     * when nobody was found.
     *
     * @throws MocapException (bad input) when the asked-for id is not among them
     */
    public List<Integer> select(PeopleSequence people) {
        List<Integer> ids = people.persons();
        return switch (kind) {
            case LARGEST -> largest(people, ids);
            case ALL -> {
                List<Integer> lasting = ids.stream().filter(p -> !isShort(people, p)).toList();
                List<Integer> first = largest(people, lasting.isEmpty() ? ids : lasting);
                yield Stream.concat(first.stream(), lasting.stream().filter(p -> !first.contains(p))).toList();
            }
            case ID -> {
                if (!ids.contains(id)) {
                    throw new MocapException(ExitCode.BAD_INPUT, "there is no person " + id + " in " + people.video().file().getFileName()
                            + (ids.isEmpty() ? " (nobody was found)" : " (people tracked: " + String.join(", ", ids.stream().map(String::valueOf).toList()) + ")"));
                }
                yield List.of(id);
            }
        };
    }

    /** Tracked for less than {@value #MIN_SECONDS_FOR_ALL} s (or than the whole video, if that is shorter). */
    static boolean isShort(PeopleSequence people, int person) {
        double fps = people.video().fps() > 0 ? people.video().fps() : 30;
        return people.frameCount(person) < Math.min(Math.ceil(MIN_SECONDS_FOR_ALL * fps), people.frames().size());
    }

    private static List<Integer> largest(PeopleSequence people, List<Integer> ids) {
        return ids.stream().max(Comparator.comparingDouble(people::coverage)
                .thenComparing(Comparator.<Integer>naturalOrder().reversed())).map(List::of).orElse(List.of());
    }

    @Override
    public String toString() {
        return kind == Kind.ID ? String.valueOf(id) : kind.name().toLowerCase(Locale.ROOT);
    }
}
