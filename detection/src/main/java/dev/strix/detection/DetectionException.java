package dev.strix.detection;

import dev.strix.api.StrixException;

/**
 * A detection input that cannot be used: a model output that is not a head of the chosen kind, a NaN or infinite
 * score or box, a threshold outside [0, 1]. The message names the value and where it came from.
 */
public class DetectionException extends StrixException {
    private static final long serialVersionUID = 1L;

    public DetectionException(String message) {
        super(message);
    }

    public DetectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
