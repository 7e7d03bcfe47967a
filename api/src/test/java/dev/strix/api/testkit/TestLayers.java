package dev.strix.api.testkit;

import dev.strix.api.Attributes;
import dev.strix.api.Shape;
import dev.strix.api.ShapeException;
import dev.strix.api.Tensor;
import dev.strix.api.graph.GraphBuilder;
import dev.strix.api.graph.Value;
import dev.strix.api.spi.Init;
import dev.strix.api.spi.LayerCall;
import dev.strix.api.spi.LayerExample;
import dev.strix.api.spi.LayerType;
import dev.strix.api.spi.ParamSpec;
import dev.strix.api.spi.Plugin;
import java.util.Collection;
import java.util.List;

/**
 * Tiny layer types for testing the api without strix-layers: {@code t_scale} (per-channel weight), {@code t_add},
 * {@code t_split} (two halves along channels) and {@code t_scale_add} (composite: scale then add the input).
 * Not registered through ServiceLoader; tests pass {@link #plugin()} explicitly.
 */
public final class TestLayers {
    private TestLayers() {}

    public static Plugin plugin() {
        return new Plugin() {
            @Override
            public String name() {
                return "test-layers";
            }

            @Override
            public Collection<LayerType> layerTypes() {
                return List.of(new Scale(), new Add(), new Split(), new ScaleAdd());
            }
        };
    }

    /** y[n,c,...] = x[n,c,...] · weight[c]. */
    public static final class Scale implements LayerType {
        @Override
        public String name() {
            return "t_scale";
        }

        @Override
        public String description() {
            return "per-channel scale (test)";
        }

        @Override
        public List<Shape> inferShapes(List<Shape> in, Attributes a) {
            if (in.size() != 1 || in.get(0).rank() < 2) {
                throw new ShapeException("needs one input of rank >= 2, got " + in);
            }
            return List.of(in.get(0));
        }

        @Override
        public List<ParamSpec> parameters(List<Shape> in, Attributes a) {
            return List.of(ParamSpec.weight("weight", Shape.of(in.get(0).dim(1)), Init.normal(1)));
        }

        @Override
        public List<Tensor> forward(LayerCall call) {
            Tensor x = call.input(0);
            float[] w = call.param("weight").data();
            Tensor y = call.newOutput(0);
            int c = x.shape().dim(1);
            int inner = (int) x.shape().sizeOf(2, x.shape().rank());
            for (int i = 0; i < x.data().length; i++) {
                y.data()[i] = x.data()[i] * w[(i / inner) % c];
            }
            return List.of(y);
        }

        @Override
        public List<LayerExample> examples() {
            return List.of(LayerExample.of("4 channels", Attributes.empty(), Shape.of(2, 4, 3, 3)));
        }
    }

    /** Element-wise sum of two equal shapes. */
    public static final class Add implements LayerType {
        @Override
        public String name() {
            return "t_add";
        }

        @Override
        public String description() {
            return "element-wise sum (test)";
        }

        @Override
        public List<Shape> inferShapes(List<Shape> in, Attributes a) {
            if (in.size() != 2 || !in.get(0).equals(in.get(1))) {
                throw new ShapeException("needs two inputs of equal shape, got " + in);
            }
            return List.of(in.get(0));
        }

        @Override
        public List<Tensor> forward(LayerCall call) {
            Tensor y = call.newOutput(0);
            for (int i = 0; i < y.data().length; i++) {
                y.data()[i] = call.input(0).data()[i] + call.input(1).data()[i];
            }
            return List.of(y);
        }
    }

    /** Splits channels into two equal halves. */
    public static final class Split implements LayerType {
        @Override
        public String name() {
            return "t_split";
        }

        @Override
        public String description() {
            return "split channels in two (test)";
        }

        @Override
        public List<Shape> inferShapes(List<Shape> in, Attributes a) {
            Shape s = in.get(0);
            if (s.dim(1) % 2 != 0) {
                throw new ShapeException("channels " + s.dim(1) + " are odd");
            }
            Shape half = s.with(1, s.dim(1) / 2);
            return List.of(half, half);
        }

        @Override
        public List<Tensor> forward(LayerCall call) {
            Tensor x = call.input(0);
            Tensor a = call.newOutput(0);
            Tensor b = call.newOutput(1);
            int n = x.shape().dim(0);
            int half = a.data().length / n;
            for (int i = 0; i < n; i++) {
                System.arraycopy(x.data(), i * 2 * half, a.data(), i * half, half);
                System.arraycopy(x.data(), i * 2 * half + half, b.data(), i * half, half);
            }
            return List.of(a, b);
        }
    }

    /** Composite: {@code t_add(t_scale(x), x)}, with the scale's parameter under {@code scale}. */
    public static final class ScaleAdd implements LayerType {
        @Override
        public String name() {
            return "t_scale_add";
        }

        @Override
        public String description() {
            return "x·w + x (test composite)";
        }

        @Override
        public List<Shape> inferShapes(List<Shape> in, Attributes a) {
            return List.of(in.get(0));
        }

        @Override
        public List<ParamSpec> parameters(List<Shape> in, Attributes a) {
            return List.of(ParamSpec.weight("scale.weight", Shape.of(in.get(0).dim(1)), Init.normal(1)));
        }

        @Override
        public boolean isComposite() {
            return true;
        }

        @Override
        public List<Value> expand(GraphBuilder scope, List<Value> in, Attributes a) {
            Value s = scope.layer("t_scale", "scale").apply(in.get(0));
            return List.of(scope.layer("t_add", "add").apply(s, in.get(0)));
        }

        @Override
        public List<LayerExample> examples() {
            return List.of(LayerExample.of("composite", Attributes.empty(), Shape.of(1, 2, 2, 2)));
        }
    }
}
