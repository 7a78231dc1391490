package io.weft.cli;

import io.weft.loadgen.LoadGenerator;
import io.weft.loadgen.LoadResult;
import io.weft.loadgen.LoadSpec;
import io.weft.loadgen.ProgressListener;
import io.weft.loadgen.report.HgrmReport;
import io.weft.loadgen.report.HtmlReport;
import io.weft.loadgen.report.JsonReport;
import io.weft.loadgen.report.RunInfo;
import io.weft.loadgen.report.TextReport;
import io.weft.loadgen.spi.Target;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Runs one {@code weft bench} target and reports: progress on a terminal, the summary on stdout, the
 * files asked for, and the thresholds as the exit status (0 passed, 1 broken or the run failed).
 */
final class BenchRun {

    private BenchRun() {
    }

    static int execute(CommandSpec command, BenchOptions options, LoadSpec spec, Target<?> target)
            throws IOException, InterruptedException {
        PrintWriter out = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        ProgressLine progress = ProgressLine.forTerminal(out);
        LoadResult result;
        try {
            result = LoadGenerator.run(spec, target, progress == null ? ProgressListener.NONE : progress);
        } catch (ConnectException e) {
            err.println("weft bench: " + e.getMessage());
            return 1;
        } finally {
            if (progress != null) {
                progress.clear();
            }
        }
        RunInfo info = RunInfo.current(commandLine(command), Main.Version.weft());
        List<String> violations = options.thresholds().violations(result);
        TextReport.write(info, result, out);
        for (String v : violations) {
            out.println("FAILED     " + v);
        }
        out.flush();
        try {
            writeFiles(options, info, result, violations);
        } catch (IOException e) {
            err.println("weft bench: cannot write the report: " + e);
            return 1;
        }
        return violations.isEmpty() ? 0 : 1;
    }

    private static void writeFiles(BenchOptions options, RunInfo info, LoadResult result, List<String> violations)
            throws IOException {
        if (options.json != null) {
            try (Writer w = Files.newBufferedWriter(options.json, StandardCharsets.UTF_8)) {
                JsonReport.write(info, result, violations, w);
            }
        }
        if (options.hgrm != null) {
            try (PrintStream p = new PrintStream(Files.newOutputStream(options.hgrm), false, StandardCharsets.UTF_8)) {
                HgrmReport.write(result, p);
            }
        }
        if (options.html != null) {
            try (Writer w = Files.newBufferedWriter(options.html, StandardCharsets.UTF_8)) {
                HtmlReport.write(info, result, violations, w);
            }
        }
    }

    /** The command as typed, for the reports: "weft bench echo -R 1000 ...", arguments with spaces quoted. */
    private static String commandLine(CommandSpec command) {
        List<String> args = command.root().commandLine().getParseResult().originalArgs();
        return "weft " + args.stream().map(a -> a.isEmpty() || a.matches(".*[\\s\"'].*") ? "'" + a + "'" : a)
                .collect(Collectors.joining(" "));
    }
}
