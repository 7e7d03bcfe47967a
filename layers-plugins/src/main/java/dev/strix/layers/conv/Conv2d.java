package dev.strix.layers.conv;

import dev.strix.api.Attributes;
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
import java.util.ArrayList;
import java.util.List;

/**
 * 2-D convolution (torch.nn.Conv2d): stride, explicit symmetric or asymmetric padding or "same"/"valid", dilation,
 * groups (depthwise when groups = channels) and an optional bias. Weight [out, C/groups, kh, kw].
 */
public final class Conv2d implements LayerType {
    public static final String NAME = "conv2d";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "2-D convolution: stride, padding (explicit, same, valid), dilation, groups, optional bias";
    }

    /** The validated configuration of one conv2d node for input [N,C,H,W]. */
    record Config(int channels, int outChannels, int groups, Window2d window, boolean bias) {
        static Config of(Shape x, Attributes a) {
            int c = x.dim(1);
            int out = LayerChecks.positive(a, "out_channels");
            int groups = LayerChecks.positive(a, "groups", 1);
            if (c % groups != 0) {
                throw new ShapeException("attribute 'groups' = " + groups + " does not divide the input channels " + c);
            }
            if (out % groups != 0) {
                throw new ShapeException("attribute 'groups' = " + groups + " does not divide 'out_channels' = " + out);
            }
            Window2d w = Window2d.read(a, new int[] {1, 1}, true);
            String mode = LayerChecks.oneOf(a, "padding_mode", "explicit", "explicit", "same", "valid");
            if (!mode.equals("explicit")) {
                if (a.has("padding")) {
                    throw new ShapeException("attribute 'padding' cannot be combined with padding_mode '" + mode + "'");
                }
                if (mode.equals("same")) {
                    if (w.strideH() != 1 || w.strideW() != 1) {
                        throw new ShapeException("padding_mode 'same' needs stride 1, got attribute 'stride' = ["
                                + w.strideH() + ", " + w.strideW() + "]");
                    }
                    // PyTorch puts the odd extra row/column on the bottom/right.
                    int th = w.spanH() - 1;
                    int tw = w.spanW() - 1;
                    w = w.withPadding(th / 2, tw / 2, th - th / 2, tw - tw / 2);
                }
            }
            return new Config(c, out, groups, w, a.getBoolean("bias", true));
        }
    }

    @Override
    public List<Shape> inferShapes(List<Shape> inputs, Attributes a) {
        Shape x = LayerChecks.single(inputs, 4, "[N,C,H,W]");
        Config cfg = Config.of(x, a);
        Window2d w = cfg.window();
        return List.of(Shape.of(x.dim(0), cfg.outChannels(), w.outH(x.dim(2)), w.outW(x.dim(3))));
    }

    @Override
    public List<ParamSpec> parameters(List<Shape> inputs, Attributes a) {
        Config cfg = Config.of(inputs.get(0), a);
        Window2d w = cfg.window();
        int perGroup = cfg.channels() / cfg.groups();
        List<ParamSpec> specs = new ArrayList<>();
        specs.add(ParamSpec.weight("weight", Shape.of(cfg.outChannels(), perGroup, w.kernelH(), w.kernelW()),
                Init.he()));
        if (cfg.bias()) {
            // PyTorch draws a conv bias uniformly within ±1/sqrt(fan_in of the weight).
            specs.add(ParamSpec.weight("bias", Shape.of(cfg.outChannels()),
                    Init.uniform(1 / Math.sqrt((double) perGroup * w.kernelH() * w.kernelW()))));
        }
        return specs;
    }

    @Override
    public long macs(List<Shape> inputs, List<Shape> outputs, Attributes a) {
        Config cfg = Config.of(inputs.get(0), a);
        return outputs.get(0).size() * (cfg.channels() / cfg.groups()) * cfg.window().kernelH()
                * cfg.window().kernelW();
    }

    @Override
    public List<Tensor> forward(LayerCall call) {
        Tensor x = call.input(0);
        Config cfg = Config.of(x.shape(), call.attributes());
        Tensor y = call.newOutput(0);
        Tensor bias = cfg.bias() ? call.param("bias") : null;
        new DirectConvolution(x, call.param("weight"), bias, y, cfg.groups(), cfg.window()).run();
        return List.of(y);
    }

    @Override
    public List<LayerExample> examples() {
        return List.of(
                LayerExample.of("3x3 pad 1", Attributes.builder().put("out_channels", 4).put("kernel_size", 3)
                        .put("padding", 1).build(), Shape.of(2, 3, 7, 6)),
                LayerExample.of("5x3 stride 2 no bias", Attributes.builder().put("out_channels", 5)
                        .put("kernel_size", 5, 3).put("stride", 2).put("bias", false).build(), Shape.of(1, 2, 9, 8)),
                LayerExample.of("grouped dilated", Attributes.builder().put("out_channels", 6).put("kernel_size", 3)
                        .put("groups", 2).put("dilation", 2).put("padding", 2).build(), Shape.of(1, 4, 8, 8)),
                LayerExample.of("depthwise asymmetric pad", Attributes.builder().put("out_channels", 4)
                        .put("kernel_size", 3).put("groups", 4).put("stride", 2).put("padding", 0, 0, 1, 1)
                        .build(), Shape.of(1, 4, 8, 8)),
                LayerExample.of("same", Attributes.builder().put("out_channels", 3).put("kernel_size", 4)
                        .put("padding_mode", "same").build(), Shape.of(1, 2, 5, 5)),
                LayerExample.of("1x1", Attributes.builder().put("out_channels", 8).put("kernel_size", 1).build(),
                        Shape.of(2, 6, 4, 4)));
    }
}
