package io.weft.loadgen;

/**
 * Why a request, or a connection, did not succeed. None of these ever counts as a success, and none
 * is recorded in the latency histogram.
 */
public enum ErrorKind {
    /** The server answered with an error (a RESP {@code -ERR}, say). One per request. */
    ERROR_REPLY("error-reply"),
    /** The reply was not the one expected (echo bytes differ, wrong RESP type or value). One per request. */
    MISMATCH("mismatch"),
    /**
     * No reply within the request timeout. The connection is then closed (a late reply could not be told
     * apart from the next one), so every request still in flight on it counts.
     */
    TIMEOUT("timeout"),
    /** A connection could not be opened, or its handshake was refused. One per attempt. */
    CONNECT("connect"),
    /**
     * The server closed a connection, or its byte stream fell out of step with the requests. One per
     * request lost with it, or one for the connection when none was in flight.
     */
    CLOSED("closed");

    private final String label;

    ErrorKind(String label) {
        this.label = label;
    }

    /** The name used in reports and on the command line: "error-reply", "mismatch", ... */
    public String label() {
        return label;
    }
}
