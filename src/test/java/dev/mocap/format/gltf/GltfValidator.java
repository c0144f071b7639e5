package dev.mocap.format.gltf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mocap.format.Programs;
import org.junit.jupiter.api.Assumptions;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Khronos glTF-Validator, run under Node through {@code src/test/resources/gltf-validator/validate.cjs};
 * the npm package is found in the folder named by the environment variable
 * {@code GLTF_VALIDATOR_MODULES} or in {@code target/test-tools/node_modules}
 * ({@code npm install --prefix target/test-tools gltf-validator}); without Node or the package
 * the calling test is skipped.
 */
public final class GltfValidator {
    private static final Path INSTALLED = Path.of("target/test-tools/node_modules");

    /** The validator's JSON report on a GLB file; {@code workDir} receives its raw output. */
    public static JsonNode report(Path glb, Path workDir) throws Exception {
        Path node = Programs.onPath("node");
        Path modules = modules();
        Assumptions.assumeTrue(node != null, "Node.js not installed (node on the PATH)");
        Assumptions.assumeTrue(Files.isDirectory(modules.resolve("gltf-validator")),
                "glTF-Validator not installed (npm install --prefix target/test-tools gltf-validator, or set GLTF_VALIDATOR_MODULES)");
        Path script = Path.of(GltfValidator.class.getResource("/gltf-validator/validate.cjs").toURI());
        Path output = workDir.resolve("validator.out");
        ProcessBuilder builder = new ProcessBuilder(node.toString(), script.toString(), glb.toString())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("NODE_PATH", modules.toAbsolutePath().toString());
        Process process = builder.start();
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "the validator timed out");
        String out = Files.readString(output, StandardCharsets.UTF_8);
        assertTrue(process.exitValue() == 0 || process.exitValue() == 1, "the validator failed: " + out);
        return new ObjectMapper().readTree(out.lines().filter(l -> l.startsWith("{")).findFirst()
                .orElseThrow(() -> new AssertionError("no report from the validator: " + out)));
    }

    private static Path modules() {
        String configured = System.getenv("GLTF_VALIDATOR_MODULES");
        return configured != null && !configured.isBlank() ? Path.of(configured) : INSTALLED;
    }

    private GltfValidator() {
    }
}
