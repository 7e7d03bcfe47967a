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
import dev.strix.layers.LayerChecks;
import dev.strix.layers.Window2d;
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

    /** The attributes of one node, checked: kernel, stride, dilation and symmetric padding as {@link Window2d}. */
    private record Config(int out, Window2d window, int[] outputPadding, int groups, boolean bias) {
        static Config of(Attributes a) {
            int out = LayerChecks.positive(a, "out_channels");
            Window2d window = Window2d.read(a, new int[] {1, 1}, false);
            int[] outputPadding = LayerChecks.nonNegative("output_padding", a.getInts("output_padding", 2, 0));
            if (outputPadding[0] >= Math.max(window.strideH(), window.dilationH())
                    || outputPadding[1] >= Math.max(window.strideW(), window.dilationW())) {
                throw new ShapeException("attribute 'output_padding' = " + Arrays.toString(outputPadding)
                        + " must be smaller than stride [" + window.strideH() + ", " + window.strideW()
                        + "] or dilation [" + window.dilationH() + ", " + window.dilationW() + "]");
            }
            return new Config(out, window, outputPadding, LayerChecks.positive(a, "groups", 1),
                    a.getBoolean("bias", true));
        }

        int outH(int h) {
            return (h - 1) * window.strideH() - 2 * window.padTop() + window.spanH() + outputPadding[0];
        }

        int outW(int w) {
            return (w - 1) * window.strideW() - 2 * window.padLeft() + window.spanW() + outputPadding[1];
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
        Shape x = LayerChecks.single(inputs, 4, "[N,C,H,W]");
        Config c = Config.of(a);
        if (x.dim(1) % c.groups() != 0) {
            throw new ShapeException("attribute 'groups' = " + c.groups() + " does not divide the input channels "
                    + x.dim(1) + " of x " + x);
        }
        if (c.out() % c.groups() != 0) {
            throw new ShapeException("attribute 'groups' = " + c.groups() + " does not divide 'out_channels' = "
                    + c.out());
        }
        int ho = c.outH(x.dim(2));
        int wo = c.outW(x.dim(3));
        if (ho < 1 || wo < 1) {
            throw new ShapeException("attribute 'padding' = [" + c.window().padTop() + ", " + c.window().padLeft()
                    + "] crops the "
                    + x.dim(2) + "x" + x.dim(3) + " input's output to " + ho + "x" + wo);
        }
        return List.of(Shape.of(x.dim(0), c.out(), ho, wo));
    }

    @Override
    public List<ParamSpec> parameters(List<Shape> inputs, Attributes a) {
        Config c = Config.of(a);
        Shape weight = Shape.of(inputs.get(0).dim(1), c.out() / c.groups(), c.window().kernelH(),
                c.window().kernelW());
        // PyTorch computes the fan-in of a transposed convolution from weight.size(1), like any convolution.
        double bound = 1 / Math.sqrt(weight.sizeOf(1, 4));
        ParamSpec w = ParamSpec.weight("weight", weight, Init.fanInUniform());
        return c.bias() ? List.of(w, ParamSpec.weight("bias", Shape.of(c.out()), Init.uniform(bound))) : List.of(w);
    }

    /** N·C·H·W·(out/groups)·kh·kw: every input pixel meets every kernel tap of its group's outputs. */
    @Override
    public long macs(List<Shape> inputs, List<Shape> outputs, Attributes a) {
        Config c = Config.of(a);
        return inputs.get(0).size() * (c.out() / c.groups()) * c.window().kernelH() * c.window().kernelW();
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
        Window2d win = c.window();
        int kh = win.kernelH();
        int kw = win.kernelW();
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
                            int oh = ih * win.strideH() - win.padTop() + i * win.dilationH();
                            if (oh < 0 || oh >= ho) {
                                continue;
                            }
                            for (int j = 0; j < kw; j++) {
                                int ow = iw * win.strideW() - win.padLeft() + j * win.dilationW();
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
