package dev.strix.aparapi.runtime;

import com.aparapi.Config;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Aparapi says why a kernel left OpenCL only in its log ("Execution mode CPU failed for …: OpenCL compile failed").
 * This handler collects the warnings logged on the calling thread while a launch runs, so the session can name the
 * reason in its report or in the exception it throws.
 */
final class AparapiLog {
    private static final ThreadLocal<List<String>> CAPTURED = new ThreadLocal<>();
    private static volatile boolean installed;

    private AparapiLog() {}

    private static void install() {
        if (installed) {
            return;
        }
        synchronized (AparapiLog.class) {
            if (!installed) {
                Logger.getLogger(Config.getLoggerName()).addHandler(new Handler() {
                    @Override
                    public void publish(LogRecord r) {
                        List<String> sink = CAPTURED.get();
                        if (sink != null && r.getLevel().intValue() >= Level.WARNING.intValue()) {
                            sink.add(r.getMessage());
                        }
                    }

                    @Override
                    public void flush() {}

                    @Override
                    public void close() {}
                });
                installed = true;
            }
        }
    }

    /** Runs {@code action} and returns what it returned with the Aparapi warnings it logged on this thread. */
    static <T> Captured<T> capture(Supplier<T> action) {
        install();
        List<String> sink = new ArrayList<>();
        List<String> outer = CAPTURED.get();
        CAPTURED.set(sink);
        try {
            return new Captured<>(action.get(), sink);
        } finally {
            CAPTURED.set(outer);
        }
    }

    /** A result with the warnings logged while computing it. */
    record Captured<T>(T value, List<String> warnings) {
        String reason() {
            // Aparapi's own warnings about class-file attributes are noise here, not reasons.
            List<String> relevant = warnings.stream().filter(w -> !w.startsWith("Found unexpected Attribute"))
                    .toList();
            return relevant.isEmpty() ? "" : String.join("; ", relevant);
        }
    }
}
