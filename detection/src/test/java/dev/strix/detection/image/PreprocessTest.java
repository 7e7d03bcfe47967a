package dev.strix.detection.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.strix.api.ShapeException;
import dev.strix.api.Tensor;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class PreprocessTest {

    @Test
    void tensorIsRgbChannelsFirstInUnitRange() {
        BufferedImage img = new BufferedImage(2, 1, BufferedImage.TYPE_INT_ARGB);
        img.setRGB(0, 0, 0x80FF8000); // half-transparent orange: alpha is dropped, not blended
        img.setRGB(1, 0, 0xFF0000FF);
        Tensor t = ImageTensors.nchw(img);
        assertThat(t.shape().toArray()).containsExactly(1, 3, 1, 2);
        assertThat(t.data()).containsExactly(1f, 0f, 128 / 255f, 0f, 0f, 1f);
    }

    @Test
    void greyImageKeepsItsRawSamples() {
        BufferedImage img = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_GRAY);
        img.getRaster().setSample(0, 0, 0, 128);
        img.getRaster().setSample(1, 0, 0, 255);
        Tensor t = ImageTensors.chw(img);
        // getRGB would give 186 for the linear grey 128; PIL (and Strix) keep 128.
        assertThat(t.data()).containsExactly(128 / 255f, 1f, 128 / 255f, 1f, 128 / 255f, 1f);
    }

    @Test
    void toImageRoundTrips() {
        BufferedImage img = ImagesTest.gradient();
        BufferedImage back = ImageTensors.toImage(ImageTensors.chw(img));
        for (int y = 0; y < 30; y += 7) {
            for (int x = 0; x < 40; x += 9) {
                assertThat(back.getRGB(x, y)).isEqualTo(img.getRGB(x, y));
            }
        }
    }

    @Test
    void batchStacksImages() {
        Tensor a = Tensor.filled(dev.strix.api.Shape.of(3, 2, 2), 1f);
        Tensor b = Tensor.filled(dev.strix.api.Shape.of(3, 2, 2), 2f);
        Tensor batch = ImageTensors.batch(List.of(a, b));
        assertThat(batch.shape().toArray()).containsExactly(2, 3, 2, 2);
        assertThat(batch.get(1, 2, 1, 1)).isEqualTo(2f);
        assertThat(batch.get(0, 2, 1, 1)).isEqualTo(1f);
        assertThatThrownBy(() -> ImageTensors.batch(List.of(a, Tensor.zeros(3, 2, 3))))
                .isInstanceOf(ShapeException.class).hasMessageContaining("image 1");
    }

    @Test
    void imagenetNormalisationUsesTorchvisionFigures() {
        Tensor white = Tensor.filled(dev.strix.api.Shape.of(3, 1, 1), 1f);
        float[] n = Normalization.IMAGENET.apply(white).data();
        assertThat(n[0]).isCloseTo((1 - 0.485f) / 0.229f, within(1e-6f));
        assertThat(n[1]).isCloseTo((1 - 0.456f) / 0.224f, within(1e-6f));
        assertThat(n[2]).isCloseTo((1 - 0.406f) / 0.225f, within(1e-6f));
    }

    @Test
    void defaultPreprocessGives224Crop() {
        BufferedImage img = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
        Tensor t = ImagenetPreprocess.defaults().apply(img);
        assertThat(t.shape().toArray()).containsExactly(1, 3, 224, 224);
        // A black image normalises to −mean/std everywhere.
        assertThat(t.get(0, 0, 100, 100)).isCloseTo(-0.485f / 0.229f, within(1e-5f));
        assertThat(ImagenetPreprocess.forCrop(299).resize()).isEqualTo(342);
    }

    @Test
    void centerCropRoundsHalfToEvenLikeTorchvision() {
        // 5 wide, crop 2: (5 − 2)/2 = 1.5 → round half to even = 2.
        Tensor row = Tensor.of(new float[] {0, 1, 2, 3, 4}, 1, 1, 5);
        assertThat(Crop.center(row, 1, 2).data()).containsExactly(2f, 3f);
        // 7 wide, crop 2: 2.5 → 2.
        Tensor row7 = Tensor.of(new float[] {0, 1, 2, 3, 4, 5, 6}, 1, 1, 7);
        assertThat(Crop.center(row7, 1, 2).data()).containsExactly(2f, 3f);
        assertThatThrownBy(() -> Crop.center(row, 1, 6)).isInstanceOf(ShapeException.class)
                .hasMessageContaining("does not fit");
    }

    @Test
    void letterboxMapsBoxesBack() {
        // 640×480 into 320×320: r = 0.5, scaled 320×240, 40 rows of padding above and below.
        Letterbox lb = Letterbox.fit(640, 480, 320, 320, true);
        assertThat(lb).isEqualTo(new Letterbox(640, 480, 320, 320, 320, 240, 0, 40));
        assertThat(lb.toOriginalX(160)).isEqualTo(320.0);
        assertThat(lb.toOriginalY(40)).isEqualTo(0.0);
        assertThat(lb.toOriginalY(280)).isEqualTo(480.0);
        assertThat(lb.toLetterboxY(lb.toOriginalY(123.5))).isCloseTo(123.5, within(1e-9));
        // Odd remainder: 100×50 into 64×64 → 64×32, 32 rows → 16 above, 16 below; 100×51 → 64×33 (32.64),
        // 31 rows → round(15.4) = 15 above, 16 below.
        assertThat(Letterbox.fit(100, 51, 64, 64, true).padTop()).isEqualTo(15);
        // Without upscaling a small image sits in the middle at scale 1.
        assertThat(Letterbox.fit(10, 20, 64, 64, false)).isEqualTo(new Letterbox(10, 20, 64, 64, 10, 20, 27, 22));
    }

    @Test
    void letterboxPadsWithTheGivenValue() {
        Tensor img = Tensor.filled(dev.strix.api.Shape.of(3, 2, 4), 1f);
        Tensor out = Letterbox.fit(4, 2, 4, 4, true).apply(img, 0.5f);
        assertThat(out.shape().toArray()).containsExactly(3, 4, 4);
        assertThat(out.get(0, 0, 0)).isEqualTo(0.5f);
        assertThat(out.get(0, 1, 0)).isEqualTo(1f);
        assertThat(out.get(2, 2, 3)).isEqualTo(1f);
        assertThat(out.get(2, 3, 3)).isEqualTo(0.5f);
    }

    @Test
    void badArgumentsAreRejected() {
        assertThatThrownBy(() -> new Normalization(new float[] {0}, new float[] {0}))
                .isInstanceOf(ShapeException.class).hasMessageContaining("std");
        assertThatThrownBy(() -> Normalization.IMAGENET.apply(Tensor.zeros(1, 4, 4)))
                .isInstanceOf(ShapeException.class).hasMessageContaining("3 channels");
        assertThatThrownBy(() -> Resize.bilinear(Tensor.zeros(3, 4, 4), 0, 4, false))
                .isInstanceOf(ShapeException.class).hasMessageContaining("0×4");
        assertThatThrownBy(() -> new ImagenetPreprocess(200, 224, Normalization.IMAGENET, true))
                .isInstanceOf(ShapeException.class).hasMessageContaining("crop 224");
    }
}
