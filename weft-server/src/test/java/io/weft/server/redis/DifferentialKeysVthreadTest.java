package io.weft.server.redis;

import io.weft.transport.Engine;

class DifferentialKeysVthreadTest extends DifferentialKeysTest {

    @Override
    protected Engine engine() {
        return Engine.VTHREAD;
    }
}
