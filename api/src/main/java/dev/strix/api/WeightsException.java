package dev.strix.api;

/** A weights or array file that cannot be read, or whose tensors do not match a graph: names the file and tensor. */
public class WeightsException extends StrixException {
    private static final long serialVersionUID = 1L;

    public WeightsException(String message) {
        super(message);
    }

    public WeightsException(String message, Throwable cause) {
        super(message, cause);
    }
}
