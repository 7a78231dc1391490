package io.weft.server.redis.keyspace;

import io.weft.codec.resp.RespRequest;
import java.util.Arrays;

/** A byte string usable as a hash-map key (channel names, watched keys). The array must not change. */
public record ByteKey(byte[] bytes, int hash) implements Comparable<ByteKey> {

    public static ByteKey of(byte[] bytes) {
        return new ByteKey(bytes, RespRequest.hash(bytes));
    }

    public static ByteKey of(RespRequest request, int arg) {
        return of(request.argBytes(arg));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ByteKey other && hash == other.hash && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public int compareTo(ByteKey o) {
        return Arrays.compareUnsigned(bytes, o.bytes);
    }

    @Override
    public String toString() {
        return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }
}
