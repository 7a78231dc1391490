package io.weft.loadgen.target;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weft.codec.ByteBufferSink;
import io.weft.loadgen.target.RespTemplate.Placeholder;
import org.junit.jupiter.api.Test;

class RespTemplateTest {

    @Test
    void findsThePlaceholdersAndKeepsTheOtherWords() {
        RespTemplate t = RespTemplate.parse("HSET __key__ field __value__");
        assertThat(t.placeholders()).containsExactly(null, Placeholder.KEY, null, Placeholder.VALUE);
        assertThat(new String(t.args()[0], US_ASCII)).isEqualTo("HSET");
        assertThat(new String(t.args()[2], US_ASCII)).isEqualTo("field");
        assertThat(t.usesKey()).isTrue();
        assertThat(RespTemplate.parse("PING").usesKey()).isFalse();
        assertThat(RespTemplate.parse("ECHO __value__").usesKey()).isFalse();
    }

    @Test
    void normalisesWhiteSpaceAndNamesTheCommandInUpperCase() {
        RespTemplate t = RespTemplate.parse("  set\t__key__   __value__ ");
        assertThat(t.text()).isEqualTo("set __key__ __value__");
        assertThat(t.name()).isEqualTo("SET");
    }

    @Test
    void writesTheCommandWithKeyAndValueFilledIn() {
        RespTemplate t = RespTemplate.parse("HSET __key__ field __value__");
        ByteBufferSink sink = new ByteBufferSink(64);
        byte[] key = "hash:7----".getBytes(US_ASCII);
        t.write(sink, key, 6, "v1".getBytes(US_ASCII));
        assertThat(US_ASCII.decode(sink.written()).toString())
                .isEqualTo("*4\r\n$4\r\nHSET\r\n$6\r\nhash:7\r\n$5\r\nfield\r\n$2\r\nv1\r\n");
    }

    @Test
    void anEmptyTemplateIsRejected() {
        assertThatThrownBy(() -> RespTemplate.parse("")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("empty command template");
        assertThatThrownBy(() -> RespTemplate.parse(" \t ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("empty command template");
    }

    @Test
    void aTemplateMustStartWithTheCommandName() {
        assertThatThrownBy(() -> RespTemplate.parse("__key__ GET")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must start with the command name");
        assertThatThrownBy(() -> RespTemplate.parse("__value__")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must start with the command name");
    }

    @Test
    void theTablesOwnFormsExpectTheTablesReplies() {
        assertThat(RespTemplate.parse("SET __key__ __value__").expectation()).isEqualTo(RespExpectation.OK);
        assertThat(RespTemplate.parse("get __key__").expectation()).isEqualTo(RespExpectation.VALUE_OR_NIL);
        assertThat(RespTemplate.parse("PING").expectation()).isEqualTo(RespExpectation.PONG);
        assertThat(RespTemplate.parse("LPUSH __key__ __value__").expectation()).isEqualTo(RespExpectation.INTEGER);
    }

    @Test
    void aGetOfAFixedKeyChecksTheTypeButNotTheValue() {
        assertThat(RespTemplate.parse("GET somekey").expectation()).isEqualTo(RespExpectation.BULK_OR_NIL);
        assertThat(RespTemplate.parse("SET somekey __value__").expectation()).isEqualTo(RespExpectation.OK);
    }

    @Test
    void otherArgumentCountsAndUnknownCommandsAcceptAnyReplyButErrors() {
        // SET ... EX may answer nil with NX/XX; an unknown command may answer anything.
        assertThat(RespTemplate.parse("SET __key__ __value__ EX 10").expectation()).isEqualTo(RespExpectation.ANY);
        assertThat(RespTemplate.parse("ZADD __key__ 1 __value__").expectation()).isEqualTo(RespExpectation.ANY);
    }

    @Test
    void keysArePrefixedByTheirDataType() {
        assertThat(new String(RespTemplate.parse("SET __key__ __value__").keyPrefix(), US_ASCII)).isEqualTo("key:");
        assertThat(new String(RespTemplate.parse("RPUSH __key__ x").keyPrefix(), US_ASCII)).isEqualTo("list:");
        assertThat(new String(RespTemplate.parse("SADD __key__ __value__").keyPrefix(), US_ASCII)).isEqualTo("set:");
        assertThat(new String(RespTemplate.parse("INCR __key__").keyPrefix(), US_ASCII)).isEqualTo("counter:");
        assertThat(new String(RespTemplate.parse("ZADD __key__ 1 x").keyPrefix(), US_ASCII)).isEqualTo("key:");
    }
}
