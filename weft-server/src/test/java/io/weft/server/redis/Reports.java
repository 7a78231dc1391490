package io.weft.server.redis;

import io.weft.codec.resp.RespProtocolException;
import io.weft.codec.resp.RespReplyDecoder;
import io.weft.codec.resp.RespValue;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the text reports INFO and CLIENT LIST send, so tests can compare their structure with Redis's. */
final class Reports {

    private Reports() {
    }

    static RespValue decode(byte[] reply) {
        try {
            return new RespReplyDecoder().decode(ByteBuffer.wrap(reply));
        } catch (RespProtocolException e) {
            throw new AssertionError("not RESP: " + Differential.show(reply), e);
        }
    }

    /** The text of a bulk or verbatim reply. */
    static String text(byte[] reply) {
        return switch (decode(reply)) {
            case RespValue.BulkString(byte[] value) -> new String(value, StandardCharsets.UTF_8);
            case RespValue.Verbatim(String format, byte[] text) -> new String(text, StandardCharsets.UTF_8);
            case RespValue other -> throw new AssertionError("not a text reply: " + other);
        };
    }

    /** The text of a bulk string element of a decoded reply. */
    static String bulk(RespValue value) {
        return new String(((RespValue.BulkString) value).value(), StandardCharsets.UTF_8);
    }

    /** INFO's sections in order, each with its field names in order. */
    static Map<String, List<String>> infoFields(String info) {
        Map<String, List<String>> sections = new LinkedHashMap<>();
        List<String> current = null;
        for (String line : info.split("\r\n")) {
            if (line.startsWith("# ")) {
                current = new ArrayList<>();
                sections.put(line.substring(2), current);
            } else if (!line.isEmpty() && current != null) {
                current.add(line.substring(0, line.indexOf(':')));
            }
        }
        return sections;
    }

    /** One INFO field's value, or null. */
    static String infoValue(String info, String field) {
        for (String line : info.split("\r\n")) {
            if (line.startsWith(field + ":")) {
                return line.substring(field.length() + 1);
            }
        }
        return null;
    }

    /** The field names of one CLIENT LIST line, in order. */
    static List<String> clientFields(String line) {
        List<String> names = new ArrayList<>();
        for (String pair : line.strip().split(" ")) {
            names.add(pair.substring(0, pair.indexOf('=')));
        }
        return names;
    }

    /** One field's value in a CLIENT LIST line. */
    static String clientValue(String line, String field) {
        for (String pair : line.strip().split(" ")) {
            if (pair.startsWith(field + "=")) {
                return pair.substring(field.length() + 1);
            }
        }
        return null;
    }
}
