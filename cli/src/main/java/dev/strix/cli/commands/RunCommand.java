package dev.strix.cli.commands;

import dev.strix.api.Shape;
import dev.strix.api.StrixException;
import dev.strix.api.Tensor;
import dev.strix.api.graph.Graph;
import dev.strix.api.spi.Backend;
import dev.strix.api.spi.Session;
import dev.strix.api.weights.Npy;
import dev.strix.api.weights.Weights;
import dev.strix.cli.options.BackendArgs;
import dev.strix.cli.options.ModelArgs;
import dev.strix.detection.image.ImagenetPreprocess;
import dev.strix.detection.image.Images;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code strix run MODEL --weights W --input X --output Y}: runs a model on a .npy tensor (its first dimension is the
 * batch) or on an image file with {@code --preprocess imagenet}, and writes the output as a float32 .npy. Outputs
 * are written only after the whole run succeeded, each atomically, so a failure leaves no partial file.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a model on a .npy tensor or an image and write its output as .npy.")
public final class RunCommand extends Subcommand {
    @Mixin
    private ModelArgs model;

    @Mixin
    private BackendArgs backendArgs;

    @Option(names = "--weights", paramLabel = "W.safetensors", required = true,
            description = "Weights, as safetensors.torch.save_file or `strix init` writes them.")
    private Path weights;

    @Option(names = "--input", paramLabel = "X", required = true,
            description = "A float32 .npy tensor [N,C,H,W], or an image file with --preprocess imagenet.")
    private Path input;

    @Option(names = "--output", paramLabel = "Y.npy", required = true,
            description = "Where to write the output (further outputs of a multi-output model go to Y.1.npy, ...).")
    private Path output;

    @Option(names = "--preprocess", paramLabel = "KIND",
            description = "Read --input as an image and preprocess it: ${COMPLETION-CANDIDATES} (shorter side "
                    + "resized to 256/224 of the model's input, centre crop, RGB, ImageNet mean/std, NCHW).")
    private Preprocess preprocess;

    @Option(names = "--top", paramLabel = "K", defaultValue = "0",
            description = "Also print the K highest classes of each image with softmax probabilities.")
    private int top;

    /** Preprocessing kinds for image inputs. */
    enum Preprocess { imagenet }

    @Override
    public Integer call() {
        if (top < 0) {
            throw new ParameterException(spec.commandLine(), "--top must be 0 or more, got " + top);
        }
        boolean npy = input.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".npy");
        if (npy && preprocess != null) {
            throw new ParameterException(spec.commandLine(), "--preprocess reads images; " + input
                    + " is a .npy tensor already");
        }
        if (!npy && preprocess == null) {
            throw new ParameterException(spec.commandLine(), input + " is not a .npy file; to read it as an image"
                    + " add --preprocess imagenet");
        }
        Tensor x;
        Graph graph;
        if (npy) {
            x = Npy.read(input);
            graph = buildFor(x.shape());
        } else {
            graph = model.build(root.registry(), spec, 1, null);
            x = preprocessImage(graph);
        }
        Backend backend = backendArgs.choose(root.registry(), spec, root.err());
        Weights w = Weights.read(weights);
        List<Tensor> outputs;
        String device;
        try (Session session = backend.compile(graph, w, backendArgs.sessionOptions())) {
            device = session.device();
            outputs = session.run(List.of(x));
        }
        if (top > 0 && outputs.get(0).shape().rank() != 2) {
            throw new StrixException("--top needs a [N, classes] output, but " + model.name() + " gives "
                    + outputs.get(0).shape());
        }
        List<Path> written = write(outputs);
        PrintWriter err = root.err();
        for (int i = 0; i < written.size(); i++) {
            err.println("strix: wrote " + written.get(i) + " " + outputs.get(i).shape() + " (" + backend.name()
                    + " on " + device + ")");
        }
        err.flush();
        if (top > 0) {
            TopK.print(root.out(), outputs.get(0), top);
        }
        return 0;
    }

    /** The graph for a tensor input: its first dimension is the batch, the rest the image size when rank 4. */
    private Graph buildFor(Shape x) {
        Shape chw = x.rank() == 4 ? Shape.of(x.dim(1), x.dim(2), x.dim(3)) : null;
        return model.build(root.registry(), spec, x.dim(0), chw);
    }

    /** The image at --input, preprocessed for the model's input size. */
    private Tensor preprocessImage(Graph graph) {
        Shape in = graph.inputs().get(0).shape();
        if (graph.inputs().size() != 1 || in.rank() != 4 || in.dim(1) != 3 || in.dim(2) != in.dim(3)) {
            throw new ParameterException(spec.commandLine(), "--preprocess imagenet makes one square RGB image, but "
                    + model.name() + " takes " + graph.inputs());
        }
        return ImagenetPreprocess.forCrop(in.dim(2)).apply(Images.read(input));
    }

    /** Writes output 0 to --output and output i to Y.i.npy. */
    private List<Path> write(List<Tensor> outputs) {
        List<Path> paths = new ArrayList<>();
        for (int i = 0; i < outputs.size(); i++) {
            paths.add(i == 0 ? output : sibling(output, i));
        }
        for (int i = 0; i < outputs.size(); i++) {
            Npy.write(paths.get(i), outputs.get(i));
        }
        return paths;
    }

    private static Path sibling(Path y, int i) {
        String name = y.getFileName().toString();
        String stem = name.toLowerCase(Locale.ROOT).endsWith(".npy") ? name.substring(0, name.length() - 4) : name;
        return y.resolveSibling(stem + "." + i + ".npy");
    }
}
