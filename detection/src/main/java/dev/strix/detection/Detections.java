package dev.strix.detection;

import dev.strix.detection.nms.Candidates;
import dev.strix.detection.nms.NmsResult;
import java.util.ArrayList;
import java.util.List;

/** Turns what suppression kept into the public {@link Detection} list. */
public final class Detections {
    private Detections() {}

    /**
     * The kept candidates (boxes already in image pixels) as detections, in the result's order (highest score
     * first), as an immutable list.
     */
    public static List<Detection> of(Candidates candidates, NmsResult kept, ClassNames names, int imageWidth,
            int imageHeight) {
        List<Detection> out = new ArrayList<>(kept.size());
        for (int k = 0; k < kept.size(); k++) {
            int i = kept.indices()[k];
            int c = candidates.classOf(i);
            out.add(Detection.of(names.of(c), c, kept.scores()[k], candidates.box(i), imageWidth, imageHeight));
        }
        return List.copyOf(out);
    }
}
