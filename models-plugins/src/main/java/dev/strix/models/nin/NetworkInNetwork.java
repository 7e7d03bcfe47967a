package dev.strix.models.nin;

import dev.strix.api.Shape;
import dev.strix.api.graph.Value;
import dev.strix.api.spi.ModelOptions;
import dev.strix.models.common.Net;
import dev.strix.models.common.Sequence;
import dev.strix.models.common.TableFamily;
import java.util.List;
import java.util.Map;

/**
 * Network in Network (Lin, Chen and Yan, ICLR 2014): three mlpconv blocks — a k×k convolution followed by two 1×1
 * convolutions ("cascaded cross-channel parametric pooling"), each with ReLU — and global average pooling over the
 * last block's class maps instead of fully connected layers.
 *
 * <p>The widths are those of the paper's CIFAR-10 network (the authors' published Caffe definition): 192-160-96,
 * 192-192-192 and 192-192-classes on 3×32×32, a 3×3 stride-2 max pool after the first block and an average pool
 * after the second (both rounding up, as Caffe pools do), dropout 0.5 after each pool. The layout is d2l's
 * {@code nn.Sequential} of {@code nin_block}s, so a block's convolutions are {@code 0.0}, {@code 0.2}, {@code 0.4}
 * and the blocks are {@code 0}, {@code 3} and {@code 6}. Parameters with 10 classes: 966,986.
 */
public final class NetworkInNetwork extends TableFamily<NetworkInNetwork.Config> {

    /** One mlpconv block: a {@code kernel}×{@code kernel} conv to {@code conv} channels, then 1×1 convs to {@code cccp1} and {@code cccp2}. */
    public record Block(int kernel, int padding, int conv, int cccp1, int cccp2) {}

    /** @param blocks the three mlpconv blocks; the last one's second 1×1 conv is replaced by one to the classes */
    public record Config(List<Block> blocks) {}

    public NetworkInNetwork() {
        super("nin", "Network in Network (Lin et al. 2014): mlpconv blocks and global average pooling",
                Map.of("nin", new Config(List.of(new Block(5, 2, 192, 160, 96), new Block(5, 2, 192, 192, 192),
                        new Block(3, 1, 192, 192, 0)))));
    }

    @Override
    protected Shape defaultInput(Config config) {
        return Shape.of(3, 32, 32);
    }

    @Override
    protected Value body(Net net, Value x, Config config, ModelOptions options) {
        Sequence seq = net.sequence("");
        List<Block> blocks = config.blocks();
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            boolean last = i == blocks.size() - 1;
            x = mlpconv(seq.net().sequence(seq.next()), x, b, last ? options.classesOr(10) : b.cccp2());
            if (last) {
                break;
            }
            var pool = i == 0 ? seq.net().maxPool(seq.next(), 3) : seq.net().avgPool(seq.next(), 3);
            x = pool.stride(2).ceilMode().apply(x);
            x = seq.net().dropout(seq.next(), x, 0.5);
        }
        x = seq.net().globalAvgPool(seq.next(), x);
        return seq.net().flatten(seq.next(), x);
    }

    private static Value mlpconv(Sequence block, Value x, Block b, int out) {
        Net n = block.net();
        x = n.conv(block.next(), b.conv(), b.kernel()).padding(b.padding()).apply(x);
        x = n.relu(block.next(), x);
        x = n.conv(block.next(), b.cccp1(), 1).apply(x);
        x = n.relu(block.next(), x);
        x = n.conv(block.next(), out, 1).apply(x);
        return n.relu(block.next(), x);
    }
}
