package dev.strix.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFilesTest {

    @Test
    void findsTheFilesTheExportScriptWrites(@TempDir Path root) throws IOException {
        Path dir = Files.createDirectories(root.resolve("resnet50"));
        for (String f : new String[] {"weights.safetensors", "model.onnx", "io-b8.safetensors"}) {
            Files.write(dir.resolve(f), new byte[] {1});
        }
        ModelFiles files = ModelFiles.under(root, "resnet50");
        assertThat(files.weights()).isEqualTo(dir.resolve("weights.safetensors"));
        assertThat(files.onnx()).isEqualTo(dir.resolve("model.onnx"));
        assertThat(files.io(8)).isEqualTo(dir.resolve("io-b8.safetensors"));
    }

    @Test
    void aMissingFileNamesItAndTheCommandThatWritesIt(@TempDir Path root) {
        ModelFiles files = ModelFiles.under(root, "vit_b_16");
        assertThatThrownBy(() -> files.io(8)).isInstanceOf(BenchmarkException.class)
                .hasMessageContaining(root.resolve("vit_b_16").resolve("io-b8.safetensors").toString())
                .hasMessageContaining("/usr/bin/python3 tools/onnx/export.py --model vit_b_16 --batches 8 --out "
                        + root.resolve("vit_b_16"));
        assertThatThrownBy(files::onnx).hasMessageContaining("model.onnx");
    }
}
