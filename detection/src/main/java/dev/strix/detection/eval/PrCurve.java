package dev.strix.detection.eval;

/**
 * Precision and recall after each prediction of one class, predictions taken from the highest score down
 * (ignored predictions left out).
 *
 * @param scores the prediction's score at each rank
 * @param precision true positives so far / predictions so far
 * @param recall true positives so far / {@code groundTruths}
 * @param groundTruths objects of this class that count (difficult ones do not); recall is 0 when there are none
 */
public record PrCurve(double[] scores, double[] precision, double[] recall, int groundTruths) {
    public int size() {
        return scores.length;
    }
}
