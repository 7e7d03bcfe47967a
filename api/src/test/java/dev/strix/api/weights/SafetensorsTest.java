package dev.strix.api.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strix.api.IntTensor;
import dev.strix.api.Shape;
import dev.strix.api.Tensor;
import dev.strix.api.WeightsException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafetensorsTest {
    @TempDir
    Path dir;

    @Test
    void roundTripsFloatsIntegersAndMetadata() {
        Map<String, Tensor> f = new LinkedHashMap<>();
        f.put("conv.weight", Tensor.of(new float[] {1, -2.5f, 3, 4e-7f, 5, 6}, 2, 3));
        f.put("conv.bias", Tensor.of(new float[] {0.5f}, 1));
        Map<String, IntTensor> i = Map.of("idx", new IntTensor(Shape.of(2, 2), new long[] {0, 1, -3, 1L << 40}));
        Path file = dir.resolve("w.safetensors");
        Weights.of(f, i, Map.of("format", "pt"), "memory").write(file);

        Weights back = Weights.read(file);
        assertThat(back.names()).containsExactly("conv.weight", "conv.bias", "idx");
        assertThat(back.get("conv.weight").shape()).isEqualTo(Shape.of(2, 3));
        assertThat(back.get("conv.weight").data()).containsExactly(1, -2.5f, 3, 4e-7f, 5, 6);
        assertThat(back.integers().get("idx").data()).containsExactly(0, 1, -3, 1L << 40);
        assertThat(back.metadata()).containsEntry("format", "pt");
        assertThat(back.source()).isEqualTo(file.toString());
    }

    @Test
    void decodesHalfBfloatDoubleAndNarrowIntegers() throws IOException {
        ByteBuffer data = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        data.putShort((short) 0x3C00).putShort((short) 0xC000).putShort((short) 0x0001).putShort((short) 0x7C00);
        data.putShort((short) 0x3F80).putShort((short) 0xC040); // bf16 1.0, -3.0
        data.putDouble(0.25);
        data.putInt(-7).putInt(9);
        data.put((byte) 200).put((byte) 1);
        int used = data.position();
        String header = "{\"h\":{\"dtype\":\"F16\",\"shape\":[4],\"data_offsets\":[0,8]},"
                + "\"b\":{\"dtype\":\"BF16\",\"shape\":[2],\"data_offsets\":[8,12]},"
                + "\"d\":{\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[12,20]},"
                + "\"i\":{\"dtype\":\"I32\",\"shape\":[2],\"data_offsets\":[20,28]},"
                + "\"u\":{\"dtype\":\"U8\",\"shape\":[2],\"data_offsets\":[28,30]}}";
        Path file = write(header, Arrays.copyOf(data.array(), used));

        Weights w = Weights.read(file);
        assertThat(w.get("h").data()).containsExactly(1f, -2f, 0x1p-24f, Float.POSITIVE_INFINITY);
        assertThat(w.get("b").data()).containsExactly(1f, -3f);
        assertThat(w.get("d").data()).containsExactly(0.25f);
        assertThat(w.integers().get("i").data()).containsExactly(-7, 9);
        assertThat(w.integers().get("u").data()).containsExactly(200, 1);
    }

    @Test
    void truncatedFilesNameTheTensorThatLiesOutside() throws IOException {
        String header = "{\"a\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[0,16]}}";
        Path file = write(header, new byte[8]);
        assertThatThrownBy(() -> Weights.read(file)).isInstanceOf(WeightsException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("tensor 'a'")
                .hasMessageContaining("outside the data section");
    }

    @Test
    void offsetsThatDisagreeWithTheShapeAreRejected() throws IOException {
        String header = "{\"a\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,16]}}";
        Path file = write(header, new byte[16]);
        assertThatThrownBy(() -> Weights.read(file)).hasMessageContaining("tensor 'a'")
                .hasMessageContaining("span 16 bytes but F32 [3] needs 12");
    }

    @Test
    void unsupportedDtypesAndBadHeadersFailClearly() throws IOException {
        Path c64 = write("{\"z\":{\"dtype\":\"C64\",\"shape\":[1],\"data_offsets\":[0,8]}}", new byte[8]);
        assertThatThrownBy(() -> Weights.read(c64)).hasMessageContaining("tensor 'z'")
                .hasMessageContaining("unsupported dtype 'C64'");
        Path notJson = write("{not json", new byte[0]);
        assertThatThrownBy(() -> Weights.read(notJson)).hasMessageContaining("not valid JSON");
        Path tiny = dir.resolve("tiny.safetensors");
        Files.write(tiny, new byte[] {1, 2, 3});
        assertThatThrownBy(() -> Weights.read(tiny)).hasMessageContaining("not a safetensors file");
        Path huge = dir.resolve("huge.safetensors");
        Files.write(huge, ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(1L << 40).array());
        assertThatThrownBy(() -> Weights.read(huge)).hasMessageContaining("header length");
        assertThatThrownBy(() -> Weights.read(dir.resolve("absent.safetensors"))).hasMessageContaining("no such file");
    }

    private Path write(String header, byte[] data) throws IOException {
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + h.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(h.length).put(h).put(data);
        Path file = Files.createTempFile(dir, "t", ".safetensors");
        Files.write(file, b.array());
        return file;
    }
}
