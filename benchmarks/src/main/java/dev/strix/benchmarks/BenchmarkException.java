package dev.strix.benchmarks;

import dev.strix.api.StrixException;

/** A benchmark that cannot run: a missing export, a bad argument, ONNX Runtime failing to load or run a model. */
public class BenchmarkException extends StrixException {
    private static final long serialVersionUID = 1L;

    public BenchmarkException(String message) {
        super(message);
    }

    public BenchmarkException(String message, Throwable cause) {
        super(message, cause);
    }
}
