package dev.mocap.cli;

import org.apache.commons.cli.CommandLine;

import java.nio.file.Path;

/** Positional arguments of a command line. */
final class Arguments {

    /** The command's one file argument, named {@code what} in the error when missing or repeated. */
    static Path single(CommandLine line, String what) {
        int n = line.getArgList().size();
        if (n != 1) {
            throw new IllegalArgumentException(n == 0 ? "missing " + what : "expected one " + what + ", got " + n + " arguments");
        }
        return Path.of(line.getArgList().get(0));
    }

    private Arguments() {
    }
}
