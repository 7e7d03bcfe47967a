package dev.strix.opencl.builtin.math;

import dev.strix.api.Shape;
import dev.strix.api.ShapeException;

/**
 * An output shape of up to six dimensions and the strides an operand is read with to broadcast into it (0 along
 * a broadcast dimension), both padded on the left to six entries as {@code math/binary.cl} takes them.
 */
public record Broadcast6(int[] dims, int[] strides) {
    public static final int RANK = 6;

    /** How {@code operand} is read to fill {@code out} (NumPy rules: right-aligned, size 1 broadcasts). */
    public static Broadcast6 of(Shape operand, Shape out) {
        if (out.rank() > RANK) {
            throw new ShapeException("broadcasting supports rank up to " + RANK + ", got " + out);
        }
        int[] dims = new int[RANK];
        int[] strides = new int[RANK];
        java.util.Arrays.fill(dims, 1);
        int stride = 1;
        for (int i = 1; i <= out.rank(); i++) {
            int k = RANK - i;
            dims[k] = out.dim(out.rank() - i);
            int oi = operand.rank() - i;
            if (oi >= 0 && operand.dim(oi) != 1) {
                strides[k] = stride;
            }
            if (oi >= 0) {
                stride *= operand.dim(oi);
            }
        }
        return new Broadcast6(dims, strides);
    }
}
