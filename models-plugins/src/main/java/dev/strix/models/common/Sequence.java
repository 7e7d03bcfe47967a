package dev.strix.models.common;

/**
 * torchvision's {@code nn.Sequential}: children are named by their position, {@code features.0},
 * {@code features.1} …, so every layer added — parameterless ones included — takes the next index.
 *
 * <pre>{@code
 * Sequence features = net.sequence("features");
 * x = features.net().conv(features.next(), 64, 3).padding(1).apply(x);   // features.0
 * x = features.net().relu(features.next(), x);                            // features.1
 * }</pre>
 */
public final class Sequence {
    private final Net net;
    private int next;

    Sequence(Net net) {
        this.net = net;
    }

    /** The scope of this sequence; child names passed to it are relative to the sequence. */
    public Net net() {
        return net;
    }

    /** The index the next child takes, as a name, and advances. */
    public String next() {
        return Integer.toString(next++);
    }

    /** The index of the next child without advancing. */
    public int size() {
        return next;
    }
}
