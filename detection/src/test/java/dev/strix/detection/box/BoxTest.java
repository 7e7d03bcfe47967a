package dev.strix.detection.box;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.strix.api.Tensor;
import dev.strix.api.weights.Weights;
import dev.strix.detection.DetectionException;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

class BoxTest {

    @Test
    void formatsConvertBothWays() {
        Box b = Box.xyxy(2, 3, 6, 8);
        assertThat(Box.xywh(2, 3, 4, 5)).isEqualTo(b);
        assertThat(Box.cxcywh(4, 5.5, 4, 5)).isEqualTo(b);
        assertThat(b.to(BoxFormat.XYWH)).containsExactly(2, 3, 4, 5);
        assertThat(b.to(BoxFormat.CXCYWH)).containsExactly(4, 5.5, 4, 5);
        assertThat(BoxFormat.CXCYWH.box(4, 5.5, 4, 5)).isEqualTo(b);
        Tensor t = BoxFormat.XYWH.convert(Tensor.of(new float[] {2, 3, 4, 5, 0, 0, 1, 1}, 2, 4), BoxFormat.CXCYWH);
        assertThat(t.data()).containsExactly(4, 5.5f, 4, 5, 0.5f, 0.5f, 1, 1);
        assertThat(b.area()).isEqualTo(20.0);
    }

    @Test
    void clipScaleTranslate() {
        assertThat(Box.xyxy(-5, 2, 700, 300).clip(640, 480)).isEqualTo(Box.xyxy(0, 2, 640, 300));
        assertThat(Box.xyxy(1, 2, 3, 4).scale(2, 0.5)).isEqualTo(Box.xyxy(2, 1, 6, 2));
        assertThat(Box.xyxy(1, 2, 3, 4).translate(-1, 1)).isEqualTo(Box.xyxy(0, 3, 2, 5));
        assertThatThrownBy(() -> Box.xyxy(1, 2, 3, 4).scale(0, 1)).isInstanceOf(DetectionException.class)
                .hasMessageContaining("positive");
    }

    @Test
    void overlapsWorkedByHand() {
        Box a = Box.xyxy(0, 0, 10, 10);
        Box b = Box.xyxy(5, 5, 15, 15);
        // intersection 5×5 = 25, union 100 + 100 − 25 = 175; enclosing 15×15 = 225.
        assertThat(a.iou(b)).isCloseTo(25.0 / 175, within(1e-12));
        assertThat(a.giou(b)).isCloseTo(25.0 / 175 - 50.0 / 225, within(1e-12));
        // centres (5,5) and (10,10): ρ² = 50; enclosing diagonal² = 15² + 15² = 450.
        assertThat(a.diou(b)).isCloseTo(25.0 / 175 - 50.0 / 450, within(1e-12));
        // Disjoint: IoU 0, GIoU −(3 − 2)/3, DIoU −(2²)/(3² + 1²).
        Box c = Box.xyxy(0, 0, 1, 1);
        Box d = Box.xyxy(2, 0, 3, 1);
        assertThat(c.iou(d)).isZero();
        assertThat(c.giou(d)).isCloseTo(-1.0 / 3, within(1e-12));
        assertThat(c.diou(d)).isCloseTo(-0.4, within(1e-12));
        assertThat(a.iou(a)).isEqualTo(1.0);
        // Two empty boxes: no union, IoU defined as 0 rather than NaN.
        assertThat(Box.xyxy(1, 1, 1, 1).iou(Box.xyxy(1, 1, 1, 1))).isZero();
    }

    @Test
    void overlapsMatchTorchvision() throws Exception {
        Weights g = Weights.read(Paths.get(getClass().getResource("/golden/nms.safetensors").toURI()));
        float[] boxes = g.get("boxes").data();
        Tensor iou = g.get("iou_20");
        Tensor giou = g.get("giou_20");
        Tensor diou = g.get("diou_20");
        for (int i = 0; i < 20; i++) {
            Box a = Box.xyxy(boxes[4 * i], boxes[4 * i + 1], boxes[4 * i + 2], boxes[4 * i + 3]);
            for (int j = 0; j < 20; j++) {
                Box b = Box.xyxy(boxes[4 * j], boxes[4 * j + 1], boxes[4 * j + 2], boxes[4 * j + 3]);
                // torchvision computes in float32: 1e-5 absolute covers its rounding.
                assertThat(a.iou(b)).isCloseTo(iou.get(i, j), within(1e-5));
                assertThat(a.giou(b)).isCloseTo(giou.get(i, j), within(1e-5));
                assertThat(a.diou(b)).isCloseTo(diou.get(i, j), within(1e-5));
                assertThat(Overlap.iou(boxes, i, j)).isEqualTo(a.iou(b));
            }
        }
    }

    @Test
    void invalidBoxesAreRejected() {
        assertThatThrownBy(() -> Box.xyxy(0, Double.NaN, 1, 1)).isInstanceOf(DetectionException.class)
                .hasMessageContaining("non-finite");
        assertThatThrownBy(() -> Box.xyxy(0, 0, Double.POSITIVE_INFINITY, 1)).isInstanceOf(DetectionException.class)
                .hasMessageContaining("non-finite");
        assertThatThrownBy(() -> Box.xyxy(3, 0, 1, 1)).isInstanceOf(DetectionException.class)
                .hasMessageContaining("x2 < x1");
    }
}
