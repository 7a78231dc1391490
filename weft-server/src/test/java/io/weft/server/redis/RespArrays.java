package io.weft.server.redis;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Test helper: the elements of a flat RESP array of bulk strings and integers, for order-free comparisons. */
final class RespArrays {

    private RespArrays() {
    }

    /** {@code *2\r\n$1\r\na\r\n:3\r\n} becomes {@code ["a", "3"]}; a null bulk becomes {@code null}. */
    static List<String> elements(byte[] reply) {
        String text = new String(reply, StandardCharsets.ISO_8859_1);
        if (text.charAt(0) != '*' && text.charAt(0) != '>') {
            throw new IllegalArgumentException("not an array: " + Differential.show(reply));
        }
        int pos = text.indexOf("\r\n");
        int count = Integer.parseInt(text.substring(1, pos));
        pos += 2;
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int end = text.indexOf("\r\n", pos);
            char type = text.charAt(pos);
            String head = text.substring(pos + 1, end);
            pos = end + 2;
            if (type == '$' && !head.equals("-1")) {
                int length = Integer.parseInt(head);
                out.add(text.substring(pos, pos + length));
                pos += length + 2;
            } else if (type == ':' || type == '+') {
                out.add(head);
            } else {
                out.add(null);
            }
        }
        return out;
    }

    /** The elements, sorted: for replies whose order Redis leaves to its hash tables. */
    static List<String> sorted(byte[] reply) {
        List<String> list = new ArrayList<>(elements(reply));
        list.sort(null);
        return list;
    }
}
