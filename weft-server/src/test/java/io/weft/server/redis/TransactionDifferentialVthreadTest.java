package io.weft.server.redis;

import io.weft.transport.Engine;

/** {@link TransactionDifferentialTest} on the vthread engine. */
class TransactionDifferentialVthreadTest extends TransactionDifferentialTest {

    @Override
    Engine engine() {
        return Engine.VTHREAD;
    }
}
