/** Ready-to-run servers on Weft's transport. */
module io.weft.server {
    requires transitive io.weft.transport;
    requires org.slf4j;

    exports io.weft.server.echo;
}
