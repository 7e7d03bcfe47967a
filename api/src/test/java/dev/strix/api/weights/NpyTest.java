package dev.strix.api.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strix.api.Shape;
import dev.strix.api.Tensor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyTest {
    @TempDir
    Path dir;

    @Test
    void roundTripsFloat32Arrays() throws IOException {
        Path f = dir.resolve("x.npy");
        Npy.write(f, Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 1, 2, 3));
        Tensor t = Npy.read(f);
        assertThat(t.shape()).isEqualTo(Shape.of(1, 2, 3));
        assertThat(t.data()).containsExactly(1, 2, 3, 4, 5, 6);
        String header = new String(Files.readAllBytes(f), 10, 60, StandardCharsets.ISO_8859_1);
        assertThat(header).contains("'descr': '<f4'").contains("'shape': (1, 2, 3)");
        assertThat((Files.size(f) - 6 * Float.BYTES) % 64).as("header padded to 64 bytes").isZero();

        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(f)))
                .as("written files are readable by others, like any output").isEqualTo("rw-r--r--");
        Npy.write(f, Tensor.of(new float[] {7, 8}, 2));
        assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).contains("'shape': (2,)");
    }

    @Test
    void wrongDtypeAndWrongLengthAreRejected() throws IOException {
        Path f = dir.resolve("d.npy");
        Npy.write(f, Tensor.of(new float[] {1, 2}, 2));
        byte[] b = Files.readAllBytes(f);
        String s = new String(b, StandardCharsets.ISO_8859_1).replace("<f4", "<f8");
        Files.write(f, s.getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> Npy.read(f)).hasMessageContaining("'<f8' is not float32");

        Path g = dir.resolve("short.npy");
        Npy.write(g, Tensor.of(new float[] {1, 2}, 2));
        byte[] full = Files.readAllBytes(g);
        Files.write(g, java.util.Arrays.copyOf(full, full.length - 4));
        assertThatThrownBy(() -> Npy.read(g)).hasMessageContaining("needs 8 data bytes but the file has 4");
    }
}
