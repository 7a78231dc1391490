package io.weft.server.redis.commands;

import io.weft.codec.resp.RespRequest;
import io.weft.codec.resp.RespVersion;
import io.weft.server.redis.core.Client;
import io.weft.server.redis.core.Transaction;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * One client's line of CLIENT LIST and CLIENT INFO, with Redis 7.0's fields in Redis's order.
 *
 * <pre>
 * id=7 addr=127.0.0.1:50312 laddr=127.0.0.1:6379 fd=-1 name= age=3 idle=0 flags=N db=0 sub=0 psub=0 ssub=0
 * multi=-1 qbuf=0 qbuf-free=0 argv-mem=10 multi-mem=0 rbs=256 rbp=0 obl=0 oll=0 omem=0 tot-mem=266 events=r
 * cmd=client|list user=default redir=-1 resp=2
 * </pre>
 *
 * <p>Fields Weft has no counterpart for hold what Redis shows when the thing is absent: {@code fd=-1} (the
 * JVM does not expose descriptors), {@code qbuf=0} (the engine owns the input buffer), {@code ssub=0}
 * (no sharded pub/sub), {@code user=default} (the only user). {@code omem} is the output the connection has
 * queued. Other clients' fields are read while they run, so a line is a snapshot, as in Redis.
 */
final class ClientListing {

    private ClientListing() {
    }

    /**
     * The line for {@code client} seen from {@code caller}, which is running {@code request} as
     * {@code command}: the caller's own line shows that command and its arguments' memory, as Redis's does.
     */
    static String line(Client client, Client caller, RespRequest request, String command, long now) {
        boolean self = client == caller;
        Transaction transaction = client.transaction();
        long argvMem = self ? argumentBytes(request) : 0;
        long multiMem = transaction == null ? 0 : transaction.memory();
        long omem = client.connection().queuedOutputBytes();
        long rbs = Client.REPLY_BUFFER;
        return "id=" + client.id()
                + " addr=" + address(client.connection().remoteAddress())
                + " laddr=" + address(client.connection().localAddress())
                + " fd=-1"
                + " name=" + (client.name() == null ? "" : client.name())
                + " age=" + (now - client.createdAt()) / 1000
                + " idle=" + (self ? 0 : Math.max(0, now - client.lastInteraction()) / 1000)
                + " flags=" + flags(client, transaction)
                + " db=" + client.dbIndex()
                + " sub=" + client.channelCount()
                + " psub=" + client.patternCount()
                + " ssub=0"
                + " multi=" + (transaction == null ? -1 : transaction.size())
                + " qbuf=0 qbuf-free=0"
                + " argv-mem=" + argvMem
                + " multi-mem=" + multiMem
                + " rbs=" + rbs + " rbp=0"
                + " obl=0 oll=0 omem=" + omem
                + " tot-mem=" + (argvMem + multiMem + rbs + omem)
                + " events=" + (omem > 0 ? "rw" : "r")
                + " cmd=" + (self ? command : client.lastCommand())
                + " user=default redir=-1"
                + " resp=" + (client.resp() == RespVersion.RESP3 ? 3 : 2);
    }

    /** Redis's flag letters that apply to Weft: P subscribed, x in MULTI; N when none does. */
    private static String flags(Client client, Transaction transaction) {
        StringBuilder flags = new StringBuilder();
        if (client.inPubSubContext()) {
            flags.append('P');
        }
        if (transaction != null) {
            flags.append('x');
        }
        return flags.isEmpty() ? "N" : flags.toString();
    }

    /** Whether {@code client} is of a CLIENT LIST/KILL TYPE: normal or pubsub; never master or replica. */
    static boolean isType(Client client, String type) {
        return switch (type) {
            case "normal" -> !client.inPubSubContext();
            case "pubsub" -> client.inPubSubContext();
            default -> false;
        };
    }

    /** Whether {@code type} is one Redis knows. */
    static boolean knownType(String type) {
        return switch (type) {
            case "normal", "pubsub", "master", "slave", "replica" -> true;
            default -> false;
        };
    }

    private static long argumentBytes(RespRequest request) {
        long sum = 0;
        for (int i = 0; i < request.argc(); i++) {
            sum += request.argLength(i);
        }
        return sum;
    }

    /** {@code ip:port} as Redis prints it: IPv6 in brackets and in its shortest form ({@code [::1]:6379}). */
    static String address(InetSocketAddress socket) {
        if (socket == null) {
            return "";
        }
        InetAddress ip = socket.getAddress();
        if (ip instanceof Inet6Address) {
            return "[" + compressIpv6(ip.getHostAddress()) + "]:" + socket.getPort();
        }
        return (ip == null ? socket.getHostString() : ip.getHostAddress()) + ":" + socket.getPort();
    }

    /** Java writes every IPv6 group ("0:0:0:0:0:0:0:1"); inet_ntop folds the longest zero run into "::". */
    static String compressIpv6(String full) {
        int scope = full.indexOf('%');
        String[] groups = (scope < 0 ? full : full.substring(0, scope)).split(":");
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < groups.length; i++) {
            int length = 0;
            while (i + length < groups.length && groups[i + length].equals("0")) {
                length++;
            }
            if (length > bestLength) {
                bestStart = i;
                bestLength = length;
            }
        }
        if (bestStart < 0) {
            return String.join(":", groups);
        }
        String head = String.join(":", java.util.Arrays.copyOfRange(groups, 0, bestStart));
        String tail = String.join(":", java.util.Arrays.copyOfRange(groups, bestStart + bestLength, groups.length));
        return head + "::" + tail;
    }
}
