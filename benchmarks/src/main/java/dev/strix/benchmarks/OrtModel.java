package dev.strix.benchmarks;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.strix.api.Tensor;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * An ONNX file loaded into ONNX Runtime's CPU execution provider with a fixed intra-op thread count, full graph
 * optimisation and sequential execution: ONNX Runtime's usual fast CPU configuration. One run copies the input in
 * and the output out, as a Strix run uploads and downloads.
 */
public final class OrtModel implements AutoCloseable {
    private final OrtEnvironment env;
    private final OrtSession session;
    private final String inputName;
    private final Path file;

    private OrtModel(OrtEnvironment env, OrtSession session, Path file) throws OrtException {
        this.env = env;
        this.session = session;
        this.file = file;
        this.inputName = session.getInputNames().iterator().next();
    }

    /** Loads {@code onnx} for {@code threads} intra-op threads; fails naming the file and ONNX Runtime's reason. */
    public static OrtModel load(Path onnx, int threads) {
        OrtEnvironment env;
        try {
            env = OrtEnvironment.getEnvironment();
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            throw new BenchmarkException("ONNX Runtime's native library did not load on "
                    + System.getProperty("os.name") + "/" + System.getProperty("os.arch") + ": " + e, e);
        }
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(threads);
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            return new OrtModel(env, env.createSession(onnx.toString(), options), onnx);
        } catch (OrtException e) {
            throw new BenchmarkException("ONNX Runtime could not load " + onnx + ": " + e.getMessage(), e);
        }
    }

    /** Runs the model on {@code input} and returns its first output's values. */
    public float[] run(Tensor input) {
        long[] shape = Arrays.stream(input.shape().toArray()).asLongStream().toArray();
        try (OnnxTensor in = OnnxTensor.createTensor(env, FloatBuffer.wrap(input.data()), shape);
                OrtSession.Result result = session.run(Map.of(inputName, in))) {
            OnnxValue out = result.get(0);
            if (!(out instanceof OnnxTensor t)) {
                throw new BenchmarkException(file + ": first output is a " + out.getType() + ", not a tensor");
            }
            FloatBuffer fb = t.getFloatBuffer();
            float[] values = new float[fb.remaining()];
            fb.get(values);
            return values;
        } catch (OrtException e) {
            throw new BenchmarkException("ONNX Runtime failed running " + file + " on input " + input.shape() + ": "
                    + e.getMessage(), e);
        }
    }

    /** ONNX Runtime's version string. */
    public static String version() {
        return OrtEnvironment.getEnvironment().getVersion();
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new BenchmarkException("ONNX Runtime failed closing the session of " + file, e);
        }
    }
}
