package dev.strix.cli.options;

import dev.strix.api.Shape;
import picocli.CommandLine.Option;

/** {@code --input C,H,W}: the image size a model is built for, when not its default. */
public final class InputSizeArg {
    @Option(names = "--input", paramLabel = "C,H,W", converter = ShapeConverter.class,
            description = "Input size without the batch, e.g. 3,224,224 (default: the model's).")
    private Shape input;

    /** The size asked for, or null for the model's default. */
    public Shape shape() {
        return input;
    }
}
