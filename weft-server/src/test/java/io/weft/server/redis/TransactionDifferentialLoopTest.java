package io.weft.server.redis;

import io.weft.transport.Engine;

/** {@link TransactionDifferentialTest} on the loop engine. */
class TransactionDifferentialLoopTest extends TransactionDifferentialTest {

    @Override
    Engine engine() {
        return Engine.LOOP;
    }
}
