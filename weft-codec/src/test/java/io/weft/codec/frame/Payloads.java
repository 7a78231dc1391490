package io.weft.codec.frame;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded random payloads, so a failure reproduces. */
final class Payloads {

    private Payloads() {
    }

    static byte[] random(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    /** Random bytes that form a valid line body: no '\n', and no '\r' at the end (it would be stripped). */
    static byte[] randomLine(Random random, int length) {
        byte[] bytes = random(random, length);
        for (int i = 0; i < length; i++) {
            if (bytes[i] == '\n' || (i == length - 1 && bytes[i] == '\r')) {
                bytes[i] = 'x';
            }
        }
        return bytes;
    }

    /** Several payloads of mixed small sizes, including empty ones, as a frame-at-every-split corpus. */
    static List<byte[]> smallMix(Random random, boolean lines) {
        int[] sizes = {0, 1, 3, 4, 5, 17, 0, 64, 130, 2};
        List<byte[]> payloads = new ArrayList<>();
        for (int size : sizes) {
            payloads.add(lines ? randomLine(random, size) : random(random, size));
        }
        return payloads;
    }
}
