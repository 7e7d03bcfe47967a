package dev.strix.cli.commands;

import dev.strix.api.StrixException;
import dev.strix.api.UnknownNameException;
import dev.strix.api.graph.Graph;
import dev.strix.api.spi.Backend;
import dev.strix.api.spi.ModelOptions;
import dev.strix.api.weights.Weights;
import dev.strix.cli.options.BackendArgs;
import dev.strix.cli.options.InputSizeArg;
import dev.strix.detection.Detection;
import dev.strix.detection.Detector;
import dev.strix.detection.Method;
import dev.strix.detection.image.Images;
import dev.strix.detection.output.DetectionJson;
import dev.strix.detection.output.DetectionPainter;
import dev.strix.detection.window.WindowOptions;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code strix detect --model M --weights W --image in.jpg --out out.png [--json out.json] [--method yolo|fcn|window]
 * [--backend B] [--device D] [--score 0.25] [--iou 0.45]}: finds objects, prints them, draws them on a PNG and
 * optionally writes them as JSON. Both files are written only after detection succeeded, each atomically; if the
 * second cannot be written the first is removed, so a failure leaves no output behind.
 */
@Command(name = "detect", mixinStandardHelpOptions = true,
        description = "Detect objects in an image; draw them on a PNG and optionally write JSON.")
public final class DetectCommand extends Subcommand {
    @Option(names = "--model", paramLabel = "M", required = true,
            description = "Model variant, as `strix models` lists them.")
    private String model;

    @Option(names = "--classes", paramLabel = "N", description = "Number of output classes (default: the model's).")
    private Integer classes;

    @Mixin
    private InputSizeArg inputSize;

    @Mixin
    private BackendArgs backendArgs;

    @Option(names = "--weights", paramLabel = "W", required = true, description = "Weights (safetensors).")
    private Path weights;

    @Option(names = "--image", paramLabel = "IMAGE", required = true, description = "PNG, JPEG or BMP image.")
    private Path image;

    @Option(names = "--out", paramLabel = "OUT.png", required = true, description = "The image with boxes drawn.")
    private Path out;

    @Option(names = "--json", paramLabel = "OUT.json", description = "Also write the detections as JSON.")
    private Path json;

    @Option(names = "--method", paramLabel = "yolo|fcn|window", defaultValue = "yolo",
            description = "yolo: the model has a detection head (YOLOv5/v8 export layout); fcn: a classifier "
                    + "converted to a fully convolutional network; window: a classifier slid over the image "
                    + "(default: ${DEFAULT-VALUE}).")
    private String method;

    @Option(names = "--score", paramLabel = "S", defaultValue = "0.25",
            description = "Score threshold in [0, 1] (default: ${DEFAULT-VALUE}).")
    private double score;

    @Option(names = "--iou", paramLabel = "T", defaultValue = "0.45",
            description = "NMS IoU threshold in [0, 1] (default: ${DEFAULT-VALUE}).")
    private double iou;

    @Option(names = "--names", paramLabel = "FILE", description = "Class names, one per line.")
    private Path names;

    @Option(names = "--stride", paramLabel = "PX",
            description = "Window stride for --method window (default: a quarter of the model's input width).")
    private Integer stride;

    @Option(names = "--scales", paramLabel = "S,S…", split = ",", defaultValue = "1",
            description = "Image pyramid scales for fcn and window (default: ${DEFAULT-VALUE}).")
    private double[] scales;

    @Option(names = "--background", paramLabel = "CLASS", defaultValue = "-1",
            description = "The classifier's background class for fcn and window (default: none).")
    private int background;

    @Option(names = "--objectness", paramLabel = "T", defaultValue = "0",
            description = "With --background, keep windows whose 1 − P(background) exceeds T (default: ${DEFAULT-VALUE}).")
    private double objectness;

    @Override
    public Integer call() {
        checkUnit("--score", score);
        checkUnit("--objectness", objectness);
        checkUnit("--iou", iou);
        Method m = parseMethod();
        List<String> classNames = readNames();
        BufferedImage picture = Images.read(image); // fail on a bad image before compiling anything
        Graph graph = buildGraph();
        if (!backendArgs.options().isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--option is not passed on by detect (its detector "
                    + "takes a backend and a device only); got " + backendArgs.options().keySet());
        }
        Backend backend = backendArgs.choose(root.registry(), spec, root.err());
        Detector.Builder b = Detector.builder().registry(root.registry()).graph(graph).weights(Weights.read(weights))
                .method(m).scoreThreshold(score).iouThreshold(iou).classNames(classNames).backend(backend.name())
                .device(backendArgs.device());
        if (m != Method.YOLO) {
            int width = graph.inputs().get(0).shape().dim(3);
            b.window(WindowOptions.stride(stride != null ? stride : Math.max(1, width / 4)).withScales(scales)
                    .withBackgroundClass(background).withObjectnessThreshold(objectness));
        }
        List<Detection> found;
        try (Detector detector = b.build()) {
            found = detector.detect(picture);
        }
        write(picture, found);
        print(found);
        return 0;
    }

    private void checkUnit(String option, double v) {
        if (!(v >= 0 && v <= 1)) {
            throw new ParameterException(spec.commandLine(), option + " must be in [0, 1], got " + v);
        }
    }

    private Method parseMethod() {
        try {
            return Method.valueOf(method.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--method must be yolo, fcn or window, got '" + method
                    + "'");
        }
    }

    private List<String> readNames() {
        if (names == null) {
            return List.of();
        }
        try {
            return Files.readAllLines(names, StandardCharsets.UTF_8).stream().map(String::strip)
                    .filter(s -> !s.isEmpty()).toList();
        } catch (IOException e) {
            throw new StrixException(names + ": cannot read class names: " + e.getMessage(), e);
        }
    }

    private Graph buildGraph() {
        try {
            root.registry().familyOf(model);
        } catch (UnknownNameException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e, null, model);
        }
        ModelOptions options = ModelOptions.defaults();
        if (classes != null) {
            options = options.withClasses(classes);
        }
        if (inputSize.shape() != null) {
            options = options.withInput(inputSize.shape());
        }
        return root.registry().model(model, options);
    }

    /** JSON first (it is small), then the PNG; if the PNG fails the JSON just written goes too. */
    private void write(BufferedImage picture, List<Detection> found) {
        if (json != null) {
            DetectionJson.write(json, found, picture.getWidth(), picture.getHeight());
        }
        try {
            DetectionPainter.writePng(out, picture, found);
        } catch (RuntimeException e) {
            if (json != null) {
                try {
                    Files.deleteIfExists(json);
                } catch (IOException suppressed) {
                    e.addSuppressed(new UncheckedIOException(suppressed));
                }
            }
            throw e;
        }
        PrintWriter err = root.err();
        err.println("strix: wrote " + out + (json != null ? " and " + json : "") + " (" + found.size()
                + " detections)");
        err.flush();
    }

    private void print(List<Detection> found) {
        PrintWriter o = root.out();
        for (Detection d : found) {
            o.printf(Locale.ROOT, "%-20s %.4f  [%.1f, %.1f, %.1f, %.1f]%n", d.className(), d.score(), d.box().x1(),
                    d.box().y1(), d.box().x2(), d.box().y2());
        }
        o.flush();
    }
}
