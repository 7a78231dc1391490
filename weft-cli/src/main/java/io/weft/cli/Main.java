package io.weft.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code weft} command. Exit codes: 0 success, 1 runtime failure (for example a port in use),
 * 2 bad command line (picocli's usage error).
 */
@Command(name = "weft",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "High-concurrency network servers for the JVM.",
        synopsisSubcommandLabel = "COMMAND",
        commandListHeading = "%nCommands:%n",
        subcommands = {ServeCommand.class, EchoCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The {@code weft} command line, ready to execute; tests run it in-process. */
    static CommandLine commandLine() {
        return new CommandLine(new Main()).setParameterExceptionHandler(Main::usageError);
    }

    /** Runs when no command is given: show what there is, as a usage error. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return spec.exitCodeOnInvalidInput();
    }

    /**
     * Reports a bad command line in two lines (the problem, then a "did you mean" or a pointer to
     * {@code --help}) instead of picocli's default of repeating the whole usage text.
     */
    private static int usageError(ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println(cmd.getColorScheme().errorText(e.getMessage()));
        if (!UnmatchedArgumentException.printSuggestions(e, err)) {
            err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
        }
        return cmd.getCommandSpec().exitCodeOnInvalidInput();
    }

    /** "weft 0.1.0" from the jar manifest ("dev" when run from classes), then the JDK running it. */
    static final class Version implements IVersionProvider {
        /** Weft's version from the jar manifest, or "dev" when run from classes. */
        static String weft() {
            String weft = Main.class.getPackage().getImplementationVersion();
            return weft == null ? "dev" : weft;
        }

        @Override
        public String[] getVersion() {
            return new String[] {
                "weft " + weft(),
                "JDK " + Runtime.version() + " (" + System.getProperty("java.vendor") + ") at "
                        + System.getProperty("java.home"),
            };
        }
    }
}
