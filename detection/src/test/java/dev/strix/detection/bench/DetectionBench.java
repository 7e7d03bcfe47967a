package dev.strix.detection.bench;

import dev.strix.api.Shape;
import dev.strix.api.Strix;
import dev.strix.api.Tensor;
import dev.strix.api.graph.Graph;
import dev.strix.api.graph.GraphBuilder;
import dev.strix.api.graph.Value;
import dev.strix.api.reference.ReferenceBackend;
import dev.strix.api.spi.Session;
import dev.strix.api.spi.SessionOptions;
import dev.strix.api.weights.Initializers;
import dev.strix.api.weights.Weights;
import dev.strix.detection.ClassNames;
import dev.strix.detection.fcn.FcnDetector;
import dev.strix.detection.image.Normalization;
import dev.strix.detection.nms.Candidates;
import dev.strix.detection.nms.Nms;
import dev.strix.detection.nms.NmsOptions;
import dev.strix.detection.window.SlidingWindowDetector;
import dev.strix.detection.window.WindowOptions;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The detection benchmarks recorded in BENCHMARKS.md ("Detection"). Not a test: run it as a program, after
 * {@code mvn -pl detection test-compile}, with the module's test class path:
 * <pre>
 *   taskset -c 0 java -cp … dev.strix.detection.bench.DetectionBench nms
 *   java -cp … dev.strix.detection.bench.DetectionBench fcn
 * </pre>
 * {@code nms}: greedy class-aware NMS of 10,000 boxes over 80 classes (YOLO-like clusters, IoU 0.45, every box
 * above the score threshold), median of 200 timed runs after 200 warm-up runs. {@code fcn}: a 32×32 classifier
 * with stride 8 (three conv 3×3 + max-pool stages, linear 64, linear 10) over a 640×480 image, sliding windows
 * at stride 8 (batch 64) against its FCN conversion, both on the reference backend; medians of a few runs.
 */
public final class DetectionBench {
    private DetectionBench() {}

    public static void main(String[] args) {
        String what = args.length == 0 ? "all" : args[0];
        if (what.equals("nms") || what.equals("all")) {
            nms();
        }
        if (what.equals("fcn") || what.equals("all")) {
            fcnVersusWindow(args.length > 1 ? Integer.parseInt(args[1]) : 3);
        }
    }

    static Candidates boxes(long seed, int n, int classes) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] xyxy = new float[4 * n];
        float[] scores = new float[n];
        int[] cls = new int[n];
        double[][] objects = new double[300][];
        for (int k = 0; k < objects.length; k++) {
            objects[k] = new double[] {rng.nextDouble() * 600, rng.nextDouble() * 600, 10 + rng.nextDouble() * 150,
                10 + rng.nextDouble() * 150, rng.nextInt(classes)};
        }
        for (int i = 0; i < n; i++) {
            double[] o = objects[rng.nextInt(objects.length)];
            double cx = o[0] + rng.nextGaussian() * 5;
            double cy = o[1] + rng.nextGaussian() * 5;
            double w = o[2] * (0.8 + 0.4 * rng.nextDouble());
            double h = o[3] * (0.8 + 0.4 * rng.nextDouble());
            xyxy[4 * i] = (float) (cx - w / 2);
            xyxy[4 * i + 1] = (float) (cy - h / 2);
            xyxy[4 * i + 2] = (float) (cx + w / 2);
            xyxy[4 * i + 3] = (float) (cy + h / 2);
            scores[i] = (float) rng.nextDouble();
            cls[i] = rng.nextInt(5) == 0 ? rng.nextInt(classes) : (int) o[4];
        }
        return Candidates.of(xyxy, scores, cls);
    }

    static void nms() {
        Candidates c = boxes(1, 10_000, 80);
        NmsOptions o = NmsOptions.defaults().withScoreThreshold(0).withIouThreshold(0.45);
        int kept = 0;
        for (int i = 0; i < 200; i++) {
            kept = Nms.suppress(c, o).size();
        }
        double[] ms = new double[200];
        for (int i = 0; i < ms.length; i++) {
            long t = System.nanoTime();
            kept = Nms.suppress(c, o).size();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        System.out.printf(Locale.ROOT, "nms 10000 boxes, 80 classes: median %.2f ms (min %.2f, max %.2f), %d kept%n",
                median(ms), Arrays.stream(ms).min().orElse(0), Arrays.stream(ms).max().orElse(0), kept);
    }

    /** The 32×32, stride-8 classifier of the FCN benchmark, for {@code batch} images. */
    static Graph classifier(int batch) {
        GraphBuilder b = new GraphBuilder(Strix.registry());
        Value x = b.input("image", Shape.of(batch, 3, 32, 32));
        int[] widths = {16, 32, 32};
        for (int i = 0; i < 3; i++) {
            x = b.layer("conv2d", "conv" + i).attr("out_channels", widths[i]).attr("kernel_size", 3)
                    .attr("padding", 1).apply(x);
            x = b.layer("relu", "relu" + i).apply(x);
            x = b.layer("max_pool2d", "pool" + i).attr("kernel_size", 2).apply(x);
        }
        x = b.layer("flatten", "flatten").apply(x);
        x = b.layer("linear", "fc1").attr("out_features", 64).apply(x);
        x = b.layer("relu", "relu_fc").apply(x);
        x = b.layer("linear", "fc2").attr("out_features", 10).apply(x);
        return b.build(x);
    }

    static void fcnVersusWindow(int runs) {
        ReferenceBackend reference = new ReferenceBackend();
        Graph g = classifier(64);
        Weights w = Initializers.initialize(g, 3);
        Tensor image = Tensor.zeros(3, 480, 640);
        SplittableRandom rng = new SplittableRandom(2);
        for (int i = 0; i < image.data().length; i++) {
            image.data()[i] = (float) rng.nextDouble();
        }
        WindowOptions o = WindowOptions.stride(8).withNormalization(Normalization.IMAGENET);
        NmsOptions nms = NmsOptions.defaults().withScoreThreshold(0); // every window a candidate
        double[] fcnMs = new double[runs + 2];
        int fcnCount = 0;
        try (FcnDetector fcn = new FcnDetector(g, w, (graph, weights) -> reference.compile(graph, weights,
                SessionOptions.defaults()), o, nms, ClassNames.none())) {
            for (int i = 0; i < fcnMs.length; i++) {
                long t = System.nanoTime();
                fcnCount = fcn.candidates(image).size();
                fcnMs[i] = (System.nanoTime() - t) / 1e6;
            }
        }
        double[] windowMs = new double[runs];
        int windowCount = 0;
        try (Session s = reference.compile(g, w, SessionOptions.defaults())) {
            SlidingWindowDetector window = new SlidingWindowDetector(s, o, nms, ClassNames.none());
            for (int i = 0; i < windowMs.length; i++) {
                long t = System.nanoTime();
                windowCount = window.candidates(image).size();
                windowMs[i] = (System.nanoTime() - t) / 1e6;
            }
        }
        // The first FCN run compiles its session for 640×480; the medians leave it out.
        double fcnMedian = median(Arrays.copyOfRange(fcnMs, 1, fcnMs.length));
        double windowMedian = median(windowMs);
        System.out.printf(Locale.ROOT, "fcn 640x480 stride 8: median %.1f ms (first run with compile %.1f ms), "
                + "%d candidates%n", fcnMedian, fcnMs[0], fcnCount);
        System.out.printf(Locale.ROOT, "sliding window 640x480 stride 8 (77x57 = 4389 windows, batch 64): median "
                + "%.1f ms, %d candidates%n", windowMedian, windowCount);
        System.out.printf(Locale.ROOT, "speed-up %.1fx%n", windowMedian / fcnMedian);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
