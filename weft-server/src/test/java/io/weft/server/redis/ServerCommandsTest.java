package io.weft.server.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.codec.resp.RespValue;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** DBSIZE, FLUSHDB/FLUSHALL, TIME, FUNCTION, SHUTDOWN's errors and COMMAND, compared with Redis on both engines. */
class ServerCommandsTest extends EngineDifferential {

    @Test
    void dbsizeAndFlushModesMatchRedis() throws Exception {
        try (var p = diff.pair()) {
            p.same("DBSIZE");
            p.same("SET", "a", "1");
            p.same("SET", "b", "2");
            p.same("DBSIZE");
            p.same("DBSIZE", "x");
            p.same("FLUSHDB", "foo");
            p.same("FLUSHDB", "sync", "async");
            p.same("DBSIZE");
            p.same("FLUSHDB", "SYNC");
            p.same("DBSIZE");
            p.same("SET", "a", "1");
            p.same("SELECT", "5");
            p.same("SET", "a", "1");
            p.same("FLUSHDB", "ASYNC");
            p.same("DBSIZE");
            p.same("SELECT", "0");
            p.same("DBSIZE");
            p.same("FLUSHALL", "nope");
            p.same("FLUSHALL", "async");
            p.same("DBSIZE");
        }
    }

    @Test
    void timeIsNowInRedisShape() throws Exception {
        try (var p = diff.pair()) {
            p.sameShape("TIME");
            p.same("TIME", "x");
            long before = System.currentTimeMillis() / 1000;
            var reply = (RespValue.ArrayValue) Reports.decode(p.weftClient().call("TIME"));
            long seconds = Long.parseLong(Reports.bulk(reply.elements().get(0)));
            long micros = Long.parseLong(Reports.bulk(reply.elements().get(1)));
            assertThat(seconds).isBetween(before, System.currentTimeMillis() / 1000);
            assertThat(micros).isBetween(0L, 999_999L);
        }
    }

    @Test
    void functionStubsMatchRedisWithNoLibraries() throws Exception {
        try (var p = diff.pair()) {
            p.same("FUNCTION", "LIST");
            p.same("FUNCTION", "LIST", "WITHCODE");
            p.same("FUNCTION", "LIST", "LIBRARYNAME", "x", "WITHCODE");
            p.same("FUNCTION", "LIST", "LIBRARYNAME");
            p.same("FUNCTION", "LIST", "foo");
            p.same("FUNCTION", "FLUSH");
            p.same("FUNCTION", "FLUSH", "async");
            p.same("FUNCTION", "FLUSH", "SYNC");
            p.same("FUNCTION", "FLUSH", "foo");
            p.same("FUNCTION", "FLUSH", "a", "b");
            p.same("FUNCTION");
            p.same("FUNCTION", "NOSUCH");
        }
    }

    @Test
    void shutdownArgumentErrorsMatchRedis() throws Exception {
        try (var p = diff.pair()) {
            p.same("SHUTDOWN", "foo");
            p.same("SHUTDOWN", "NOSAVE", "SAVE");
            p.same("SHUTDOWN", "ABORT", "NOW");
            p.same("SHUTDOWN", "ABORT");
            p.same("PING");
        }
    }

    @Test
    void commandInfoMatchesRedisForCommandsDescribedAlike() throws Exception {
        try (var p = diff.pair()) {
            p.same("COMMAND", "INFO", "get");
            p.same("COMMAND", "INFO", "GET", "nosuch", "select", "echo");
            p.same("COMMAND", "INFO", "client|id", "client|getname", "config|resetstat");
            p.same("COMMAND", "COUNT", "x");
            p.same("COMMAND", "NOSUCH");
            p.same("COMMAND", "LIST", "FILTERBY", "foo", "x");
            p.same("COMMAND", "LIST", "FILTERBY", "pattern");
            p.same("COMMAND", "LIST", "FILTERBY", "MODULE", "nosuch");
            p.same("COMMAND", "DOCS", "nosuch");
            p.both("HELLO", "3");
            p.same("COMMAND", "INFO", "get", "select", "nosuch");
            p.same("COMMAND", "DOCS", "nosuch");
        }
    }

    @Test
    void commandIntrospectionDescribesEveryCommand() throws Exception {
        try (var p = diff.pair()) {
            var weft = p.weftClient();
            long count = ((RespValue.IntegerValue) Reports.decode(weft.call("COMMAND", "COUNT"))).value();
            var all = (RespValue.ArrayValue) Reports.decode(weft.call("COMMAND"));
            assertThat(all.elements()).hasSize((int) count);
            for (RespValue entry : all.elements()) {
                assertThat(((RespValue.ArrayValue) entry).elements()).hasSize(10);
            }
            var docs = (RespValue.ArrayValue) Reports.decode(weft.call("COMMAND", "DOCS", "get", "config"));
            assertThat(docs.elements()).hasSize(4);
            assertThat(Reports.bulk(docs.elements().get(0))).isEqualTo("get");
            assertThat(Reports.decode(weft.call("COMMAND", "DOCS", "get")).toString())
                    .contains("summary").contains("since").contains("group").contains("string");
            assertThat(Reports.decode(weft.call("COMMAND", "DOCS", "config")).toString())
                    .contains("subcommands").contains("config|get");
            var names = (RespValue.ArrayValue) Reports.decode(weft.call("COMMAND", "LIST"));
            assertThat(names.elements().stream().map(Reports::bulk).toList())
                    .contains("get", "client", "client|list", "config|set", "command|docs");
            var connection = (RespValue.ArrayValue) Reports.decode(
                    weft.call("COMMAND", "LIST", "FILTERBY", "ACLCAT", "connection"));
            assertThat(connection.elements().stream().map(Reports::bulk).toList())
                    .contains("ping", "hello", "client|id").doesNotContain("get");
            var pattern = (RespValue.ArrayValue) Reports.decode(
                    weft.call("COMMAND", "LIST", "FILTERBY", "PATTERN", "CONFIG|*"));
            assertThat(pattern.elements().stream().map(Reports::bulk).toList())
                    .containsExactlyInAnyOrder("config|get", "config|set", "config|resetstat", "config|help");
            List<String> help = ((RespValue.ArrayValue) Reports.decode(weft.call("COMMAND", "HELP"))).elements()
                    .stream().map(v -> ((RespValue.SimpleString) v).value()).toList();
            assertThat(help.getFirst()).startsWith("COMMAND <subcommand>");
            assertThat(help.getLast()).isEqualTo("    Prints this help.");
        }
    }
}
