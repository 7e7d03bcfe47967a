"""Golden data for the resampling, transformer and composite layers of LAYERS.md: conv_transpose2d, upsample,
patch_embedding, class_token, position_embedding, layer_scale, multi_head_attention, window_attention and
squeeze_excitation.

Every case draws a random input and random parameters (biases and tables too, so that nothing is tested at its
zero initialisation), runs the PyTorch module or function that defines the layer, and stores inputs, parameters by
their Strix local names, outputs, attributes and tolerance through golden.GoldenFile. window_attention cases also
store torchvision's relative_position_index as <case>.index.relative_position_index (int64), which the Java test
compares with the index Strix computes.

Re-run after changing a case (the output is deterministic for a given torch build):
    /usr/bin/python3 tools/golden/layers_attention.py
"""
import zlib

import torch
import torch.nn.functional as F
import torchvision
from torchvision.models.swin_transformer import ShiftedWindowAttention
from torchvision.ops import SqueezeExcitation

from golden import GoldenFile

ELEMENTWISE = 1e-5
REDUCTION = 1e-4


def rand(*shape):
    return torch.randn(*shape, dtype=torch.float32)


def pair(v):
    return list(v) if isinstance(v, (list, tuple)) else [v, v]


def conv_transpose2d():
    g = GoldenFile("conv_transpose2d")
    cases = [
        # name, N, C, H, W, attributes
        ("k3_s1", 2, 3, 5, 4, {"out_channels": 4, "kernel_size": 3}),
        ("fcn_2x_k4_s2_p1", 1, 2, 6, 5, {"out_channels": 3, "kernel_size": 4, "stride": 2, "padding": 1}),
        ("stride_gt_kernel_op2", 2, 2, 3, 4, {"out_channels": 2, "kernel_size": 2, "stride": 3, "padding": 1,
                                             "output_padding": 2}),
        ("rect_groups2_no_bias", 1, 4, 4, 3, {"out_channels": 6, "kernel_size": [3, 2], "stride": [2, 3],
                                              "padding": [1, 0], "output_padding": [1, 2], "groups": 2,
                                              "bias": False}),
        ("dilation2_op1", 2, 3, 4, 5, {"out_channels": 2, "kernel_size": 3, "stride": 2, "padding": 2,
                                       "output_padding": 1, "dilation": 2}),
        ("depthwise", 1, 4, 5, 5, {"out_channels": 4, "kernel_size": 3, "stride": 2, "groups": 4}),
        ("odd_7x3_k5_p2", 3, 2, 7, 3, {"out_channels": 5, "kernel_size": 5, "padding": 2}),
        ("fcn_4x_k8_s4_p2", 1, 3, 4, 4, {"out_channels": 2, "kernel_size": 8, "stride": 4, "padding": 2}),
        ("stride1_dilation3_op2", 2, 2, 3, 4, {"out_channels": 3, "kernel_size": 2, "dilation": 3,
                                               "output_padding": 2}),
    ]
    for name, n, c, h, w, a in cases:
        groups = a.get("groups", 1)
        out = a["out_channels"]
        m = torch.nn.ConvTranspose2d(c, out, pair(a["kernel_size"]), stride=pair(a.get("stride", 1)),
                                     padding=pair(a.get("padding", 0)),
                                     output_padding=pair(a.get("output_padding", 0)), groups=groups,
                                     bias=a.get("bias", True), dilation=pair(a.get("dilation", 1)))
        x = rand(n, c, h, w)
        params = {"weight": m.weight}
        if m.bias is not None:
            params["bias"] = m.bias
        g.case(name, [x], [m(x)], a, params, REDUCTION)
    g.write()


def upsample():
    g = GoldenFile("upsample")
    cases = [
        ("nearest_x2", (2, 3, 4, 5), {"scale_factor": 2.0}),
        ("nearest_x3", (1, 2, 3, 2), {"mode": "nearest", "scale_factor": 3.0}),
        ("nearest_x1_5", (1, 2, 5, 7), {"scale_factor": 1.5}),
        ("nearest_x1_7_x2_3", (2, 1, 4, 3), {"scale_factor": [1.7, 2.3]}),
        ("nearest_x0_5", (1, 2, 7, 6), {"scale_factor": 0.5}),
        ("nearest_x1_2_same_size", (1, 1, 4, 4), {"scale_factor": 1.2}),
        ("nearest_size_7x5", (1, 3, 3, 4), {"size": [7, 5]}),
        ("nearest_size_3x9", (2, 1, 6, 4), {"size": [3, 9]}),
        ("bilinear_x2", (2, 2, 4, 5), {"mode": "bilinear", "scale_factor": 2.0}),
        ("bilinear_x1_5", (1, 3, 5, 3), {"mode": "bilinear", "scale_factor": 1.5}),
        ("bilinear_x2_5_x1_3", (1, 1, 4, 6), {"mode": "bilinear", "scale_factor": [2.5, 1.3]}),
        ("bilinear_x0_6", (1, 2, 9, 7), {"mode": "bilinear", "scale_factor": 0.6}),
        ("bilinear_size_9x4", (2, 2, 3, 6), {"mode": "bilinear", "size": [9, 4]}),
        ("bilinear_corners_x2", (1, 2, 4, 5), {"mode": "bilinear", "scale_factor": 2.0, "align_corners": True}),
        ("bilinear_corners_size_7x11", (2, 1, 3, 4), {"mode": "bilinear", "size": [7, 11], "align_corners": True}),
        ("bilinear_corners_size_1x5", (1, 2, 4, 3), {"mode": "bilinear", "size": [1, 5], "align_corners": True}),
        ("bilinear_corners_x0_5", (1, 1, 8, 5), {"mode": "bilinear", "scale_factor": 0.5, "align_corners": True}),
    ]
    for name, shape, a in cases:
        x = rand(*shape)
        mode = a.get("mode", "nearest")
        kwargs = {"mode": mode}
        if mode == "bilinear":
            kwargs["align_corners"] = a.get("align_corners", False)
        if "size" in a:
            kwargs["size"] = a["size"]
        else:
            sf = a["scale_factor"]
            kwargs["scale_factor"] = tuple(sf) if isinstance(sf, list) else sf
        g.case(name, [x], [F.interpolate(x, **kwargs)], a, None, ELEMENTWISE)
    g.write()


def patch_embedding():
    g = GoldenFile("patch_embedding")
    for name, (n, c, h, w), e, p in [("p4_e8", (2, 3, 8, 12), 8, 4), ("p16_vit_like", (1, 3, 32, 16), 10, 16),
                                     ("p1", (1, 2, 3, 5), 4, 1), ("p2_c5", (3, 5, 6, 4), 7, 2)]:
        conv = torch.nn.Conv2d(c, e, p, stride=p)
        x = rand(n, c, h, w)
        y = conv(x).flatten(2).transpose(1, 2)
        g.case(name, [x], [y], {"embed_dim": e, "patch_size": p}, {"weight": conv.weight, "bias": conv.bias},
               REDUCTION)
    g.write()


def class_token():
    g = GoldenFile("class_token")
    for name, shape, a in [("vit", (2, 4, 6), {}), ("timm_name", (3, 1, 5), {"param_name": "cls_token"})]:
        x = rand(*shape)
        token = rand(1, 1, shape[2])
        y = torch.cat([token.expand(shape[0], -1, -1), x], dim=1)
        g.case(name, [x], [y], a, {a.get("param_name", "class_token"): token}, ELEMENTWISE)
    g.write()


def position_embedding():
    g = GoldenFile("position_embedding")
    for name, shape, a in [("vit", (2, 5, 4), {}), ("timm_name", (3, 7, 6), {"param_name": "pos_embed"})]:
        x = rand(*shape)
        table = rand(1, shape[1], shape[2])
        g.case(name, [x], [x + table], a, {a.get("param_name", "pos_embedding"): table}, ELEMENTWISE)
    g.write()


def layer_scale():
    g = GoldenFile("layer_scale")
    cases = [
        # name, input shape, parameter shape, attributes
        ("last_axis_c", (2, 3, 4, 5), (5,), {}),
        ("convnext_cnblock_c11", (2, 3, 4, 5), (3, 1, 1), {"axis": 1}),
        ("tokens_explicit_11c", (2, 5, 6), (1, 1, 6), {"param_shape": [1, 1, 6], "param_name": "ls"}),
        ("rank3_axis1_c1", (3, 4, 2), (4, 1), {"axis": 1, "param_name": "scale"}),
    ]
    for name, shape, pshape, a in cases:
        x = rand(*shape)
        gamma = rand(*pshape)
        g.case(name, [x], [x * gamma], a, {a.get("param_name", "gamma"): gamma}, ELEMENTWISE)
    g.write()


def randomize(module):
    """Redraws every parameter, so zero-initialised biases are tested too."""
    with torch.no_grad():
        for p in module.parameters():
            p.copy_(rand(*p.shape) * (0.3 if p.dim() > 1 else 0.5))


def attention(x, q, k, v, heads, proj_w, proj_b):
    """Hand-written scaled dot-product multi-head attention, as timm's Attention computes it."""
    n, length, e = x.shape
    d = e // heads

    def split(t):
        return t.reshape(n, length, heads, d).permute(0, 2, 1, 3)

    attn = (split(q) * d ** -0.5) @ split(k).transpose(-2, -1)
    out = (attn.softmax(dim=-1) @ split(v)).transpose(1, 2).reshape(n, length, e)
    return F.linear(out, proj_w, proj_b)


def multi_head_attention():
    g = GoldenFile("multi_head_attention")
    shapes = [("e8_h2", (2, 5, 8), 2), ("e12_h3_n3", (3, 7, 12), 3), ("e16_h1", (1, 4, 16), 1),
              ("e6_h6", (2, 3, 6), 6), ("vit_like_e24_h4_l17", (1, 17, 24), 4)]
    for name, shape, heads in shapes:
        for bias in (True, False):
            e = shape[2]
            x = rand(*shape)
            mha = torch.nn.MultiheadAttention(e, heads, bias=bias, batch_first=True)
            randomize(mha)
            y, _ = mha(x, x, x, need_weights=False)
            params = {k: v for k, v in mha.state_dict().items()}
            suffix = "" if bias else "_no_bias"
            g.case(f"torch_{name}{suffix}", [x], [y], {"num_heads": heads, "bias": bias}, params, REDUCTION)

            w = rand(3 * e, e) * 0.3
            b = rand(3 * e) * 0.5 if bias else None
            pw = rand(e, e) * 0.3
            pb = rand(e) * 0.5 if bias else None
            x = rand(*shape)
            q, k, v = F.linear(x, w, b).chunk(3, dim=-1)
            y = attention(x, q, k, v, heads, pw, pb)
            params = {"qkv.weight": w, "proj.weight": pw}
            if bias:
                params.update({"qkv.bias": b, "proj.bias": pb})
            g.case(f"timm_{name}{suffix}", [x], [y], {"num_heads": heads, "layout": "timm", "bias": bias}, params,
                   REDUCTION)

            x = rand(*shape)
            params = {}
            projected = []
            for p in ("q", "k", "v"):
                params[p + ".weight"] = rand(e, e) * 0.3
                if bias:
                    params[p + ".bias"] = rand(e) * 0.5
                projected.append(F.linear(x, params[p + ".weight"], params.get(p + ".bias")))
            params["proj.weight"] = rand(e, e) * 0.3
            if bias:
                params["proj.bias"] = rand(e) * 0.5
            y = attention(x, *projected, heads, params["proj.weight"], params.get("proj.bias"))
            g.case(f"separate_{name}{suffix}", [x], [y], {"num_heads": heads, "layout": "separate", "bias": bias},
                   params, REDUCTION)
    g.write()


def window_attention():
    g = GoldenFile("window_attention")
    cases = [
        # name, input [N,H,W,C], heads, window, shift
        ("w4_no_shift", (2, 8, 8, 8), 2, [4, 4], [0, 0]),
        ("w4_shift2", (2, 8, 8, 8), 2, [4, 4], [2, 2]),
        ("pad_7x10_w4_shift2", (1, 7, 10, 8), 2, [4, 4], [2, 2]),
        ("pad_5x6_w3_no_shift", (2, 5, 6, 6), 3, [3, 3], [0, 0]),
        ("window_covers_5x6_w7_shift3", (1, 5, 6, 4), 2, [7, 7], [3, 3]),
        ("covers_height_only_3x9_w3_shift1", (2, 3, 9, 4), 1, [3, 3], [1, 1]),
        ("rect_window_6x9_w2x3_shift1x1", (1, 6, 9, 6), 2, [2, 3], [1, 1]),
        ("shift_width_only_6x6_w3_shift0x1", (1, 6, 6, 4), 2, [3, 3], [0, 1]),
        ("swin_like_14x14_w7_shift3", (1, 14, 14, 16), 4, [7, 7], [3, 3]),
        ("pad_batch3_9x11_w4_shift2x1", (3, 9, 11, 4), 2, [4, 4], [2, 1]),
    ]
    for name, shape, heads, window, shift in cases:
        m = ShiftedWindowAttention(shape[3], window, shift, heads)
        randomize(m)
        x = rand(*shape)
        with torch.no_grad():
            y = m(x)
        params = {k: v for k, v in m.state_dict().items() if k != "relative_position_index"}
        a = {"num_heads": heads, "window_size": window, "shift_size": shift}
        g.case(name, [x], [y], a, params, REDUCTION)
        g.tensors[f"{name}.index.relative_position_index"] = m.relative_position_index.clone()
    g.write()


def squeeze_excitation():
    g = GoldenFile("squeeze_excitation")
    cases = [
        # name, input, reduced, activation, gate, torch activation, torch gate, names
        ("relu_sigmoid", (2, 8, 5, 3), 2, "relu", "sigmoid", torch.nn.ReLU, torch.nn.Sigmoid, None),
        ("silu_sigmoid_efficientnet", (1, 6, 4, 4), 3, "silu", "sigmoid", torch.nn.SiLU, torch.nn.Sigmoid, None),
        ("relu_hard_sigmoid_mobilenetv3", (3, 5, 7, 2), 8, "relu", "hard_sigmoid", torch.nn.ReLU,
         torch.nn.Hardsigmoid, None),
        ("timm_names", (2, 4, 3, 3), 2, "relu", "sigmoid", torch.nn.ReLU, torch.nn.Sigmoid,
         ("conv_reduce", "conv_expand")),
    ]
    for name, shape, reduced, act, gate, torch_act, torch_gate, names in cases:
        m = SqueezeExcitation(shape[1], reduced, activation=torch_act, scale_activation=torch_gate)
        randomize(m)
        x = rand(*shape)
        with torch.no_grad():
            y = m(x)
        a = {"reduced_channels": reduced}
        if act != "relu":
            a["activation"] = act
        if gate != "sigmoid":
            a["gate"] = gate
        params = dict(m.state_dict())
        if names:
            a["reduce_name"], a["expand_name"] = names
            params = {k.replace("fc1.", names[0] + ".").replace("fc2.", names[1] + "."): v
                      for k, v in params.items()}
        g.case(name, [x], [y], a, params, REDUCTION)
    g.write()


def main():
    for make in (conv_transpose2d, upsample, patch_embedding, class_token, position_embedding, layer_scale,
                 multi_head_attention, window_attention, squeeze_excitation):
        # A seed per layer, so that adding a case to one layer leaves the other files as they are.
        torch.manual_seed(zlib.crc32(make.__name__.encode()))
        make()


if __name__ == "__main__":
    print(f"torch {torch.__version__}, torchvision {torchvision.__version__}")
    main()
