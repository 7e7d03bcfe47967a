package dev.strix.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.strix.api.Shape;
import dev.strix.api.Tensor;
import dev.strix.api.spi.ModelOptions;
import dev.strix.api.testkit.Tensors;
import dev.strix.api.weights.Initializers;
import dev.strix.api.weights.Npy;
import dev.strix.api.weights.Weights;
import dev.strix.cli.Cli.Result;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code strix init} writes seeded weights; {@code strix run} runs them and writes the output, or nothing. */
class InitAndRunTest {
    @TempDir
    Path dir;

    @Test
    void initWritesTheSeededWeightsOfTheModel() {
        Path w = dir.resolve("w.safetensors");
        Result r = Cli.run("init", "tiny_net", "--output", w.toString(), "--seed", "7", "--classes", "3");
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEqualTo("wrote 6 tensors (117 parameters) of tiny_net, random weights (seed 7), to "
                + w + "\n");
        Weights read = Weights.read(w);
        Weights expected = Initializers.initialize(
                Cli.registry().model("tiny_net", ModelOptions.defaults().withClasses(3)), 7);
        assertThat(read.names()).containsExactlyInAnyOrderElementsOf(expected.names());
        for (String name : expected.names()) {
            assertThat(read.get(name).shape()).as(name).isEqualTo(expected.get(name).shape());
            assertThat(read.get(name).data()).as(name).containsExactly(expected.get(name).data());
        }
        assertThat(read.get("head.fc2.weight").shape()).isEqualTo(Shape.of(3, 5));
    }

    @Test
    void inputWritesASeededTensorOfTheModelsInputShape() {
        Path a = dir.resolve("a.npy");
        Result r = Cli.run("input", "tiny_net", "--output", a.toString(), "--batch", "2", "--seed", "4");
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEqualTo("wrote " + a + " [2, 2, 3, 3] (uniform in [-1, 1), seed 4)\n");
        Tensor x = Npy.read(a);
        assertThat(x.shape()).isEqualTo(Shape.of(2, 2, 3, 3));
        for (float v : x.data()) {
            assertThat(v).isBetween(-1f, 1f);
        }
        Path again = dir.resolve("b.npy");
        Path other = dir.resolve("c.npy");
        Cli.run("input", "tiny_net", "--output", again.toString(), "--batch", "2", "--seed", "4");
        Cli.run("input", "tiny_net", "--output", other.toString(), "--batch", "2", "--seed", "5", "--input", "2,4,4");
        assertThat(Npy.read(again).data()).containsExactly(x.data());
        assertThat(Npy.read(other).shape()).isEqualTo(Shape.of(2, 2, 4, 4));
        assertThat(Npy.read(other).data()[0]).isNotEqualTo(x.data()[0]);
    }

    @Test
    void runComputesTheModelForEveryImageOfTheBatch() {
        Path w = init("tiny_net", 3);
        Tensor x = Tensors.random(Shape.of(2, 2, 3, 3), 9);
        Path in = dir.resolve("x.npy");
        Path out = dir.resolve("y.npy");
        Npy.write(in, x);
        Result r = Cli.run("run", "tiny_net", "--weights", w.toString(), "--input", in.toString(), "--output",
                out.toString(), "--backend", "reference", "--top", "2");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.errLines()).containsExactly(
                "strix: wrote " + out + " [2, 4] (reference on Java reference executor)");
        Tensor y = Npy.read(out);
        assertThat(y.shape()).isEqualTo(Shape.of(2, 4));
        double[][] expected = TinyNetByHand.logits(x, Weights.read(w));
        for (int n = 0; n < 2; n++) {
            for (int k = 0; k < 4; k++) {
                assertThat((double) y.get(n, k)).as("image %d class %d", n, k).isCloseTo(expected[n][k], within(1e-5));
            }
        }
        // --top 2: the two best classes of each image, best first, after the header line.
        java.util.List<String[]> rows = r.out().lines().skip(1).map(l -> l.trim().split("\\s+")).toList();
        assertThat(rows).hasSize(4);
        for (int n = 0; n < 2; n++) {
            int[] order = order(expected[n]);
            for (int rank = 0; rank < 2; rank++) {
                assertThat(rows.get(2 * n + rank)).startsWith(String.valueOf(n), String.valueOf(rank + 1),
                        String.valueOf(order[rank]));
            }
        }
    }

    @Test
    void theBestBackendIsChosenAndReported() {
        Path w = init("tiny_net", 1);
        Path in = dir.resolve("x.npy");
        Npy.write(in, Tensors.random(Shape.of(1, 2, 3, 3), 1));
        Result r = Cli.run("run", "tiny_net", "--weights", w.toString(), "--input", in.toString(), "--output",
                dir.resolve("y.npy").toString());
        assertThat(r.code()).isZero();
        assertThat(r.errLines().get(0)).isEqualTo("strix: using backend 'fake' (best available; absent unavailable:"
                + " no driver)");
        assertThat(r.errLines().get(1)).endsWith("[1, 4] (fake on Fake Device)");
    }

    @Test
    void everyOutputOfAMultiOutputModelIsWritten() {
        Path w = init("tiny_two", 2);
        Tensor x = Tensors.random(Shape.of(1, 2, 3, 3), 4);
        Path in = dir.resolve("x.npy");
        Npy.write(in, x);
        Result r = Cli.run("run", "tiny_two", "--weights", w.toString(), "--input", in.toString(), "--output",
                dir.resolve("parts.npy").toString(), "--backend", "reference");
        assertThat(r.code()).as(r.err()).isZero();
        float[] s = Weights.read(w).get("scale.weight").data();
        Tensor first = Npy.read(dir.resolve("parts.npy"));
        Tensor second = Npy.read(dir.resolve("parts.1.npy"));
        assertThat(first.shape()).isEqualTo(Shape.of(1, 1, 3, 3));
        for (int p = 0; p < 9; p++) {
            assertThat(first.data()[p]).isEqualTo(x.data()[p] * s[0]);
            assertThat(second.data()[p]).isEqualTo(x.data()[9 + p] * s[1]);
        }
    }

    @Test
    void anImageIsPreprocessedTheImageNetWay() throws Exception {
        Path w = init("tiny_rgb", 3);
        // A solid colour survives any resize and crop, so the tensor is known exactly: (v/255 - mean) / std.
        BufferedImage img = new BufferedImage(12, 10, BufferedImage.TYPE_INT_RGB);
        for (int yy = 0; yy < 10; yy++) {
            for (int xx = 0; xx < 12; xx++) {
                img.setRGB(xx, yy, (255 << 16) | (128 << 8));
            }
        }
        Path png = dir.resolve("orange.png");
        ImageIO.write(img, "png", png.toFile());
        Path out = dir.resolve("y.npy");
        Result r = Cli.run("run", "tiny_rgb", "--weights", w.toString(), "--input", png.toString(), "--output",
                out.toString(), "--preprocess", "imagenet", "--backend", "reference");
        assertThat(r.code()).as(r.err()).isZero();
        float[] chw = new float[3 * 64];
        double[] v = {(1 - 0.485) / 0.229, (128 / 255.0 - 0.456) / 0.224, (0 - 0.406) / 0.225};
        for (int i = 0; i < chw.length; i++) {
            chw[i] = (float) v[i / 64];
        }
        double[][] expected = TinyNetByHand.logits(Tensor.of(chw, 1, 3, 8, 8), Weights.read(w));
        Tensor y = Npy.read(out);
        for (int k = 0; k < 4; k++) {
            assertThat((double) y.get(0, k)).as("class %d", k).isCloseTo(expected[0][k], within(1e-4));
        }
    }

    @Test
    void anImageNeedsPreprocessAndANpyMustNotHaveIt() {
        Path w = init("tiny_rgb", 3);
        Result image = Cli.run("run", "tiny_rgb", "--weights", w.toString(), "--input", "cat.jpg", "--output",
                dir.resolve("y.npy").toString());
        assertThat(image.code()).isEqualTo(2);
        assertThat(image.errLines().get(0))
                .isEqualTo("strix: cat.jpg is not a .npy file; to read it as an image add --preprocess imagenet");
        Result npy = Cli.run("run", "tiny_rgb", "--weights", w.toString(), "--input", "x.npy", "--output",
                dir.resolve("y.npy").toString(), "--preprocess", "imagenet");
        assertThat(npy.code()).isEqualTo(2);
        assertThat(npy.errLines().get(0)).isEqualTo("strix: --preprocess reads images; x.npy is a .npy tensor already");
        Result grey = Cli.run("run", "tiny_net", "--weights", w.toString(), "--input", "cat.png", "--output",
                dir.resolve("y.npy").toString(), "--preprocess", "imagenet");
        assertThat(grey.code()).isEqualTo(2);
        assertThat(grey.errLines().get(0)).startsWith("strix: --preprocess imagenet makes one square RGB image, but"
                + " tiny_net takes [GraphInput[name=input, shape=[1, 2, 3, 3]]]");
    }

    @Test
    void failuresLeaveNoOutputBehind() {
        Path w = init("tiny_net", 1);
        Path in = dir.resolve("x.npy");
        Path out = dir.resolve("y.npy");
        Npy.write(in, Tensors.random(Shape.of(1, 2, 3, 3), 1));

        Result missing = Cli.run("run", "tiny_net", "--weights", dir.resolve("none.safetensors").toString(),
                "--input", in.toString(), "--output", out.toString(), "--backend", "reference");
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.errLines()).singleElement().asString().startsWith("strix: ").contains("none.safetensors");

        // Weights for 3 classes do not fit a 4-class graph: the binder names the tensors.
        Path w3 = init("tiny_net", 3, "--classes", "3");
        Result mismatch = Cli.run("run", "tiny_net", "--weights", w3.toString(), "--input", in.toString(),
                "--output", out.toString(), "--backend", "reference");
        assertThat(mismatch.code()).isEqualTo(1);
        assertThat(mismatch.errLines()).singleElement().asString()
                .contains("head.fc2.weight: expected shape [4, 5], found [3, 5]");

        Path wrongChannels = dir.resolve("x3.npy");
        Npy.write(wrongChannels, Tensors.random(Shape.of(1, 3, 3, 3), 1));
        Result shape = Cli.run("run", "tiny_net", "--weights", w.toString(), "--input", wrongChannels.toString(),
                "--output", out.toString(), "--backend", "reference");
        assertThat(shape.code()).isEqualTo(1);
        assertThat(shape.errLines()).singleElement().asString().contains("scale.weight: expected shape [3], found [2]");

        assertThat(out).doesNotExist();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(f -> f.startsWith(".strix-"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Path init(String model, long seed, String... more) {
        Path w = dir.resolve(model + "-" + seed + "-" + more.length + ".safetensors");
        String[] args = new String[4 + more.length];
        args[0] = "init";
        args[1] = model;
        args[2] = "--output";
        args[3] = w.toString();
        System.arraycopy(more, 0, args, 4, more.length);
        String[] withSeed = Arrays.copyOf(args, args.length + 2);
        withSeed[args.length] = "--seed";
        withSeed[args.length + 1] = String.valueOf(seed);
        assertThat(Cli.run(withSeed).code()).isZero();
        return w;
    }

    private static int[] order(double[] v) {
        return java.util.stream.IntStream.range(0, v.length).boxed()
                .sorted((a, b) -> Double.compare(v[b], v[a])).mapToInt(Integer::intValue).toArray();
    }
}
