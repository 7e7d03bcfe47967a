package dev.strix.api;

/**
 * Root of every exception Strix throws. Unchecked: a bad model, file or device is a programming or configuration
 * error the caller usually cannot recover from locally, and the message always says what and where.
 */
public class StrixException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StrixException(String message) {
        super(message);
    }

    public StrixException(String message, Throwable cause) {
        super(message, cause);
    }
}
