package dev.strix.detection.image;

import dev.strix.api.StrixException;

/** An image file that cannot be read or written: names the file and says what is wrong with it. */
public class ImageException extends StrixException {
    private static final long serialVersionUID = 1L;

    public ImageException(String message) {
        super(message);
    }

    public ImageException(String message, Throwable cause) {
        super(message, cause);
    }
}
