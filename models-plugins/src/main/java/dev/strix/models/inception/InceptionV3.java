package dev.strix.models.inception;

import dev.strix.api.Shape;
import dev.strix.api.graph.Graph;
import dev.strix.api.graph.Value;
import dev.strix.api.spi.ModelOptions;
import dev.strix.models.common.BasicConv2d;
import dev.strix.models.common.Net;
import dev.strix.models.common.TableFamily;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Inception v3 (Szegedy et al. 2016, "Rethinking the Inception Architecture") as torchvision's {@code Inception3}
 * on 299×299: a stem of BasicConv2d layers ({@code Conv2d_1a_3x3} … {@code Conv2d_4a_3x3}), modules
 * {@code Mixed_5b}–{@code Mixed_7c}, global average pooling, dropout and {@code fc}.
 *
 * <p>The auxiliary classifier {@code AuxLogits} (after Mixed_6e) serves training only: it is left out by default
 * and its tensors in a weights file are reported and ignored ({@link Graph#IGNORED_WEIGHT_PREFIXES}). With
 * {@code aux_logits=true} it is built and the graph has two outputs, logits then aux logits; the parameter count
 * is then torchvision's 27,161,264. torchvision's {@code transform_input} is preprocessing, not part of the graph.
 */
public final class InceptionV3 extends TableFamily<InceptionV3.Config> {
    public static final String AUX_LOGITS = "aux_logits";

    /** One variant; nothing to configure beyond the options. */
    public record Config() {}

    public InceptionV3() {
        super("inception_v3", "Inception v3 (Szegedy et al. 2016) on 299x299, auxiliary head optional",
                Map.of("inception_v3", new Config()));
    }

    @Override
    protected Set<String> optionNames() {
        return Set.of(AUX_LOGITS);
    }

    @Override
    protected Shape defaultInput(Config config) {
        return Shape.of(3, 299, 299);
    }

    /** The logits; with {@code aux_logits=true} the auxiliary head is built too, see {@link #outputs}. */
    @Override
    protected Value body(Net net, Value x, Config config, ModelOptions options) {
        return outputs(net, x, config, options).get(0);
    }

    @Override
    protected List<Value> outputs(Net net, Value x, Config config, ModelOptions options) {
        boolean aux = optionalHeads(net, options, AUX_LOGITS, "AuxLogits.");
        int classes = options.classesOr(1000);
        x = BasicConv2d.apply(net, "Conv2d_1a_3x3", x, 32, 3, c -> c.stride(2));
        x = BasicConv2d.apply(net, "Conv2d_2a_3x3", x, 32, 3);
        x = BasicConv2d.apply(net, "Conv2d_2b_3x3", x, 64, 3, c -> c.padding(1));
        x = net.maxPool("maxpool1", 3).stride(2).apply(x);
        x = BasicConv2d.apply(net, "Conv2d_3b_1x1", x, 80, 1);
        x = BasicConv2d.apply(net, "Conv2d_4a_3x3", x, 192, 3);
        x = net.maxPool("maxpool2", 3).stride(2).apply(x);
        x = InceptionA.apply(net.scope("Mixed_5b"), x, 32);
        x = InceptionA.apply(net.scope("Mixed_5c"), x, 64);
        x = InceptionA.apply(net.scope("Mixed_5d"), x, 64);
        x = InceptionB.apply(net.scope("Mixed_6a"), x);
        x = InceptionC.apply(net.scope("Mixed_6b"), x, 128);
        x = InceptionC.apply(net.scope("Mixed_6c"), x, 160);
        x = InceptionC.apply(net.scope("Mixed_6d"), x, 160);
        x = InceptionC.apply(net.scope("Mixed_6e"), x, 192);
        Value auxLogits = aux ? auxHead(net.scope("AuxLogits"), x, classes) : null;
        x = InceptionD.apply(net.scope("Mixed_7a"), x);
        x = InceptionE.apply(net.scope("Mixed_7b"), x);
        x = InceptionE.apply(net.scope("Mixed_7c"), x);
        x = net.globalAvgPool("avgpool", x);
        x = net.dropout("dropout", x, 0.5);
        x = net.flatten("flatten", x);
        List<Value> outputs = new ArrayList<>(List.of(net.linear("fc", x, classes)));
        if (aux) {
            outputs.add(auxLogits);
        }
        return outputs;
    }

    /** torchvision's {@code InceptionAux}: 5×5 stride-3 average pool, 1×1 to 128, 5×5 to 768, pool, fc. */
    private static Value auxHead(Net net, Value x, int classes) {
        x = net.avgPool("pool", 5).stride(3).apply(x);
        x = BasicConv2d.apply(net, "conv0", x, 128, 1);
        x = BasicConv2d.apply(net, "conv1", x, 768, 5);
        x = net.globalAvgPool("avgpool", x);
        x = net.flatten("flatten", x);
        return net.linear("fc", x, classes);
    }
}
