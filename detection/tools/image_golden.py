"""Writes the golden data of the detection module's image tests (run with Debian's /usr/bin/python3).

A seeded random RGB image is saved as PNG (the Java test reads it back through Images.read), and the results of
PyTorch's resize / crop / normalise / letterbox on it are stored as float32 tensors in a safetensors file:

  /usr/bin/python3 detection/tools/image_golden.py detection/src/test/resources/golden
"""
import os
import sys

import torch
import torch.nn.functional as F
import torchvision.transforms.functional as TF
from PIL import Image

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "tools", "golden"))
import safetensors_writer  # noqa: E402

out_dir = sys.argv[1]
g = torch.Generator().manual_seed(8)
# Smooth structure plus noise, so that resizing has something to average.
h, w = 37, 53
ys = torch.linspace(0, 1, h)[:, None]
xs = torch.linspace(0, 1, w)[None, :]
base = torch.stack([ys * 200 + xs * 40, (1 - xs) * 180 + 30 * ys, (xs * ys) * 250])
noise = torch.randint(0, 50, (3, h, w), generator=g).float()
img = (base + noise).clamp(0, 255).to(torch.uint8)
Image.fromarray(img.permute(1, 2, 0).numpy(), "RGB").save(os.path.join(out_dir, "image.png"))

x = img.float() / 255.0
mean = [0.485, 0.456, 0.406]
std = [0.229, 0.224, 0.225]
t = {"image": x}
t["bilinear_20x30"] = F.interpolate(x[None], size=(20, 30), mode="bilinear", align_corners=False)[0]
t["bilinear_50x70"] = F.interpolate(x[None], size=(50, 70), mode="bilinear", align_corners=False)[0]
t["antialias_20x30"] = F.interpolate(x[None], size=(20, 30), mode="bilinear", align_corners=False,
                                     antialias=True)[0]
t["antialias_11x17"] = F.interpolate(x[None], size=(11, 17), mode="bilinear", align_corners=False,
                                     antialias=True)[0]
short = TF.resize(x, 32, antialias=True)
t["shorter_32"] = short
t["crop_24"] = TF.center_crop(short, [24, 24])
t["imagenet_32_24"] = TF.normalize(TF.center_crop(short, [24, 24]), mean, std)

# Letterbox into 64x64 the YOLOv5 way: one ratio, round the scaled size, split the padding round(d/2 -+ 0.1).
r = min(64 / h, 64 / w)
nw, nh = round(w * r), round(h * r)
dw, dh = (64 - nw) / 2, (64 - nh) / 2
left, right = round(dw - 0.1), round(dw + 0.1)
top, bottom = round(dh - 0.1), round(dh + 0.1)
scaled = F.interpolate(x[None], size=(nh, nw), mode="bilinear", align_corners=False)[0]
t["letterbox_64"] = F.pad(scaled, (left, right, top, bottom), value=114 / 255)
meta = {"letterbox_64": f"{nw},{nh},{left},{top}"}
safetensors_writer.save({k: v.contiguous() for k, v in t.items()}, os.path.join(out_dir, "image.safetensors"), meta)
print("letterbox", nw, nh, left, top, "shorter", tuple(short.shape))
