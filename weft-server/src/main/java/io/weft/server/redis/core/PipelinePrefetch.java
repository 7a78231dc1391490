package io.weft.server.redis.core;

import io.weft.codec.resp.RespRequest;
import io.weft.codec.resp.RespRequestDecoder;
import io.weft.server.redis.keyspace.KeyPrefetch;
import io.weft.server.redis.keyspace.Keyspace;

/**
 * A connection's {@link RespRequestDecoder.Lookahead}: given the requests of a pipeline that arrived
 * together, it warms the cache for their keys (see {@link KeyPrefetch}) before the first one runs.
 *
 * <p>The decoder is made before the connection's {@link RespHandler}, so this does not ask the client
 * which database it has selected; it follows SELECT and RESET as they go by instead. A guess gone wrong (a
 * SELECT that then fails) only warms the wrong lines: nothing here decides what a command does.
 */
final class PipelinePrefetch implements RespRequestDecoder.Lookahead {

    private static final byte[] SELECT = {'s', 'e', 'l', 'e', 'c', 't'};
    private static final byte[] RESET = {'r', 'e', 's', 'e', 't'};

    private final Keyspace keyspace;
    private final CommandTable table;
    private KeyPrefetch keys;
    private int db;

    PipelinePrefetch(Keyspace keyspace, CommandTable table) {
        this.keyspace = keyspace;
        this.table = table;
    }

    @Override
    public void ahead(RespRequest[] requests, int count) {
        if (count < 2) {
            follow(requests[0]);
            return;
        }
        if (keys == null) {
            keys = new KeyPrefetch();
        }
        for (int i = 0; i < count && keys.hasRoom(); i++) {
            RespRequest request = requests[i];
            if (follow(request)) {
                continue;
            }
            CommandSpec spec = table.lookup(request, 0);
            if (spec == null) {
                continue;
            }
            int last = spec.lastKeyArg(request);
            for (int k = spec.firstKey(); k <= last && keys.hasRoom(); k += spec.step()) {
                keys.add(keyspace.database(db), request.argHash(k));
            }
        }
        keys.load();
    }

    /** Tracks SELECT and RESET; returns whether {@code request} was one of them. */
    private boolean follow(RespRequest request) {
        if (request.argc() == 2 && request.argEqualsIgnoreCase(0, SELECT)) {
            if (request.argIsLong(1)) {
                long index = request.argLong(1);
                if (index >= 0 && index < keyspace.databaseCount()) {
                    db = (int) index;
                }
            }
            return true;
        }
        if (request.argc() == 1 && request.argEqualsIgnoreCase(0, RESET)) {
            db = 0;
            return true;
        }
        return false;
    }
}
