package dev.strix.layers.block;

import dev.strix.api.Attributes;
import dev.strix.api.Shape;
import dev.strix.api.ShapeException;
import dev.strix.api.graph.GraphBuilder;
import dev.strix.api.graph.Value;
import dev.strix.api.spi.Init;
import dev.strix.api.spi.LayerExample;
import dev.strix.api.spi.LayerType;
import dev.strix.api.spi.ParamSpec;
import dev.strix.layers.LayerChecks;
import dev.strix.layers.attention.Require;
import java.util.List;

/**
 * {@code squeeze_excitation}: the channel gate of SENet, MobileNetV3 and EfficientNet, as torchvision's
 * {@code ops.SqueezeExcitation}. A composite: it expands to {@code avgpool} (global_avg_pool) → {@code fc1}
 * (1×1 conv2d C→r, bias) → {@code activation} → {@code fc2} (1×1 conv2d r→C, bias) → {@code scale_activation}
 * (the gate) → {@code scale} (mul with x). The two convolutions' nodes and parameter paths are named
 * {@code reduce_name} and {@code expand_name} (fc1, fc2 by default; SENet's are fc1/fc2 too, timm's conv_reduce
 * and conv_expand), so the parameters are {@code fc1.weight}, {@code fc1.bias}, {@code fc2.weight},
 * {@code fc2.bias}.
 */
public final class SqueezeExcitation implements LayerType {
    public static final String NAME = "squeeze_excitation";
    private static final String[] ACTIVATIONS = {"relu", "relu6", "leaky_relu", "elu", "gelu", "silu", "hard_swish",
        "tanh", "sigmoid", "hard_sigmoid"};

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "squeeze-and-excitation channel gate (composite: pool, 1x1 convs, activation, gate, mul)";
    }

    @Override
    public List<Shape> inferShapes(List<Shape> inputs, Attributes a) {
        Shape x = LayerChecks.single(inputs, 4, "[N,C,H,W]");
        LayerChecks.positive(a, "reduced_channels");
        LayerChecks.oneOf(a, "activation", "relu", ACTIVATIONS);
        LayerChecks.oneOf(a, "gate", "sigmoid", "sigmoid", "hard_sigmoid");
        String reduce = Require.paramName(a, "reduce_name", "fc1");
        String expand = Require.paramName(a, "expand_name", "fc2");
        if (reduce.equals(expand)) {
            throw new ShapeException("attributes 'reduce_name' and 'expand_name' are both \"" + reduce + "\"");
        }
        return List.of(x);
    }

    /** The expansion's parameters under the same names: the two 1×1 convolutions' weights and biases. */
    @Override
    public List<ParamSpec> parameters(List<Shape> inputs, Attributes a) {
        int c = inputs.get(0).dim(1);
        int r = a.getInt("reduced_channels");
        String reduce = a.getString("reduce_name", "fc1");
        String expand = a.getString("expand_name", "fc2");
        return List.of(
                ParamSpec.weight(reduce + ".weight", Shape.of(r, c, 1, 1), Init.he()),
                ParamSpec.weight(reduce + ".bias", Shape.of(r), Init.uniform(1 / Math.sqrt(c))),
                ParamSpec.weight(expand + ".weight", Shape.of(c, r, 1, 1), Init.he()),
                ParamSpec.weight(expand + ".bias", Shape.of(c), Init.uniform(1 / Math.sqrt(r))));
    }

    /** The two 1×1 convolutions: 2·N·C·r. */
    @Override
    public long macs(List<Shape> inputs, List<Shape> outputs, Attributes a) {
        Shape x = inputs.get(0);
        return 2L * x.dim(0) * x.dim(1) * a.getInt("reduced_channels");
    }

    @Override
    public boolean isComposite() {
        return true;
    }

    @Override
    public List<Value> expand(GraphBuilder scope, List<Value> inputs, Attributes a) {
        Value x = inputs.get(0);
        Value s = scope.layer("global_avg_pool", "avgpool").apply(x);
        s = scope.layer("conv2d", a.getString("reduce_name", "fc1")).attr("out_channels", a.getInt("reduced_channels"))
                .attr("kernel_size", 1).apply(s);
        s = scope.layer(a.getString("activation", "relu"), "activation").apply(s);
        s = scope.layer("conv2d", a.getString("expand_name", "fc2")).attr("out_channels", x.shape().dim(1))
                .attr("kernel_size", 1).apply(s);
        s = scope.layer(a.getString("gate", "sigmoid"), "scale_activation").apply(s);
        return List.of(scope.layer("mul", "scale").apply(s, x));
    }

    @Override
    public List<LayerExample> examples() {
        return List.of(
                LayerExample.of("relu, sigmoid", Attributes.builder().put("reduced_channels", 2).build(),
                        Shape.of(2, 8, 3, 5)),
                LayerExample.of("silu, hard_sigmoid, timm names", Attributes.builder().put("reduced_channels", 3)
                        .put("activation", "silu").put("gate", "hard_sigmoid").put("reduce_name", "conv_reduce")
                        .put("expand_name", "conv_expand").build(), Shape.of(1, 6, 4, 4)));
    }
}
