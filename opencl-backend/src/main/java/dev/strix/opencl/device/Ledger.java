package dev.strix.opencl.device;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the native objects of one context that are alive: every create is matched by a release, so a session
 * that closes cleanly brings each count back to where it was (the lifetime test reads these).
 */
public final class Ledger {
    /** The kinds of OpenCL object Strix creates. */
    public enum Kind { MEM, KERNEL, PROGRAM, QUEUE }

    private final Map<Kind, AtomicInteger> live = new EnumMap<>(Kind.class);

    public Ledger() {
        for (Kind k : Kind.values()) {
            live.put(k, new AtomicInteger());
        }
    }

    void created(Kind kind) {
        live.get(kind).incrementAndGet();
    }

    void released(Kind kind) {
        live.get(kind).decrementAndGet();
    }

    /** How many objects of {@code kind} are alive now. */
    public int live(Kind kind) {
        return live.get(kind).get();
    }

    /** A snapshot of every count. */
    public Map<Kind, Integer> snapshot() {
        Map<Kind, Integer> m = new EnumMap<>(Kind.class);
        live.forEach((k, v) -> m.put(k, v.get()));
        return m;
    }
}
