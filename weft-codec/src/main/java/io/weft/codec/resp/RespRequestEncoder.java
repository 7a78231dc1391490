package io.weft.codec.resp;

import io.weft.codec.ByteSink;
import io.weft.codec.Encoder;
import java.util.List;

/**
 * Encodes a command the way clients send it: {@code *argc\r\n} then each argument as a bulk string.
 * Stateless; one instance can serve every connection of a load generator.
 */
public final class RespRequestEncoder implements Encoder<List<byte[]>> {

    @Override
    public void encode(List<byte[]> args, ByteSink out) {
        RespWriter.arrayHeader(out, args.size());
        for (byte[] arg : args) {
            RespWriter.bulk(out, arg);
        }
    }
}
