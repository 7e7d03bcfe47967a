"""Shared writer for Strix's layer golden files.

Each layer gets one safetensors file, layers-plugins/src/test/resources/golden/<layer>.safetensors, holding for
every configuration <case> the tensors <case>.input.<i>, <case>.param.<local name>, <case>.output.<i> and a
metadata entry <case> = JSON {"attributes": {...}, "tolerance": t}. The Java side reads it with GoldenFile.

Run with Debian's interpreter (it sees python3-torch): /usr/bin/python3 tools/golden/<generator>.py
"""
import json
import os

import torch
from safetensors_writer import save

ROOT = os.path.normpath(os.path.join(os.path.dirname(__file__), "..", ".."))
OUT_DIR = os.path.join(ROOT, "layers-plugins", "src", "test", "resources", "golden")


class GoldenFile:
    """Collects the cases of one layer type and writes them as one file."""

    def __init__(self, layer):
        self.layer = layer
        self.tensors = {}
        self.metadata = {}

    def case(self, name, inputs, outputs, attributes, params=None, tolerance=1e-5):
        if name in self.metadata:
            raise ValueError(f"{self.layer}: case {name} written twice")
        for i, t in enumerate(inputs):
            self.tensors[f"{name}.input.{i}"] = t
        for i, t in enumerate(outputs):
            self.tensors[f"{name}.output.{i}"] = t
        for k, t in (params or {}).items():
            self.tensors[f"{name}.param.{k}"] = t
        self.metadata[name] = json.dumps({"attributes": attributes, "tolerance": tolerance})

    def write(self):
        os.makedirs(OUT_DIR, exist_ok=True)
        path = os.path.join(OUT_DIR, f"{self.layer}.safetensors")
        save({k: v.detach().contiguous() for k, v in self.tensors.items()}, path, self.metadata)
        print(f"wrote {path}: {len(self.metadata)} cases")
