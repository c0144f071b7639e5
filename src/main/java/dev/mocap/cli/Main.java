package dev.mocap.cli;

import dev.mocap.ExitCode;
import dev.mocap.MocapException;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;

/** Entry point: {@code mocap <command> [options]}. Exit statuses are those of {@link ExitCode}. */
public final class Main {
    private static final List<Command> COMMANDS = List.of(new ConvertCommand(), new BatchCommand(), new ExportCommand(), new PresetsCommand(),
            new LandmarksCommand(), new MetricsCommand(), new PreviewCommand(), new RenderCommand(), new DemoCommand(), new SampleCommand(),
            new ModelsCommand(), new BenchCommand());

    public static void main(String[] args) {
        System.exit(run(args).status());
    }

    static ExitCode run(String[] args) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            printOverview();
            return args.length == 0 ? ExitCode.USAGE : ExitCode.OK;
        }
        Command command = COMMANDS.stream().filter(c -> c.name().equals(args[0])).findFirst().orElse(null);
        if (command == null) {
            System.err.println("mocap: unknown command '" + args[0] + "' (see: mocap --help)");
            return ExitCode.USAGE;
        }
        Options options = command.options();
        options.addOption(Option.builder("h").longOpt("help").desc("show this help").build());
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        // Before parsing: a required option that is missing must not stand in the way of the help.
        if (Arrays.asList(rest).contains("--help") || Arrays.asList(rest).contains("-h")) {
            printHelp(command, options);
            return ExitCode.OK;
        }
        try {
            return command.run(new DefaultParser().parse(options, rest));
        } catch (ParseException | IllegalArgumentException e) {
            System.err.println("mocap " + command.name() + ": " + e.getMessage() + " (see: mocap " + command.name() + " --help)");
            return ExitCode.USAGE;
        } catch (MocapException e) {
            System.err.println("mocap: error: " + e.getMessage());
            return e.exitCode();
        } catch (RuntimeException | Error e) {
            System.err.println("mocap: internal error: " + e + (debug() ? "" : " (set MOCAP_DEBUG=1 for details)"));
            if (debug()) {
                e.printStackTrace();
            }
            return ExitCode.FAILURE;
        }
    }

    private static boolean debug() {
        return System.getenv("MOCAP_DEBUG") != null;
    }

    private static void printOverview() {
        System.out.println("mocap: video to skeletal animation, on the CPU\n");
        System.out.println("usage: mocap <command> [options]   (mocap <command> --help for details)\n");
        System.out.println("commands:");
        for (Command c : COMMANDS) {
            System.out.printf("  %-10s %s%n", c.name(), c.summary());
        }
        System.out.println("\nexit status: 0 ok, 1 internal error, 2 usage, 3 bad input, 4 model missing,");
        System.out.println("             5 output not written, 6 device unavailable, 7 batch partly failed");
    }

    private static void printHelp(Command command, Options options) {
        HelpFormatter help = new HelpFormatter();
        help.setOptionComparator(null);
        PrintWriter out = new PrintWriter(System.out, true);
        help.printHelp(out, 100, "mocap " + command.name() + " " + command.synopsis(), command.summary() + "\n\noptions:",
                options, 2, 2, "");
    }

    private Main() {
    }
}
