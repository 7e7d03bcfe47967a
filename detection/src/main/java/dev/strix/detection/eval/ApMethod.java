package dev.strix.detection.eval;

/** How a precision/recall curve is summarised into one average precision. */
public enum ApMethod {
    /**
     * PASCAL VOC 2007: the mean over recall r = 0, 0.1, …, 1 of the best precision at recall ≥ r (0 where no
     * rank reaches r).
     */
    VOC_11_POINT {
        @Override
        public double of(PrCurve c) {
            return sampled(c, 11);
        }
    },
    /**
     * PASCAL VOC 2010 onwards: the area under the curve after making precision non-increasing in recall
     * (each precision replaced by the best precision at any higher recall).
     */
    ALL_POINT {
        @Override
        public double of(PrCurve c) {
            double[] p = envelope(c.precision());
            double[] r = c.recall();
            double ap = 0;
            double previousRecall = 0;
            for (int i = 0; i < r.length; i++) {
                ap += (r[i] - previousRecall) * p[i];
                previousRecall = r[i];
            }
            return ap;
        }
    },
    /**
     * COCO: the mean over recall r = 0, 0.01, …, 1 of the envelope's precision at the first rank whose recall is
     * at least r (0 where none is).
     */
    COCO_101_POINT {
        @Override
        public double of(PrCurve c) {
            return sampled(c, 101);
        }
    };

    /** The average precision of {@code curve}; 0 for a curve without predictions. */
    public abstract double of(PrCurve curve);

    /** Precision made non-increasing: each value replaced by the maximum at its rank or after. */
    static double[] envelope(double[] precision) {
        double[] p = precision.clone();
        for (int i = p.length - 2; i >= 0; i--) {
            p[i] = Math.max(p[i], p[i + 1]);
        }
        return p;
    }

    /**
     * Mean envelope precision at {@code points} evenly spaced recalls from 0 to 1. The envelope's value at the
     * first rank reaching r is also the best precision at any rank reaching r, so this one formula serves both
     * VOC 2007 and COCO.
     */
    private static double sampled(PrCurve c, int points) {
        double[] p = envelope(c.precision());
        double[] r = c.recall();
        double sum = 0;
        int rank = 0;
        for (int k = 0; k < points; k++) {
            double at = k * (1.0 / (points - 1)); // as numpy's arange / linspace compute it
            while (rank < r.length && r[rank] < at) {
                rank++;
            }
            if (rank < r.length) {
                sum += p[rank];
            }
        }
        return sum / points;
    }
}
