package dev.strix.layers.resample;

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
import dev.strix.layers.attention.Require;
import java.util.Arrays;
import java.util.List;

/**
 * {@code conv_transpose2d}: the transposed (fractionally strided) convolution FCNs learn upsampling with, as
 * nn.ConvTranspose2d. Every input pixel scatters its value times the kernel into the output at stride spacing;
 * {@code padding} crops that many rows and columns from each side and {@code output_padding} adds rows and columns at
 * the bottom and right: Ho = (H − 1)·stride − 2·padding + dilation·(k − 1) + output_padding + 1.
 * Weight [C, out/groups, kh, kw], bias [out].
 */
public final class ConvTranspose2d implements LayerType {
    public static final String NAME = "conv_transpose2d";

    /** The attributes of one node, checked. */
    private record Config(int out, int[] kernel, int[] stride, int[] padding, int[] outputPadding, int[] dilation,
            int groups, boolean bias) {
        static Config of(Attributes a) {
            Config c = new Config(Require.positive(a, "out_channels"), Require.ints(a, "kernel_size", 2, 1),
                    Require.ints(a, "stride", 2, 1, 1), Require.ints(a, "padding", 2, 0, 0),
                    Require.ints(a, "output_padding", 2, 0, 0), Require.ints(a, "dilation", 2, 1, 1),
                    Require.atLeast("groups", a.getInt("groups", 1), 1), a.getBoolean("bias", true));
            for (int i = 0; i < 2; i++) {
                if (c.outputPadding[i] >= Math.max(c.stride[i], c.dilation[i])) {
                    throw new ShapeException("attribute 'output_padding' = " + Arrays.toString(c.outputPadding)
                            + " must be smaller than stride " + Arrays.toString(c.stride) + " or dilation "
                            + Arrays.toString(c.dilation));
                }
            }
            return c;
        }

        int outSize(int in, int i) {
            return (in - 1) * stride[i] - 2 * padding[i] + dilation[i] * (kernel[i] - 1) + outputPadding[i] + 1;
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "transposed 2-d convolution (learned upsampling): stride, padding, output_padding, dilation, groups";
    }

    @Override
    public List<Shape> inferShapes(List<Shape> inputs, Attributes a) {
        Shape x = Require.oneInput(inputs, 4, "[N,C,H,W]");
        Config c = Config.of(a);
        if (x.dim(1) % c.groups() != 0) {
            throw new ShapeException("attribute 'groups' = " + c.groups() + " does not divide the input channels "
                    + x.dim(1) + " of x " + x);
        }
        if (c.out() % c.groups() != 0) {
            throw new ShapeException("attribute 'groups' = " + c.groups() + " does not divide 'out_channels' = "
                    + c.out());
        }
        int ho = c.outSize(x.dim(2), 0);
        int wo = c.outSize(x.dim(3), 1);
        if (ho < 1 || wo < 1) {
            throw new ShapeException("attribute 'padding' = " + Arrays.toString(c.padding()) + " crops the "
                    + x.dim(2) + "x" + x.dim(3) + " input's output to " + ho + "x" + wo);
        }
        return List.of(Shape.of(x.dim(0), c.out(), ho, wo));
    }

    @Override
    public List<ParamSpec> parameters(List<Shape> inputs, Attributes a) {
        Config c = Config.of(a);
        Shape weight = Shape.of(inputs.get(0).dim(1), c.out() / c.groups(), c.kernel()[0], c.kernel()[1]);
        // PyTorch computes the fan-in of a transposed convolution from weight.size(1), like any convolution.
        double bound = 1 / Math.sqrt(weight.sizeOf(1, 4));
        ParamSpec w = ParamSpec.weight("weight", weight, Init.fanInUniform());
        return c.bias() ? List.of(w, ParamSpec.weight("bias", Shape.of(c.out()), Init.uniform(bound))) : List.of(w);
    }

    /** N·C·H·W·(out/groups)·kh·kw: every input pixel meets every kernel tap of its group's outputs. */
    @Override
    public long macs(List<Shape> inputs, List<Shape> outputs, Attributes a) {
        Config c = Config.of(a);
        return inputs.get(0).size() * (c.out() / c.groups()) * c.kernel()[0] * c.kernel()[1];
    }

    @Override
    public List<Tensor> forward(LayerCall call) {
        Config c = Config.of(call.attributes());
        Tensor x = call.input(0);
        int channels = x.shape().dim(1);
        int h = x.shape().dim(2);
        int w = x.shape().dim(3);
        Tensor y = call.newOutput(0);
        int ho = y.shape().dim(2);
        int wo = y.shape().dim(3);
        int inPerGroup = channels / c.groups();
        int outPerGroup = c.out() / c.groups();
        int kh = c.kernel()[0];
        int kw = c.kernel()[1];
        float[] weight = call.param("weight").data();
        Tensor bias = call.optionalParam("bias");
        float[] in = x.data();
        Parallel.forRange(x.shape().dim(0) * c.out(), job -> {
            int n = job / c.out();
            int oc = job % c.out();
            int group = oc / outPerGroup;
            double[] plane = new double[ho * wo];
            for (int ic = group * inPerGroup; ic < (group + 1) * inPerGroup; ic++) {
                int wBase = (ic * outPerGroup + oc % outPerGroup) * kh * kw;
                for (int ih = 0; ih < h; ih++) {
                    for (int iw = 0; iw < w; iw++) {
                        double v = in[((n * channels + ic) * h + ih) * w + iw];
                        for (int i = 0; i < kh; i++) {
                            int oh = ih * c.stride()[0] - c.padding()[0] + i * c.dilation()[0];
                            if (oh < 0 || oh >= ho) {
                                continue;
                            }
                            for (int j = 0; j < kw; j++) {
                                int ow = iw * c.stride()[1] - c.padding()[1] + j * c.dilation()[1];
                                if (ow >= 0 && ow < wo) {
                                    plane[oh * wo + ow] += v * weight[wBase + i * kw + j];
                                }
                            }
                        }
                    }
                }
            }
            double b = bias == null ? 0 : bias.data()[oc];
            int out = job * ho * wo;
            for (int i = 0; i < plane.length; i++) {
                y.data()[out + i] = (float) (plane[i] + b);
            }
        });
        return List.of(y);
    }

    @Override
    public List<LayerExample> examples() {
        return List.of(
                LayerExample.of("2x upsampling, k4 s2 p1", Attributes.builder().put("out_channels", 3)
                        .put("kernel_size", 4).put("stride", 2).put("padding", 1).build(), Shape.of(2, 2, 5, 4)),
                LayerExample.of("groups 2, output_padding, no bias", Attributes.builder().put("out_channels", 4)
                        .put("kernel_size", 3, 2).put("stride", 3, 2).put("output_padding", 1).put("groups", 2)
                        .put("bias", false).build(), Shape.of(1, 4, 3, 5)),
                LayerExample.of("dilation 2, stride 1", Attributes.builder().put("out_channels", 2)
                        .put("kernel_size", 3).put("dilation", 2).put("padding", 2).build(), Shape.of(1, 3, 4, 4)));
    }
}
