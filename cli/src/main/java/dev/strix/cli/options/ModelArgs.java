package dev.strix.cli.options;

import dev.strix.api.Shape;
import dev.strix.api.UnknownNameException;
import dev.strix.api.graph.Graph;
import dev.strix.api.registry.Registry;
import dev.strix.api.spi.ModelOptions;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * The model a command works on: its variant name and {@code --classes}. A name no plugin offers is bad usage (exit
 * code 2), and the message lists the names that exist.
 */
public final class ModelArgs {
    @Parameters(index = "0", paramLabel = "MODEL", description = "Model variant, as `strix models` lists them.")
    private String model;

    @Option(names = "--classes", paramLabel = "N", description = "Number of output classes (default: the model's).")
    private Integer classes;

    public String name() {
        return model;
    }

    /** Builds the model for {@code batch} images of {@code input} (C,H,W; null for the model's default). */
    public Graph build(Registry registry, CommandSpec spec, int batch, Shape input) {
        try {
            registry.familyOf(model);
        } catch (UnknownNameException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e, null, model);
        }
        ModelOptions options = ModelOptions.defaults().withBatch(batch);
        if (classes != null) {
            options = options.withClasses(classes);
        }
        if (input != null) {
            options = options.withInput(input);
        }
        return registry.model(model, options);
    }
}
