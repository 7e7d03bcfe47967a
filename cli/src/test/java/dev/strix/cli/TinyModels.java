package dev.strix.cli;

import dev.strix.api.Attributes;
import dev.strix.api.Shape;
import dev.strix.api.ShapeException;
import dev.strix.api.Tensor;
import dev.strix.api.UnknownNameException;
import dev.strix.api.graph.Graph;
import dev.strix.api.graph.GraphBuilder;
import dev.strix.api.graph.Value;
import dev.strix.api.spi.Init;
import dev.strix.api.spi.LayerCall;
import dev.strix.api.spi.LayerType;
import dev.strix.api.spi.LayerTypes;
import dev.strix.api.spi.ModelFamily;
import dev.strix.api.spi.ModelOptions;
import dev.strix.api.spi.ParamSpec;
import dev.strix.api.spi.Plugin;
import java.util.Collection;
import java.util.List;

/**
 * A tiny model family for the command's tests, over the api test kit's layers plus a dense layer with MACs and a
 * composite of two dense layers:
 * <ul>
 *   <li>{@code tiny_net} (input 2×3×3, 4 classes): t_scale "scale" → t_scale_add "block" → t_double_dense "head"
 *       (hidden 5);</li>
 *   <li>{@code tiny_rgb}: the same on a 3×8×8 input, for image inputs;</li>
 *   <li>{@code tiny_two}: t_scale "scale" → t_split "split", two outputs.</li>
 * </ul>
 */
final class TinyModels implements Plugin {
    static final int HIDDEN = 5;

    @Override
    public String name() {
        return "cli-test-models";
    }

    @Override
    public Collection<LayerType> layerTypes() {
        return List.of(new Dense(), new DoubleDense());
    }

    @Override
    public Collection<ModelFamily> modelFamilies() {
        return List.of(new Family());
    }

    /** The family of the three variants. */
    static final class Family implements ModelFamily {
        @Override
        public String name() {
            return "tiny";
        }

        @Override
        public String description() {
            return "tiny test models";
        }

        @Override
        public List<String> variants() {
            return List.of("tiny_net", "tiny_rgb", "tiny_two");
        }

        @Override
        public Graph build(String variant, ModelOptions o, LayerTypes layers) {
            Shape chw = switch (variant) {
                case "tiny_net", "tiny_two" -> o.inputOr(Shape.of(2, 3, 3));
                case "tiny_rgb" -> o.inputOr(Shape.of(3, 8, 8));
                default -> throw new UnknownNameException("tiny variant", variant, variants());
            };
            GraphBuilder b = new GraphBuilder(layers);
            Value x = b.input("input", Shape.of(o.batch(), chw.dim(0), chw.dim(1), chw.dim(2)));
            x = b.layer("t_scale", "scale").apply(x);
            if (variant.equals("tiny_two")) {
                return b.build(b.layer("t_split", "split").applyAll(x));
            }
            x = b.layer("t_scale_add", "block").apply(x);
            x = b.layer("t_double_dense", "head").attr("hidden", HIDDEN).attr("out_features", o.classesOr(4))
                    .apply(x);
            return b.build(x);
        }
    }

    /** [N, ...] flattened to [N, in], then weight [out, in] and bias [out]. */
    static final class Dense implements LayerType {
        @Override
        public String name() {
            return "t_dense";
        }

        @Override
        public String description() {
            return "flatten then linear (test)";
        }

        @Override
        public List<Shape> inferShapes(List<Shape> in, Attributes a) {
            return List.of(Shape.of(in.get(0).dim(0), a.getInt("out_features")));
        }

        @Override
        public List<ParamSpec> parameters(List<Shape> in, Attributes a) {
            int features = (int) in.get(0).sizeOf(1, in.get(0).rank());
            return List.of(ParamSpec.weight("weight", Shape.of(a.getInt("out_features"), features), Init.fanInUniform()),
                    ParamSpec.weight("bias", Shape.of(a.getInt("out_features")), Init.fanInUniform()));
        }

        @Override
        public long macs(List<Shape> in, List<Shape> out, Attributes a) {
            return in.get(0).size() * a.getInt("out_features");
        }

        @Override
        public List<Tensor> forward(LayerCall call) {
            Tensor x = call.input(0);
            float[] w = call.param("weight").data();
            float[] bias = call.param("bias").data();
            Tensor y = call.newOutput(0);
            int n = x.shape().dim(0);
            int in = x.data().length / n;
            int out = y.shape().dim(1);
            for (int i = 0; i < n; i++) {
                for (int o = 0; o < out; o++) {
                    double s = bias[o];
                    for (int k = 0; k < in; k++) {
                        s += w[o * in + k] * x.data()[i * in + k];
                    }
                    y.data()[i * out + o] = (float) s;
                }
            }
            return List.of(y);
        }
    }

    /** Composite: t_dense "fc1" to {@code hidden} features, then t_dense "fc2" to {@code out_features}. */
    static final class DoubleDense implements LayerType {
        @Override
        public String name() {
            return "t_double_dense";
        }

        @Override
        public String description() {
            return "two dense layers (test composite)";
        }

        @Override
        public List<Shape> inferShapes(List<Shape> in, Attributes a) {
            if (a.getInt("hidden") < 1) {
                throw new ShapeException("hidden must be positive");
            }
            return List.of(Shape.of(in.get(0).dim(0), a.getInt("out_features")));
        }

        @Override
        public List<ParamSpec> parameters(List<Shape> in, Attributes a) {
            int features = (int) in.get(0).sizeOf(1, in.get(0).rank());
            int h = a.getInt("hidden");
            int out = a.getInt("out_features");
            return List.of(ParamSpec.weight("fc1.weight", Shape.of(h, features), Init.fanInUniform()),
                    ParamSpec.weight("fc1.bias", Shape.of(h), Init.fanInUniform()),
                    ParamSpec.weight("fc2.weight", Shape.of(out, h), Init.fanInUniform()),
                    ParamSpec.weight("fc2.bias", Shape.of(out), Init.fanInUniform()));
        }

        @Override
        public boolean isComposite() {
            return true;
        }

        @Override
        public List<Value> expand(GraphBuilder scope, List<Value> in, Attributes a) {
            Value h = scope.layer("t_dense", "fc1").attr("out_features", a.getInt("hidden")).apply(in.get(0));
            return List.of(scope.layer("t_dense", "fc2").attr("out_features", a.getInt("out_features")).apply(h));
        }
    }
}
