package dev.strix.layers.attention;

import dev.strix.api.Attributes;
import dev.strix.api.Parallel;
import dev.strix.api.Shape;
import dev.strix.api.Tensor;
import dev.strix.api.spi.Init;
import dev.strix.api.spi.LayerCall;
import dev.strix.api.spi.LayerExample;
import dev.strix.api.spi.LayerType;
import dev.strix.api.spi.ParamSpec;
import dev.strix.layers.LayerChecks;
import java.util.List;

/**
 * {@code class_token}: prepends a learned token to every sequence, x [N,L,E] → [N,L+1,E] with the token first, as
 * ViT's {@code torch.cat([class_token.expand(N, -1, -1), x], dim=1)}. The parameter is called {@code param_name}
 * ({@code class_token} by default; timm calls it {@code cls_token}).
 */
public final class ClassToken implements LayerType {
    public static final String NAME = "class_token";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "prepend a learned class token to the sequence (ViT)";
    }

    @Override
    public List<Shape> inferShapes(List<Shape> inputs, Attributes a) {
        Shape x = LayerChecks.single(inputs, 3, "[N,L,E]");
        Require.paramName(a, "param_name", "class_token");
        return List.of(x.with(1, x.dim(1) + 1));
    }

    @Override
    public List<ParamSpec> parameters(List<Shape> inputs, Attributes a) {
        return List.of(ParamSpec.weight(a.getString("param_name", "class_token"),
                Shape.of(1, 1, inputs.get(0).dim(2)), Init.zeros()));
    }

    @Override
    public List<Tensor> forward(LayerCall call) {
        Tensor x = call.input(0);
        int len = x.shape().dim(1);
        int e = x.shape().dim(2);
        float[] token = call.param(call.attributes().getString("param_name", "class_token")).data();
        Tensor y = call.newOutput(0);
        Parallel.forRange(x.shape().dim(0), n -> {
            int out = n * (len + 1) * e;
            System.arraycopy(token, 0, y.data(), out, e);
            System.arraycopy(x.data(), n * len * e, y.data(), out + e, len * e);
        });
        return List.of(y);
    }

    @Override
    public List<LayerExample> examples() {
        return List.of(
                LayerExample.of("default name", Attributes.empty(), Shape.of(2, 3, 4)),
                LayerExample.of("timm name", Attributes.builder().put("param_name", "cls_token").build(),
                        Shape.of(1, 1, 6)));
    }
}
