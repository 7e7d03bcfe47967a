package dev.strix.cli.commands;

import dev.strix.api.graph.Graph;
import dev.strix.api.weights.Initializers;
import dev.strix.api.weights.Weights;
import dev.strix.cli.options.InputSizeArg;
import dev.strix.cli.options.ModelArgs;
import dev.strix.cli.output.Units;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code strix init MODEL --output W.safetensors}: seeded random weights in the model's state_dict layout, so any
 * model can be run end to end without downloading a checkpoint. The same seed gives the same file everywhere.
 */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Write seeded random weights for a model as a safetensors file.")
public final class InitCommand extends Subcommand {
    @Mixin
    private ModelArgs model;

    @Mixin
    private InputSizeArg input;

    @Option(names = "--output", paramLabel = "W.safetensors", required = true, description = "File to write.")
    private Path output;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0", description = "Random seed (default: 0).")
    private long seed;

    @Override
    public Integer call() {
        Graph graph = model.build(root.registry(), spec, 1, input.shape());
        Weights w = Initializers.initialize(graph, seed);
        w.write(output);
        root.out().println("wrote " + w.size() + " tensors (" + Units.count(graph.parameterCount())
                + " parameters) of " + model.name() + ", " + w.source() + ", to " + output);
        root.out().flush();
        return 0;
    }
}
