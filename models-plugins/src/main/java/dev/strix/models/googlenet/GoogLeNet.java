package dev.strix.models.googlenet;

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
 * GoogLeNet (Inception v1, Szegedy et al. 2015) as torchvision builds it: BasicConv2d stem, nine Inception modules
 * {@code inception3a..5b} with ceil-mode max pools between stages, global average pooling, dropout and {@code fc}.
 *
 * <p>The two auxiliary classifiers {@code aux1} (after 4a) and {@code aux2} (after 4d) only serve training, so
 * they are left out by default and a weights file that carries them loads with their tensors reported and ignored
 * (the graph lists {@code aux1.} and {@code aux2.} under {@link Graph#IGNORED_WEIGHT_PREFIXES}). With
 * {@code aux_logits=true} they are built and the graph has three outputs in torchvision's order: logits, aux2,
 * aux1. torchvision's {@code transform_input} (a per-channel affine map of the input that its pretrained weights
 * expect) is preprocessing and is not part of the graph.
 */
public final class GoogLeNet extends TableFamily<GoogLeNet.Config> {
    public static final String AUX_LOGITS = "aux_logits";

    /** The nine modules in order, by name. */
    public record Config(Map<String, InceptionModule> modules) {}

    private static final Map<String, InceptionModule> MODULES = new java.util.LinkedHashMap<>();

    static {
        MODULES.put("inception3a", new InceptionModule(64, 96, 128, 16, 32, 32));
        MODULES.put("inception3b", new InceptionModule(128, 128, 192, 32, 96, 64));
        MODULES.put("inception4a", new InceptionModule(192, 96, 208, 16, 48, 64));
        MODULES.put("inception4b", new InceptionModule(160, 112, 224, 24, 64, 64));
        MODULES.put("inception4c", new InceptionModule(128, 128, 256, 24, 64, 64));
        MODULES.put("inception4d", new InceptionModule(112, 144, 288, 32, 64, 64));
        MODULES.put("inception4e", new InceptionModule(256, 160, 320, 32, 128, 128));
        MODULES.put("inception5a", new InceptionModule(256, 160, 320, 32, 128, 128));
        MODULES.put("inception5b", new InceptionModule(384, 192, 384, 48, 128, 128));
    }

    /** Max pools (3×3 stride 2, or 2×2 before stage 5) that follow these modules. */
    private static final Map<String, Integer> POOL_AFTER = Map.of("inception3b", 3, "inception4e", 2);

    public GoogLeNet() {
        super("googlenet", "GoogLeNet / Inception v1 (Szegedy et al. 2015), auxiliary heads optional",
                Map.of("googlenet", new Config(MODULES)));
    }

    @Override
    protected Set<String> optionNames() {
        return Set.of(AUX_LOGITS);
    }

    @Override
    protected Shape defaultInput(Config config) {
        return Shape.of(3, 224, 224);
    }

    /** The logits; with {@code aux_logits=true} the auxiliary heads are built too, see {@link #outputs}. */
    @Override
    protected Value body(Net net, Value x, Config config, ModelOptions options) {
        return outputs(net, x, config, options).get(0);
    }

    @Override
    protected List<Value> outputs(Net net, Value x, Config config, ModelOptions options) {
        boolean aux = optionalHeads(net, options, AUX_LOGITS, "aux1.", "aux2.");
        int classes = options.classesOr(1000);
        x = BasicConv2d.apply(net, "conv1", x, 64, 7, c -> c.stride(2).padding(3));
        x = net.maxPool("maxpool1", 3).stride(2).ceilMode().apply(x);
        x = BasicConv2d.apply(net, "conv2", x, 64, 1);
        x = BasicConv2d.apply(net, "conv3", x, 192, 3, c -> c.padding(1));
        x = net.maxPool("maxpool2", 3).stride(2).ceilMode().apply(x);
        Value aux1 = null;
        Value aux2 = null;
        int pools = 2;
        for (var e : config.modules().entrySet()) {
            x = e.getValue().apply(net.scope(e.getKey()), x);
            if (aux && e.getKey().equals("inception4a")) {
                aux1 = auxHead(net.scope("aux1"), x, classes);
            }
            if (aux && e.getKey().equals("inception4d")) {
                aux2 = auxHead(net.scope("aux2"), x, classes);
            }
            Integer pool = POOL_AFTER.get(e.getKey());
            if (pool != null) {
                x = net.maxPool("maxpool" + ++pools, pool).stride(2).ceilMode().apply(x);
            }
        }
        x = net.globalAvgPool("avgpool", x);
        x = net.flatten("flatten", x);
        x = net.dropout("dropout", x, 0.2);
        List<Value> outputs = new ArrayList<>(List.of(net.linear("fc", x, classes)));
        if (aux) {
            outputs.add(aux2);
            outputs.add(aux1);
        }
        return outputs;
    }

    /** torchvision's {@code InceptionAux}: 4×4 adaptive pool, 1×1 BasicConv2d to 128, fc 1024, ReLU, fc. */
    private static Value auxHead(Net net, Value x, int classes) {
        x = net.adaptiveAvgPool("pool", x, 4, 4);
        x = BasicConv2d.apply(net, "conv", x, 128, 1);
        x = net.flatten("flatten", x);
        x = net.relu("relu", net.linear("fc1", x, 1024));
        x = net.dropout("dropout", x, 0.7);
        return net.linear("fc2", x, classes);
    }
}
