package dev.strix.models.senet;

import dev.strix.api.spi.ModelFamily;
import dev.strix.models.resnet.Bottleneck;
import dev.strix.models.resnet.ResNet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Squeeze-and-Excitation networks (Hu et al. 2018) on a ResNet-50 / ResNeXt-50 body, following timm's
 * {@code seresnet50} and {@code seresnext50_32x4d} (timm's {@code resnet.py} with {@code attn_layer='se'}; not the
 * {@code legacy_seresnet50} of Cadene's port, whose names start {@code layer0.} and {@code se_module.}), so timm's
 * state_dict loads one to one. timm's ResNet has torchvision's layout and parameter names ({@code conv1},
 * {@code bn1}, {@code layer1.0.conv1} … {@code layer4.2.bn3}, {@code downsample.0/1}, {@code fc}), so this family is
 * {@link ResNet} with a {@link Bottleneck} that passes its residual branch through {@link SqueezeExcitation}
 * ({@code layerN.M.se.fc1}, {@code se.fc2}). torchvision has no SENet.
 *
 * <p>Parameters: 28,088,024 for {@code se_resnet50} (ResNet-50's 25,557,032 plus 2,530,992 in the SE modules; the
 * paper's Table 1 says ~28.1M) and 27,559,896 for {@code se_resnext50_32x4d}. MACs at 224×224 are 4.09G and 4.23G:
 * like torchvision's (ResNet v1.5) timm strides in the 3×3 convolution, which costs more than the paper's v1
 * stride in the first 1×1 convolution (its 3.87 GFLOPs figure, 5.3% lower).
 */
public final class SeResNet {
    private SeResNet() {}

    /** The {@code senet} family: {@code se_resnet50} and {@code se_resnext50_32x4d}. */
    public static ModelFamily family() {
        Bottleneck block = Bottleneck.withAttention(SqueezeExcitation::apply);
        Map<String, ResNet.Config> variants = new LinkedHashMap<>();
        variants.put("se_resnet50", new ResNet.Config(block, List.of(3, 4, 6, 3), 1, 64));
        variants.put("se_resnext50_32x4d", new ResNet.Config(block, List.of(3, 4, 6, 3), 32, 4));
        return new ResNet("senet", "Squeeze-and-Excitation ResNet / ResNeXt (Hu et al. 2018; timm names)", variants);
    }
}
