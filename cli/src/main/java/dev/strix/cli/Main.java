package dev.strix.cli;

import dev.strix.api.Strix;

/** The {@code strix} executable: runs the command line and exits with its code (0 ok, 1 failure, 2 bad usage). */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        // Log records (backend fallbacks, ignored weights) on one line each, after the command's own messages.
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "strix: %4$s: %5$s%6$s%n");
        }
        int code;
        try {
            code = StrixCommand.commandLine(Strix::registry).execute(args);
        } catch (Throwable t) {
            // Errors (out of memory, a native library that fails to link) escape picocli's handlers.
            System.err.println("strix: " + ErrorHandlers.oneLine(t));
            code = ErrorHandlers.FAILURE;
        }
        System.exit(code);
    }
}
