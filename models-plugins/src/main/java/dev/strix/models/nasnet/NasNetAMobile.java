package dev.strix.models.nasnet;

import dev.strix.api.Shape;
import dev.strix.api.graph.Value;
import dev.strix.api.spi.ModelOptions;
import dev.strix.models.common.Net;
import dev.strix.models.common.TableFamily;
import java.util.Map;

/**
 * NASNet-A Mobile, "4 @ 1056" (Zoph, Vasudevan, Shlens and Le 2018, Table 2), on 3×224×224. timm ports only
 * NASNet-A Large; this follows Cadene's {@code nasnetamobile} (pretrainedmodels, the port timm's
 * {@code nasnetalarge} also derives from) module for module, so its state_dict loads one to one: {@code conv0}
 * (3×3 stride 2, valid, 32 filters, with {@code bn}); reduction stem cells {@code cell_stem_0} and
 * {@code cell_stem_1}; three stages of four {@link NormalCell}s ({@code cell_0–3}, {@code cell_6–9},
 * {@code cell_12–15}: TensorFlow's numbering, which leaves room for the large model's six) separated by
 * {@link ReductionCell}s {@code reduction_cell_0} and {@code reduction_cell_1}; ReLU, global average pooling and
 * {@code last_linear}. The penultimate width 1056 is 24 × 44 filters, doubling at each reduction.
 *
 * <p>Cadene pools with a fixed 7×7 window, right for 224×224 only; Strix pools globally (as Keras does), which is
 * the same there and lets other input sizes work whose grid halves evenly at every reduction (multiples of 32).
 * Other sizes fail, as in PyTorch, at the first cell whose two inputs disagree: a reduction cell rounds the grid
 * down where the next cell's factorised path rounds it up. Parameters: 5,289,978; with batch-norm running
 * statistics 5,326,716, exactly Keras's total. MACs at 224×224: within 2% of the paper's 564M.
 */
public final class NasNetAMobile extends TableFamily<NasNetAMobile.Config> {
    /**
     * @param stemFilters filters of {@code conv0}
     * @param penultimateFilters width of the last cell's output (24 × the first stage's filters)
     * @param cellsPerStage normal cells per stage (the paper's N)
     */
    public record Config(int stemFilters, int penultimateFilters, int cellsPerStage) {}

    private static final int STAGES = 3;
    /** A stage's cells are numbered from stage × 6, as in TensorFlow's NASNet. */
    private static final int NUMBERING_STRIDE = 6;

    public NasNetAMobile() {
        super("nasnet", "NASNet-A Mobile 4 @ 1056 (Zoph et al. 2018; Cadene names)",
                Map.of("nasnet_a_mobile", new Config(32, 1056, 4)));
    }

    @Override
    protected Shape defaultInput(Config config) {
        return Shape.of(3, 224, 224);
    }

    @Override
    protected Value body(Net net, Value x, Config config, ModelOptions options) {
        int filters = config.penultimateFilters() / 24;
        Net conv0 = net.scope("conv0");
        Value stem = conv0.conv("conv", config.stemFilters(), 3).stride(2).noBias().apply(x);
        stem = conv0.batchNorm("bn", stem, SeparableBranch.BN_EPS);

        Net cellStem0 = net.scope("cell_stem_0");
        Value x1 = Projections.reluConvBn(cellStem0.scope("conv_1x1"), stem, filters / 4);
        Value stem0 = ReductionCell.STEM_0.apply(cellStem0, x1, stem, filters / 4);

        Net cellStem1 = net.scope("cell_stem_1");
        Value current = Projections.reluConvBn(cellStem1.scope("conv_1x1"), stem0, filters / 2);
        Value previous = Projections.factorizedReduction(cellStem1, stem, filters / 2);
        Value stem1 = ReductionCell.SHIFTED.apply(cellStem1, current, previous, filters / 2);

        Value prev = stem0;
        Value cur = stem1;
        for (int s = 0; s < STAGES; s++) {
            int width = filters << s;
            for (int i = 0; i < config.cellsPerStage(); i++) {
                Net cell = net.scope("cell_" + (s * NUMBERING_STRIDE + i));
                // The first cell after a reduction sees its previous-previous input at twice its resolution.
                Value left = prev.shape().dim(2) != cur.shape().dim(2)
                        ? Projections.factorizedReduction(cell, prev, width)
                        : Projections.reluConvBn(cell.scope("conv_prev_1x1"), prev, width);
                Value right = Projections.reluConvBn(cell.scope("conv_1x1"), cur, width);
                prev = cur;
                cur = NormalCell.apply(cell, left, right);
            }
            if (s < STAGES - 1) {
                Net cell = net.scope("reduction_cell_" + s);
                Value right = Projections.reluConvBn(cell.scope("conv_1x1"), cur, 2 * width);
                Value left = Projections.reluConvBn(cell.scope("conv_prev_1x1"), prev, 2 * width);
                prev = cur;
                cur = ReductionCell.SHIFTED.apply(cell, right, left, 2 * width);
            }
        }
        x = net.relu("relu", cur);
        x = net.globalAvgPool("avg_pool", x);
        x = net.flatten("flatten", x);
        x = net.dropout("dropout", x, 0.5);
        return net.linear("last_linear", x, options.classesOr(1000));
    }
}
