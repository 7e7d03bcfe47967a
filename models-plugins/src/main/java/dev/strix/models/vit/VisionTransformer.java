package dev.strix.models.vit;

import dev.strix.api.Shape;
import dev.strix.api.graph.Value;
import dev.strix.api.spi.ModelOptions;
import dev.strix.models.common.Net;
import dev.strix.models.common.TableFamily;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Vision Transformer (Dosovitskiy et al. 2021) as torchvision 0.14 builds it ({@code VisionTransformer}), so that
 * its state_dict loads one to one: {@code conv_proj} (the patch embedding), {@code class_token},
 * {@code encoder.pos_embedding}, {@code encoder.layers.encoder_layer_N.*} (see {@link EncoderBlock}),
 * {@code encoder.ln} and {@code heads.head}.
 *
 * <p>{@code vit_b_16} and {@code vit_l_16} are torchvision's. torchvision has no tiny or small ViT; {@code vit_ti_16}
 * and {@code vit_s_16} are DeiT's sizes (Touvron et al. 2021: width 192 / 384, 3 / 6 heads, 12 blocks, MLP 4×) with
 * the same torchvision-style names, so torchvision's {@code VisionTransformer(224, 16, 12, 3, 192, 768)} loads into
 * {@code vit_ti_16}. Their parameter counts, 5,717,416 and 22,050,664, equal DeiT-Ti's and DeiT-S's.
 *
 * <p>The position table has one row per patch plus the class token, so it follows the input size as torchvision's
 * {@code image_size} argument does: a 384×384 input gives 577 rows. The input's height and width must be multiples
 * of the patch size.
 */
public final class VisionTransformer extends TableFamily<VitConfig> {

    public VisionTransformer() {
        super("vit", "Vision Transformer (torchvision; DeiT sizes for ti and s)", table());
    }

    private static Map<String, VitConfig> table() {
        Map<String, VitConfig> t = new LinkedHashMap<>();
        t.put("vit_ti_16", new VitConfig(16, 12, 3, 192, 768));
        t.put("vit_s_16", new VitConfig(16, 12, 6, 384, 1536));
        t.put("vit_b_16", new VitConfig(16, 12, 12, 768, 3072));
        t.put("vit_l_16", new VitConfig(16, 24, 16, 1024, 4096));
        return t;
    }

    @Override
    protected Shape defaultInput(VitConfig config) {
        return Shape.of(3, 224, 224);
    }

    @Override
    protected Value body(Net net, Value x, VitConfig config, ModelOptions options) {
        x = net.layer("patch_embedding", "conv_proj").attr("embed_dim", config.hiddenDim())
                .attr("patch_size", config.patchSize()).apply(x);
        // torchvision's class token is a parameter of the model itself: key "class_token", no prefix.
        x = net.layer("class_token", "class_token").attr("param_name", "class_token").params("").apply(x);

        Net encoder = net.scope("encoder");
        x = encoder.layer("position_embedding", "pos_embedding").attr("param_name", "pos_embedding").params("")
                .apply(x);
        x = encoder.dropout("dropout", x, 0.0);
        Net layers = encoder.scope("layers");
        for (int i = 0; i < config.layers(); i++) {
            x = EncoderBlock.apply(layers.scope("encoder_layer_" + i), x, config);
        }
        x = encoder.layerNorm("ln", x, EncoderBlock.LN_EPS, config.hiddenDim());

        // x[:, 0]: the class token's output is the image's representation.
        x = net.layer("slice", "class_token_out").attr("axis", 1).attr("start", 0).attr("end", 1).apply(x);
        x = net.flatten("flatten", x);
        return net.scope("heads").linear("head", x, options.classesOr(1000));
    }
}
