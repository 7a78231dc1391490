package io.weft.server.redis;

import io.weft.transport.Engine;

class DifferentialExpireLoopTest extends DifferentialExpireTest {

    @Override
    protected Engine engine() {
        return Engine.LOOP;
    }
}
