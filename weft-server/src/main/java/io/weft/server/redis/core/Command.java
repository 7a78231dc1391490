package io.weft.server.redis.core;

import io.weft.codec.resp.RespRequest;

/**
 * The body of one command. It runs on the client's connection thread with the locks of its keys' stripes
 * held (see {@link CommandSpec#lockMask}), writes exactly one reply through {@code client}, and must not
 * block. {@code request} is valid only during the call.
 */
@FunctionalInterface
public interface Command {

    void execute(Client client, RespRequest request);
}
