package dev.strix.detection.head;

import dev.strix.api.Shape;
import dev.strix.api.Tensor;
import dev.strix.detection.Checks;
import dev.strix.detection.DetectionException;
import java.util.List;

/** Checks shared by decoders on the outputs they are given. */
final class Outputs {
    private Outputs() {}

    /** The only output, checked to be finite; fails if there is not exactly one. */
    static Tensor single(String decoder, List<Tensor> outputs) {
        if (outputs.size() != 1) {
            throw new DetectionException(decoder + " decodes one output, got " + outputs.size());
        }
        return finite(decoder, outputs.get(0));
    }

    static Tensor finite(String decoder, Tensor t) {
        Checks.finite(decoder + " output " + t.shape(), t.data());
        return t;
    }

    /** A rank-3 shape with batch 1, or a failure naming the layout the decoder expects. */
    static Shape batchOfOne(String decoder, Tensor t, String expected) {
        Shape s = t.shape();
        if (s.rank() != 3 || s.dim(0) != 1) {
            throw new DetectionException(decoder + " expects an output " + expected + ", got " + s);
        }
        return s;
    }

    /** Fails when a decoded width or height is negative, naming the decoder and the place. */
    static void nonNegativeSize(String decoder, String where, double w, double h) {
        if (w < 0 || h < 0) {
            throw new DetectionException(decoder + " output " + where + " has a negative box size (w " + w + ", h "
                    + h + "); this is not a " + decoder + " head");
        }
    }
}
