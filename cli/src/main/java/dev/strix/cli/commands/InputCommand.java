package dev.strix.cli.commands;

import dev.strix.api.Tensor;
import dev.strix.api.graph.Graph;
import dev.strix.api.weights.Npy;
import dev.strix.cli.options.InputSizeArg;
import dev.strix.cli.options.ModelArgs;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code strix input MODEL --output X.npy}: a seeded random input of the shape the model takes, for trying
 * {@code strix run} without an image. Values are uniform in [-1, 1), about the range of a normalised image.
 */
@Command(name = "input", mixinStandardHelpOptions = true,
        description = "Write a seeded random input tensor of a model's input shape as .npy.")
public final class InputCommand extends Subcommand {
    @Mixin
    private ModelArgs model;

    @Mixin
    private InputSizeArg input;

    @Option(names = "--output", paramLabel = "X.npy", required = true, description = "File to write.")
    private Path output;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "1", description = "Batch size (default: 1).")
    private int batch;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0", description = "Random seed (default: 0).")
    private long seed;

    @Override
    public Integer call() {
        if (batch < 1) {
            throw new ParameterException(spec.commandLine(), "--batch must be at least 1, got " + batch);
        }
        Graph graph = model.build(root.registry(), spec, batch, input.shape());
        if (graph.inputs().size() != 1) {
            throw new ParameterException(spec.commandLine(), model.name() + " takes " + graph.inputs().size()
                    + " inputs; `strix run` feeds one");
        }
        Tensor x = RandomInput.uniform(graph.inputs().get(0).shape(), seed);
        Npy.write(output, x);
        root.out().println("wrote " + output + " " + x.shape() + " (uniform in [-1, 1), seed " + seed + ")");
        root.out().flush();
        return 0;
    }
}
