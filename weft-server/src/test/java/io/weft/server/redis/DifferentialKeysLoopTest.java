package io.weft.server.redis;

import io.weft.transport.Engine;

class DifferentialKeysLoopTest extends DifferentialKeysTest {

    @Override
    protected Engine engine() {
        return Engine.LOOP;
    }
}
