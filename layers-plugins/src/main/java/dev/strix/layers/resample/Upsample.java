package dev.strix.layers.resample;

import dev.strix.api.Attributes;
import dev.strix.api.Parallel;
import dev.strix.api.Shape;
import dev.strix.api.ShapeException;
import dev.strix.api.Tensor;
import dev.strix.api.spi.LayerCall;
import dev.strix.api.spi.LayerExample;
import dev.strix.api.spi.LayerType;
import dev.strix.layers.LayerChecks;
import java.util.Arrays;
import java.util.List;

/**
 * {@code upsample}: resizes the spatial dims of x [N,C,H,W] as torch.nn.functional.interpolate does (PyTorch 1.13),
 * to {@code size} or to floor(H·scale_factor) × floor(W·scale_factor).
 * <ul>
 *   <li>{@code nearest}: source index min(floor(dst·scale), in − 1) in float, scale = 1/scale_factor when a factor
 *       is given, else in/out; PyTorch copies straight through when out = in and takes dst/2 when out = 2·in.</li>
 *   <li>{@code bilinear}: with align_corners, src = dst·(in − 1)/(out − 1); without, src = max(0, (dst + ½)·scale − ½);
 *       then linear interpolation between floor(src) and the next index, clamped to the edge.</li>
 * </ul>
 */
public final class Upsample implements LayerType {
    public static final String NAME = "upsample";

    /** How one spatial dim is sampled: for each output index, two source indices and the second one's weight. */
    private record Axis(int[] lo, int[] hi, float[] frac) {}

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "nearest or bilinear resize by scale_factor or to size (align_corners false/true)";
    }

    @Override
    public List<Shape> inferShapes(List<Shape> inputs, Attributes a) {
        Shape x = LayerChecks.single(inputs, 4, "[N,C,H,W]");
        String mode = LayerChecks.oneOf(a, "mode", "nearest", "nearest", "bilinear");
        if (a.has("align_corners") && a.getBoolean("align_corners") && mode.equals("nearest")) {
            throw new ShapeException("attribute 'align_corners' = true applies only to mode \"bilinear\", "
                    + "not \"nearest\"");
        }
        int[] size = outputSize(x, a);
        return List.of(Shape.of(x.dim(0), x.dim(1), size[0], size[1]));
    }

    @Override
    public List<Tensor> forward(LayerCall call) {
        Attributes a = call.attributes();
        Tensor x = call.input(0);
        Tensor y = call.newOutput(0);
        int h = x.shape().dim(2);
        int w = x.shape().dim(3);
        int ho = y.shape().dim(2);
        int wo = y.shape().dim(3);
        double[] factors = a.has("scale_factor") ? factors(a) : null;
        boolean nearest = a.getString("mode", "nearest").equals("nearest");
        boolean corners = a.getBoolean("align_corners", false);
        Axis rows = nearest ? nearest(h, ho, factors, 0) : linear(h, ho, factors, 0, corners);
        Axis cols = nearest ? nearest(w, wo, factors, 1) : linear(w, wo, factors, 1, corners);
        float[] in = x.data();
        Parallel.forRange(x.shape().dim(0) * x.shape().dim(1), plane -> {
            int src = plane * h * w;
            int dst = plane * ho * wo;
            for (int i = 0; i < ho; i++) {
                float fr = rows.frac()[i];
                int r0 = src + rows.lo()[i] * w;
                int r1 = src + rows.hi()[i] * w;
                for (int j = 0; j < wo; j++) {
                    float fc = cols.frac()[j];
                    int c0 = cols.lo()[j];
                    int c1 = cols.hi()[j];
                    double top = (1 - fc) * in[r0 + c0] + fc * in[r0 + c1];
                    double bottom = (1 - fc) * in[r1 + c0] + fc * in[r1 + c1];
                    y.data()[dst + i * wo + j] = (float) ((1 - fr) * top + fr * bottom);
                }
            }
        });
        return List.of(y);
    }

    @Override
    public List<LayerExample> examples() {
        return List.of(
                LayerExample.of("nearest x2", Attributes.builder().put("scale_factor", 2.0).build(),
                        Shape.of(2, 3, 4, 5)),
                LayerExample.of("nearest to size", Attributes.builder().put("size", 7, 3).build(),
                        Shape.of(1, 2, 3, 4)),
                LayerExample.of("bilinear x1.5, 2.5", Attributes.builder().put("mode", "bilinear")
                        .put("scale_factor", 1.5, 2.5).build(), Shape.of(1, 2, 5, 3)),
                LayerExample.of("bilinear align_corners to size", Attributes.builder().put("mode", "bilinear")
                        .put("align_corners", true).put("size", 9, 4).build(), Shape.of(2, 1, 4, 6)));
    }

    private static int[] outputSize(Shape x, Attributes a) {
        if (a.has("size") == a.has("scale_factor")) {
            throw new ShapeException("exactly one of attributes 'size' and 'scale_factor' must be given, got "
                    + (a.has("size") ? "both" : "neither"));
        }
        if (a.has("size")) {
            return LayerChecks.positive("size", a.getInts("size", 2, 0));
        }
        double[] f = factors(a);
        int[] size = new int[2];
        for (int i = 0; i < 2; i++) {
            size[i] = (int) Math.floor(x.dim(2 + i) * f[i]);
            if (!(f[i] > 0) || size[i] < 1) {
                throw new ShapeException("attribute 'scale_factor' = " + Arrays.toString(f) + " gives output size "
                        + size[0] + "x" + size[1] + " for input x " + x);
            }
        }
        return size;
    }

    private static double[] factors(Attributes a) {
        // An int factor (scale_factor = 2) is read as the double it stands for.
        double[] f = a.raw("scale_factor") instanceof Integer i ? new double[] {i} : a.getDoubles("scale_factor");
        if (f.length == 1) {
            return new double[] {f[0], f[0]};
        }
        if (f.length != 2) {
            throw new ShapeException("attribute 'scale_factor' = " + Arrays.toString(f) + " needs 1 or 2 values");
        }
        return f;
    }

    /** PyTorch's scale for one dim: 1/scale_factor when a factor was given, else in/out, computed in float. */
    private static float scale(int in, int out, double[] factors, int dim) {
        return factors != null ? (float) (1.0 / factors[dim]) : (float) in / out;
    }

    private static Axis nearest(int in, int out, double[] factors, int dim) {
        int[] idx = new int[out];
        float scale = scale(in, out, factors, dim);
        for (int i = 0; i < out; i++) {
            if (out == in) {
                idx[i] = i;
            } else if (out == 2 * in) {
                idx[i] = i >> 1;
            } else {
                idx[i] = Math.min((int) Math.floor((float) i * scale), in - 1);
            }
        }
        return new Axis(idx, idx, new float[out]);
    }

    private static Axis linear(int in, int out, double[] factors, int dim, boolean alignCorners) {
        int[] lo = new int[out];
        int[] hi = new int[out];
        float[] frac = new float[out];
        float scale = alignCorners ? (out > 1 ? (float) (in - 1) / (out - 1) : 0f) : scale(in, out, factors, dim);
        for (int i = 0; i < out; i++) {
            float src = alignCorners ? scale * i : Math.max(scale * (i + 0.5f) - 0.5f, 0f);
            lo[i] = Math.min((int) src, in - 1);
            hi[i] = Math.min(lo[i] + 1, in - 1);
            frac[i] = Math.min(Math.max(src - lo[i], 0f), 1f);
        }
        return new Axis(lo, hi, frac);
    }
}
