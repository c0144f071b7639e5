package dev.mocap.cli;

import dev.mocap.ExitCode;
import dev.mocap.nn.ModelInstaller;
import dev.mocap.nn.ModelStore;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

import java.util.List;

/** {@code mocap models [install]}: shows the state of the model files, or restores them. */
final class ModelsCommand implements Command {

    @Override
    public String name() {
        return "models";
    }

    @Override
    public String synopsis() {
        return "[install]";
    }

    @Override
    public String summary() {
        return "list the models and their state; 'install' fetches, verifies and converts the BlazePose ones";
    }

    @Override
    public Options options() {
        return new Options();
    }

    @Override
    public ExitCode run(CommandLine line) {
        List<String> args = line.getArgList();
        ModelStore store = ModelStore.locate();
        if (args.equals(List.of("install"))) {
            ModelInstaller.install(store.dir(), System.out);
            return ExitCode.OK;
        }
        if (!args.isEmpty()) {
            throw new IllegalArgumentException("unknown argument '" + String.join(" ", args) + "' (use: mocap models [install])");
        }
        boolean complete = true;
        System.out.println("models folder: " + store.dir());
        for (ModelStore.ModelStatus s : store.status()) {
            System.out.printf("  %-9s onnx %-7s %s%n", s.model().name().toLowerCase(), s.onnxState(), s.onnx());
            complete &= s.onnxState() == ModelStore.FileState.OK;
        }
        if (!complete) {
            System.out.println("restore with: ./mocap models install");
        }
        ModelStore.FileState refiner = store.refinerState();
        System.out.printf("  %-9s onnx %-7s %s%n", "refiner", refiner, store.refinerFile());
        if (refiner != ModelStore.FileState.OK) {
            System.out.println("the refiner ships with the source in models/: restore it from version control (models/REFINER.md)");
        }
        return complete && refiner == ModelStore.FileState.OK ? ExitCode.OK : ExitCode.MODEL_MISSING;
    }
}
