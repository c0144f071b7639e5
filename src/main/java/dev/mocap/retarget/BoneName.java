package dev.mocap.retarget;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bone name reduced to a side and a lower-case base word: {@code mixamorig:LeftUpLeg} →
 * (LEFT, "upleg"), {@code thigh_l} and {@code thigh.L} → (LEFT, "thigh"), {@code B_Hip_Left} →
 * (LEFT, "hip"), {@code LHipJoint} and DAZ's {@code lThighBend} → (LEFT, "hipjoint", "thighbend"),
 * {@code Hips} → (CENTRE, "hips"). Tool prefixes (Rigify {@code DEF-}, Character Creator
 * {@code CC_Base_}, VRoid {@code J_Bip_C_}), Blender's and Sketchfab's copy numbers
 * ({@code thigh.L.001}, {@code LeftUpLeg_055}) and numbered segments ({@code upperleg01}) are dropped.
 */
record BoneName(Side side, String base) {

    enum Side { LEFT, RIGHT, CENTRE }

    /** Namespaces ({@code mixamorig:}, {@code Armature|}) and tool prefixes that carry no meaning. */
    private static final Pattern PREFIX = Pattern.compile("^(.*[:|])?(mixamorig\\d*_?|b_|def-|bip\\d*[ _]?|bone_|cc_base_|rl_|j_(bip|adj|sec)_(c_)?)?", Pattern.CASE_INSENSITIVE);
    /** A copy number that Blender ({@code .001}) or Sketchfab ({@code _055}) appends. */
    private static final Pattern COPY_NUMBER = Pattern.compile("[._]\\d+$");
    private static final String SEP = "[ _.\\-]";
    private static final List<Pattern> SIDED = List.of(
            Pattern.compile("^(left|right)" + SEP + "?(.+)$", Pattern.CASE_INSENSITIVE),
            Pattern.compile("^(.+?)" + SEP + "?(left|right)$", Pattern.CASE_INSENSITIVE),
            Pattern.compile("^([lr])" + SEP + "(.+)$", Pattern.CASE_INSENSITIVE),
            Pattern.compile("^(.+)" + SEP + "([lr])$", Pattern.CASE_INSENSITIVE),
            // CMU's LHipJoint, LThumb, DAZ's lThighBend: L or R glued to a capitalised word.
            Pattern.compile("^([LRlr])([A-Z][a-z].*)$"));

    static BoneName parse(String name) {
        String stripped = COPY_NUMBER.matcher(PREFIX.matcher(name.strip()).replaceFirst("")).replaceFirst("");
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
        return COPY_NUMBER.matcher(name.toLowerCase(Locale.ROOT)).replaceFirst("").matches(".*[_.\\- ]?end(site)?$");
    }

    private static boolean isSide(String word) {
        return word.equalsIgnoreCase("left") || word.equalsIgnoreCase("right") || word.equalsIgnoreCase("l") || word.equalsIgnoreCase("r");
    }

    private static String base(String word) {
        return word.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "").replaceAll("(?<=[a-z])\\d+$", "");
    }
}
