package io.weft.server.redis.commands;

import static io.weft.server.redis.core.Flag.FAST;
import static io.weft.server.redis.core.Flag.LOADING;
import static io.weft.server.redis.core.Flag.NOSCRIPT;
import static io.weft.server.redis.core.Flag.PUBSUB;
import static io.weft.server.redis.core.Flag.PUBSUB_CONTEXT;
import static io.weft.server.redis.core.Flag.STALE;

import io.weft.codec.resp.RespRequest;
import io.weft.codec.resp.RespWriter;
import io.weft.server.redis.core.Client;
import io.weft.server.redis.core.CommandSpec;
import io.weft.server.redis.core.Errors;
import io.weft.server.redis.core.Flag;
import io.weft.server.redis.pubsub.PubSub;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntConsumer;

/**
 * Pub/Sub commands, as Redis's {@code pubsub.c}: SUBSCRIBE, UNSUBSCRIBE, PSUBSCRIBE, PUNSUBSCRIBE, PUBLISH
 * and the PUBSUB introspection container. The registry and delivery live in {@link PubSub}.
 *
 * <p>Every (un)subscription is confirmed with its own three-element frame, an array in RESP2 and a push in
 * RESP3:
 * <pre>
 *   *3 $9 subscribe $n channel :count      count = the client's channels + patterns afterwards
 * </pre>
 */
final class PubSubCommands {

    private static final byte[] SUBSCRIBE = ascii("subscribe");
    private static final byte[] UNSUBSCRIBE = ascii("unsubscribe");
    private static final byte[] PSUBSCRIBE = ascii("psubscribe");
    private static final byte[] PUNSUBSCRIBE = ascii("punsubscribe");

    private static final List<String> HELP = List.of(
            "CHANNELS [<pattern>]",
            "    Return the currently active channels matching a <pattern> (default: '*').",
            "NUMPAT",
            "    Return number of subscriptions to patterns.",
            "NUMSUB [<channel> ...]",
            "    Return the number of subscribers for the specified channels, excluding",
            "    pattern subscriptions(default: no channels).",
            "SHARDCHANNELS [<pattern>]",
            "    Return the currently active shard level channels matching a <pattern> (default: '*').",
            "SHARDNUMSUB [<shardchannel> ...]",
            "    Return the number of subscribers for the specified shard level channel(s)",
            "HELP",
            "    Prints this help.");

    private PubSubCommands() {
    }

    static List<CommandSpec> specs() {
        Set<Flag> subscribing = Set.of(PUBSUB, NOSCRIPT, LOADING, STALE, PUBSUB_CONTEXT);
        Set<Flag> introspection = Set.of(PUBSUB, LOADING, STALE);
        return List.of(
                CommandSpec.of("subscribe", -2, subscribing, "pubsub", "2.0.0",
                        "Listens for messages published to channels.", PubSubCommands::subscribe),
                CommandSpec.of("unsubscribe", -1, subscribing, "pubsub", "2.0.0",
                        "Stops listening to messages posted to channels.", PubSubCommands::unsubscribe),
                CommandSpec.of("psubscribe", -2, subscribing, "pubsub", "2.0.0",
                        "Listens for messages published to channels that match one or more patterns.",
                        PubSubCommands::psubscribe),
                CommandSpec.of("punsubscribe", -1, subscribing, "pubsub", "2.0.0",
                        "Stops listening to messages published to channels that match one or more patterns.",
                        PubSubCommands::punsubscribe),
                CommandSpec.of("publish", 3, Set.of(PUBSUB, LOADING, STALE, FAST), "pubsub", "2.0.0",
                        "Posts a message to a channel.", PubSubCommands::publish),
                CommandSpec.container("pubsub", Set.of(), "pubsub", "2.8.0", "A container for Pub/Sub commands.",
                        List.of(
                                CommandSpec.of("pubsub|channels", -2, introspection, "pubsub", "2.8.0",
                                        "Returns the active channels.", PubSubCommands::channels),
                                CommandSpec.of("pubsub|numsub", -2, introspection, "pubsub", "2.8.0",
                                        "Returns a count of subscribers to channels.", PubSubCommands::numsub),
                                CommandSpec.of("pubsub|numpat", 2, introspection, "pubsub", "2.8.0",
                                        "Returns a count of unique pattern subscriptions.",
                                        PubSubCommands::numpat),
                                CommandSpec.of("pubsub|shardchannels", -2, introspection, "pubsub", "7.0.0",
                                        "Returns the active shard channels.", PubSubCommands::shardchannels),
                                CommandSpec.of("pubsub|shardnumsub", -2, introspection, "pubsub", "7.0.0",
                                        "Returns the count of subscribers of shard channels.",
                                        PubSubCommands::shardnumsub),
                                CommandSpec.of("pubsub|help", 2, Set.of(LOADING, STALE), "pubsub", "6.2.0",
                                        "Returns helpful text about the different subcommands.",
                                        PubSubCommands::help))));
    }

    // ---- subscribing ----

    static void subscribe(Client c, RespRequest r) {
        subscribeGeneric(c, r, false);
    }

    static void psubscribe(Client c, RespRequest r) {
        subscribeGeneric(c, r, true);
    }

    static void unsubscribe(Client c, RespRequest r) {
        unsubscribeGeneric(c, r, false);
    }

    static void punsubscribe(Client c, RespRequest r) {
        unsubscribeGeneric(c, r, true);
    }

    /** SUBSCRIBE and PSUBSCRIBE: one confirmation per argument, even for a repeated name. */
    private static void subscribeGeneric(Client c, RespRequest r, boolean pattern) {
        PubSub pubsub = c.server().pubsub();
        byte[] kind = pattern ? PSUBSCRIBE : SUBSCRIBE;
        for (int i = 1; i < r.argc(); i++) {
            byte[] name = r.argBytes(i);
            // The confirmation must be on the connection before a publisher can find the subscription,
            // or a message could overtake it.
            IntConsumer confirm = count -> {
                confirmation(c, kind, name, count);
                c.sendReply();
            };
            if (pattern) {
                pubsub.psubscribe(c, name, confirm);
            } else {
                pubsub.subscribe(c, name, confirm);
            }
        }
        updateCounts(c, pubsub);
    }

    /**
     * UNSUBSCRIBE and PUNSUBSCRIBE: the named ones, or all of the client's in the order it subscribed them.
     * With nothing to leave Redis still confirms once, with a null name.
     */
    private static void unsubscribeGeneric(Client c, RespRequest r, boolean pattern) {
        PubSub pubsub = c.server().pubsub();
        byte[] kind = pattern ? PUNSUBSCRIBE : UNSUBSCRIBE;
        List<byte[]> names;
        if (r.argc() > 1) {
            names = new ArrayList<>(r.argc() - 1);
            for (int i = 1; i < r.argc(); i++) {
                names.add(r.argBytes(i));
            }
        } else {
            names = pattern ? pubsub.patternsOf(c) : pubsub.channelsOf(c);
            if (names.isEmpty()) {
                confirmation(c, kind, null, pubsub.channelCount(c) + pubsub.patternCount(c));
            }
        }
        for (byte[] name : names) {
            int left = pattern ? pubsub.punsubscribe(c, name) : pubsub.unsubscribe(c, name);
            confirmation(c, kind, name, left);
        }
        updateCounts(c, pubsub);
    }

    /** {@code [kind, name, count]}; a null name is written as Redis's null (RESP2 {@code $-1}). */
    private static void confirmation(Client c, byte[] kind, byte[] name, long count) {
        RespWriter.pushHeader(c.out(), 3, c.resp());
        c.bulk(kind);
        if (name == null) {
            c.nullBulk();
        } else {
            c.bulk(name);
        }
        c.integer(count);
    }

    /** The client's counts decide the RESP2 pub/sub context and show in CLIENT LIST. */
    private static void updateCounts(Client c, PubSub pubsub) {
        c.subscriptionCounts(pubsub.channelCount(c), pubsub.patternCount(c));
    }

    // ---- publishing ----

    static void publish(Client c, RespRequest r) {
        long limit = c.server().config().pubsubOutputLimit();
        c.integer(c.server().pubsub().publish(r.argBytes(1), r.argBytes(2), limit));
    }

    // ---- PUBSUB introspection ----

    /** PUBSUB CHANNELS [pattern]. */
    static void channels(Client c, RespRequest r) {
        if (r.argc() > 3) {
            c.error(Errors.subcommandSyntax(r));
            return;
        }
        List<byte[]> active = c.server().pubsub().activeChannels(r.argc() == 3 ? r.argBytes(2) : null);
        c.arrayHeader(active.size());
        for (byte[] channel : active) {
            c.bulk(channel);
        }
    }

    /** PUBSUB NUMSUB [channel ...]: a flat channel, count list (an array in RESP3 too, as in Redis 7.0). */
    static void numsub(Client c, RespRequest r) {
        PubSub pubsub = c.server().pubsub();
        c.arrayHeader(2L * (r.argc() - 2));
        for (int i = 2; i < r.argc(); i++) {
            c.bulkArg(r, i);
            c.integer(pubsub.subscriberCount(r.argBytes(i)));
        }
    }

    static void numpat(Client c, RespRequest r) {
        c.integer(c.server().pubsub().patternCount());
    }

    /** PUBSUB SHARDCHANNELS [pattern]: always empty, as Weft has no sharded channels (no SSUBSCRIBE). */
    static void shardchannels(Client c, RespRequest r) {
        if (r.argc() > 3) {
            c.error(Errors.subcommandSyntax(r));
            return;
        }
        c.arrayHeader(0);
    }

    /** PUBSUB SHARDNUMSUB [channel ...]: every count is zero, for the reason above. */
    static void shardnumsub(Client c, RespRequest r) {
        c.arrayHeader(2L * (r.argc() - 2));
        for (int i = 2; i < r.argc(); i++) {
            c.bulkArg(r, i);
            c.integer(0);
        }
    }

    /** PUBSUB HELP, laid out as Redis's {@code addReplyHelp}: a header line, the entries, all as statuses. */
    static void help(Client c, RespRequest r) {
        String name = r.argString(0).toUpperCase(Locale.ROOT);
        c.arrayHeader(HELP.size() + 1);
        c.simple(name + " <subcommand> [<arg> [value] [opt] ...]. Subcommands are:");
        for (String line : HELP) {
            c.simple(line);
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
