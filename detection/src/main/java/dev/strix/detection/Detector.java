package dev.strix.detection;

import dev.strix.api.Shape;
import dev.strix.api.Strix;
import dev.strix.api.graph.Graph;
import dev.strix.api.registry.Registry;
import dev.strix.api.spi.ModelOptions;
import dev.strix.api.spi.Session;
import dev.strix.api.weights.Weights;
import dev.strix.detection.fcn.FcnDetector;
import dev.strix.detection.head.HeadDecoder;
import dev.strix.detection.head.YoloExportDecoder;
import dev.strix.detection.image.Normalization;
import dev.strix.detection.nms.NmsMethod;
import dev.strix.detection.nms.NmsOptions;
import dev.strix.detection.window.SlidingWindowDetector;
import dev.strix.detection.window.WindowOptions;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Finds objects in images with a Strix model: built from the model's graph, its weights and options (method,
 * thresholds, class names, backend and device), it compiles the session(s) it needs once and then answers
 * {@link #detect} with an immutable list of detections, highest score first. Close it to free the sessions.
 *
 * <pre>{@code
 * try (Detector d = Detector.builder().graph(graph).weights(Weights.read(path))
 *         .classNames(cocoNames).scoreThreshold(0.25).iouThreshold(0.45).build()) {
 *     List<Detection> found = d.detect(Images.read(Path.of("street.jpg")));
 * }
 * }</pre>
 *
 * <p>Like a session, a detector is used by one thread at a time.
 */
public final class Detector implements AutoCloseable {
    private final DetectionMethod method;
    private final Method kind;

    private Detector(DetectionMethod method, Method kind) {
        this.method = method;
        this.kind = kind;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The method this detector uses. */
    public Method method() {
        return kind;
    }

    /** The objects found in {@code image}, highest score first. */
    public List<Detection> detect(BufferedImage image) {
        Objects.requireNonNull(image, "image");
        return method.detect(image);
    }

    @Override
    public void close() {
        method.close();
    }

    /** Collects a detector's model and options; {@link #build} checks them and compiles. */
    public static final class Builder {
        private Registry registry;
        private Graph graph;
        private Weights weights;
        private Method method = Method.YOLO;
        private double scoreThreshold = 0.25;
        private double iouThreshold = 0.45;
        private boolean classAware = true;
        private int maxDetections = 300;
        private NmsMethod nmsMethod = NmsMethod.GREEDY;
        private ClassNames classNames = ClassNames.none();
        private String backend;
        private String device;
        private HeadDecoder head;
        private Normalization normalization;
        private WindowOptions window;
        private int windowBatch = 16;

        private Builder() {}

        /** The registry to find the backend in (default {@link Strix#registry()}). */
        public Builder registry(Registry r) {
            this.registry = r;
            return this;
        }

        /** The model. Its one input must be [1, 3, H, W]. */
        public Builder graph(Graph g) {
            this.graph = g;
            return this;
        }

        /**
         * The model variant {@code variant} (as {@code strix models} lists them) built with {@code options} from the
         * registry; call {@link #registry} first to use another registry than {@link Strix#registry()}.
         */
        public Builder model(String variant, ModelOptions options) {
            Registry r = registry != null ? registry : Strix.registry();
            this.graph = r.model(variant, options);
            return this;
        }

        public Builder weights(Weights w) {
            this.weights = w;
            return this;
        }

        public Builder method(Method m) {
            this.method = Objects.requireNonNull(m, "method");
            return this;
        }

        /** Candidates scoring at most this are dropped; in [0, 1] (default 0.25). */
        public Builder scoreThreshold(double t) {
            this.scoreThreshold = Checks.unitInterval("score threshold", t);
            return this;
        }

        /** Suppression IoU threshold in [0, 1] (default 0.45). */
        public Builder iouThreshold(double t) {
            this.iouThreshold = Checks.unitInterval("IoU threshold", t);
            return this;
        }

        /** Suppress within each class (default) or across classes. */
        public Builder classAware(boolean aware) {
            this.classAware = aware;
            return this;
        }

        /** At most this many detections per image (default 300, YOLOv5's). */
        public Builder maxDetections(int n) {
            this.maxDetections = Checks.positive("maximum detections", n);
            return this;
        }

        /** Greedy (default) or soft-NMS. */
        public Builder nmsMethod(NmsMethod m) {
            this.nmsMethod = Objects.requireNonNull(m, "nmsMethod");
            return this;
        }

        public Builder classNames(List<String> names) {
            this.classNames = new ClassNames(names);
            return this;
        }

        /** The backend's name (default: the best available). */
        public Builder backend(String name) {
            this.backend = name;
            return this;
        }

        /** The device id or name (default: the backend's choice). */
        public Builder device(String d) {
            this.device = d;
            return this;
        }

        /**
         * The head decoder for {@link Method#YOLO} (default: a YOLOv5/YOLOv8 export, layout told from the output
         * shape, classes from the class names when given).
         */
        public Builder head(HeadDecoder decoder) {
            this.head = decoder;
            return this;
        }

        /** Input normalisation (default: none for YOLO, which takes [0, 1] pixels; ImageNet for classifiers). */
        public Builder normalization(Normalization n) {
            this.normalization = n;
            return this;
        }

        /**
         * Window layout for {@link Method#WINDOW} and {@link Method#FCN} (default: the model's input size, scale 1,
         * stride a quarter of the input width, no background class, logits). FCN takes its stride from the network.
         */
        public Builder window(WindowOptions options) {
            this.window = options;
            return this;
        }

        /** Windows per session run for {@link Method#WINDOW} (default 16). */
        public Builder windowBatch(int n) {
            this.windowBatch = Checks.positive("window batch", n);
            return this;
        }

        NmsOptions nmsOptions() {
            return new NmsOptions(nmsMethod, iouThreshold, scoreThreshold, classAware, Integer.MAX_VALUE,
                    maxDetections, 0.5);
        }

        /** Checks the model against the method, compiles and returns the detector. */
        public Detector build() {
            Objects.requireNonNull(graph, "graph");
            Objects.requireNonNull(weights, "weights");
            Registry r = registry != null ? registry : Strix.registry();
            Shape in = inputShape(graph);
            Engine engine = Engine.of(r, backend, weights, device);
            if (method != Method.YOLO) {
                WindowOptions w = window != null ? window : WindowOptions.stride(Math.max(1, in.dim(3) / 4));
                if (normalization != null) {
                    w = w.withNormalization(normalization);
                }
                return method == Method.FCN ? fcn(engine, w) : window(engine, w);
            }
            HeadDecoder decoder = head != null ? head
                    : new YoloExportDecoder(YoloExportDecoder.Layout.AUTO, classNames.size());
            YoloTranslator translator = new YoloTranslator(decoder, in.dim(3), in.dim(2),
                    normalization != null ? normalization : Normalization.NONE, nmsOptions(), classNames);
            Graph single = in.dim(0) == 1 ? graph : graph.withBatch(1);
            translator.checkOutputs(single.outputs().stream().map(v -> v.shape()).toList());
            Session session = engine.compile(single);
            return new Detector(new YoloMethod(session, translator), method);
        }

        private Detector fcn(Engine engine, WindowOptions w) {
            FcnDetector d = new FcnDetector(graph, weights, engine::compile, w, nmsOptions(), classNames);
            return new Detector(method(d::detect, d::close), Method.FCN);
        }

        private Detector window(Engine engine, WindowOptions w) {
            Session session = engine.compile(graph.withBatch(windowBatch));
            try {
                SlidingWindowDetector d = new SlidingWindowDetector(session, w, nmsOptions(), classNames);
                return new Detector(method(d::detect, session::close), Method.WINDOW);
            } catch (RuntimeException e) {
                session.close();
                throw e;
            }
        }

        private static DetectionMethod method(Function<BufferedImage, List<Detection>> detect, Runnable close) {
            return new DetectionMethod() {
                @Override
                public List<Detection> detect(BufferedImage image) {
                    return detect.apply(image);
                }

                @Override
                public void close() {
                    close.run();
                }
            };
        }

        static Shape inputShape(Graph graph) {
            if (graph.inputs().size() != 1) {
                throw new DetectionException("a detector's model takes one image input, this one takes "
                        + graph.inputs().size());
            }
            Shape s = graph.inputs().get(0).shape();
            if (s.rank() != 4 || s.dim(1) != 3) {
                throw new DetectionException("a detector's model input must be [N, 3, H, W], got " + s);
            }
            return s;
        }
    }
}
