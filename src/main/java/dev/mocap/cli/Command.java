package dev.mocap.cli;

import dev.mocap.ExitCode;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** One sub-command of the {@code mocap} tool. */
interface Command {
    String name();

    /** Argument synopsis shown after the command name, e.g. {@code "VIDEO [options]"}. */
    String synopsis();

    /** One line for the command list. */
    String summary();

    Options options();

    ExitCode run(CommandLine line);
}
