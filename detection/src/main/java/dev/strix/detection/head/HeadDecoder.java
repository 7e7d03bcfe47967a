package dev.strix.detection.head;

import dev.strix.api.Tensor;
import dev.strix.detection.nms.Candidates;
import java.util.List;

/**
 * Turns a model's raw outputs into candidate boxes (before suppression). A decoder checks that the outputs have
 * the layout it decodes and fails with a {@link dev.strix.detection.DetectionException} naming the expected and
 * the actual shape otherwise, and rejects NaN or infinite values.
 */
public interface HeadDecoder {

    /** A short name for messages, such as {@code yolov5}. */
    String name();

    /**
     * The candidates scoring above {@code scoreThreshold}, boxes in pixels of a network input of
     * {@code inputWidth × inputHeight}.
     */
    Candidates decode(List<Tensor> outputs, int inputWidth, int inputHeight, double scoreThreshold);

    /** Decodes a single-output model. */
    default Candidates decode(Tensor output, int inputWidth, int inputHeight, double scoreThreshold) {
        return decode(List.of(output), inputWidth, inputHeight, scoreThreshold);
    }
}
