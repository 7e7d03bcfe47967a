package dev.strix.opencl.builtin;

import dev.strix.api.spi.BackendKernel;
import dev.strix.opencl.builtin.activation.ActivationKernel;
import dev.strix.opencl.builtin.activation.SoftmaxKernel;
import dev.strix.opencl.builtin.attention.ClassTokenKernel;
import dev.strix.opencl.builtin.attention.LayerScaleKernel;
import dev.strix.opencl.builtin.attention.MultiHeadAttentionKernel;
import dev.strix.opencl.builtin.attention.WindowAttentionKernel;
import dev.strix.opencl.builtin.attention.PatchEmbeddingKernel;
import dev.strix.opencl.builtin.attention.PositionEmbeddingKernel;
import dev.strix.opencl.builtin.conv.Conv2dKernel;
import dev.strix.opencl.builtin.math.BinaryKernel;
import dev.strix.opencl.builtin.math.LinearKernel;
import dev.strix.opencl.builtin.math.MatmulKernel;
import dev.strix.opencl.builtin.norm.BatchNormKernel;
import dev.strix.opencl.builtin.norm.GroupNormKernel;
import dev.strix.opencl.builtin.norm.LayerNormKernel;
import dev.strix.opencl.builtin.norm.LocalResponseNormKernel;
import dev.strix.opencl.builtin.pool.AdaptiveAvgPoolKernel;
import dev.strix.opencl.builtin.pool.GlobalPoolKernel;
import dev.strix.opencl.builtin.pool.Pool2dKernel;
import dev.strix.opencl.builtin.resample.ConvTransposeKernel;
import dev.strix.opencl.builtin.resample.UpsampleKernel;
import dev.strix.opencl.builtin.shape.ConcatKernel;
import dev.strix.opencl.builtin.shape.PadKernel;
import dev.strix.opencl.builtin.shape.PermuteKernel;
import dev.strix.opencl.builtin.shape.SliceKernel;
import dev.strix.opencl.builtin.shape.SplitKernel;
import java.util.ArrayList;
import java.util.List;

/**
 * Every built-in OpenCL kernel, one per layer type of layers-plugins. identity, flatten, reshape, dropout and
 * stochastic_depth need none (the session plans them as views of their input); squeeze_excitation runs as its
 * expansion.
 */
public final class BuiltinKernels {
    private BuiltinKernels() {}

    public static List<BackendKernel> all() {
        List<BackendKernel> k = new ArrayList<>(List.of(new Conv2dKernel(), new ConvTransposeKernel(),
                new UpsampleKernel(), new Pool2dKernel(true), new Pool2dKernel(false), new AdaptiveAvgPoolKernel(),
                new GlobalPoolKernel(false), new GlobalPoolKernel(true), new PadKernel(), new PermuteKernel(),
                new ConcatKernel(), new SplitKernel(), new SliceKernel(), new BinaryKernel("add"),
                new BinaryKernel("mul"), new MatmulKernel(), new LinearKernel(), new BatchNormKernel(),
                new LayerNormKernel(), new GroupNormKernel(), new LocalResponseNormKernel(),
                new SoftmaxKernel(false), new SoftmaxKernel(true), new PatchEmbeddingKernel(),
                new ClassTokenKernel(), new PositionEmbeddingKernel(), new LayerScaleKernel(),
                new MultiHeadAttentionKernel(), new WindowAttentionKernel()));
        k.addAll(ActivationKernel.all());
        return List.copyOf(k);
    }
}
