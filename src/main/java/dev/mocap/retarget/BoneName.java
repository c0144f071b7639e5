package dev.mocap.retarget;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bone name reduced to a side and a lower-case base word: {@code mixamorig:LeftUpLeg} →
 * (LEFT, "upleg"), {@code thigh_l} and {@code thigh.L} → (LEFT, "thigh"), {@code B_Hip_Left} →
 * (LEFT, "hip"), {@code LHipJoint} → (LEFT, "hipjoint"), {@code Hips} → (CENTRE, "hips").
 */
record BoneName(Side side, String base) {

    enum Side { LEFT, RIGHT, CENTRE }

    /** Namespaces ({@code mixamorig:}, {@code Armature|}) and tool prefixes that carry no meaning. */
    private static final Pattern PREFIX = Pattern.compile("^(.*[:|])?(mixamorig\\d*|b_|def-|bip\\d*[ _]?|bone_)?", Pattern.CASE_INSENSITIVE);
    private static final String SEP = "[ _.\\-]";
    private static final List<Pattern> SIDED = List.of(
            Pattern.compile("^(left|right)" + SEP + "?(.+)$", Pattern.CASE_INSENSITIVE),
            Pattern.compile("^(.+?)" + SEP + "?(left|right)$", Pattern.CASE_INSENSITIVE),
            Pattern.compile("^([lr])" + SEP + "(.+)$", Pattern.CASE_INSENSITIVE),
            Pattern.compile("^(.+)" + SEP + "([lr])$", Pattern.CASE_INSENSITIVE),
            // CMU's LHipJoint, LThumb: a capital L or R glued to a capitalised word.
            Pattern.compile("^([LR])([A-Z][a-z].*)$"));

    static BoneName parse(String name) {
        String stripped = PREFIX.matcher(name.strip()).replaceFirst("");
        for (Pattern p : SIDED) {
            Matcher m = p.matcher(stripped);
            if (m.matches()) {
                boolean sideFirst = isSide(m.group(1));
                String side = sideFirst ? m.group(1) : m.group(2);
                String rest = sideFirst ? m.group(2) : m.group(1);
                if (isSide(side)) {
                    return new BoneName(side.toLowerCase(Locale.ROOT).startsWith("l") ? Side.LEFT : Side.RIGHT, base(rest));
                }
            }
        }
        return new BoneName(Side.CENTRE, base(stripped));
    }

    /** A helper at the end of a chain ({@code HeadTop_End}, {@code Foot.L_end}) rather than a bone of the body. */
    static boolean isEndMarker(String name) {
        return name.toLowerCase(Locale.ROOT).matches(".*[_.\\- ]?end(site)?$");
    }

    private static boolean isSide(String word) {
        return word.equalsIgnoreCase("left") || word.equalsIgnoreCase("right") || word.equalsIgnoreCase("l") || word.equalsIgnoreCase("r");
    }

    private static String base(String word) {
        return word.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
