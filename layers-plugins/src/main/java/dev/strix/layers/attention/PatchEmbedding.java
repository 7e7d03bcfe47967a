package dev.strix.layers.attention;

import dev.strix.api.Attributes;
import dev.strix.api.Parallel;
import dev.strix.api.Shape;
import dev.strix.api.ShapeException;
import dev.strix.api.Tensor;
import dev.strix.api.spi.Init;
import dev.strix.api.spi.LayerCall;
import dev.strix.api.spi.LayerExample;
import dev.strix.api.spi.LayerType;
import dev.strix.api.spi.ParamSpec;
import dev.strix.layers.LayerChecks;
import java.util.List;

/**
 * {@code patch_embedding}: ViT's patchify stem. A p×p convolution with stride p maps x [N,C,H,W] to [N,E,H/p,W/p],
 * which is flattened and transposed to tokens [N,(H/p)·(W/p),E] in row-major patch order — torchvision's
 * {@code conv_proj} followed by {@code reshape} and {@code permute(0, 2, 1)}.
 */
public final class PatchEmbedding implements LayerType {
    public static final String NAME = "patch_embedding";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "non-overlapping p×p patch projection to tokens [N,L,E] (ViT)";
    }

    @Override
    public List<Shape> inferShapes(List<Shape> inputs, Attributes a) {
        Shape x = LayerChecks.single(inputs, 4, "[N,C,H,W]");
        int e = LayerChecks.positive(a, "embed_dim");
        int p = LayerChecks.positive(a, "patch_size");
        for (int axis = 2; axis < 4; axis++) {
            if (x.dim(axis) % p != 0) {
                throw new ShapeException("attribute 'patch_size' = " + p + " does not divide the input "
                        + (axis == 2 ? "height " : "width ") + x.dim(axis) + " of x " + x);
            }
        }
        return List.of(Shape.of(x.dim(0), (x.dim(2) / p) * (x.dim(3) / p), e));
    }

    @Override
    public List<ParamSpec> parameters(List<Shape> inputs, Attributes a) {
        int c = inputs.get(0).dim(1);
        int e = a.getInt("embed_dim");
        int p = a.getInt("patch_size");
        // torchvision's ViT draws conv_proj from a truncated normal with std √(1/fan_in) and zeroes the bias.
        return List.of(
                ParamSpec.weight("weight", Shape.of(e, c, p, p), Init.truncatedNormal(Math.sqrt(1.0 / (c * p * p)))),
                ParamSpec.weight("bias", Shape.of(e), Init.zeros()));
    }

    /** N·L·E·C·p². */
    @Override
    public long macs(List<Shape> inputs, List<Shape> outputs, Attributes a) {
        int p = a.getInt("patch_size");
        return outputs.get(0).size() * inputs.get(0).dim(1) * p * p;
    }

    /**
     * Gathers every patch as a row in the weight's (c, i, j) order, so that the convolution is one projection by the
     * weight viewed as [E, C·p·p].
     */
    @Override
    public List<Tensor> forward(LayerCall call) {
        Tensor x = call.input(0);
        int c = x.shape().dim(1);
        int h = x.shape().dim(2);
        int w = x.shape().dim(3);
        int p = call.attributes().getInt("patch_size");
        Shape outShape = call.outputShapes().get(0);
        int patches = outShape.dim(1);
        int patchesW = w / p;
        int row = c * p * p;
        float[] in = x.data();
        float[] rows = new float[x.shape().dim(0) * patches * row];
        Parallel.forRange(x.shape().dim(0) * patches, token -> {
            int n = token / patches;
            int top = (token % patches) / patchesW * p;
            int left = (token % patches) % patchesW * p;
            for (int ci = 0; ci < c; ci++) {
                for (int i = 0; i < p; i++) {
                    System.arraycopy(in, ((n * c + ci) * h + top + i) * w + left, rows, token * row + (ci * p + i) * p,
                            p);
                }
            }
        });
        float[] y = Projection.apply(rows, x.shape().dim(0) * patches, row, call.param("weight").data(), 0,
                outShape.dim(2), call.param("bias").data(), 0);
        return List.of(Tensor.of(outShape, y));
    }

    @Override
    public List<LayerExample> examples() {
        return List.of(
                LayerExample.of("4x4 patches", Attributes.builder().put("embed_dim", 8).put("patch_size", 4).build(),
                        Shape.of(2, 3, 8, 12)),
                LayerExample.of("1x1 patches", Attributes.builder().put("embed_dim", 5).put("patch_size", 1).build(),
                        Shape.of(1, 2, 3, 3)));
    }
}
