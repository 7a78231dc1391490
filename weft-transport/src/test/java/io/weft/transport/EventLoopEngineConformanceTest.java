package io.weft.transport;

class EventLoopEngineConformanceTest extends TransportConformanceTest {

    @Override
    protected Engine engine() {
        return Engine.LOOP;
    }
}
