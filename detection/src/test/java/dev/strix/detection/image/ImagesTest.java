package dev.strix.detection.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImagesTest {
    @TempDir
    Path dir;

    /** A 40×30 image whose pixel (x, y) is (x·6, y·8, 100), so every pixel is checkable. */
    static BufferedImage gradient() {
        BufferedImage img = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 30; y++) {
            for (int x = 0; x < 40; x++) {
                img.setRGB(x, y, (x * 6) << 16 | (y * 8) << 8 | 100);
            }
        }
        return img;
    }

    private Path write(BufferedImage img, String format) throws IOException {
        Path f = dir.resolve("img." + format);
        assertThat(ImageIO.write(img, format, f.toFile())).isTrue();
        return f;
    }

    @ParameterizedTest
    @ValueSource(strings = {"png", "bmp"})
    void readsLosslessFormatsExactly(String format) throws IOException {
        BufferedImage back = Images.read(write(gradient(), format));
        assertThat(back.getWidth()).isEqualTo(40);
        assertThat(back.getHeight()).isEqualTo(30);
        assertThat(back.getRGB(7, 3) & 0xFFFFFF).isEqualTo(42 << 16 | 24 << 8 | 100);
        assertThat(back.getRGB(39, 29) & 0xFFFFFF).isEqualTo(234 << 16 | 232 << 8 | 100);
    }

    @Test
    void readsJpegApproximately() throws IOException {
        BufferedImage back = Images.read(write(gradient(), "jpg"));
        assertThat(back.getWidth()).isEqualTo(40);
        int p = back.getRGB(20, 15);
        // JPEG is lossy; a smooth gradient survives within a few levels per channel.
        assertThat((p >> 16) & 0xFF).isBetween(120 - 8, 120 + 8);
        assertThat((p >> 8) & 0xFF).isBetween(120 - 8, 120 + 8);
        assertThat(p & 0xFF).isBetween(100 - 8, 100 + 8);
    }

    @Test
    void missingFileIsNamed() {
        Path f = dir.resolve("nope.png");
        assertThatThrownBy(() -> Images.read(f)).isInstanceOf(ImageException.class)
                .hasMessageContaining(f.toString()).hasMessageContaining("no such image file");
    }

    @Test
    void directoryIsRejected() {
        assertThatThrownBy(() -> Images.read(dir)).isInstanceOf(ImageException.class)
                .hasMessageContaining(dir.toString()).hasMessageContaining("not a regular file");
    }

    @Test
    void emptyFileIsRejected() throws IOException {
        Path f = Files.createFile(dir.resolve("empty.jpg"));
        assertThatThrownBy(() -> Images.read(f)).isInstanceOf(ImageException.class)
                .hasMessageContaining(f.toString()).hasMessageContaining("empty (0 bytes)");
    }

    @Test
    void unknownFormatIsRejected() throws IOException {
        Path f = Files.writeString(dir.resolve("notes.png"), "this is text, not pixels");
        assertThatThrownBy(() -> Images.read(f)).isInstanceOf(ImageException.class)
                .hasMessageContaining(f.toString()).hasMessageContaining("format not recognised");
    }

    @ParameterizedTest
    @ValueSource(strings = {"png", "jpg", "bmp"})
    void truncatedFileIsRejected(String format) throws IOException {
        Path whole = write(noisy(), format);
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.write(dir.resolve("cut." + format), Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> Images.read(cut)).isInstanceOf(ImageException.class)
                .hasMessageContaining(cut.toString()).hasMessageContaining("corrupt or truncated");
    }

    @ParameterizedTest
    @ValueSource(strings = {"png", "jpg"})
    void corruptedBodyIsRejected(String format) throws IOException {
        Path whole = write(noisy(), format);
        byte[] bytes = Files.readAllBytes(whole);
        // Keep the header, scramble the compressed data.
        for (int i = bytes.length / 3; i < bytes.length - 16; i += 7) {
            bytes[i] = (byte) (bytes[i] * 31 + 17);
        }
        Path bad = Files.write(dir.resolve("bad." + format), bytes);
        assertThatThrownBy(() -> Images.read(bad)).isInstanceOf(ImageException.class)
                .hasMessageContaining(bad.toString()).hasMessageContaining("corrupt or truncated");
    }

    @Test
    void writesPngAtomicallyAndReadsItBack() {
        Path f = dir.resolve("out.png");
        Images.writePng(f, gradient());
        BufferedImage back = Images.read(f);
        assertThat(back.getRGB(7, 3) & 0xFFFFFF).isEqualTo(42 << 16 | 24 << 8 | 100);
        assertThat(dir.toFile().list()).containsExactly("out.png");
    }

    @Test
    void failedWriteLeavesNoFile() {
        Path f = dir.resolve("missing-dir").resolve("out.png");
        assertThatThrownBy(() -> Images.writePng(f, gradient())).isInstanceOf(ImageException.class)
                .hasMessageContaining(f.toString());
        assertThat(Files.exists(f)).isFalse();
    }

    private static BufferedImage noisy() {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(3);
        BufferedImage img = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 64; x++) {
                img.setRGB(x, y, rng.nextInt(1 << 24));
            }
        }
        return img;
    }
}
