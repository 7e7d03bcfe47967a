package dev.strix.cli.options;

import picocli.CommandLine.Option;

/** {@code --format table|json}: a table for people, JSON for programs. */
public final class FormatArg {
    /** The output formats. */
    public enum Format { table, json }

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private Format format;

    public boolean json() {
        return format == Format.json;
    }
}
