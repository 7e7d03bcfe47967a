"""Writes golden data for the detection module's box and NMS tests (run with Debian's /usr/bin/python3):
torchvision.ops IoU / GIoU / DIoU matrices and nms / batched_nms results on seeded random, clustered boxes.

  /usr/bin/python3 detection/tools/nms_golden.py detection/src/test/resources/golden
"""
import os
import sys

import torch
import torchvision.ops as ops

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "tools", "golden"))
import safetensors_writer  # noqa: E402

g = torch.Generator().manual_seed(88)
n, classes = 400, 6
# Boxes around 25 cluster centres so that many overlap.
centres = torch.rand(25, 2, generator=g) * 200
pick = torch.randint(0, 25, (n,), generator=g)
c = centres[pick] + torch.randn(n, 2, generator=g) * 6
wh = 10 + torch.rand(n, 2, generator=g) * 30
boxes = torch.cat([c - wh / 2, c + wh / 2], dim=1)
scores = torch.rand(n, generator=g)
labels = torch.randint(0, classes, (n,), generator=g)

t = {
    "boxes": boxes,
    "scores": scores,
    "classes": labels.float(),
    "nms_agnostic_0.5": ops.nms(boxes, scores, 0.5).float(),
    "nms_aware_0.5": ops.batched_nms(boxes, scores, labels, 0.5).float(),
    "nms_aware_0.3": ops.batched_nms(boxes, scores, labels, 0.3).float(),
    "iou_20": ops.box_iou(boxes[:20], boxes[:20]),
    "giou_20": ops.generalized_box_iou(boxes[:20], boxes[:20]),
    "diou_20": ops.distance_box_iou(boxes[:20], boxes[:20]),
}
safetensors_writer.save({k: v.contiguous() for k, v in t.items()}, os.path.join(sys.argv[1], "nms.safetensors"))
print({k: tuple(v.shape) for k, v in t.items()})
