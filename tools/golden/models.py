"""Whole-model golden data for Strix's equivalence tests.

Builds a torchvision model (or, for the families torchvision lacks, a small PyTorch definition written here from
the paper) with a fixed seed, re-draws its weights so that a wrong implementation cannot pass by accident
(REFERENCE.md, "Golden data that can fail"), and writes into --out:

  weights.safetensors  the state_dict, names exactly as PyTorch has them
  io.safetensors       input (batch x C x H x W: standard normal plus a random offset per item and channel) and output.0, output.1 ... in eval mode

Auxiliary heads (GoogLeNet's aux1/aux2, Inception v3's AuxLogits) are always in the state_dict; with
--option aux_logits=true their outputs are written too (computed on the features they read, in eval mode).
The output layers are re-drawn last, scaled by the measured magnitude of their inputs, so that deep residual
streams still give O(10) logits. A golden whose output norm per item is not O(1)-O(100) (0.5 to 1000) or whose two
batch items are not at least 10% apart is refused.

Run with Debian's interpreter: /usr/bin/python3 tools/golden/models.py --model resnet18 --input 3 64 64 --out DIR
Families are rows of BUILDERS; add one line (and, if needed, a function) per model.
"""
import argparse
import contextlib
import json
import math
import os
import sys

import torch
import torch.nn as nn
import torchvision.models as tvm
from torchvision.models.vision_transformer import VisionTransformer

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from safetensors_writer import save  # noqa: E402
from timm_families import BUILDERS as TIMM_BUILDERS  # noqa: E402


# ---- families torchvision lacks, written from the papers with Strix's parameter names ----------------------

class LeNet5(nn.Module):
    """LeCun et al. 1998 with full C3: modern (ReLU, max pool) or classic (tanh, average pool)."""

    def __init__(self, classes=10, classic=False):
        super().__init__()
        self.act = torch.tanh if classic else torch.relu
        self.pool = nn.AvgPool2d(2) if classic else nn.MaxPool2d(2)
        self.conv1 = nn.Conv2d(1, 6, 5)
        self.conv2 = nn.Conv2d(6, 16, 5)
        self.fc1 = nn.Linear(16 * 5 * 5, 120)
        self.fc2 = nn.Linear(120, 84)
        self.fc3 = nn.Linear(84, classes)

    def forward(self, x):
        x = self.pool(self.act(self.conv1(x)))
        x = self.pool(self.act(self.conv2(x)))
        x = torch.flatten(x, 1)
        return self.fc3(self.act(self.fc2(self.act(self.fc1(x)))))


def nin(classes=10):
    """Lin et al. 2014's CIFAR-10 Network in Network in d2l's nn.Sequential layout."""
    def block(cin, k, p, a, b, c):
        return nn.Sequential(nn.Conv2d(cin, a, k, padding=p), nn.ReLU(), nn.Conv2d(a, b, 1), nn.ReLU(),
                             nn.Conv2d(b, c, 1), nn.ReLU())
    return nn.Sequential(block(3, 5, 2, 192, 160, 96), nn.MaxPool2d(3, 2, ceil_mode=True), nn.Dropout(0.5),
                         block(96, 5, 2, 192, 192, 192), nn.AvgPool2d(3, 2, ceil_mode=True), nn.Dropout(0.5),
                         block(192, 3, 1, 192, 192, classes), nn.AdaptiveAvgPool2d(1), nn.Flatten())


def mobilenet_v1(classes=1000, width=1.0):
    """Howard et al. 2017, Table 1, in Strix's torchvision-like layout (features.N, classifier.1)."""
    def c(n):
        return int(n * width)
    layers = [nn.Sequential(nn.Conv2d(3, c(32), 3, 2, 1, bias=False), nn.BatchNorm2d(c(32)), nn.ReLU())]
    cin = c(32)
    for out, stride in [(64, 1), (128, 2), (128, 1), (256, 2), (256, 1), (512, 2)] + [(512, 1)] * 5 + [
            (1024, 2), (1024, 1)]:
        layers.append(nn.Sequential(nn.Conv2d(cin, cin, 3, stride, 1, groups=cin, bias=False), nn.BatchNorm2d(cin),
                                    nn.ReLU(), nn.Conv2d(cin, c(out), 1, bias=False), nn.BatchNorm2d(c(out)),
                                    nn.ReLU()))
        cin = c(out)
    model = nn.Module()
    model.features = nn.Sequential(*layers)
    model.classifier = nn.Sequential(nn.Dropout(1e-3), nn.Linear(cin, classes))
    model.forward = lambda x: model.classifier(torch.flatten(model.features(x).mean((2, 3)), 1))
    return model


def alexnet_like(stages, ceil, adaptive, classes=1000):
    """AlexNet-shaped nets in torchvision's layout; stages are (out, k, stride, pad, groups, pool, lrn-where)."""
    feats = []
    cin = 3
    for out, k, s, p, g, pool, lrn in stages:
        feats += [nn.Conv2d(cin, out, k, s, p, groups=g), nn.ReLU()]
        if lrn == "before":
            feats.append(nn.LocalResponseNorm(5, 1e-4, 0.75, 2.0))
        if pool:
            feats.append(nn.MaxPool2d(3, 2, ceil_mode=ceil))
        if lrn == "after":
            feats.append(nn.LocalResponseNorm(5, 1e-4, 0.75, 2.0))
        cin = out
    model = nn.Module()
    model.features = nn.Sequential(*feats)
    model.avgpool = nn.AdaptiveAvgPool2d(6) if adaptive else nn.Identity()
    model.classifier = None  # sized on first use below

    def forward(x):
        x = torch.flatten(model.avgpool(model.features(x)), 1)
        return model.classifier(x)
    model.forward = forward
    return model


def with_classifier(model, features_out, classes):
    model.classifier = nn.Sequential(nn.Dropout(), nn.Linear(features_out, 4096), nn.ReLU(), nn.Dropout(),
                                     nn.Linear(4096, 4096), nn.ReLU(), nn.Linear(4096, classes))
    return model


def alexnet_original(classes, chw):
    m = alexnet_like([(96, 11, 4, 0, 1, True, "before"), (256, 5, 1, 2, 2, True, "before"),
                      (384, 3, 1, 1, 1, False, None), (384, 3, 1, 1, 2, False, None),
                      (256, 3, 1, 1, 2, True, None)], ceil=False, adaptive=False)
    return with_classifier(m, flat_size(m, chw), classes)


def zfnet(classes, chw):
    m = alexnet_like([(96, 7, 2, 1, 1, True, "after"), (256, 5, 2, 0, 1, True, "after"),
                      (512, 3, 1, 1, 1, False, None), (1024, 3, 1, 1, 1, False, None),
                      (512, 3, 1, 1, 1, True, None)], ceil=True, adaptive=False)
    return with_classifier(m, flat_size(m, chw), classes)


def flat_size(model, chw):
    with torch.no_grad():
        return model.features(torch.zeros(1, *chw)).numel()


@contextlib.contextmanager
def skipped_init():
    """torch.nn.init as no-ops while a torchvision model is built: redraw() replaces every parameter anyway, and
    torchvision's own initialisation of a large model costs seconds per golden."""
    names = [n for n in dir(nn.init) if n.endswith("_") and not n.startswith("_") and callable(getattr(nn.init, n))]
    saved = {n: getattr(nn.init, n) for n in names}
    for n in names:
        setattr(nn.init, n, lambda tensor, *args, **kwargs: tensor)
    try:
        yield
    finally:
        for n, f in saved.items():
            setattr(nn.init, n, f)


def torchvision_model(name):
    def build(classes, chw, opts):
        kwargs = {"num_classes": classes}
        if name in ("googlenet", "inception_v3"):
            # The state_dict always holds the auxiliary heads, so that Strix's default graph is checked to ignore
            # them; init_weights=False skips torchvision's slow scipy initialisation (re-drawn below anyway).
            kwargs.update(aux_logits=True, init_weights=False)
        if "width" in opts:
            kwargs["width_mult"] = float(opts["width"])
        if name.startswith("vit_"):
            # torchvision sizes ViT's position table for one square image size; Strix follows the input.
            kwargs["image_size"] = chw[1]
        with skipped_init():
            return getattr(tvm, name)(**kwargs)
    return build


def deit_sized_vit(heads, dim):
    """DeiT-Ti / DeiT-S sizes (Touvron et al. 2021) as a torchvision VisionTransformer: 12 blocks, MLP 4x."""
    def build(classes, chw, opts):
        return VisionTransformer(image_size=chw[1], patch_size=16, num_layers=12, num_heads=heads, hidden_dim=dim,
                                 mlp_dim=4 * dim, num_classes=classes)
    return build


BUILDERS = {name: torchvision_model(name) for name in [
    "alexnet", "vgg11", "vgg13", "vgg16", "vgg19", "vgg11_bn", "vgg13_bn", "vgg16_bn", "vgg19_bn", "googlenet",
    "inception_v3", "resnet18", "resnet34", "resnet50", "resnet101", "resnet152", "resnext50_32x4d",
    "resnext101_32x8d", "wide_resnet50_2", "densenet121", "densenet169", "densenet201", "mobilenet_v2",
    "vit_b_16", "vit_l_16", "swin_t", "swin_s", "swin_b", "convnext_tiny", "convnext_small", "convnext_base",
    "convnext_large"]}
BUILDERS.update({
    "lenet5": lambda classes, chw, opts: LeNet5(classes, opts.get("form") == "classic"),
    "nin": lambda classes, chw, opts: nin(classes),
    "mobilenet_v1": lambda classes, chw, opts: mobilenet_v1(classes, float(opts.get("width", 1.0))),
    "alexnet_original": lambda classes, chw, opts: alexnet_original(classes, chw),
    "zfnet": lambda classes, chw, opts: zfnet(classes, chw),
    "vit_ti_16": deit_sized_vit(3, 192),
    "vit_s_16": deit_sized_vit(6, 384),
})

BUILDERS.update(TIMM_BUILDERS)

# Where each auxiliary head reads its features: head module -> module whose output it takes.
AUX_HEADS = {"googlenet": [("aux2", "inception4d"), ("aux1", "inception4a")],
             "inception_v3": [("AuxLogits", "Mixed_6e")]}


# ---- weights that make a wrong implementation fail ----------------------------------------------------------

def redraw(model, gen):
    """Fan-in scaled normal weights, non-trivial biases and norm affine parameters, random extra tables: every
    parameter is drawn here (the builders' own initialisation may have been skipped)."""
    norm_types = (nn.BatchNorm2d, nn.LayerNorm, nn.GroupNorm)
    with torch.no_grad():
        for module in model.modules():
            if isinstance(module, (nn.Conv2d, nn.Linear)):
                w = module.weight
                fan_in = w[0].numel()
                w.copy_(torch.randn(w.shape, generator=gen) * math.sqrt(2.0 / fan_in))
                if module.bias is not None:
                    module.bias.copy_(torch.randn(module.bias.shape, generator=gen) * 0.1)
            elif isinstance(module, norm_types) and getattr(module, "weight", None) is not None:
                module.weight.copy_(0.5 + torch.rand(module.weight.shape, generator=gen))
                module.bias.copy_(torch.randn(module.bias.shape, generator=gen) * 0.2)
        # Anything else trainable the loops above did not reach (class tokens, position tables, layer scales,
        # relative position bias tables, attention in-projections): non-trivial random values.
        touched = set()
        for module in model.modules():
            if isinstance(module, (nn.Conv2d, nn.Linear) + norm_types):
                touched.update(id(p) for p in module.parameters(recurse=False))
        for name, p in model.named_parameters():
            if id(p) not in touched:
                fan_in = p[0].numel() if p.dim() > 1 else 1
                scale = math.sqrt(1.0 / fan_in) if p.dim() > 1 else 0.2
                p.copy_(torch.randn(p.shape, generator=gen) * scale + (0.5 if "scale" in name else 0.0))


def sample(batch, chw, gen):
    """Standard normal noise plus an offset per item and channel: global pooling averages i.i.d. noise away, and
    without the offsets two items of a pooled network (NiN) would give nearly the same output."""
    return torch.randn((batch,) + tuple(chw), generator=gen) + torch.randn((batch, chw[0], 1, 1), generator=gen)


@contextlib.contextmanager
def aux_heads_detached(model, name, with_aux):
    """Without --option aux_logits=true the auxiliary heads stay in the state_dict but do not run in the training
    mode forwards below (they need a larger input than the main path)."""
    detached = [] if with_aux else [(head, getattr(model, head)) for head, _ in AUX_HEADS.get(name, [])]
    for head, _ in detached:
        setattr(model, head, None)
    try:
        yield
    finally:
        for head, module in detached:
            setattr(model, head, module)


def calibrate(model, chw, gen, batch=4):
    """Batch-norm running statistics from a separate random batch (train mode, cumulative), then perturbed."""
    bns = [m for m in model.modules() if isinstance(m, nn.BatchNorm2d)]
    if not bns:
        return
    model.train()
    for m in model.modules():
        if isinstance(m, nn.Dropout):
            m.eval()
    for bn in bns:
        bn.reset_running_stats()
        bn.momentum = None
    with torch.no_grad():
        model(sample(batch, chw, gen))
        for bn in bns:
            bn.running_mean.add_(torch.randn(bn.running_mean.shape, generator=gen) * 0.05 *
                                 bn.running_var.sqrt())
            bn.running_var.mul_(0.9 + 0.2 * torch.rand(bn.running_var.shape, generator=gen))


def head_linears(model, name, with_aux):
    """The Linear layers that produce the model's outputs: the last one, and the last of each auxiliary head."""
    heads = [[m for m in model.modules() if isinstance(m, nn.Linear)][-1:]]
    for head, _ in AUX_HEADS.get(name, []) if with_aux else []:
        heads.append([m for m in getattr(model, head).modules() if isinstance(m, nn.Linear)][-1:])
    return [h[0] for h in heads if h]


def scale_heads(model, name, chw, gen, with_aux, batch=4):
    """Re-draws each output Linear with its weights scaled by the measured input magnitude (fan-in times the mean
    square of its input on a separate batch), so outputs are O(10) however much a deep residual stream has grown."""
    heads = head_linears(model, name, with_aux)
    if not heads:
        return
    seen = {}
    hooks = [h.register_forward_pre_hook(lambda mod, inp, key=i: seen.__setitem__(key, inp[0]))
             for i, h in enumerate(heads)]
    model.train()  # auxiliary heads only run in training mode
    for m in model.modules():
        if isinstance(m, (nn.Dropout, nn.BatchNorm2d)):
            m.eval()
    with torch.no_grad():
        model(sample(batch, chw, gen))
        for i, h in enumerate(heads):
            mean_square = seen[i].pow(2).mean().item()
            h.weight.copy_(torch.randn(h.weight.shape, generator=gen) / math.sqrt(h.in_features * mean_square))
    for hook in hooks:
        hook.remove()


def outputs(model, name, x, with_aux):
    captured = {}
    hooks = []
    if with_aux:
        for head, source in AUX_HEADS[name]:
            hooks.append(getattr(model, source).register_forward_hook(
                lambda mod, inp, out, key=head: captured.__setitem__(key, out)))
    with torch.no_grad():
        result = [model(x)]
        for head, _ in AUX_HEADS.get(name, []) if with_aux else []:
            result.append(getattr(model, head)(captured[head]))
    for h in hooks:
        h.remove()
    return result


def check(name, outs):
    for i, out in enumerate(outs):
        item_norms = out.reshape(out.shape[0], -1).norm(dim=1)
        if not (0.5 <= item_norms.min().item() and item_norms.max().item() <= 1000):
            raise SystemExit(f"{name}: refusing a golden whose output {i} has item norms {item_norms.tolist()} "
                             "(want O(1)-O(100))")
    main = outs[0].reshape(outs[0].shape[0], -1)
    norms = main.norm(dim=1)
    apart = (main[0] - main[1]).norm().item() / max(norms.max().item(), 1e-30)
    if apart < 0.1:
        raise SystemExit(f"{name}: refusing a golden whose two batch items are only {apart:.3g} apart (want >= 0.1)")
    return {"norms": norms.tolist(), "apart": apart}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", required=True, choices=sorted(BUILDERS))
    ap.add_argument("--input", type=int, nargs=3, required=True, metavar=("C", "H", "W"))
    ap.add_argument("--batch", type=int, default=2)
    ap.add_argument("--classes", type=int)
    ap.add_argument("--option", action="append", default=[], help="key=value, as Strix's model options")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    opts = dict(o.split("=", 1) for o in args.option)
    default_classes = 10 if args.model in ("lenet5", "nin") else 1000
    classes = args.classes or default_classes

    torch.manual_seed(args.seed)
    gen = torch.Generator().manual_seed(args.seed)
    model = BUILDERS[args.model](classes, args.input, opts)
    redraw(model, gen)
    with_aux = opts.get("aux_logits") == "true"
    with aux_heads_detached(model, args.model, with_aux):
        calibrate(model, args.input, gen)
        scale_heads(model, args.model, args.input, gen, with_aux)
    model.eval()
    x = sample(args.batch, args.input, gen)
    outs = outputs(model, args.model, x, with_aux)
    summary = check(args.model, outs)

    os.makedirs(args.out, exist_ok=True)
    state = {k: v for k, v in model.state_dict().items()}
    save(state, os.path.join(args.out, "weights.safetensors"), {"model": args.model})
    io = {"input": x}
    io.update({f"output.{i}": o for i, o in enumerate(outs)})
    save(io, os.path.join(args.out, "io.safetensors"), {"model": args.model, "check": json.dumps(summary)})
    print(json.dumps({"model": args.model, "input": args.input, "tensors": len(state), **summary}))


if __name__ == "__main__":
    main()
