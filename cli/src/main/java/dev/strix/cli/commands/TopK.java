package dev.strix.cli.commands;

import dev.strix.api.Tensor;
import dev.strix.cli.output.Table;
import dev.strix.cli.output.Units;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.stream.IntStream;

/** The K highest scores of each row of a [N, classes] output, with the softmax probability of each. */
final class TopK {
    private TopK() {}

    static void print(PrintWriter out, Tensor scores, int k) {
        int n = scores.shape().dim(0);
        int classes = scores.shape().dim(1);
        Table t = new Table().right("IMAGE").right("RANK").right("CLASS").right("SCORE").right("PROBABILITY");
        for (int i = 0; i < n; i++) {
            double[] p = softmax(scores.data(), i * classes, classes);
            int row = i;
            int[] best = IntStream.range(0, classes).boxed()
                    .sorted(Comparator.comparingDouble((Integer c) -> -scores.data()[row * classes + c])
                            .thenComparingInt(c -> c))
                    .limit(k).mapToInt(Integer::intValue).toArray();
            for (int r = 0; r < best.length; r++) {
                t.row(i, r + 1, best[r], Units.fixed(scores.data()[i * classes + best[r]], 4),
                        Units.fixed(p[best[r]], 4));
            }
        }
        t.print(out);
    }

    /** Softmax of {@code length} values from {@code offset}, shifted by the maximum so exp cannot overflow. */
    static double[] softmax(float[] v, int offset, int length) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < length; c++) {
            max = Math.max(max, v[offset + c]);
        }
        double[] p = new double[length];
        double sum = 0;
        for (int c = 0; c < length; c++) {
            p[c] = Math.exp(v[offset + c] - max);
            sum += p[c];
        }
        for (int c = 0; c < length; c++) {
            p[c] /= sum;
        }
        return p;
    }
}
