"""Exports one torchvision model for the side-by-side benchmark (benchmarks module): the same weights for Strix
(safetensors) and for ONNX Runtime (an ONNX file), plus sample inputs and PyTorch's outputs to check both against.

The model is built with a fixed seed and its weights re-drawn and batch-norm statistics calibrated exactly as the
whole-model goldens do (tools/golden/models.py), so the cross-check cannot pass by accident (ViT's head starts at
zero in torchvision's init). Writes into --out:

  weights.safetensors   the state_dict, names exactly as PyTorch has them (Strix reads it with Weights.read)
  model.onnx            the same model as ONNX (dynamic batch axis), opset --opset
  io-bN.safetensors     for each N of --batches: "input" (N x C x H x W) and "output" (PyTorch, eval mode)

Run with Debian's interpreter (python3-torch 1.13, python3-torchvision 0.14, python3-onnx):
  /usr/bin/python3 tools/onnx/export.py --model resnet50 --batches 1 8 --out benchmarks/target/onnx/resnet50
"""
import argparse
import json
import os
import sys
import time

import onnx
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "golden"))
from models import BUILDERS, calibrate, redraw  # noqa: E402
from safetensors_writer import save  # noqa: E402


def sample_input(batch, chw, gen):
    """Standard normal plus a random offset per item and channel, so that items differ after global pooling."""
    x = torch.randn((batch,) + tuple(chw), generator=gen)
    x += torch.randn((batch, chw[0], 1, 1), generator=gen)
    return x


def distinct(name, y):
    """Refuses a sample whose outputs are not finite or whose first two items are under 10% apart (relative L2):
    a cross-check on such outputs would pass for a wrong implementation. Unlike the goldens' check, any scale is
    fine here, since the benchmark compares relative errors."""
    flat = y.reshape(y.shape[0], -1)
    if not torch.isfinite(flat).all():
        raise SystemExit(f"{name}: PyTorch's output is not finite")
    norms = flat.norm(dim=1)
    apart = (flat[0] - flat[1]).norm().item() / max(norms.max().item(), 1e-30)
    if apart < 0.1:
        raise SystemExit(f"{name}: refusing a sample whose two items are only {apart:.3g} apart (want >= 0.1)")
    return {"norms": [round(v, 3) for v in norms.tolist()], "apart": round(apart, 3)}


def export_onnx(model, x, path, opset):
    tmp = path + ".tmp"
    # Traced with gradients enabled on purpose: under no_grad, torch 1.13's nn.MultiheadAttention (ViT) takes its
    # fused fast path, aten::_native_multi_head_attention, which has no ONNX export.
    torch.onnx.export(model, x[:1], tmp, opset_version=opset, input_names=["input"], output_names=["output"],
                      dynamic_axes={"input": {0: "batch"}, "output": {0: "batch"}}, do_constant_folding=True)
    onnx.checker.check_model(tmp)
    os.replace(tmp, path)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", required=True, choices=sorted(BUILDERS))
    ap.add_argument("--input", type=int, nargs=3, default=[3, 224, 224], metavar=("C", "H", "W"))
    ap.add_argument("--batches", type=int, nargs="+", default=[1])
    ap.add_argument("--opset", type=int, default=17,
                    help="17 (the default) lets ONNX Runtime use its fused LayerNormalization")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    if min(args.batches) < 1:
        raise SystemExit(f"--batches must be at least 1, got {args.batches}")

    started = time.time()
    torch.manual_seed(args.seed)
    gen = torch.Generator().manual_seed(args.seed)
    model = BUILDERS[args.model](1000, args.input, {})
    redraw(model, gen)
    calibrate(model, args.input, gen)
    model.eval()

    # One batch as large as the largest asked for (at least two items, which distinct() compares); eval-mode items
    # are independent, so the first N items and their outputs are the batch-N sample.
    x = sample_input(max(2, max(args.batches)), args.input, gen)
    with torch.no_grad():
        y = model(x)
    summary = distinct(args.model, y)

    os.makedirs(args.out, exist_ok=True)
    save(model.state_dict(), os.path.join(args.out, "weights.safetensors"), {"model": args.model})
    for n in sorted(set(args.batches)):
        save({"input": x[:n], "output": y[:n]}, os.path.join(args.out, f"io-b{n}.safetensors"),
             {"model": args.model, "batch": n})
    export_onnx(model, x, os.path.join(args.out, "model.onnx"), args.opset)
    print(json.dumps({"model": args.model, "out": args.out, "opset": args.opset, "batches": sorted(set(args.batches)),
                      "seconds": round(time.time() - started, 1), **summary}))


if __name__ == "__main__":
    main()
