package dev.strix.api.spi;

/** Whether a backend or device can be used here, and if not, why. */
public record Availability(boolean available, String reason) {
    public static Availability yes() {
        return new Availability(true, "");
    }

    public static Availability no(String reason) {
        return new Availability(false, reason);
    }
}
