package dev.mocap.export;

import dev.mocap.format.BodyOption;
import dev.mocap.format.Format;
import dev.mocap.format.bvh.BvhOptions;
import dev.mocap.format.fbx.FbxOptions;
import dev.mocap.format.fbx.binary.FbxVersion;
import dev.mocap.retarget.LoadedRig;
import dev.mocap.retarget.ExportPreset;
import dev.mocap.retarget.Presets;
import dev.mocap.retarget.Retargeting;
import dev.mocap.retarget.RigFiles;
import dev.mocap.smpl.SmplModel;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What a conversion writes and how: the formats, the writers' settings, and the retargeting done
 * before writing. Any runner (the command line, a batch engine) builds them from a {@link Request}.
 */
public record ExportSettings(Set<Format> formats, Exporters exporters, Retargeting retargeting) {

    /**
     * The output choices as the user gave them, each the value of the command-line option of that
     * name, null where not given: --preset, --rig, --bone-map, --format, --unit, --body,
     * --fbx-version, --smpl-model.
     */
    public record Request(String preset, String rig, String boneMap, String format, String unit, String body, String fbxVersion,
                          String smplModel) {
    }

    /**
     * The preset's choices, overridden by the request's. A glTF character given as the rig is what
     * GLB files are written into; {@code rigLoaded} sees the rig as soon as it is read (to show
     * its bone map and warnings).
     */
    public static ExportSettings resolve(Request request, Consumer<LoadedRig> rigLoaded) {
        ExportPreset preset = request.preset() != null ? Presets.get(request.preset()) : null;
        Retargeting retargeting = preset == null ? Retargeting.NONE : Retargeting.of(preset);
        Exporters exporters = exporters(request, preset);
        if (request.rig() != null) {
            Map<String, String> overrides = request.boneMap() != null ? RigFiles.readBoneMap(Path.of(request.boneMap())) : Map.of();
            LoadedRig loaded = RigFiles.load(Path.of(request.rig()), overrides);
            rigLoaded.accept(loaded);
            retargeting = retargeting.withRig(loaded.rig());
            exporters = exporters.withCharacter(loaded.character()).withCharacterBody(loaded.body());
        } else if (request.boneMap() != null) {
            throw new IllegalArgumentException("--bone-map goes with --rig");
        }
        Set<Format> formats = request.format() != null || preset == null
                ? Format.parseList(request.format() != null ? request.format() : "bvh") : preset.formats();
        return new ExportSettings(formats, exporters, retargeting);
    }

    /** The unit, else the preset's BVH unit, else metres; the body; the FBX version; the SMPL model. */
    private static Exporters exporters(Request request, ExportPreset preset) {
        String fallback = preset != null && preset.bvhUnit() == BvhOptions.Unit.CENTIMETRES ? "cm" : "m";
        BvhOptions.Unit unit = switch (request.unit() != null ? request.unit() : fallback) {
            case "m" -> BvhOptions.Unit.METRES;
            case "cm" -> BvhOptions.Unit.CENTIMETRES;
            default -> throw new IllegalArgumentException("unknown --unit '" + request.unit() + "' (use m or cm)");
        };
        BodyOption body = BodyOption.parse(request.body() != null ? request.body() : "auto");
        FbxVersion version = switch (request.fbxVersion() != null ? request.fbxVersion() : "7.4") {
            case "7.4", "7400" -> FbxVersion.V7400;
            case "7.5", "7500" -> FbxVersion.V7500;
            default -> throw new IllegalArgumentException("unknown --fbx-version '" + request.fbxVersion() + "' (use 7.4 or 7.5)");
        };
        Exporters exporters = Exporters.defaults().withBvh(BvhOptions.DEFAULT.withUnit(unit)).withFbx(FbxOptions.DEFAULT.withVersion(version))
                .withBody(body);
        return request.smplModel() != null ? exporters.withSmplModel(SmplModel.read(Path.of(request.smplModel()))) : exporters;
    }
}
