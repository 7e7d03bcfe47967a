"""Writes torchvision's state_dict keys and shapes for every variant Strix builds from torchvision, so that
models-plugins can check its parameter names and shapes exactly without PyTorch at test time.

Output: models-plugins/src/test/resources/torchvision-keys/<variant>.txt, one line per tensor,
"<key> <d0>x<d1>x..." in state_dict order (num_batches_tracked left out: Strix ignores it). Auxiliary heads are
left out too (aux_logits=False), as in Strix's default graphs.

Run with Debian's interpreter: /usr/bin/python3 tools/golden/model_keys.py [variant ...]
"""
import os
import sys

import torchvision.models as tvm
from torchvision.models.vision_transformer import VisionTransformer

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
OUT = os.path.join(ROOT, "models-plugins", "src", "test", "resources", "torchvision-keys")
VARIANTS = ["alexnet", "vgg11", "vgg13", "vgg16", "vgg19", "vgg11_bn", "vgg13_bn", "vgg16_bn", "vgg19_bn",
            "googlenet", "inception_v3", "resnet18", "resnet34", "resnet50", "resnet101", "resnet152",
            "resnext50_32x4d", "resnext101_32x8d", "wide_resnet50_2", "densenet121", "densenet169", "densenet201",
            "mobilenet_v2", "vit_b_16", "vit_l_16", "swin_t", "swin_s", "swin_b", "convnext_tiny", "convnext_small",
            "convnext_base", "convnext_large", "vit_ti_16", "vit_s_16"]
# DeiT-Ti / DeiT-S sizes with torchvision's ViT names (torchvision has no tiny or small ViT).
DEIT_SIZED = {"vit_ti_16": (3, 192), "vit_s_16": (6, 384)}


def main():
    os.makedirs(OUT, exist_ok=True)
    for name in sys.argv[1:] or VARIANTS:
        kwargs = {"aux_logits": False, "init_weights": False} if name in ("googlenet", "inception_v3") else {}
        if name in DEIT_SIZED:
            heads, dim = DEIT_SIZED[name]
            model = VisionTransformer(224, 16, 12, heads, dim, 4 * dim)
        else:
            model = getattr(tvm, name)(**kwargs)
        lines = [f"{k} {'x'.join(str(d) for d in v.shape)}" for k, v in model.state_dict().items()
                 if not k.endswith("num_batches_tracked")]
        with open(os.path.join(OUT, f"{name}.txt"), "w") as f:
            f.write("\n".join(lines) + "\n")
        print(f"{name}: {len(lines)} tensors")


if __name__ == "__main__":
    main()
