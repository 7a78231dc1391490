package io.weft.server.redis;

import io.weft.transport.Engine;

class DifferentialExpireVthreadTest extends DifferentialExpireTest {

    @Override
    protected Engine engine() {
        return Engine.VTHREAD;
    }
}
