package dev.strix.models.xception;

import dev.strix.api.Shape;
import dev.strix.api.graph.Value;
import dev.strix.api.spi.ModelOptions;
import dev.strix.models.common.Net;
import dev.strix.models.common.TableFamily;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Xception (Chollet 2017) on 3×299×299, following timm's {@code xception} (the Keras port by tstandley and
 * Cadene; timm later renamed it {@code legacy_xception}) module for module, so its state_dict loads one to one:
 * stem {@code conv1} (3×3 stride 2, valid), {@code bn1}, {@code conv2} (3×3, valid), {@code bn2}; entry flow
 * {@code block1}–{@code block3} (128, 256, 728 channels, each halving the map); middle flow {@code block4}–
 * {@code block11} (728 channels, three separable convs each); exit flow {@code block12} (728 → 1024, halving),
 * separable {@code conv3} (1536) and {@code conv4} (2048) each with batch norm and ReLU, global average pooling and
 * {@code fc}. See {@link XceptionBlock}. torchvision has no Xception.
 *
 * <p>Batch norms use PyTorch's eps 1e-5 as timm's port does (Keras uses 1e-3). Parameters: 22,855,952; with the
 * 27,264 channels' running mean and variance 22,910,480, exactly keras.io's total for Xception.
 */
public final class Xception extends TableFamily<List<XceptionBlock>> {

    public Xception() {
        super("xception", "Xception (Chollet 2017; timm/Cadene names)", Map.of("xception", blocks()));
    }

    /** The twelve blocks, in order: entry flow, eight middle-flow blocks, exit flow. */
    private static List<XceptionBlock> blocks() {
        List<XceptionBlock> b = new ArrayList<>();
        b.add(new XceptionBlock(64, 128, 2, 2, false, true));
        b.add(new XceptionBlock(128, 256, 2, 2, true, true));
        b.add(new XceptionBlock(256, 728, 2, 2, true, true));
        for (int i = 0; i < 8; i++) {
            b.add(XceptionBlock.middle());
        }
        b.add(new XceptionBlock(728, 1024, 2, 2, true, false));
        return List.copyOf(b);
    }

    @Override
    protected Shape defaultInput(List<XceptionBlock> config) {
        return Shape.of(3, 299, 299);
    }

    @Override
    protected Value body(Net net, Value x, List<XceptionBlock> blocks, ModelOptions options) {
        x = net.conv("conv1", 32, 3).stride(2).noBias().apply(x);
        x = net.relu("act1", net.batchNorm("bn1", x));
        x = net.conv("conv2", 64, 3).noBias().apply(x);
        x = net.relu("act2", net.batchNorm("bn2", x));
        for (int i = 0; i < blocks.size(); i++) {
            x = blocks.get(i).apply(net.scope("block" + (i + 1)), x);
        }
        x = SeparableConv.apply(net.scope("conv3"), x, 1536);
        x = net.relu("act3", net.batchNorm("bn3", x));
        x = SeparableConv.apply(net.scope("conv4"), x, 2048);
        x = net.relu("act4", net.batchNorm("bn4", x));
        x = net.globalAvgPool("global_pool", x);
        x = net.flatten("flatten", x);
        return net.linear("fc", x, options.classesOr(1000));
    }
}
