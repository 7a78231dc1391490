package io.weft.codec.resp;

import static io.weft.codec.resp.RequestFeed.bytes;
import static io.weft.codec.resp.RequestFeed.command;
import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weft.codec.ByteBufferSink;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RespRequestTest {

    /** Decodes one multibulk command whose arguments are {@code args}, from a direct buffer like an engine's. */
    private static RespRequest request(String... args) throws RespProtocolException {
        byte[] wire = command(args);
        ByteBuffer in = ByteBuffer.allocateDirect(wire.length + 8).position(5);
        in.put(wire).flip().position(5);
        return new RespRequestDecoder().decode(in);
    }

    private static List<String> inline(String line) throws RespProtocolException {
        RespRequest request = new RespRequestDecoder().decode(ByteBuffer.wrap(bytes(line + "\r\n")));
        return request == null ? List.of() : RequestFeed.args(request);
    }

    @Test
    void exposesBinaryArgumentsWithoutCopyingUntilAsked() throws RespProtocolException {
        RespRequest request = request("SET", "k\r\n", "");
        assertThat(request.argc()).isEqualTo(3);
        assertThat(request.argLength(1)).isEqualTo(3);
        assertThat(request.argByte(1, 1)).isEqualTo((byte) '\r');
        assertThat(request.argBytes(1)).isEqualTo(bytes("k\r\n"));
        assertThat(request.argString(2)).isEmpty();
        assertThat(request.argEquals(1, bytes("k\r\n"))).isTrue();
        assertThat(request.argEquals(1, bytes("k\r"))).isFalse();
        assertThatThrownBy(() -> request.argLength(3)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> request.argByte(1, 3)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void matchesCommandNamesIgnoringAsciiCaseOnly() throws RespProtocolException {
        RespRequest request = request("gEt", "k[y");
        assertThat(request.argEqualsIgnoreCase(0, bytes("GET"))).isTrue();
        assertThat(request.argEqualsIgnoreCase(0, bytes("get"))).isTrue();
        assertThat(request.argEqualsIgnoreCase(0, bytes("GETS"))).isFalse();
        // '[' and '{' differ by 0x20 but are not letters.
        assertThat(request.argEqualsIgnoreCase(1, bytes("k{y"))).isFalse();
        assertThat(request.argEqualsIgnoreCase(1, bytes("K[Y"))).isTrue();
    }

    @Test
    void writesArgumentsFromDirectAndInlineSources() throws RespProtocolException {
        ByteBufferSink sink = new ByteBufferSink(16);
        request("ECHO", "hello\r\n").writeArg(1, sink);
        RespRequest inline = new RespRequestDecoder().decode(ByteBuffer.wrap(bytes("ECHO \"x\\ty\"\n")));
        inline.writeArg(1, sink);
        RespWriter.bulk(sink, inline, 0);
        assertThat(new String(RespWriterTest.bytesOf(sink), ISO_8859_1)).isEqualTo("hello\r\nx\ty$4\r\nECHO\r\n");
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "set a b                         | set,a,b",
        "  set \t a   b                  | set,a,b",
        "set \"a b\" c                   | set,a b,c",
        "set \"\\x41\\x4a\\xzz\" x       | set,AJxzz,x",
        "set \"q\\\"\\\\\" x             | set,q\"\\,x",
        "set 'it\\'s' 'a\\nb'            | set,it's,a\\nb",
        "set a\"b c\"d                   | UNBALANCED",
        "set a\"b c\" d                  | set,ab c,d",
        "set \"\" ''                     | set,,",
        "set \"abc                       | UNBALANCED",
        "set 'abc\\'                     | UNBALANCED",
        "set \"a\"\"b\"                  | UNBALANCED",
        "`set \u000ba\u000bb`           | set,a\u000bb",
    })
    void splitsInlineLinesLikeRedis(String line, String expected) throws RespProtocolException {
        if (expected.equals("UNBALANCED")) {
            assertThatThrownBy(() -> inline(line)).isInstanceOf(RespProtocolException.class)
                    .hasMessage("Protocol error: unbalanced quotes in request");
        } else {
            assertThat(String.join(",", inline(line))).isEqualTo(expected);
        }
    }

    @Test
    void unescapesControlCharactersInDoubleQuotes() throws RespProtocolException {
        assertThat(inline("x \"\\n\\r\\t\\b\\a\\z\"")).containsExactly("x", "\n\r\t\b\u0007z");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "1", "-1", "9223372036854775807", "-9223372036854775808", "123", "-45"})
    void parsesRedisIntegers(String text) throws RespProtocolException {
        RespRequest request = request("INCRBY", text);
        assertThat(request.argIsLong(1)).isTrue();
        assertThat(request.argLong(1)).isEqualTo(Long.parseLong(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-", "-0", "01", "+1", " 1", "1 ", "1.0", "9223372036854775808",
        "-9223372036854775809", "18446744073709551616", "00", "0x10", "1e3", "99999999999999999999"})
    void rejectsWhatRedisRejectsAsIntegers(String text) throws RespProtocolException {
        RespRequest request = request("INCRBY", text);
        assertThat(request.argIsLong(1)).isFalse();
        assertThatThrownBy(() -> request.argLong(1)).isInstanceOf(RespNumberException.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1.5|1.5", "-2|-2", "+3.25|3.25", ".5|0.5", "5.|5", "1e3|1000", "1E-2|0.01", "0.1|0.1",
        "inf|Infinity", "-Infinity|-Infinity", "+INF|Infinity", "0x10|16", "0x1p-2|0.25", "-0x.8|-0.5",
        "1.7976931348623157e308|1.7976931348623157E308", "123456789012345678901234567890|1.2345678901234568E29",
        "0e-500|0", "4.9e-324|4.9E-324", "3.14159265358979323846|3.141592653589793"
    })
    void parsesWhatStrtodAcceptsWhole(String text, double expected) throws RespProtocolException {
        RespRequest request = request("INCRBYFLOAT", text);
        assertThat(request.argIsDouble(1)).isTrue();
        assertThat(request.argDouble(1)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " 1", "1 ", "nan", "NaN", "-nan", "1e", "1e+", ".", "-", "0x", "0x1p", "1.2.3",
        "infin", "1e400", "-1e400", "1e-400", "0x1p-1100", "1,5", "1d", "1f", "\t1", "--1"})
    void rejectsWhatRedisRejectsAsDoubles(String text) throws RespProtocolException {
        RespRequest request = request("INCRBYFLOAT", text);
        assertThat(request.argIsDouble(1)).isFalse();
        assertThatThrownBy(() -> request.argDouble(1)).isInstanceOf(RespNumberException.class);
    }

    @Test
    void parsesNumbersInInlineRequestsToo() throws RespProtocolException {
        RespRequest request = new RespRequestDecoder().decode(ByteBuffer.wrap(bytes("incrby k \"-12\" 1.5\n")));
        assertThat(request.argLong(2)).isEqualTo(-12);
        assertThat(request.argDouble(3)).isEqualTo(1.5);
    }

    @Test
    void argHashMatchesTheStoredKeyHashAndFollowsEachNewRequest() throws RespProtocolException {
        // One decoder, two requests in one buffer: the second reuses the flyweight and must not see the
        // first request's remembered hashes.
        byte[] first = command("GET", "alpha");
        byte[] second = command("GET", "beta!");
        ByteBuffer in = ByteBuffer.allocateDirect(first.length + second.length);
        in.put(first).put(second).flip();
        RespRequestDecoder decoder = new RespRequestDecoder();
        RespRequest request = decoder.decode(in);
        assertThat(request.argHash(1)).isEqualTo(RespRequest.hash(bytes("alpha")));
        assertThat(request.argHash(1)).isEqualTo(RespRequest.hash(bytes("alpha")));
        request = decoder.decode(in);
        assertThat(request.argHash(1)).isEqualTo(RespRequest.hash(bytes("beta!")));
        assertThat(request.argHash(0)).isEqualTo(RespRequest.hash(bytes("GET")));
    }
}
