package dev.strix.api;

/** A device or backend failure: names the backend, the device, the call or kernel, and the native error. */
public class DeviceException extends StrixException {
    private static final long serialVersionUID = 1L;

    public DeviceException(String message) {
        super(message);
    }

    public DeviceException(String message, Throwable cause) {
        super(message, cause);
    }
}
