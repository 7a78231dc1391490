package io.weft.loadgen;

/** Receives a {@link Progress} once per sampling interval, on the thread that called the generator. */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = p -> { };

    void onProgress(Progress progress);
}
