package dev.strix.layers;

import dev.strix.api.spi.LayerType;
import dev.strix.api.spi.Plugin;
import dev.strix.layers.activation.Elu;
import dev.strix.layers.activation.Gelu;
import dev.strix.layers.activation.HardSigmoid;
import dev.strix.layers.activation.HardSwish;
import dev.strix.layers.activation.LeakyRelu;
import dev.strix.layers.activation.LogSoftmax;
import dev.strix.layers.activation.Relu;
import dev.strix.layers.activation.Relu6;
import dev.strix.layers.activation.Sigmoid;
import dev.strix.layers.activation.Silu;
import dev.strix.layers.activation.Softmax;
import dev.strix.layers.activation.Tanh;
import dev.strix.layers.conv.Conv2d;
import dev.strix.layers.math.Add;
import dev.strix.layers.math.Linear;
import dev.strix.layers.math.Matmul;
import dev.strix.layers.math.Mul;
import dev.strix.layers.norm.BatchNorm;
import dev.strix.layers.norm.GroupNorm;
import dev.strix.layers.norm.LayerNorm;
import dev.strix.layers.norm.LocalResponseNorm;
import dev.strix.layers.pool.AdaptiveAvgPool2d;
import dev.strix.layers.pool.AvgPool2d;
import dev.strix.layers.pool.GlobalAvgPool;
import dev.strix.layers.pool.GlobalMaxPool;
import dev.strix.layers.pool.MaxPool2d;
import dev.strix.layers.regularization.Dropout;
import dev.strix.layers.regularization.StochasticDepth;
import dev.strix.layers.shape.Concat;
import dev.strix.layers.shape.Flatten;
import dev.strix.layers.shape.Identity;
import dev.strix.layers.shape.Pad;
import dev.strix.layers.shape.Permute;
import dev.strix.layers.shape.Reshape;
import dev.strix.layers.shape.Slice;
import dev.strix.layers.shape.Split;
import java.util.Collection;
import java.util.List;

/**
 * Contributes the built-in convolution, pooling, shape, arithmetic, normalisation, activation and regularisation
 * layer types (see LAYERS.md).
 */
public final class LayersPlugin implements Plugin {
    @Override
    public String name() {
        return "strix-layers";
    }

    @Override
    public Collection<LayerType> layerTypes() {
        return List.of(
                new Conv2d(),
                new MaxPool2d(), new AvgPool2d(), new AdaptiveAvgPool2d(), new GlobalAvgPool(), new GlobalMaxPool(),
                new Pad(), new Identity(), new Flatten(), new Reshape(), new Permute(), new Concat(), new Split(),
                new Slice(),
                new Add(), new Mul(), new Matmul(), new Linear(),
                new BatchNorm(), new LayerNorm(), new GroupNorm(), new LocalResponseNorm(),
                new Relu(), new Relu6(), new LeakyRelu(), new Elu(), new Gelu(), new Sigmoid(), new HardSigmoid(),
                new Tanh(), new Silu(), new HardSwish(), new Softmax(), new LogSoftmax(),
                new Dropout(), new StochasticDepth());
    }
}
