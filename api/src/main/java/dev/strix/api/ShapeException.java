package dev.strix.api;

/**
 * A shape or attribute that does not fit: raised while a graph is built (naming the node and layer type) or when a
 * tensor handed to a session has the wrong shape.
 */
public class ShapeException extends StrixException {
    private static final long serialVersionUID = 1L;

    public ShapeException(String message) {
        super(message);
    }

    public ShapeException(String message, Throwable cause) {
        super(message, cause);
    }
}
