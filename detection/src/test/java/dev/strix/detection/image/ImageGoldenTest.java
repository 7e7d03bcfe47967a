package dev.strix.detection.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strix.api.Tensor;
import dev.strix.api.weights.Weights;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Resize, crop, normalisation and letterbox against PyTorch 1.13 / torchvision 0.14 on the same image
 * (golden data from {@code detection/tools/image_golden.py}). Tolerance: 1e-5 absolute on values in [0, 1]
 * (2e-5 after normalisation, which divides by std ≈ 0.225), float rounding only.
 */
class ImageGoldenTest {
    private static Weights golden;
    private static Tensor image;

    @BeforeAll
    static void load() throws Exception {
        Path dir = Paths.get(ImageGoldenTest.class.getResource("/golden/image.safetensors").toURI()).getParent();
        golden = Weights.read(dir.resolve("image.safetensors"));
        image = ImageTensors.chw(Images.read(dir.resolve("image.png")));
    }

    static void assertClose(Tensor actual, Tensor expected, double atol) {
        assertThat(actual.shape()).isEqualTo(expected.shape());
        float[] a = actual.data();
        float[] e = expected.data();
        double worst = 0;
        for (int i = 0; i < a.length; i++) {
            worst = Math.max(worst, Math.abs(a[i] - e[i]));
        }
        assertThat(worst).as("max |difference| over " + actual.shape()).isLessThanOrEqualTo(atol);
    }

    @Test
    void pngDecodesToTheSameValuesAsPil() {
        assertClose(image, golden.get("image"), 0);
    }

    @Test
    void bilinearDownAndUpMatchesInterpolate() {
        assertClose(Resize.bilinear(image, 20, 30, false), golden.get("bilinear_20x30"), 1e-5);
        assertClose(Resize.bilinear(image, 50, 70, false), golden.get("bilinear_50x70"), 1e-5);
    }

    @Test
    void antialiasedShrinkMatchesInterpolateAntialias() {
        assertClose(Resize.bilinear(image, 20, 30, true), golden.get("antialias_20x30"), 1e-5);
        assertClose(Resize.bilinear(image, 11, 17, true), golden.get("antialias_11x17"), 1e-5);
    }

    @Test
    void shorterSideAndCenterCropMatchTorchvision() {
        Tensor shorter = Resize.shorterSide(image, 32, true);
        assertThat(shorter.shape().toArray()).containsExactly(3, 32, 45);
        assertClose(shorter, golden.get("shorter_32"), 1e-5);
        assertClose(Crop.center(shorter, 24, 24), golden.get("crop_24"), 1e-5);
    }

    @Test
    void imagenetPreprocessMatchesTorchvisionPipeline() {
        Tensor t = new ImagenetPreprocess(32, 24, Normalization.IMAGENET, true).applyChw(image);
        assertThat(t.shape().toArray()).containsExactly(1, 3, 24, 24);
        Tensor expected = golden.get("imagenet_32_24");
        assertClose(t.reshape(expected.shape()), expected, 2e-5);
    }

    @Test
    void letterboxMatchesYoloV5Geometry() {
        Letterbox box = Letterbox.fit(53, 37, 64, 64, true);
        // r = min(64/53, 64/37) = 1.2075; 53·r = 64, 37·r = 44.68 → 45; (64 − 45)/2 = 9.5 → top round(9.4) = 9.
        assertThat(golden.metadata().get("letterbox_64")).isEqualTo("64,45,0,9");
        assertThat(box).isEqualTo(new Letterbox(53, 37, 64, 64, 64, 45, 0, 9));
        assertClose(box.apply(image, Letterbox.YOLO_GREY), golden.get("letterbox_64"), 1e-5);
    }
}
