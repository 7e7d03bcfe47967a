package dev.strix.aparapi.layers;

import dev.strix.aparapi.spi.AparapiKernel;
import java.util.ArrayList;
import java.util.List;

/** Every layer type of strix-layers that the Aparapi backend computes with its own kernels. */
public final class BuiltinKernels {
    private BuiltinKernels() {}

    public static List<AparapiKernel> all() {
        List<AparapiKernel> all = new ArrayList<>();
        all.addAll(ActivationKernels.all());
        all.addAll(ShapeKernels.all());
        all.addAll(ArithmeticKernels.all());
        all.addAll(ConvKernels.all());
        all.addAll(PoolKernels.all());
        all.addAll(NormKernels.all());
        all.addAll(AttentionKernels.all());
        return List.copyOf(all);
    }
}
