package io.weft.codec.http;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weft.codec.ProtocolException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpResponseDecoderTest {

    private static final String FIXED = "HTTP/1.1 200 OK\r\nServer: nginx\r\nContent-Length: 5\r\n\r\nhello";
    private static final String CHUNKED = "HTTP/1.1 201 Created\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "5;name=value\r\nhello\r\n7\r\n, world\r\n0\r\nX-Trailer: yes\r\n\r\n";
    private static final String NOT_FOUND = "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n";
    private static final String CLOSE = "HTTP/1.0 200 OK\nContent-Length: 2\nConnection: close\n\nok";

    /** A response as the test reads it: "status keepAlive body". */
    private static String summary(HttpResponse r) {
        ByteBuffer body = r.body().duplicate();
        byte[] bytes = new byte[body.remaining()];
        body.get(bytes);
        return r.status() + (r.keepAlive() ? " keep-alive " : " close ") + new String(bytes, ISO_8859_1);
    }

    private static ByteBuffer buffer(String s) {
        return ByteBuffer.wrap(s.getBytes(ISO_8859_1));
    }

    /**
     * Feeds {@code wire} with the caller's limit stopping at {@code split} first, as bytes arrive; every
     * "need more" must leave the position alone.
     */
    private static List<String> decodeSplit(HttpResponseDecoder decoder, String wire, int split)
            throws ProtocolException {
        ByteBuffer in = buffer(wire);
        List<String> out = new ArrayList<>();
        for (int limit : new int[] {split, wire.length()}) {
            in.limit(limit);
            while (true) {
                int before = in.position();
                HttpResponse r = decoder.decode(in);
                if (r == null) {
                    assertThat(in.position()).isEqualTo(before);
                    break;
                }
                out.add(summary(r));
            }
        }
        assertThat(in.hasRemaining()).isFalse();
        assertThat(decoder.hasPartialMessage()).isFalse();
        return out;
    }

    @Test
    void decodesPipelinedResponsesAtEverySplitPoint() throws Exception {
        String wire = FIXED + CHUNKED + NOT_FOUND + CLOSE;
        HttpResponseDecoder decoder = new HttpResponseDecoder(HttpLimits.DEFAULT);
        for (int split = 0; split <= wire.length(); split++) {
            assertThat(decodeSplit(decoder, wire, split)).as("split at %d", split).containsExactly(
                    "200 keep-alive hello", "201 keep-alive hello, world", "404 keep-alive ", "200 close ok");
        }
    }

    @Test
    void decodesOneByteAtATimeWhileTheCallerMovesItsBytes() throws Exception {
        String wire = CHUNKED + FIXED;
        HttpResponseDecoder decoder = new HttpResponseDecoder(HttpLimits.DEFAULT);
        List<String> out = new ArrayList<>();
        ByteBuffer in = ByteBuffer.allocate(0);
        for (byte b : wire.getBytes(ISO_8859_1)) {
            // A fresh buffer each time, holding the unread bytes at a new position: offsets must be relative.
            ByteBuffer grown = ByteBuffer.allocate(in.remaining() + 8);
            grown.position(7).mark();
            grown.put(in).put(b).limit(grown.position()).reset();
            in = grown;
            HttpResponse r = decoder.decode(in);
            if (r != null) {
                out.add(summary(r));
            }
        }
        assertThat(out).containsExactly("201 keep-alive hello, world", "200 keep-alive hello");
    }

    @Test
    void exposesStatusLineAndHeadersOfOneReusedView() throws Exception {
        HttpResponseDecoder decoder = new HttpResponseDecoder(HttpLimits.DEFAULT);
        ByteBuffer in = buffer(FIXED + "HTTP/1.1 204 \r\nConnection: Keep-Alive, CLOSE\r\n\r\n");
        HttpResponse first = decoder.decode(in);
        assertThat(first.minorVersion()).isEqualTo(1);
        assertThat(first.reason()).isEqualTo("OK");
        assertThat(first.headerCount()).isEqualTo(2);
        assertThat(first.headerName(1)).isEqualTo("Content-Length");
        assertThat(first.header("server")).isEqualTo("nginx");
        assertThat(first.header("date")).isNull();
        assertThat(first.chunked()).isFalse();
        HttpResponse second = decoder.decode(in);
        assertThat(second).isSameAs(first);
        assertThat(second.status()).isEqualTo(204);
        assertThat(second.reason()).isEmpty();
        assertThat(second.keepAlive()).isFalse();
        assertThat(second.body().remaining()).isZero();
    }

    @Test
    void bodilessResponsesIgnoreTheirContentLength() throws Exception {
        HttpResponseDecoder head = new HttpResponseDecoder(HttpLimits.DEFAULT, true);
        ByteBuffer in = buffer("HTTP/1.1 200 OK\r\nContent-Length: 612\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\n");
        assertThat(summary(head.decode(in))).isEqualTo("200 keep-alive ");
        assertThat(summary(head.decode(in))).isEqualTo("200 keep-alive ");
        HttpResponseDecoder get = new HttpResponseDecoder(HttpLimits.DEFAULT);
        ByteBuffer interim = buffer("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 304 Not Modified\r\nContent-Length: 9\r\n\r\n");
        HttpResponse r = get.decode(interim);
        assertThat(r.informational()).isTrue();
        assertThat(get.decode(interim).status()).isEqualTo(304);
        assertThat(interim.hasRemaining()).isFalse();
    }

    @Test
    void http10KeepsAliveOnlyWhenAsked() throws Exception {
        HttpResponseDecoder decoder = new HttpResponseDecoder(HttpLimits.DEFAULT);
        assertThat(decoder.decode(buffer("HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n")).keepAlive()).isFalse();
        assertThat(decoder.decode(buffer("HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 0\r\n\r\n"))
                .keepAlive()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "HTTP/1.1 200OK\r\n\r\n",
        "HTTP/2.0 200 OK\r\n\r\n",
        "HTTP/1.1 2x0 OK\r\n\r\n",
        "HTTP/1.1 099 Low\r\n\r\n",
        "ICY 200 OK\r\n\r\n",
        "HTTP/1.1 200 OK\r\nA: b\0c\r\n\r\n",
        "HTTP/1.1 200 OK\r\nNo colon\r\n\r\n",
        "HTTP/1.1 200 OK\r\nName : space before colon\r\n\r\n",
        "HTTP/1.1 200 OK\r\nA: 1\r\n folded\r\n\r\n",
        "HTTP/1.1 200 OK\r\nContent-Length: 1x\r\n\r\n",
        "HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n",
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\n",
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n",
        "HTTP/1.1 200 OK\r\n\r\n",
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabX\r\n",
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nbad trailer\r\n\r\n",
    })
    void malformedResponsesAreProtocolErrorsAtEverySplit(String wire) {
        for (int split = 0; split <= wire.length(); split++) {
            HttpResponseDecoder decoder = new HttpResponseDecoder(HttpLimits.DEFAULT);
            int at = split;
            assertThatThrownBy(() -> decodeSplit(decoder, wire, at)).as("split at %d", split)
                    .isInstanceOf(ProtocolException.class);
        }
    }

    @Test
    void limitsAreEnforcedBeforeTheWholeResponseArrives() throws Exception {
        HttpLimits small = new HttpLimits(64, 2, 8, 10);
        String longHeader = "HTTP/1.1 200 OK\r\nX: " + "a".repeat(60);
        assertThatThrownBy(() -> new HttpResponseDecoder(small).decode(buffer(longHeader)))
                .isInstanceOf(ProtocolException.class).hasMessage("status line and headers longer than 64 bytes");
        // Exactly at the limit still decodes.
        String fits = "HTTP/1.1 200 OK\r\nContent-Length: 0\r\nX: " + "a".repeat(21) + "\r\n\r\n";
        assertThat(fits).hasSize(64);
        assertThat(new HttpResponseDecoder(small).decode(buffer(fits)).status()).isEqualTo(200);
        assertThatThrownBy(() -> new HttpResponseDecoder(small).decode(buffer("HTTP/1.1 200 OK\r\nA: 1\r\nB: 2\r\nC: 3\r\n")))
                .isInstanceOf(ProtocolException.class).hasMessage("more than 2 header fields");
        assertThatThrownBy(() -> new HttpResponseDecoder(small).decode(buffer("HTTP/1.1 200 OK\r\nContent-Length: 11\r\n\r\n")))
                .isInstanceOf(ProtocolException.class).hasMessage("body of 11 bytes exceeds 10");
        String chunks = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n6\r\nabcdef\r\n5\r\n";
        assertThatThrownBy(() -> new HttpResponseDecoder(small).decode(buffer(chunks)))
                .isInstanceOf(ProtocolException.class).hasMessage("chunked body exceeds 10 bytes");
        String chunkLine = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1;extension";
        assertThatThrownBy(() -> new HttpResponseDecoder(small).decode(buffer(chunkLine)))
                .isInstanceOf(ProtocolException.class).hasMessage("chunk-size line longer than 8 bytes");
    }

    @Test
    void aLargeChunkedBodyGrowsTheDecodersBufferOnce() throws Exception {
        String data = "x".repeat(5000);
        String wire = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1388\r\n" + data + "\r\n0\r\n\r\n";
        HttpResponseDecoder decoder = new HttpResponseDecoder(HttpLimits.DEFAULT);
        assertThat(summary(decoder.decode(buffer(wire)))).isEqualTo("200 keep-alive " + data);
        assertThat(summary(decoder.decode(buffer(wire)))).isEqualTo("200 keep-alive " + data);
    }
}
