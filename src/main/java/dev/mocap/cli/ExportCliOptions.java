package dev.mocap.cli;

import dev.mocap.AtomicFiles;
import dev.mocap.export.BodyOption;
import dev.mocap.export.Exporters;
import dev.mocap.export.Format;
import dev.mocap.export.bvh.BvhOptions;
import dev.mocap.export.fbx.FbxOptions;
import dev.mocap.export.fbx.binary.FbxVersion;
import dev.mocap.retarget.LoadedRig;
import dev.mocap.retarget.Preset;
import dev.mocap.retarget.Presets;
import dev.mocap.retarget.Retargeting;
import dev.mocap.retarget.RigFiles;
import dev.mocap.smpl.SmplModel;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Output options shared by the commands that write animation files: formats, units, names. */
final class ExportCliOptions {

    static void addTo(Options o, String outputNote) {
        o.addOption(Option.builder("o").longOpt("output").hasArg().argName("OUT")
                .desc("output name without extension, or an existing folder (default: the input's name in the current folder); "
                        + outputNote).build());
        o.addOption(Option.builder().longOpt("format").hasArg().argName("LIST")
                .desc("animation formats, comma-separated: " + Format.names() + " (default bvh)").build());
        o.addOption(Option.builder().longOpt("unit").hasArg().argName("m|cm")
                .desc("length unit of the BVH (default m, or the preset's: cm for mixamo and ue5-mannequin, which Blender's BVH "
                        + "import needs Scale 0.01 for; FBX is always centimetres with its unit declared)").build());
        o.addOption(Option.builder().longOpt("body").hasArg().argName("auto|mannequin|none")
                .desc("FBX and GLB: a skinned mannequin body moving with the skeleton, or bones only "
                        + "(default auto: the mannequin on the SMPL skeleton, bones only on other rigs)").build());
        o.addOption(Option.builder().longOpt("fbx-version").hasArg().argName("7.4|7.5")
                .desc("binary FBX version (default 7.4, read by every FBX importer; 7.5 for 64-bit offsets)").build());
        o.addOption(Option.builder().longOpt("smpl-model").hasArg().argName("MODEL.npz")
                .desc("your SMPL model file (.npz with v_template, shapedirs, J_regressor, weights, kintree_table, f): betas fitted to "
                        + "the measured bones, that body's skeleton in every format, its mesh in FBX and GLB").build());
        o.addOption(Option.builder("f").longOpt("force").desc("overwrite existing output files").build());
    }

    /** The retargeting options: a preset, a character's rig, and bone names the automatic map gets wrong. */
    static void addRetargetTo(Options o) {
        o.addOption(Option.builder().longOpt("preset").hasArg().argName("NAME|FILE.json")
                .desc("export preset: " + String.join(", ", Presets.BUILT_IN) + " (see: mocap presets), or a preset file; "
                        + "sets the rig, default formats, BVH unit, frame rate and root motion").build());
        o.addOption(Option.builder().longOpt("rig").hasArg().argName("CHARACTER.glb|.gltf|.vrm|.fbx|.bvh")
                .desc("retarget onto this character's skeleton (bone names and rest pose; binary FBX 7.x, glTF with or without skin, "
                        + "VRM 0.x/1.0; bones mapped by the VRM humanoid table, their names, else the skeleton's shape)").build());
        o.addOption(Option.builder().longOpt("bone-map").hasArg().argName("FILE.json")
                .desc("with --rig: JSON {\"bone name\": \"smpl joint\" or null} for bones the automatic map misses").build());
    }

    /** What the output options ask for: formats, the writers' settings, and the retargeting done before writing. */
    record Settings(Set<Format> formats, Exporters exporters, Retargeting retargeting) {
    }

    /**
     * --preset, --rig (its bone map printed, the rig file's warnings on stderr), --bone-map,
     * --format, --unit, --body, --fbx-version. A glTF character given with --rig is what GLB
     * files are written into.
     */
    static Settings settings(CommandLine line) {
        Preset preset = line.hasOption("preset") ? Presets.get(line.getOptionValue("preset")) : null;
        Retargeting retargeting = preset == null ? Retargeting.NONE : Retargeting.of(preset);
        Exporters exporters = exporters(line, preset);
        if (line.hasOption("rig")) {
            LoadedRig loaded = rig(line);
            retargeting = retargeting.withRig(loaded.rig());
            exporters = exporters.withCharacter(loaded.character()).withCharacterBody(loaded.body());
        } else if (line.hasOption("bone-map")) {
            throw new IllegalArgumentException("--bone-map goes with --rig");
        }
        Set<Format> formats = line.hasOption("format") || preset == null ? Format.parseList(line.getOptionValue("format", "bvh")) : preset.formats();
        return new Settings(formats, exporters, retargeting);
    }

    private static LoadedRig rig(CommandLine line) {
        Map<String, String> overrides = line.hasOption("bone-map") ? RigFiles.readBoneMap(Path.of(line.getOptionValue("bone-map"))) : Map.of();
        LoadedRig loaded = RigFiles.load(Path.of(line.getOptionValue("rig")), overrides);
        loaded.warnings().forEach(w -> System.err.println("mocap: warning: rig " + line.getOptionValue("rig") + ": " + w));
        System.out.println("bone map of " + loaded.rig().name() + " (bone -> SMPL joint):");
        loaded.rig().map().describe(loaded.rig().names()).forEach(l -> System.out.println("  " + l));
        return loaded;
    }

    /** --unit, else the preset's BVH unit, else metres; --body; --fbx-version; --smpl-model. */
    private static Exporters exporters(CommandLine line, Preset preset) {
        String fallback = preset != null && preset.bvhUnit() == BvhOptions.Unit.CENTIMETRES ? "cm" : "m";
        BvhOptions.Unit unit = switch (line.getOptionValue("unit", fallback)) {
            case "m" -> BvhOptions.Unit.METRES;
            case "cm" -> BvhOptions.Unit.CENTIMETRES;
            default -> throw new IllegalArgumentException("unknown --unit '" + line.getOptionValue("unit") + "' (use m or cm)");
        };
        BodyOption body = BodyOption.parse(line.getOptionValue("body", "auto"));
        FbxVersion version = switch (line.getOptionValue("fbx-version", "7.4")) {
            case "7.4", "7400" -> FbxVersion.V7400;
            case "7.5", "7500" -> FbxVersion.V7500;
            default -> throw new IllegalArgumentException("unknown --fbx-version '" + line.getOptionValue("fbx-version") + "' (use 7.4 or 7.5)");
        };
        Exporters exporters = Exporters.defaults().withBvh(BvhOptions.DEFAULT.withUnit(unit)).withFbx(FbxOptions.DEFAULT.withVersion(version))
                .withBody(body);
        return line.hasOption("smpl-model") ? exporters.withSmplModel(SmplModel.read(Path.of(line.getOptionValue("smpl-model")))) : exporters;
    }

    /** OUT without a known animation extension; inside OUT when it is a folder; else {@code stem} here. */
    static Path outputBase(String stem, String output) {
        if (output == null) {
            return Path.of(stem);
        }
        Path out = Path.of(output);
        if (Files.isDirectory(out)) {
            return out.resolve(stem);
        }
        String name = out.getFileName().toString();
        for (Format f : Format.values()) {
            if (name.endsWith("." + f.extension())) {
                return out.resolveSibling(name.substring(0, name.length() - f.extension().length() - 1));
            }
        }
        return out;
    }

    /** Refuses (unless --force) to replace existing files, and checks now that each can be written. */
    static void checkOutputs(CommandLine line, List<Path> files) {
        for (Path out : files) {
            if (!line.hasOption("force")) {
                LandmarksCommand.refuseExisting(out);
            }
            AtomicFiles.checkWritable(out);
        }
    }

    private ExportCliOptions() {
    }
}
