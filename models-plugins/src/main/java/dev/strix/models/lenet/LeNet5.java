package dev.strix.models.lenet;

import dev.strix.api.Shape;
import dev.strix.api.graph.Value;
import dev.strix.api.spi.ModelOptions;
import dev.strix.models.common.Net;
import dev.strix.models.common.TableFamily;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * LeNet-5 (LeCun, Bottou, Bengio and Haffner, "Gradient-based learning applied to document recognition", 1998):
 * on a 1×32×32 image, C1 conv 5×5 to 6 maps, S2 pool, C3 conv 5×5 to 16 maps, S4 pool, then fully connected
 * 120 → 84 → classes (10). torchvision has no LeNet; parameter names follow the usual PyTorch module names
 * {@code conv1, conv2, fc1, fc2, fc3}.
 *
 * <p>Options:
 * <ul>
 *   <li>{@code form=modern} (default): ReLU and 2×2 max pooling. {@code form=classic}: tanh and 2×2 average
 *       pooling. The paper's S2/S4 layers also carry a trainable coefficient and bias per map and its squashing
 *       function is the scaled 1.7159·tanh(2a/3); Strix's classic form uses plain average pooling and tanh, the
 *       form textbooks and PyTorch ports use, so its parameter count is the layer arithmetic below.</li>
 *   <li>{@code c3=full} (default): C3 sees all 6 maps of S2. {@code c3=sparse}: the paper's Table I, where C3 maps
 *       0–5 see 3 contiguous S2 maps, 6–11 see 4 contiguous, 12–14 see 4 non-contiguous and 15 sees all six.
 *       It is built from channel slices and grouped convolutions, one per row pattern:
 *       {@code conv2.c3_0_5} [6,3,5,5], {@code conv2.c3_6_11} [6,4,5,5], {@code conv2.c3_12_14} [3,4,5,5] and
 *       {@code conv2.c3_15} [1,6,5,5].</li>
 * </ul>
 *
 * <p>Parameters (full C3): C1 156 + C3 2,416 + F5 48,120 + F6 10,164 + output 850 = 61,706 (61,470 weights and
 * 236 biases). With the sparse table C3 has 60·25 + 16 = 1,516, giving 60,806; the paper's "about 60,000" is that
 * figure rounded (its RBF output layer has no biases and its subsampling layers 44 coefficients, 60,840 in all).
 */
public final class LeNet5 extends TableFamily<LeNet5.Config> {
    /** Nothing varies between rows: LeNet-5 has one variant, its forms are options. */
    public record Config() {}

    /** C3 maps fed by each S2 map set, in the paper's Table I order: 6 of 3 contiguous, 6 of 4, 3 of 4, 1 of 6. */
    private static final int[][] SPARSE_C3 = {
        {0, 1, 2}, {1, 2, 3}, {2, 3, 4}, {3, 4, 5}, {4, 5, 0}, {5, 0, 1},
        {0, 1, 2, 3}, {1, 2, 3, 4}, {2, 3, 4, 5}, {3, 4, 5, 0}, {4, 5, 0, 1}, {5, 0, 1, 2},
        {0, 1, 3, 4}, {1, 2, 4, 5}, {0, 2, 3, 5},
        {0, 1, 2, 3, 4, 5},
    };

    public LeNet5() {
        super("lenet5", "LeNet-5 (LeCun et al. 1998): modern ReLU/max-pool form, classic tanh/avg-pool form, "
                + "optional sparse C3 table", Map.of("lenet5", new Config()));
    }

    @Override
    protected Set<String> optionNames() {
        return Set.of("form", "c3");
    }

    @Override
    protected Shape defaultInput(Config config) {
        return Shape.of(1, 32, 32);
    }

    @Override
    protected Value body(Net net, Value x, Config config, ModelOptions options) {
        boolean classic = choice(options, "form", "modern", Set.of("modern", "classic")).equals("classic");
        boolean sparse = choice(options, "c3", "full", Set.of("full", "sparse")).equals("sparse");
        String act = classic ? "tanh" : "relu";
        x = net.conv("conv1", 6, 5).apply(x);
        x = net.activation(act, "act1", x);
        x = pool(net, "pool1", x, classic);
        x = sparse ? sparseC3(net.scope("conv2"), x) : net.conv("conv2", 16, 5).apply(x);
        x = net.activation(act, "act2", x);
        x = pool(net, "pool2", x, classic);
        x = net.flatten("flatten", x);
        x = net.activation(act, "act3", net.linear("fc1", x, 120));
        x = net.activation(act, "act4", net.linear("fc2", x, 84));
        return net.linear("fc3", x, options.classesOr(10));
    }

    private static Value pool(Net net, String name, Value x, boolean classic) {
        return classic ? net.avgPool(name, 2).apply(x) : net.maxPool(name, 2).apply(x);
    }

    /** C3 of Table I: each group of C3 maps reads its S2 maps gathered side by side, through a grouped conv. */
    private static Value sparseC3(Net net, Value s2) {
        int inputs = s2.shape().dim(1);
        if (inputs != 6) {
            throw new IllegalStateException("sparse C3 needs 6 S2 maps, got " + inputs);
        }
        List<Value> groups = new ArrayList<>();
        groups.add(group(net, s2, "c3_0_5", 0, 6));
        groups.add(group(net, s2, "c3_6_11", 6, 12));
        groups.add(group(net, s2, "c3_12_14", 12, 15));
        groups.add(group(net, s2, "c3_15", 15, 16));
        return net.concat("maps", groups);
    }

    /** C3 maps [from, to): each reads its own S2 maps, so the gathered input feeds a conv with one group per map. */
    private static Value group(Net net, Value s2, String name, int from, int to) {
        List<Value> gathered = new ArrayList<>();
        for (int map = from; map < to; map++) {
            for (int s : SPARSE_C3[map]) {
                gathered.add(net.layer("slice", name + ".in" + map + "_" + s).attr("axis", 1).attr("start", s)
                        .attr("end", s + 1).apply(s2));
            }
        }
        Value in = net.concat(name + ".gather", gathered);
        return net.conv(name, to - from, 5).groups(to - from).apply(in);
    }
}
