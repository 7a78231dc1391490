package io.weft.loadgen.target;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Locale;

/** Checks an {@link HttpTarget}'s options and encodes its requests, once per path. */
final class HttpRequests {

    private static final String TCHAR_SPECIALS = "!#$%&'*+-.^_`|~";

    private HttpRequests() {
    }

    static void validate(String method, String authority, List<String> paths, List<String> headers) {
        if (!isToken(method)) {
            throw new IllegalArgumentException("not a method: \"" + method + "\"");
        }
        if (authority.isEmpty() || hasControlOrSpace(authority)) {
            throw new IllegalArgumentException("not a host: \"" + authority + "\"");
        }
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("give at least one path");
        }
        for (String path : paths) {
            if (!path.startsWith("/") || hasControlOrSpace(path)) {
                throw new IllegalArgumentException("a path starts with / and has no spaces: \"" + path + "\"");
            }
        }
        for (String header : headers) {
            int colon = header.indexOf(':');
            String name = colon < 0 ? "" : header.substring(0, colon);
            if (!isToken(name) || header.indexOf('\r') >= 0 || header.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("a header is \"Name: value\": \"" + header + "\"");
            }
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("content-length") || lower.equals("transfer-encoding")) {
                throw new IllegalArgumentException(name + " follows from the body; do not give it");
            }
        }
    }

    /** One complete request per path: request line, Host unless given, the headers, the body. */
    static byte[][] encode(HttpTarget.Options o) {
        boolean hasHost = o.headers().stream().anyMatch(h -> h.regionMatches(true, 0, "host:", 0, 5));
        StringBuilder fields = new StringBuilder();
        if (!hasHost) {
            fields.append("Host: ").append(o.authority()).append("\r\n");
        }
        for (String header : o.headers()) {
            int colon = header.indexOf(':');
            fields.append(header, 0, colon).append(": ").append(header.substring(colon + 1).strip()).append("\r\n");
        }
        if (!o.keepAlive() && o.headers().stream().noneMatch(HttpRequests::isConnectionClose)) {
            fields.append("Connection: close\r\n");
        }
        if (o.body().length > 0) {
            fields.append("Content-Length: ").append(o.body().length).append("\r\n");
        }
        fields.append("\r\n");
        byte[][] requests = new byte[o.paths().size()][];
        for (int i = 0; i < requests.length; i++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes((o.method() + " " + o.paths().get(i) + " HTTP/1.1\r\n" + fields).getBytes(ISO_8859_1));
            out.writeBytes(o.body());
            requests[i] = out.toByteArray();
        }
        return requests;
    }

    /** Whether {@code header} ("Name: value") is {@code Connection: close}, in any case. */
    static boolean isConnectionClose(String header) {
        int colon = header.indexOf(':');
        return colon > 0 && header.substring(0, colon).equalsIgnoreCase("connection")
                && header.substring(colon + 1).strip().equalsIgnoreCase("close");
    }

    private static boolean isToken(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
                    || TCHAR_SPECIALS.indexOf(c) >= 0)) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasControlOrSpace(String s) {
        return s.chars().anyMatch(c -> c <= ' ' || c >= 127);
    }
}
