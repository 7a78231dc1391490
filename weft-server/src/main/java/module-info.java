/** Ready-to-run servers on Weft's transport: echo, and the Redis-compatible server. */
module io.weft.server {
    requires transitive io.weft.transport;
    requires org.slf4j;
    requires java.management;

    exports io.weft.server.echo;
    exports io.weft.server.redis;
}
