package dev.mocap.body.mesh;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How a mesh's surface looks: its materials (a name and a base colour) and the material of each
 * triangle ({@code ofTriangle[t]} indexes {@code materials}).
 */
public record MeshMaterials(List<Material> materials, int[] ofTriangle) {

    /** A named base colour: linear RGB and alpha in [0, 1]. */
    public record Material(String name, double[] rgba) {
    }

    public MeshMaterials {
        materials = List.copyOf(materials);
        for (int m : ofTriangle) {
            if (m < 0 || m >= materials.size()) {
                throw new IllegalArgumentException("triangle material " + m + " of " + materials.size());
            }
        }
    }

    /** The mannequin's look: one material per body side, named {@code prefix_side}, in {@link BodySide} order. */
    public static MeshMaterials bySide(SkinnedMesh mesh, String prefix) {
        List<Material> materials = Arrays.stream(BodySide.values()).map(side -> {
            double[] rgb = side.rgb();
            return new Material(prefix + "_" + side.name().toLowerCase(Locale.ROOT), new double[]{rgb[0], rgb[1], rgb[2], 1});
        }).toList();
        return new MeshMaterials(materials, Arrays.stream(mesh.sides()).mapToInt(BodySide::ordinal).toArray());
    }

    /** The triangles (vertex index triples) of a mesh that have material {@code material}. */
    public int[] triangles(SkinnedMesh mesh, int material) {
        int[] out = new int[mesh.triangles().length];
        int n = 0;
        for (int t = 0; t < ofTriangle.length; t++) {
            if (ofTriangle[t] == material) {
                System.arraycopy(mesh.triangles(), 3 * t, out, n, 3);
                n += 3;
            }
        }
        return Arrays.copyOf(out, n);
    }
}
