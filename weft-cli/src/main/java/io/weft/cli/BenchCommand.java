package io.weft.cli;

import picocli.CommandLine.Command;

/** {@code weft bench}: load generators that speak Weft's protocols, built on Weft's own engines. */
@Command(name = "bench",
        description = "Generate load against a server and report throughput and latency.",
        mixinStandardHelpOptions = true,
        synopsisSubcommandLabel = "TARGET",
        subcommands = {BenchEchoCommand.class, BenchRespCommand.class, BenchHttpCommand.class,
            BenchConnectCommand.class})
final class BenchCommand {
}
