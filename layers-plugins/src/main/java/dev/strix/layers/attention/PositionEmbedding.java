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
 * {@code position_embedding}: adds a learned table [1,L,E] to every sequence of x [N,L,E], as ViT's encoder does
 * with {@code pos_embedding} (the default {@code param_name}; timm calls it {@code pos_embed}).
 */
public final class PositionEmbedding implements LayerType {
    public static final String NAME = "position_embedding";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "add a learned position table [1,L,E] (ViT)";
    }

    @Override
    public List<Shape> inferShapes(List<Shape> inputs, Attributes a) {
        Shape x = LayerChecks.single(inputs, 3, "[N,L,E]");
        Require.paramName(a, "param_name", "pos_embedding");
        return List.of(x);
    }

    @Override
    public List<ParamSpec> parameters(List<Shape> inputs, Attributes a) {
        Shape x = inputs.get(0);
        return List.of(ParamSpec.weight(a.getString("param_name", "pos_embedding"), Shape.of(1, x.dim(1), x.dim(2)),
                Init.normal(0.02)));
    }

    @Override
    public List<Tensor> forward(LayerCall call) {
        Tensor x = call.input(0);
        float[] table = call.param(call.attributes().getString("param_name", "pos_embedding")).data();
        Tensor y = call.newOutput(0);
        int per = table.length;
        Parallel.forRange(x.shape().dim(0), n -> {
            for (int i = 0; i < per; i++) {
                y.data()[n * per + i] = x.data()[n * per + i] + table[i];
            }
        });
        return List.of(y);
    }

    @Override
    public List<LayerExample> examples() {
        return List.of(
                LayerExample.of("default name", Attributes.empty(), Shape.of(2, 5, 4)),
                LayerExample.of("timm name", Attributes.builder().put("param_name", "pos_embed").build(),
                        Shape.of(1, 3, 8)));
    }
}
