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
        boolean shipped = true;
        for (String name : List.of(ModelStore.REFINER, ModelStore.LIFTER)) {
            ModelStore.FileState state = store.projectModelState(name);
            System.out.printf("  %-9s onnx %-7s %s%n", name.equals(ModelStore.REFINER) ? "refiner" : name, state,
                    store.projectModelFile(name));
            shipped &= state == ModelStore.FileState.OK;
        }
        if (!shipped) {
            System.out.println("the refiner and the lifter ship with the source in models/: restore them with 'git checkout models/'"
                    + " (models/REFINER.md, models/LIFTER.md)");
        }
        return complete && shipped ? ExitCode.OK : ExitCode.MODEL_MISSING;
    }
}
