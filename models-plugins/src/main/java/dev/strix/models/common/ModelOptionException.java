package dev.strix.models.common;

import dev.strix.api.StrixException;

/** A model option a family cannot honour: an unknown key, a malformed value, or one this variant has no use for. */
public class ModelOptionException extends StrixException {
    private static final long serialVersionUID = 1L;

    public ModelOptionException(String message) {
        super(message);
    }
}
