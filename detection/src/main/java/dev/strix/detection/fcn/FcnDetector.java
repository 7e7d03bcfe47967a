package dev.strix.detection.fcn;

import dev.strix.api.Shape;
import dev.strix.api.Tensor;
import dev.strix.api.graph.Graph;
import dev.strix.api.spi.Session;
import dev.strix.api.weights.Weights;
import dev.strix.detection.ClassNames;
import dev.strix.detection.Detection;
import dev.strix.detection.DetectionException;
import dev.strix.detection.Detections;
import dev.strix.detection.box.Box;
import dev.strix.detection.image.ImageTensors;
import dev.strix.detection.nms.Candidates;
import dev.strix.detection.nms.Nms;
import dev.strix.detection.nms.NmsOptions;
import dev.strix.detection.window.ClassScores;
import dev.strix.detection.window.Pyramid;
import dev.strix.detection.window.WindowOptions;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * Detection with a classifier converted to an FCN: each pyramid level of the image goes through the network in
 * one pass, giving a class-score map whose cells are windows at the network's stride (the window options' stride
 * is not used: the network fixes it). Graphs have fixed shapes, so one session is compiled per input size met and
 * kept until {@link #close}.
 */
public final class FcnDetector implements AutoCloseable {
    private final Graph classifier;
    private final Weights weights;
    private final BiFunction<Graph, Weights, Session> compiler;
    private final WindowOptions options;
    private final NmsOptions nms;
    private final ClassNames names;
    private final ClassScores scores;
    private final int inputWidth;
    private final int inputHeight;
    private final Map<String, Compiled> sessions = new LinkedHashMap<>();

    private record Compiled(FcnModel model, Session session) {}

    /**
     * @param classifier a classifier graph ending in flatten + linear, input [N, 3, h, w], output [N, K]
     * @param compiler compiles a (converted) graph with its weights into a session
     */
    public FcnDetector(Graph classifier, Weights weights, BiFunction<Graph, Weights, Session> compiler,
            WindowOptions options, NmsOptions nms, ClassNames names) {
        this.classifier = Objects.requireNonNull(classifier, "classifier");
        this.weights = Objects.requireNonNull(weights, "weights");
        this.compiler = Objects.requireNonNull(compiler, "compiler");
        this.options = Objects.requireNonNull(options, "options");
        this.nms = Objects.requireNonNull(nms, "nms");
        this.names = Objects.requireNonNull(names, "names");
        Shape in = classifier.inputs().get(0).shape();
        Shape out = classifier.outputs().get(0).shape();
        if (in.rank() != 4 || in.dim(1) != 3 || out.rank() != 2) {
            throw new DetectionException("FCN detection needs a classifier [N, 3, H, W] → [N, K], got " + in + " → "
                    + out);
        }
        this.inputHeight = in.dim(2);
        this.inputWidth = in.dim(3);
        this.scores = new ClassScores(out.dim(1), options.backgroundClass(), options.logits());
        convert(inputHeight, inputWidth); // fails now, not at the first image, if the head cannot be converted
    }

    /** The objects in {@code image}, highest score first. */
    public List<Detection> detect(BufferedImage image) {
        Candidates c = candidates(ImageTensors.chw(image));
        return Detections.of(c, Nms.suppress(c, nms), names, image.getWidth(), image.getHeight());
    }

    /** Every window scoring above the threshold, boxes in pixels of {@code chw} ([3, H, W] in [0, 1]). */
    public Candidates candidates(Tensor chw) {
        Candidates.Builder out = Candidates.builder();
        double[] p = new double[2];
        for (double[] f : options.resizeFactors(inputWidth, inputHeight)) {
            Pyramid level = Pyramid.level(chw, f[0], f[1], options.normalization());
            if (level.width() < inputWidth || level.height() < inputHeight) {
                continue; // no whole window fits at this scale
            }
            Compiled c = session(level.height(), level.width());
            Tensor map = c.session().run(List.of(level.image().reshape(
                    Shape.of(1, 3, level.height(), level.width())))).get(0);
            int rows = c.model().rows();
            int cols = c.model().cols();
            int plane = rows * cols;
            for (int r = 0; r < rows; r++) {
                for (int col = 0; col < cols; col++) {
                    int best = scores.best(map.data(), r * cols + col, plane, p);
                    if (p[0] > nms.scoreThreshold() && p[1] > options.objectnessThreshold()) {
                        Box w = c.model().geometry().window(r, col);
                        out.add(w.x1() / level.fx(), w.y1() / level.fy(), Math.min(w.x2(), level.width()) / level.fx(),
                                Math.min(w.y2(), level.height()) / level.fy(), p[0], best);
                    }
                }
            }
        }
        return out.build();
    }

    /** The FCN for an input of {@code height × width}. */
    public FcnModel convert(int height, int width) {
        return FcnConverter.convert(classifier, weights, height, width);
    }

    private Compiled session(int height, int width) {
        String key = width + "x" + height;
        Compiled c = sessions.get(key);
        if (c == null) {
            FcnModel model = convert(height, width);
            c = new Compiled(model, compiler.apply(model.graph(), model.weights()));
            sessions.put(key, c);
        }
        return c;
    }

    @Override
    public void close() {
        List<RuntimeException> failures = new ArrayList<>();
        for (Compiled c : sessions.values()) {
            try {
                c.session().close();
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        sessions.clear();
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
    }
}
