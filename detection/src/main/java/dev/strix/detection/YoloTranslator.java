package dev.strix.detection;

import dev.strix.api.Shape;
import dev.strix.api.Tensor;
import dev.strix.detection.head.BoxMapping;
import dev.strix.detection.head.HeadDecoder;
import dev.strix.detection.image.ImageTensors;
import dev.strix.detection.image.Letterbox;
import dev.strix.detection.image.Normalization;
import dev.strix.detection.nms.Candidates;
import dev.strix.detection.nms.Nms;
import dev.strix.detection.nms.NmsOptions;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Objects;

/**
 * The pre- and post-processing around a model with a detection head, separate from the network (DJL's
 * Translator): an image is letterboxed into the model's input and normalised; the raw outputs are decoded, mapped
 * back to the image, and suppressed. Usable on its own with outputs obtained elsewhere — hand
 * {@link #process} a YOLOv5 [1, 25200, 85] or YOLOv8 [1, 84, 8400] tensor and the letterbox it was made with.
 */
public final class YoloTranslator {
    private final HeadDecoder decoder;
    private final int inputWidth;
    private final int inputHeight;
    private final Normalization normalization;
    private final NmsOptions nms;
    private final ClassNames names;

    /** An image prepared for the model: its input tensor and the letterbox that maps boxes back. */
    public record Prepared(Tensor input, Letterbox letterbox) {}

    public YoloTranslator(HeadDecoder decoder, int inputWidth, int inputHeight, Normalization normalization,
            NmsOptions nms, ClassNames names) {
        this.decoder = Objects.requireNonNull(decoder, "decoder");
        this.inputWidth = Checks.positive("input width", inputWidth);
        this.inputHeight = Checks.positive("input height", inputHeight);
        this.normalization = Objects.requireNonNull(normalization, "normalization");
        this.nms = Objects.requireNonNull(nms, "nms");
        this.names = Objects.requireNonNull(names, "names");
    }

    /** {@code image} letterboxed (YOLOv5's grey padding) into a normalised [1, 3, H, W] input. */
    public Prepared prepare(BufferedImage image) {
        Letterbox lb = Letterbox.fit(image.getWidth(), image.getHeight(), inputWidth, inputHeight, true);
        Tensor boxed = lb.apply(ImageTensors.chw(image), Letterbox.YOLO_GREY);
        Tensor input = normalization.apply(boxed).reshape(Shape.of(1, 3, inputHeight, inputWidth));
        return new Prepared(input, lb);
    }

    /** Detections in the original image from the model's raw {@code outputs}. */
    public List<Detection> process(List<Tensor> outputs, Letterbox letterbox) {
        Candidates onInput = decoder.decode(outputs, inputWidth, inputHeight, nms.scoreThreshold());
        Candidates onImage = BoxMapping.fromLetterbox(onInput, letterbox);
        return Detections.of(onImage, Nms.suppress(onImage, nms), names, letterbox.sourceWidth(),
                letterbox.sourceHeight());
    }

    /** Detections from a single raw output tensor. */
    public List<Detection> process(Tensor output, Letterbox letterbox) {
        return process(List.of(output), letterbox);
    }

    /**
     * Fails with a {@link DetectionException} naming the decoder and the shapes when outputs of
     * {@code outputShapes} cannot be decoded by this translator's head.
     */
    void checkOutputs(List<Shape> outputShapes) {
        List<Tensor> zeros = outputShapes.stream().map(Tensor::zeros).toList();
        try {
            decoder.decode(zeros, inputWidth, inputHeight, 1.0);
        } catch (DetectionException e) {
            throw new DetectionException("the model's outputs " + outputShapes + " are not a " + decoder.name()
                    + " head: " + e.getMessage(), e);
        }
    }
}
