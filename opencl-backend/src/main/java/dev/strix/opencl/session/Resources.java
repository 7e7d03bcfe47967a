package dev.strix.opencl.session;

import java.util.ArrayDeque;
import java.util.Deque;

/** Everything native a session owns, released in reverse order of creation. */
final class Resources implements AutoCloseable {
    private final Deque<AutoCloseable> owned = new ArrayDeque<>();

    synchronized <T extends AutoCloseable> T own(T resource) {
        owned.push(resource);
        return resource;
    }

    @Override
    public synchronized void close() {
        RuntimeException first = null;
        while (!owned.isEmpty()) {
            try {
                owned.pop().close();
            } catch (Exception e) {
                if (first == null) {
                    first = e instanceof RuntimeException r ? r : new RuntimeException(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
