package io.weft.server.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weft.server.redis.RedisConfigFile.ConfigFileException;
import io.weft.transport.Engine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The configuration file: Redis's syntax, the settings table's parsing, and errors that name the line. */
class RedisConfigFileTest {

    @Test
    void directivesApplyInOrderOverTheBase() throws Exception {
        RedisConfig config = RedisConfigFile.parse("""
                # a comment, then a blank line

                port 6380
                bind 0.0.0.0
                requirepass "two words"
                protected-mode no
                timeout 30
                databases 4
                maxclients 50
                hz 1000
                proto-max-bulk-len 1mb
                save ""
                appendonly no
                engine vthread
                loops 3
                idle-poll-us 0
                max-inline-size 4kb
                PORT 6381
                """, "weft.conf", RedisConfig.defaults());
        assertThat(config.port()).isEqualTo(6381);
        assertThat(config.bind()).isEqualTo("0.0.0.0");
        assertThat(config.requirePass()).isEqualTo("two words");
        assertThat(config.protectedMode()).isFalse();
        assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.databases()).isEqualTo(4);
        assertThat(config.maxClients()).isEqualTo(50);
        assertThat(config.hz()).isEqualTo(500);
        assertThat(config.limits().maxBulkLength()).isEqualTo(1024 * 1024);
        assertThat(config.limits().maxInlineLength()).isEqualTo(4096);
        assertThat(config.engine()).isEqualTo(Engine.VTHREAD);
        assertThat(config.loops()).isEqualTo(3);
        assertThat(config.idlePoll()).isZero();
        assertThat(RedisConfig.defaults().idlePoll()).isEqualTo(Duration.ofNanos(20_000));
    }

    @Test
    void loadsAFileFromDisk(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("weft.conf"), "port 7001\r\nrequirepass ''\r\n");
        RedisConfig config = RedisConfigFile.load(file, RedisConfig.defaults().withRequirePass("old"));
        assertThat(config.port()).isEqualTo(7001);
        assertThat(config.requirePass()).isNull();
    }

    @Test
    void badLinesAreErrorsNamingTheFileLineAndReason() {
        assertError("port 6380\ndaemonize yes\n",
                "weft.conf line 2: 'daemonize yes': Bad directive or wrong number of arguments");
        assertError("port\n", "weft.conf line 1: 'port': Bad directive or wrong number of arguments");
        assertError("port 1 2\n", "weft.conf line 1: 'port 1 2': Bad directive or wrong number of arguments");
        assertError("port 70000\n", "weft.conf line 1: 'port 70000': argument must be between 0 and 65535 inclusive");
        assertError("timeout soon\n", "weft.conf line 1: 'timeout soon': argument couldn't be parsed into an integer");
        assertError("protected-mode maybe\n",
                "weft.conf line 1: 'protected-mode maybe': argument must be 'yes' or 'no'");
        assertError("requirepass \"open\n", "weft.conf line 1: 'requirepass \"open': unbalanced quotes");
        assertError("save 3600 1\n", "weft.conf line 1: 'save 3600 1': Weft saves no snapshots; only \"\" is accepted");
        assertError("bind 127.0.0.1 ::1\n",
                "weft.conf line 1: 'bind 127.0.0.1 ::1': Weft listens on one address; give exactly one");
        assertError("engine turbo\n", "weft.conf line 1: 'engine turbo': argument must be 'loop' or 'vthread'");
        assertError("idle-poll-us -5\n",
                "weft.conf line 1: 'idle-poll-us -5': argument must be between 0 and 1000000 inclusive");
        assertError("databases 0\n",
                "weft.conf line 1: 'databases 0': argument must be between 1 and 2147483647 inclusive");
    }

    @Test
    void argumentsSplitAsRedisSplitsThem() {
        assertThat(RedisConfigFile.splitArgs("  requirepass   \"a\\tb\\x41\\\"\"  ")).isEqualTo(
                List.of("requirepass", "a\tbA\""));
        assertThat(RedisConfigFile.splitArgs("requirepass 'it\\'s'")).isEqualTo(List.of("requirepass", "it's"));
        assertThat(RedisConfigFile.splitArgs("save \"\"")).isEqualTo(List.of("save", ""));
        assertThat(RedisConfigFile.splitArgs("a \"b\"c")).isNull();
        assertThat(RedisConfigFile.splitArgs("a 'b")).isNull();
    }

    @Test
    void memoryValuesUseRedisUnits() throws Exception {
        assertThat(ConfigParameters.parseMemory("100")).isEqualTo(100);
        assertThat(ConfigParameters.parseMemory("1k")).isEqualTo(1000);
        assertThat(ConfigParameters.parseMemory("1KB")).isEqualTo(1024);
        assertThat(ConfigParameters.parseMemory("2m")).isEqualTo(2_000_000);
        assertThat(ConfigParameters.parseMemory("2mb")).isEqualTo(2 * 1024 * 1024);
        assertThat(ConfigParameters.parseMemory("1gb")).isEqualTo(1L << 30);
        assertThat(ConfigParameters.parseMemory("7b")).isEqualTo(7);
        for (String bad : new String[] {"", "mb", "1.5mb", "-1", "1tb", "99999999999999999999"}) {
            assertThatThrownBy(() -> ConfigParameters.parseMemory(bad)).as(bad)
                    .isInstanceOf(ConfigValueException.class).hasMessage("argument must be a memory value");
        }
    }

    @Test
    void everySettingReadsBackWhatItWasSetTo() throws Exception {
        RedisConfig config = RedisConfig.defaults();
        for (ConfigParameter p : ConfigParameters.all()) {
            String value = p.get(config);
            assertThat(p.get(p.set(config, value))).as(p.name()).isEqualTo(value);
            assertThat(ConfigParameters.find(p.name().toUpperCase())).isSameAs(p);
        }
    }

    private static void assertError(String text, String message) {
        assertThatThrownBy(() -> RedisConfigFile.parse(text, "weft.conf", RedisConfig.defaults()))
                .isInstanceOf(ConfigFileException.class).hasMessage(message);
    }
}
