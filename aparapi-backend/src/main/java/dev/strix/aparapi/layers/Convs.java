package dev.strix.aparapi.layers;

import dev.strix.aparapi.kernels.ConvDirectKernel;
import dev.strix.aparapi.kernels.ConvKernel;
import dev.strix.aparapi.kernels.ConvolutionKernel;
import dev.strix.aparapi.kernels.MaskedDepthwiseKernel;
import dev.strix.aparapi.kernels.MatrixKernel;
import dev.strix.aparapi.kernels.PaddedConvKernel;
import dev.strix.aparapi.kernels.PaddedConvolution;
import dev.strix.aparapi.kernels.PaddedDepthwiseKernel;
import dev.strix.aparapi.kernels.StrixKernel;
import dev.strix.aparapi.runtime.Mode;
import dev.strix.aparapi.spi.NodeContext;
import dev.strix.api.Attributes;
import dev.strix.api.Shape;
import dev.strix.layers.Window2d;

/**
 * Plans convolution launches: on OpenCL a padded (strided: also phase-split) copy and {@link PaddedConvKernel} (or
 * {@link PaddedDepthwiseKernel}, which the thread pool uses too; stride-1 depthwise ones as wide as their input read
 * it directly in {@link MaskedDepthwiseKernel}), on the thread pool {@link ConvKernel}'s 4×4 tiles,
 * {@link ConvDirectKernel} for other narrow groups, a matrix product for 1×1 convolutions (on OpenCL after a strided
 * copy where they are strided).
 */
final class Convs {
    /** Floats after a padded copy's last plane (PaddedConvKernel's last vectors read into them). */
    static final int PADDED_SLACK = 64;

    private Convs() {}

    /** A conv2d node's window with "same" padding resolved as PyTorch does (the odd extra at bottom/right). */
    static Window2d window(Attributes a) {
        Window2d w = Window2d.read(a, new int[] {1, 1}, true);
        if (a.getString("padding_mode", "explicit").equals("same")) {
            int th = w.spanH() - 1;
            int tw = w.spanW() - 1;
            w = w.withPadding(th / 2, tw / 2, th - th / 2, tw - tw / 2);
        }
        return w;
    }

    /**
     * y = act(conv(x, weight) + bias) for x of shape {@code in} and y of shape {@code out}; weight and bias (may be
     * null) are constants.
     */
    static void conv(NodeContext node, float[] x, Shape in, float[] weight, float[] bias, float[] y, Shape out,
            Window2d w, int groups, int act, float alpha) {
        if (isPointwise(w, groups)) {
            pointwise(node, x, in, weight, bias, y, out, null, act, alpha);
            return;
        }
        if (node.mode() == Mode.OPENCL && isStridedPointwise(w, groups)) {
            stridedPointwise(node, x, in, weight, bias, y, out, w, null, act, alpha);
            return;
        }
        int ocg = out.dim(1) / groups;
        boolean depthwise = groups == in.dim(1) && ocg == 1;
        if (depthwise && node.mode() == Mode.OPENCL && isMaskable(w, in, out, act)) {
            masked(node, x, in, weight, bias, y, out, w, act, alpha);
            return;
        }
        // Depthwise on the thread pool too: over the padded copy HotSpot runs 16 positions per tap without bounds
        // tests (mobilenet_v2's depthwise layers 38 ms in ConvDirectKernel → 10 ms, plus 8–11 ms of copies).
        if (depthwise || ocg >= 8 && node.mode() == Mode.OPENCL) {
            padded(node, x, in, weight, bias, y, out, w, groups, act, alpha, depthwise);
            return;
        }
        ConvolutionKernel k;
        int pixelBlocks = (out.dim(2) * out.dim(3) + 3) / 4;
        if (ocg >= 4) {
            k = new ConvKernel();
            k.n = in.dim(0) * groups * ((ocg + 3) / 4) * pixelBlocks;
        } else {
            k = new ConvDirectKernel();
            k.n = in.dim(0) * out.dim(1) * ((out.dim(2) * out.dim(3) + 3) / 4);
        }
        k.configure(x, in, weight, bias, y, out, w, groups, act, alpha);
        launch(node, k);
    }

    /**
     * A convolution as a zero-padded copy of x ({@link Copies}) and {@link PaddedConvKernel} (OpenCL) or {@link
     * PaddedDepthwiseKernel} (both modes), whose reads are then consecutive and vectorise (see the README). Strided, a
     * second copy splits each padded plane into its stride phases ({@link PaddedConvolution}), which makes every tap
     * a stride-1 read again.
     */
    private static void padded(NodeContext node, float[] x, Shape in, float[] weight, float[] bias, float[] y,
            Shape out, Window2d w, int groups, int act, float alpha, boolean depthwise) {
        int sh = w.strideH();
        int sw = w.strideW();
        int phases = sh * sw;
        // A phase plane holds what the outputs read of its phase: Ho (Wo) rows (columns) plus the window's reach.
        int hph = out.dim(2) + (w.kernelH() - 1) * w.dilationH() / sh;
        int wph = out.dim(3) + (w.kernelW() - 1) * w.dilationW() / sw;
        // The padded copy is at least s_h·Hph × s_w·Wph, so the phase split reads whole phase planes; rows and
        // columns past the padding are zeros no output uses.
        int hp = Math.max(in.dim(2) + w.padTop() + w.padBottom(), sh * hph);
        int wp = Math.max(in.dim(3) + w.padLeft() + w.padRight(), sw * wph);
        int planes = in.dim(0) * in.dim(1);
        // Slack past the last plane: the last 16-position block reads up to 31 values beyond it. The copies write
        // only the interior; the padding and slack, zero in the Java array, are uploaded once (a constant) and
        // never written, so they stay zero on the device and in every fetch.
        int channelStride = phases > 1 ? phases * hph * wph : hp * wp;
        float[] xs = new float[Math.multiplyExact(planes, channelStride) + PADDED_SLACK];
        PhaseRange rows = phases > 1 ? PhaseRange.of(sh, w.padTop(), in.dim(2), hph) : null;
        PhaseRange cols = phases > 1 ? PhaseRange.of(sw, w.padLeft(), in.dim(3), wph) : null;
        if (phases == 1) {
            Copies.copy(node, x, 0, new int[] {in.dim(2) * in.dim(3), in.dim(3), 1}, xs, w.padTop() * wp + w.padLeft(),
                    new int[] {hp * wp, wp, 1}, new int[] {planes, in.dim(2), in.dim(3)}, false).constants(xs);
        } else if (rows != null && cols != null) {
            // Straight into the stride phases: phase (py, px) holds input rows (columns) first + step·py + s·i for
            // i below count, at i + start + shift·py — one copy, where padding first and splitting second took two.
            int width = in.dim(3);
            Copies.copy(node, x, rows.first * width + cols.first,
                    new int[] {in.dim(2) * width, rows.step * width, cols.step, sh * width, sw}, xs,
                    rows.start * wph + cols.start,
                    new int[] {channelStride, sw * hph * wph + rows.shift * wph, hph * wph + cols.shift, wph, 1},
                    new int[] {planes, sh, sw, rows.count, cols.count}, false).constants(xs);
        } else {
            // [plane][py][px][i][j] ← padded [plane][s_h·i + py][s_w·j + px], from a padded copy.
            float[] xp = new float[Math.multiplyExact(planes, hp * wp)];
            Copies.copy(node, x, 0, new int[] {in.dim(2) * in.dim(3), in.dim(3), 1}, xp,
                    w.padTop() * wp + w.padLeft(), new int[] {hp * wp, wp, 1}, new int[] {planes, in.dim(2), in.dim(3)},
                    false).constants(xp);
            Copies.copy(node, xp, 0, new int[] {hp * wp, wp, 1, sh * wp, sw}, xs, 0,
                    new int[] {channelStride, sw * hph * wph, hph * wph, wph, 1}, new int[] {planes, sh, sw, hph, wph},
                    false).constants(xs);
        }
        int paddedWidth = phases > 1 ? wph : wp;
        // Offset of each tap from a position: in the padded plane, or in its phase plane.
        int[] offsets = new int[w.kernelH() * w.kernelW()];
        for (int ky = 0; ky < w.kernelH(); ky++) {
            for (int kx = 0; kx < w.kernelW(); kx++) {
                int dy = ky * w.dilationH();
                int dx = kx * w.dilationW();
                int phase = (dy % sh) * sw + dx % sw;
                offsets[ky * w.kernelW() + kx] = phases > 1
                        ? phase * hph * wph + dy / sh * wph + dx / sw
                        : dy * wp + dx;
            }
        }
        int positionBlocks = (out.dim(2) * paddedWidth + 15) / 16;
        // Each kernel's scratch tiles are written before they are read in every launch: uploaded once, never fetched.
        if (depthwise) {
            PaddedDepthwiseKernel k = new PaddedDepthwiseKernel();
            k.configure(xs, in, weight, bias, y, out, w, groups, act, alpha);
            k.channelStride = channelStride;
            k.paddedWidth = paddedWidth;
            // Outputs at least 16 wide: blocks of one output row, stored whole; else blocks of the flattened rows
            // through the scratch tiles.
            k.rowBlocks = out.dim(3) >= 16 ? (out.dim(3) + 15) / 16 : 0;
            k.n = k.rowBlocks > 0 ? planes * out.dim(2) * k.rowBlocks : planes * positionBlocks;
            tapRows(k, w, sw, offsets);
            k.tiles = new float[Math.multiplyExact(k.n, PaddedDepthwiseKernel.TILE_FLOATS)];
            launch(node, k);
            node.lastLaunch().constants(k.tiles, k.rowOffsets, k.rowWeights, k.rowLengths);
        } else {
            int taps = offsets.length;
            PaddedConvKernel k = new PaddedConvKernel();
            k.configure(xs, in, Gemms.rowPanels(weight, out.dim(1), groups, in.dim(1) / groups * taps), bias, y, out,
                    w, groups, act, alpha);
            k.channelStride = channelStride;
            k.paddedWidth = paddedWidth;
            k.inputChannelStep = channelStride;
            k.weightChannelStep = taps * k.panelChannels;
            k.tapOffsets = offsets;
            k.n = in.dim(0) * groups * ((out.dim(1) / groups + 7) / 8) * positionBlocks;
            k.tiles = new float[Math.multiplyExact(k.n, PaddedConvKernel.TILE_FLOATS)];
            launch(node, k);
            node.lastLaunch().constants(k.tapOffsets, k.tiles);
        }
    }

    /**
     * Whether {@link MaskedDepthwiseKernel} takes a depthwise convolution: stride 1, output as wide as the input (its
     * positions then step through the input as they step through the output), at least one whole block of 16, and
     * no activation but ReLU or ReLU6, which it applies in registers.
     */
    private static boolean isMaskable(Window2d w, Shape in, Shape out, int act) {
        boolean clampOrNone = act == StrixKernel.IDENTITY || act == StrixKernel.RELU || act == StrixKernel.RELU6;
        return clampOrNone && w.strideH() == 1 && w.strideW() == 1 && out.dim(3) == in.dim(3)
                && out.dim(2) * out.dim(3) >= 16;
    }

    /** A depthwise convolution read straight from x, its padding masked ({@link MaskedDepthwiseKernel}). */
    private static void masked(NodeContext node, float[] x, Shape in, float[] weight, float[] bias, float[] y,
            Shape out, Window2d w, int act, float alpha) {
        MaskedDepthwiseKernel k = new MaskedDepthwiseKernel();
        k.configure(x, in, weight, bias, y, out, w, in.dim(1), act, alpha);
        int width = in.dim(3);
        int positions = out.dim(2) * width;
        k.rowOf = new int[positions];
        k.colOf = new int[positions];
        for (int q = 0; q < positions; q++) {
            k.rowOf[q] = q / width;
            k.colOf[q] = q % width;
        }
        k.inputLength = x.length;
        k.lowReach = -w.padTop() * width - w.padLeft();
        k.highReach = ((w.kernelH() - 1) * w.dilationH() - w.padTop()) * width
                + (w.kernelW() - 1) * w.dilationW() - w.padLeft();
        k.n = in.dim(0) * in.dim(1) * ((positions + 15) / 16);
        launch(node, k);
        node.lastLaunch().constants(k.rowOf, k.colOf);
    }

    /**
     * Where the input's rows (or columns) land in the stride phases along one axis, when that is the same count in
     * every phase and the first input index and first phase position step evenly from phase to phase (as they do
     * for the usual odd windows with "same" padding): phase p holds input indices first + step·p + s·i at positions
     * start + shift·p + i, for i below count.
     */
    private record PhaseRange(int first, int step, int start, int shift, int count) {
        /**
         * The range for stride {@code s}, leading padding {@code pad}, {@code size} input indices and phase planes
         * {@code phaseSize} long; null where the phases differ in count or do not step evenly.
         */
        static PhaseRange of(int s, int pad, int size, int phaseSize) {
            int[] starts = new int[s];
            int count = -1;
            for (int p = 0; p < s; p++) {
                // Padded index s·i + p lies in the input when pad ≤ s·i + p < pad + size.
                int lo = Math.max(0, -Math.floorDiv(p - pad, s));
                int hi = Math.min(phaseSize, -Math.floorDiv(p - pad - size, s));
                if (p > 0 && hi - lo != count) {
                    return null;
                }
                count = hi - lo;
                starts[p] = lo;
            }
            int shift = s > 1 ? starts[1] - starts[0] : 0;
            for (int p = 2; p < s; p++) {
                if (starts[p] - starts[p - 1] != shift) {
                    return null;
                }
            }
            return count <= 0 ? null : new PhaseRange(s * starts[0] - pad, s * shift + 1, starts[0], shift, count);
        }
    }

    /**
     * Groups the depthwise kernel's taps into rows: per window row, the taps of one column phase (kx·d_w mod s_w) in
     * order. In every row their offsets step by d_w / g and their weight indices by s_w / g (g = gcd(d_w, s_w)).
     */
    private static void tapRows(PaddedDepthwiseKernel k, Window2d w, int sw, int[] offsets) {
        int kw = w.kernelW();
        int g = gcd(w.dilationW(), sw);
        k.columnStep = w.dilationW() / g;
        k.weightColumnStep = sw / g;
        java.util.List<int[]> rows = new java.util.ArrayList<>();
        for (int ky = 0; ky < w.kernelH(); ky++) {
            for (int px = 0; px < sw; px++) {
                int first = -1;
                int count = 0;
                for (int kx = 0; kx < kw; kx++) {
                    if (kx * w.dilationW() % sw == px) {
                        first = first < 0 ? kx : first;
                        count++;
                    }
                }
                if (count > 0) {
                    rows.add(new int[] {offsets[ky * kw + first], ky * kw + first, count});
                }
            }
        }
        k.rowCount = rows.size();
        k.rowOffsets = rows.stream().mapToInt(r -> r[0]).toArray();
        k.rowWeights = rows.stream().mapToInt(r -> r[1]).toArray();
        k.rowLengths = rows.stream().mapToInt(r -> r[2]).toArray();
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    /**
     * A 1×1 convolution at a stride above 1 (ResNet's downsampling shortcut): the pixels it reads, gathered, then
     * the vectorised matrix product with its residual (may be null) — a phase split would copy the three phases it
     * never reads.
     */
    static void stridedPointwise(NodeContext node, float[] x, Shape in, float[] weight, float[] bias, float[] y,
            Shape out, Window2d w, float[] residual, int act, float alpha) {
        int planes = in.dim(0) * in.dim(1);
        int h = in.dim(2);
        int wd = in.dim(3);
        int ho = out.dim(2);
        int wo = out.dim(3);
        float[] xs = new float[planes * ho * wo];
        Copies.copy(node, x, 0, new int[] {h * wd, w.strideH() * wd, w.strideW()}, xs, 0,
                new int[] {ho * wo, wo, 1}, new int[] {planes, ho, wo}, false);
        pointwise(node, xs, in.with(2, ho).with(3, wo), weight, bias, y, out, residual, act, alpha);
    }

    /** A 1×1 convolution with a stride above 1, no padding and one group: a subsample, then a matrix product. */
    static boolean isStridedPointwise(Window2d w, int groups) {
        return groups == 1 && w.kernelH() == 1 && w.kernelW() == 1 && (w.strideH() > 1 || w.strideW() > 1)
                && w.padTop() == 0 && w.padLeft() == 0 && w.padBottom() == 0 && w.padRight() == 0;
    }

    /** A 1×1 convolution with stride 1, no padding and one group: a matrix product per image. */
    static boolean isPointwise(Window2d w, int groups) {
        return groups == 1 && w.kernelH() == 1 && w.kernelW() == 1 && w.strideH() == 1 && w.strideW() == 1
                && w.padTop() == 0 && w.padLeft() == 0 && w.padBottom() == 0 && w.padRight() == 0;
    }

    /**
     * y[n] = weight [out, C] · x[n] [C, H·W] (+ bias per row, + residual, which may be null) on a {@link
     * MatrixKernel}: no tap loop and no padding masks, which makes ResNet's many 1×1 convolutions faster on both
     * targets than {@link ConvKernel}'s tiles.
     */
    static void pointwise(NodeContext node, float[] x, Shape in, float[] weight, float[] bias, float[] y,
            Shape out, float[] residual, int act, float alpha) {
        int images = in.dim(0);
        int channels = in.dim(1);
        int pixels = in.dim(2) * in.dim(3);
        int[] aOffsets = new int[images];
        int[] bOffsets = new int[images];
        for (int i = 0; i < images; i++) {
            bOffsets[i] = i * channels * pixels;
        }
        // On OpenCL the weight is packed once in 8-row panels, which WideGemmKernel reads 8 rows at a time.
        boolean packed = node.mode() == Mode.OPENCL;
        float[] a = packed ? Gemms.rowPanels(weight, out.dim(1), 1, channels) : weight;
        MatrixKernel k = Gemms.gemm(node, a, aOffsets, x, bOffsets, y, out.dim(1), pixels, channels, channels,
                pixels, false, bias, MatrixKernel.BIAS_ROW);
        k.packedA = packed ? 1 : 0;
        k.act = act;
        k.alpha = alpha;
        node.lastLaunch().constants(a).reads(x);
        Gemms.addResidual(node, k, residual);
    }

    /** Launches a configured convolution kernel: weight and bias once, x every run. */
    static void launch(NodeContext node, ConvolutionKernel k) {
        node.launch(k, k.n).constants(k.w, k.bias).reads(k.x).writes(k.y);
    }
}
