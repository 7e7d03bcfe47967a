"""Golden data for the core layers of LAYERS.md: conv2d; max_pool2d, avg_pool2d, adaptive_avg_pool2d,
global_avg_pool, global_max_pool; pad, identity, flatten, reshape, permute, concat, split, slice; add, mul, matmul,
linear; batch_norm, layer_norm, group_norm, local_response_norm; the activations; dropout and stochastic_depth.

Every case draws random inputs and random parameters (biases, running statistics and affine parameters too, so
that nothing is tested at its initial value), runs the PyTorch function that defines the layer, and stores inputs,
parameters by their Strix local names, outputs, attributes and tolerance through golden.GoldenFile. Configurations
cover odd sizes, batch > 1, stride > kernel, padding, dilation, groups and depthwise, asymmetric padding, same and
valid, ceil_mode, count_include_pad both ways, broadcast shapes and negative axes.

Re-run after changing a case (the output is deterministic for a given torch build):
    /usr/bin/python3 tools/golden/layers_core.py [layer ...]
"""
import sys

import torch
import torch.nn.functional as F

from golden import GoldenFile

ELEMENTWISE = 1e-5
REDUCTION = 1e-4


def rand(*shape, scale=1.0):
    return torch.randn(*shape, dtype=torch.float32) * scale


def pair(v):
    return list(v) if isinstance(v, (list, tuple)) else [v, v]


def conv2d():
    g = GoldenFile("conv2d")
    cases = [
        # name, N, C, H, W, attributes
        ("k3_p1_batch2", 2, 3, 7, 6, {"out_channels": 4, "kernel_size": 3, "padding": 1}),
        ("k7_s2_p3_no_bias", 1, 3, 15, 13, {"out_channels": 5, "kernel_size": 7, "stride": 2, "padding": 3,
                                             "bias": False}),
        ("stride_gt_kernel", 2, 2, 11, 10, {"out_channels": 3, "kernel_size": 2, "stride": 3}),
        ("rect_kernel_stride_pad", 1, 3, 9, 12, {"out_channels": 2, "kernel_size": [3, 5], "stride": [2, 1],
                                                 "padding": [1, 2]}),
        ("dilation2", 2, 2, 9, 9, {"out_channels": 3, "kernel_size": 3, "dilation": 2, "padding": 2}),
        ("dilation_rect_stride2", 1, 3, 12, 11, {"out_channels": 2, "kernel_size": 3, "dilation": [2, 3],
                                                 "stride": 2, "padding": [1, 3]}),
        ("groups2", 2, 4, 6, 7, {"out_channels": 6, "kernel_size": 3, "groups": 2, "padding": 1}),
        ("groups3_no_bias", 1, 6, 5, 5, {"out_channels": 9, "kernel_size": 1, "groups": 3, "bias": False}),
        ("depthwise_s2", 2, 5, 9, 8, {"out_channels": 5, "kernel_size": 3, "groups": 5, "stride": 2,
                                       "padding": 1}),
        ("depthwise_multiplier2", 1, 3, 7, 7, {"out_channels": 6, "kernel_size": 5, "groups": 3, "padding": 2}),
        ("asymmetric_pad", 1, 3, 8, 8, {"out_channels": 4, "kernel_size": 3, "stride": 2,
                                         "padding": [0, 1, 1, 0]}),
        ("asymmetric_pad_large", 2, 2, 5, 6, {"out_channels": 3, "kernel_size": [2, 3], "padding": [3, 0, 1, 2]}),
        ("same_odd", 2, 3, 7, 5, {"out_channels": 4, "kernel_size": 3, "padding_mode": "same"}),
        ("same_even", 1, 2, 6, 7, {"out_channels": 3, "kernel_size": 4, "padding_mode": "same"}),
        ("same_dilated_rect", 1, 2, 9, 8, {"out_channels": 2, "kernel_size": [2, 3], "dilation": [3, 2],
                                           "padding_mode": "same"}),
        ("valid", 2, 3, 8, 9, {"out_channels": 2, "kernel_size": 3, "padding_mode": "valid"}),
        ("pointwise", 2, 16, 5, 5, {"out_channels": 8, "kernel_size": 1}),
        ("pointwise_stride2", 1, 8, 7, 6, {"out_channels": 4, "kernel_size": 1, "stride": 2}),
        ("kernel_equals_input", 2, 3, 5, 4, {"out_channels": 3, "kernel_size": [5, 4]}),
        ("wide_channels", 1, 32, 6, 6, {"out_channels": 16, "kernel_size": 3, "padding": 1, "stride": 2}),
    ]
    for name, n, c, h, w, a in cases:
        k = pair(a["kernel_size"])
        groups = a.get("groups", 1)
        x = rand(n, c, h, w)
        weight = rand(a["out_channels"], c // groups, *k, scale=(c // groups * k[0] * k[1]) ** -0.5)
        params = {"weight": weight}
        bias = None
        if a.get("bias", True):
            bias = rand(a["out_channels"])
            params["bias"] = bias
        mode = a.get("padding_mode", "explicit")
        padding = a.get("padding", 0)
        source = x
        if mode != "explicit":
            padding = mode
        elif isinstance(padding, list) and len(padding) == 4:
            # [top, left, bottom, right] is not a Conv2d padding: pad explicitly, then convolve without.
            top, left, bottom, right = padding
            source = F.pad(x, (left, right, top, bottom))
            padding = 0
        if not isinstance(padding, str):
            padding = pair(padding)
        y = F.conv2d(source, weight, bias, stride=pair(a.get("stride", 1)), padding=padding,
                     dilation=pair(a.get("dilation", 1)), groups=groups)
        g.case(name, [x], [y], a, params, REDUCTION)
    g.write()


def max_pool2d():
    g = GoldenFile("max_pool2d")
    cases = [
        ("k2_batch2", 2, 3, 6, 7, {"kernel_size": 2}),
        ("k3_s2_p1", 1, 2, 9, 8, {"kernel_size": 3, "stride": 2, "padding": 1}),
        ("k3_s2_ceil", 2, 2, 8, 8, {"kernel_size": 3, "stride": 2, "ceil_mode": True}),
        ("k3_s2_p1_ceil_odd", 1, 3, 10, 7, {"kernel_size": 3, "stride": 2, "padding": 1, "ceil_mode": True}),
        ("k2_s2_p1_ceil_drop", 1, 2, 5, 5, {"kernel_size": 2, "stride": 2, "padding": 1, "ceil_mode": True}),
        ("stride_gt_kernel", 2, 2, 11, 9, {"kernel_size": 2, "stride": 3}),
        ("dilation2", 1, 2, 9, 10, {"kernel_size": 3, "stride": 1, "dilation": 2, "padding": 1}),
        ("rect", 1, 3, 7, 9, {"kernel_size": [2, 3], "stride": [1, 2], "padding": [1, 0]}),
        ("k3_s1_p1_yolo", 2, 2, 5, 5, {"kernel_size": 3, "stride": 1, "padding": 1}),
        ("global_like", 1, 4, 7, 7, {"kernel_size": 7}),
    ]
    for name, n, c, h, w, a in cases:
        x = rand(n, c, h, w)
        y = F.max_pool2d(x, pair(a["kernel_size"]), pair(a.get("stride", a["kernel_size"])),
                         pair(a.get("padding", 0)), pair(a.get("dilation", 1)), ceil_mode=a.get("ceil_mode", False))
        g.case(name, [x], [y], a, tolerance=ELEMENTWISE)
    g.write()


def avg_pool2d():
    g = GoldenFile("avg_pool2d")
    cases = [
        ("k2_batch2", 2, 3, 6, 7, {"kernel_size": 2}),
        ("k3_s2_p1_include", 1, 2, 9, 8, {"kernel_size": 3, "stride": 2, "padding": 1}),
        ("k3_s2_p1_exclude", 1, 2, 9, 8, {"kernel_size": 3, "stride": 2, "padding": 1,
                                          "count_include_pad": False}),
        ("k3_s2_ceil", 2, 2, 8, 8, {"kernel_size": 3, "stride": 2, "ceil_mode": True}),
        ("k3_s2_p1_ceil_include", 1, 3, 10, 7, {"kernel_size": 3, "stride": 2, "padding": 1, "ceil_mode": True}),
        ("k3_s2_p1_ceil_exclude", 1, 3, 10, 7, {"kernel_size": 3, "stride": 2, "padding": 1, "ceil_mode": True,
                                                "count_include_pad": False}),
        ("k2_s2_p1_ceil", 1, 2, 6, 5, {"kernel_size": 2, "stride": 2, "padding": 1, "ceil_mode": True}),
        ("stride_gt_kernel", 2, 2, 11, 9, {"kernel_size": 2, "stride": 3}),
        ("rect_p", 1, 3, 7, 9, {"kernel_size": [3, 2], "stride": [2, 1], "padding": [1, 1]}),
        ("k3_s1_p1_inception", 2, 3, 5, 5, {"kernel_size": 3, "stride": 1, "padding": 1,
                                            "count_include_pad": False}),
    ]
    for name, n, c, h, w, a in cases:
        x = rand(n, c, h, w)
        y = F.avg_pool2d(x, pair(a["kernel_size"]), pair(a.get("stride", a["kernel_size"])),
                         pair(a.get("padding", 0)), ceil_mode=a.get("ceil_mode", False),
                         count_include_pad=a.get("count_include_pad", True))
        g.case(name, [x], [y], a, tolerance=REDUCTION)
    g.write()


def adaptive_avg_pool2d():
    g = GoldenFile("adaptive_avg_pool2d")
    cases = [
        ("7_to_3", 2, 3, 7, 7, {"output_size": 3}),
        ("5x6_to_2x4", 1, 2, 5, 6, {"output_size": [2, 4]}),
        ("3_to_5", 1, 2, 3, 3, {"output_size": 5}),
        ("13_to_6", 2, 2, 13, 13, {"output_size": 6}),
        ("same_size", 1, 3, 4, 5, {"output_size": [4, 5]}),
        ("to_1", 2, 4, 6, 5, {"output_size": 1}),
        ("11x4_to_7x3", 1, 2, 11, 4, {"output_size": [7, 3]}),
    ]
    for name, n, c, h, w, a in cases:
        x = rand(n, c, h, w)
        g.case(name, [x], [F.adaptive_avg_pool2d(x, pair(a["output_size"]))], a, tolerance=REDUCTION)
    g.write()


def global_pools():
    for layer, fn in (("global_avg_pool", lambda x: x.mean(dim=(2, 3), keepdim=True)),
                      ("global_max_pool", lambda x: x.amax(dim=(2, 3), keepdim=True))):
        g = GoldenFile(layer)
        for name, shape in (("batch2", (2, 3, 5, 4)), ("plane1x1", (1, 4, 1, 1)), ("wide", (2, 8, 7, 7)),
                            ("odd", (3, 2, 3, 9))):
            x = rand(*shape)
            g.case(name, [x], [fn(x)], {}, tolerance=REDUCTION if layer == "global_avg_pool" else ELEMENTWISE)
        g.write()


def pad():
    g = GoldenFile("pad")
    cases = [
        ("constant_bottom_right", (2, 3, 5, 5), {"pads": [0, 0, 1, 1]}),
        ("constant_value", (1, 2, 4, 3), {"pads": [1, 2, 3, 0], "value": 1.5}),
        ("constant_rank3", (2, 4, 5), {"pads": [2, 1, 0, 3]}),
        ("reflect", (1, 2, 4, 5), {"pads": [1, 2, 2, 1], "mode": "reflect"}),
        ("reflect_max", (2, 1, 3, 4), {"pads": [2, 3, 2, 3], "mode": "reflect"}),
        ("replicate", (1, 2, 3, 3), {"pads": [3, 0, 1, 2], "mode": "replicate"}),
        ("replicate_rank3", (2, 3, 4), {"pads": [1, 1, 1, 1], "mode": "replicate"}),
        ("zero_pads", (1, 2, 3, 3), {"pads": [0, 0, 0, 0]}),
    ]
    for name, shape, a in cases:
        x = rand(*shape)
        t, l, b, r = a["pads"]
        mode = a.get("mode", "constant")
        if mode == "constant":
            y = F.pad(x, (l, r, t, b), value=a.get("value", 0.0))
        elif len(shape) == 3:
            # PyTorch 1.13 pads the last two dims of a 3-D tensor only through a batch dimension.
            y = F.pad(x.unsqueeze(0), (l, r, t, b), mode=mode).squeeze(0)
        else:
            y = F.pad(x, (l, r, t, b), mode=mode)
        g.case(name, [x], [y], a, tolerance=ELEMENTWISE)
    g.write()


def shape_layers():
    g = GoldenFile("identity")
    for name, shape in (("nchw", (2, 3, 4, 4)), ("vector", (5,))):
        x = rand(*shape)
        g.case(name, [x], [x.clone()], {}, tolerance=ELEMENTWISE)
    g.write()

    g = GoldenFile("flatten")
    for name, shape, a in (("default", (2, 3, 2, 2), {}), ("dims_2_3", (2, 3, 2, 2, 2), {"start_dim": 2,
                                                                                       "end_dim": 3}),
                           ("all", (2, 3, 4), {"start_dim": 0}), ("negative", (2, 3, 4, 5), {"start_dim": -3,
                                                                                         "end_dim": -2}),
                           ("single_dim", (2, 3, 4), {"start_dim": 1, "end_dim": 1})):
        x = rand(*shape)
        g.case(name, [x], [torch.flatten(x, a.get("start_dim", 1), a.get("end_dim", -1))], a, tolerance=ELEMENTWISE)
    g.write()

    g = GoldenFile("reshape")
    for name, shape, a in (("keep_batch_infer", (2, 8, 3), {"shape": [0, 4, -1]}),
                           ("heads", (2, 5, 12), {"shape": [0, 0, 3, 4]}),
                           ("flat", (3, 2, 2), {"shape": [-1]}),
                           ("explicit", (2, 6), {"shape": [4, 3]})):
        x = rand(*shape)
        target = [shape[i] if d == 0 else d for i, d in enumerate(a["shape"])]
        g.case(name, [x], [x.reshape(target)], a, tolerance=ELEMENTWISE)
    g.write()

    g = GoldenFile("permute")
    for name, shape, dims in (("nchw_to_nhwc", (2, 3, 4, 5), [0, 2, 3, 1]), ("nhwc_to_nchw", (2, 4, 5, 3),
                                                                             [0, 3, 1, 2]),
                              ("negative", (2, 3, 5), [0, -1, -2]), ("rank5", (2, 3, 2, 4, 3), [4, 2, 0, 3, 1])):
        x = rand(*shape)
        g.case(name, [x], [x.permute(*dims).contiguous()], {"dims": dims}, tolerance=ELEMENTWISE)
    g.write()

    g = GoldenFile("concat")
    for name, shapes, a in (("channels3", [(2, 3, 4, 4), (2, 5, 4, 4), (2, 1, 4, 4)], {}),
                            ("last_axis", [(2, 3, 4), (2, 3, 2)], {"axis": -1}),
                            ("batch_axis", [(1, 3, 2), (2, 3, 2)], {"axis": 0}),
                            ("single", [(2, 3, 3)], {"axis": 1}),
                            ("tokens", [(2, 1, 6), (2, 4, 6)], {"axis": -2})):
        xs = [rand(*s) for s in shapes]
        g.case(name, xs, [torch.cat(xs, a.get("axis", 1))], a, tolerance=ELEMENTWISE)
    g.write()

    g = GoldenFile("split")
    for name, shape, a in (("channels", (2, 6, 3, 3), {"sizes": [2, 3, 1]}),
                           ("last_axis", (2, 3, 8), {"axis": -1, "sizes": [4, 4]}),
                           ("qkv", (2, 5, 9), {"axis": 2, "sizes": [3, 3, 3]}),
                           ("whole", (2, 4), {"sizes": [4]})):
        x = rand(*shape)
        ys = torch.split(x, a["sizes"], dim=a.get("axis", 1))
        g.case(name, [x], [y.contiguous() for y in ys], a, tolerance=ELEMENTWISE)
    g.write()

    g = GoldenFile("slice")
    for name, shape, a in (("channels", (2, 5, 3, 3), {"axis": 1, "start": 1, "end": 4}),
                           ("negative_step2", (2, 3, 8), {"axis": -1, "start": -7, "end": -1, "step": 2}),
                           ("class_token", (2, 5, 6), {"axis": 1, "start": 0, "end": 1}),
                           ("step3_to_end", (3, 10), {"axis": 1, "start": 1, "end": 10, "step": 3}),
                           ("batch", (4, 2, 2), {"axis": 0, "start": 2, "end": 4})):
        x = rand(*shape)
        idx = [slice(None)] * len(shape)
        idx[a["axis"]] = slice(a["start"], a["end"], a.get("step", 1))
        g.case(name, [x], [x[tuple(idx)].contiguous()], a, tolerance=ELEMENTWISE)
    g.write()


def math_layers():
    broadcasts = (("same", (2, 3, 4, 4), (2, 3, 4, 4)), ("channel_scale", (2, 3, 4, 4), (2, 3, 1, 1)),
                  ("both_stretched", (3, 1, 5), (4, 1)), ("lower_rank", (2, 6, 5), (5,)),
                  ("scalar_like", (1,), (2, 3)), ("left_stretched", (1, 3, 1), (2, 3, 4)))
    for layer, fn in (("add", torch.add), ("mul", torch.mul)):
        g = GoldenFile(layer)
        for name, sa, sb in broadcasts:
            a, b = rand(*sa), rand(*sb)
            g.case(name, [a, b], [fn(a, b)], {}, tolerance=ELEMENTWISE)
        g.write()

    g = GoldenFile("matmul")
    for name, sa, sb, t in (("2d", (5, 7), (7, 3), False), ("batched", (2, 4, 6), (2, 6, 5), False),
                            ("transposed_b", (2, 3, 4, 6), (2, 3, 5, 6), True),
                            ("broadcast_batch", (2, 1, 4, 6), (3, 6, 2), False),
                            ("shared_b", (3, 4, 5), (5, 2), False),
                            ("attention_scores", (2, 3, 7, 4), (2, 3, 7, 4), True)):
        a, b = rand(*sa), rand(*sb)
        y = torch.matmul(a, b.transpose(-1, -2) if t else b)
        g.case(name, [a, b], [y], {"transpose_b": True} if t else {}, tolerance=REDUCTION)
    g.write()

    g = GoldenFile("linear")
    for name, shape, a in (("2d", (2, 20), {"out_features": 7}), ("tokens_no_bias", (2, 3, 8),
                                                                  {"out_features": 5, "bias": False}),
                           ("vector", (6,), {"out_features": 4}), ("wide", (3, 64), {"out_features": 33})):
        x = rand(*shape)
        w = rand(a["out_features"], shape[-1], scale=shape[-1] ** -0.5)
        params = {"weight": w}
        b = None
        if a.get("bias", True):
            b = rand(a["out_features"])
            params["bias"] = b
        g.case(name, [x], [F.linear(x, w, b)], a, params, REDUCTION)
    g.write()


def norms():
    g = GoldenFile("batch_norm")
    for name, shape, a in (("nchw", (2, 3, 4, 5), {}), ("nc_eps", (4, 6), {"eps": 1e-3}),
                           ("ncl", (2, 5, 7), {}), ("wide", (1, 16, 3, 3), {"eps": 0.001})):
        c = shape[1]
        x = rand(*shape)
        p = {"weight": rand(c), "bias": rand(c), "running_mean": rand(c, scale=0.5),
             "running_var": torch.rand(c) + 0.5}
        y = F.batch_norm(x, p["running_mean"], p["running_var"], p["weight"], p["bias"], False, 0.0,
                         a.get("eps", 1e-5))
        g.case(name, [x], [y], a, p, REDUCTION)
    g.write()

    g = GoldenFile("layer_norm")
    for name, shape, a in (("tokens", (2, 5, 8), {"normalized_shape": [8]}),
                           ("last_two_no_affine", (2, 3, 4), {"normalized_shape": [3, 4],
                                                              "elementwise_affine": False}),
                           ("eps_1e6", (3, 10), {"normalized_shape": [10], "eps": 1e-6}),
                           ("channels_first", (2, 6, 3, 4), {"channels_first": True, "eps": 1e-6}),
                           ("channels_first_shape", (1, 4, 5, 5), {"channels_first": True,
                                                                   "normalized_shape": [4]})):
        x = rand(*shape, scale=2.0) + 0.5
        eps = a.get("eps", 1e-5)
        affine = a.get("elementwise_affine", True)
        if a.get("channels_first"):
            ns = [shape[1]]
        else:
            ns = a["normalized_shape"]
        p = {"weight": rand(*ns), "bias": rand(*ns)} if affine else {}
        w, b = (p["weight"], p["bias"]) if affine else (None, None)
        if a.get("channels_first"):
            # torchvision's LayerNorm2d: permute to channels last, normalise, permute back.
            y = F.layer_norm(x.permute(0, 2, 3, 1), ns, w, b, eps).permute(0, 3, 1, 2)
        else:
            y = F.layer_norm(x, ns, w, b, eps)
        g.case(name, [x], [y], a, p, REDUCTION)
    g.write()

    g = GoldenFile("group_norm")
    for name, shape, a in (("groups3", (2, 6, 3, 3), {"num_groups": 3}),
                           ("one_group_no_affine", (2, 4, 5), {"num_groups": 1, "affine": False}),
                           ("per_channel", (1, 5, 4, 4), {"num_groups": 5, "eps": 1e-3}),
                           ("groups2_odd", (3, 4, 3, 5), {"num_groups": 2})):
        x = rand(*shape, scale=1.5) - 0.3
        c = shape[1]
        affine = a.get("affine", True)
        p = {"weight": rand(c), "bias": rand(c)} if affine else {}
        y = F.group_norm(x, a["num_groups"], p.get("weight"), p.get("bias"), a.get("eps", 1e-5))
        g.case(name, [x], [y], a, p, REDUCTION)
    g.write()

    g = GoldenFile("local_response_norm")
    for name, shape, a in (("alexnet", (2, 7, 3, 3), {"size": 5, "alpha": 1e-4, "beta": 0.75, "k": 2.0}),
                           ("even_size_strong", (1, 4, 2, 3), {"size": 2, "alpha": 0.5}),
                           ("size3_defaults", (2, 6, 4, 4), {"size": 3}),
                           ("wider_than_channels", (1, 3, 2, 2), {"size": 7, "alpha": 1.0, "beta": 0.5,
                                                                  "k": 0.5}),
                           ("rank3", (2, 5, 6), {"size": 3, "alpha": 0.1})):
        x = rand(*shape, scale=3.0)
        y = F.local_response_norm(x, a["size"], a.get("alpha", 1e-4), a.get("beta", 0.75), a.get("k", 1.0))
        g.case(name, [x], [y], a, tolerance=REDUCTION)
    g.write()


def activations():
    special = torch.tensor([-6.0, -3.0, -1e-3, 0.0, 1e-3, 3.0, 6.0, 50.0, -50.0, 0.5])
    elementwise = {
        "relu": (lambda x, a: F.relu(x), [{}]),
        "relu6": (lambda x, a: F.relu6(x), [{}]),
        "leaky_relu": (lambda x, a: F.leaky_relu(x, a.get("negative_slope", 0.01)), [{}, {"negative_slope": 0.2}]),
        "elu": (lambda x, a: F.elu(x, a.get("alpha", 1.0)), [{}, {"alpha": 0.5}]),
        "gelu": (lambda x, a: F.gelu(x, approximate=a.get("approximate", "none")), [{}, {"approximate": "tanh"}]),
        "sigmoid": (lambda x, a: torch.sigmoid(x), [{}]),
        "hard_sigmoid": (lambda x, a: F.hardsigmoid(x), [{}]),
        "tanh": (lambda x, a: torch.tanh(x), [{}]),
        "silu": (lambda x, a: F.silu(x), [{}]),
        "hard_swish": (lambda x, a: F.hardswish(x), [{}]),
    }
    for layer, (fn, attribute_sets) in elementwise.items():
        g = GoldenFile(layer)
        for i, a in enumerate(attribute_sets):
            suffix = "" if not a else "_" + "_".join(str(v) for v in a.values())
            x = rand(2, 3, 5, 7, scale=4.0)
            g.case("nchw" + suffix, [x], [fn(x, a)], a, tolerance=ELEMENTWISE)
            g.case("special" + suffix, [special], [fn(special, a)], a, tolerance=ELEMENTWISE)
            x = rand(3, 11, scale=0.5)
            g.case("small" + suffix, [x], [fn(x, a)], a, tolerance=ELEMENTWISE)
        g.write()

    for layer, fn in (("softmax", F.softmax), ("log_softmax", F.log_softmax)):
        g = GoldenFile(layer)
        for name, shape, a, scale in (("last_axis", (2, 3, 7), {}, 1.0), ("axis1", (2, 5, 3, 3), {"axis": 1}, 1.0),
                                      ("axis0", (4, 3), {"axis": 0}, 1.0),
                                      ("negative_axis_large", (2, 6, 4), {"axis": -2}, 30.0),
                                      ("logits", (3, 1000), {}, 5.0)):
            x = rand(*shape, scale=scale)
            g.case(name, [x], [fn(x, dim=a.get("axis", -1))], a, tolerance=REDUCTION)
        g.write()


def regularization():
    for layer, sets in (("dropout", [{}, {"p": 0.2}]), ("stochastic_depth", [{}, {"p": 0.1, "mode": "row"},
                                                                              {"p": 0.3, "mode": "batch"}])):
        g = GoldenFile(layer)
        for i, a in enumerate(sets):
            x = rand(2, 3, 4, 4)
            module = torch.nn.Dropout(a.get("p", 0.5)) if layer == "dropout" else None
            if module is not None:
                module.eval()
                y = module(x)
            else:
                from torchvision.ops import stochastic_depth
                y = stochastic_depth(x, a.get("p", 0.0), a.get("mode", "row"), training=False)
            g.case(f"case{i}", [x], [y], a, tolerance=ELEMENTWISE)
        g.write()


GENERATORS = {
    "conv2d": conv2d, "max_pool2d": max_pool2d, "avg_pool2d": avg_pool2d,
    "adaptive_avg_pool2d": adaptive_avg_pool2d, "global_pools": global_pools, "pad": pad,
    "shape": shape_layers, "math": math_layers, "norm": norms, "activations": activations,
    "regularization": regularization,
}

if __name__ == "__main__":
    chosen = sys.argv[1:] or list(GENERATORS)
    for key in chosen:
        torch.manual_seed(sum(map(ord, key)))
        GENERATORS[key]()
