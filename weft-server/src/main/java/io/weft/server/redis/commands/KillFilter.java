package io.weft.server.redis.commands;

import io.weft.codec.resp.RespRequest;
import io.weft.server.redis.core.Client;
import io.weft.server.redis.core.Errors;

/**
 * The clients CLIENT KILL selects. Each filter left null (or 0 for the id) matches every client.
 *
 * @param addr   the peer's {@code ip:port}
 * @param laddr  the local {@code ip:port} the client connected to
 * @param type   normal, pubsub, master, replica or slave (lower case)
 * @param id     the client id
 * @param skipMe whether the calling client is spared
 */
record KillFilter(String addr, String laddr, String type, long id, boolean skipMe) {

    private static final byte[] ID = {'i', 'd'};
    private static final byte[] TYPE = {'t', 'y', 'p', 'e'};
    private static final byte[] ADDR = {'a', 'd', 'd', 'r'};
    private static final byte[] LADDR = {'l', 'a', 'd', 'd', 'r'};
    private static final byte[] USER = {'u', 's', 'e', 'r'};
    private static final byte[] SKIPME = {'s', 'k', 'i', 'p', 'm', 'e'};
    private static final byte[] YES = {'y', 'e', 's'};
    private static final byte[] NO = {'n', 'o'};

    /** The old form, CLIENT KILL ip:port, which may kill the caller itself. */
    static KillFilter oldStyle(String addr) {
        return new KillFilter(addr, null, null, 0, false);
    }

    /** Parses {@code option value} pairs from argument 2 on; replies with the error and returns null if bad. */
    static KillFilter parse(Client c, RespRequest r) {
        String addr = null;
        String laddr = null;
        String type = null;
        long id = 0;
        boolean skipMe = true;
        for (int i = 2; i < r.argc(); i += 2) {
            boolean more = i + 1 < r.argc();
            if (more && r.argEqualsIgnoreCase(i, ID)) {
                if (!r.argIsLong(i + 1) || r.argLong(i + 1) < 1) {
                    c.error("ERR client-id should be greater than 0");
                    return null;
                }
                id = r.argLong(i + 1);
            } else if (more && r.argEqualsIgnoreCase(i, TYPE)) {
                type = Replies.lower(r, i + 1);
                if (!ClientListing.knownType(type)) {
                    c.error("ERR Unknown client type '" + Replies.latin(r, i + 1) + "'");
                    return null;
                }
            } else if (more && r.argEqualsIgnoreCase(i, ADDR)) {
                addr = Replies.latin(r, i + 1);
            } else if (more && r.argEqualsIgnoreCase(i, LADDR)) {
                laddr = Replies.latin(r, i + 1);
            } else if (more && r.argEqualsIgnoreCase(i, USER)) {
                if (!Replies.latin(r, i + 1).equals("default")) {
                    c.error("ERR No such user '" + Replies.latin(r, i + 1) + "'");
                    return null;
                }
            } else if (more && r.argEqualsIgnoreCase(i, SKIPME) && r.argEqualsIgnoreCase(i + 1, YES)) {
                skipMe = true;
            } else if (more && r.argEqualsIgnoreCase(i, SKIPME) && r.argEqualsIgnoreCase(i + 1, NO)) {
                skipMe = false;
            } else {
                c.error(Errors.SYNTAX);
                return null;
            }
        }
        return new KillFilter(addr, laddr, type, id, skipMe);
    }

    boolean matches(Client client) {
        return (addr == null || addr.equals(ClientListing.address(client.connection().remoteAddress())))
                && (laddr == null || laddr.equals(ClientListing.address(client.connection().localAddress())))
                && (type == null || ClientListing.isType(client, type))
                && (id == 0 || id == client.id());
    }
}
