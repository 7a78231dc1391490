package io.weft.server.redis;

import io.weft.transport.Engine;

/** {@link PubSubDifferentialTest} on the vthread engine. */
class PubSubDifferentialVthreadTest extends PubSubDifferentialTest {

    @Override
    Engine engine() {
        return Engine.VTHREAD;
    }
}
