package io.weft.server.redis;

import io.weft.transport.Engine;

/** {@link PubSubDifferentialTest} on the loop engine. */
class PubSubDifferentialLoopTest extends PubSubDifferentialTest {

    @Override
    Engine engine() {
        return Engine.LOOP;
    }
}
