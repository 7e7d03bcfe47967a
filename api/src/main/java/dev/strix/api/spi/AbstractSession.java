package dev.strix.api.spi;

import dev.strix.api.ShapeException;
import dev.strix.api.StrixException;
import dev.strix.api.Tensor;
import dev.strix.api.graph.Graph;
import dev.strix.api.graph.GraphInput;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The checks every session shares: inputs must match the graph's inputs in number and shape, the session must be
 * open, and only one thread may run it at a time (a second concurrent caller fails instead of corrupting buffers).
 */
public abstract class AbstractSession implements Session {
    private final Graph graph;
    private final AtomicReference<Thread> runner = new AtomicReference<>();
    private volatile boolean closed;

    protected AbstractSession(Graph graph) {
        this.graph = graph;
    }

    @Override
    public Graph graph() {
        return graph;
    }

    @Override
    public final List<Tensor> run(List<Tensor> inputs) {
        if (closed) {
            throw new StrixException(backend() + " session is closed");
        }
        Thread me = Thread.currentThread();
        if (!runner.compareAndSet(null, me)) {
            throw new StrixException(backend() + " session is already running on thread '" + runner.get().getName()
                    + "'; a session is used by one thread at a time (compile one per thread)");
        }
        try {
            List<GraphInput> declared = graph.inputs();
            if (inputs.size() != declared.size()) {
                throw new ShapeException("the graph takes " + declared.size() + " inputs, got " + inputs.size());
            }
            for (int i = 0; i < inputs.size(); i++) {
                if (!inputs.get(i).shape().equals(declared.get(i).shape())) {
                    throw new ShapeException("input '" + declared.get(i).name() + "' must have shape "
                            + declared.get(i).shape() + ", got " + inputs.get(i).shape());
                }
            }
            return execute(inputs);
        } finally {
            runner.set(null);
        }
    }

    /** Runs the graph on inputs already checked against it. */
    protected abstract List<Tensor> execute(List<Tensor> inputs);

    @Override
    public final void close() {
        if (!closed) {
            closed = true;
            release();
        }
    }

    public boolean isClosed() {
        return closed;
    }

    /** Frees what the session allocated; called once. */
    protected abstract void release();
}
