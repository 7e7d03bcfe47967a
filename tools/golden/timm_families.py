"""PyTorch definitions of the families torchvision lacks whose weights come from timm (or Cadene's
pretrainedmodels, which timm's ports derive from), written for Strix's equivalence tests: Xception, SE-ResNet /
SE-ResNeXt, Inception-ResNet-v2 and NASNet-A Mobile.

Each is transcribed from the paper's structure with the module names of the port whose state_dict Strix loads
(timm's xception, seresnet50, seresnext50_32x4d, inception_resnet_v2; Cadene's nasnetamobile), so that
state_dict() gives exactly those keys. models.py adds BUILDERS from here; every builder takes
(classes, chw, opts) and returns an nn.Module.
"""
import types
from collections import OrderedDict

import torch
import torch.nn as nn
import torch.nn.functional as F
import torchvision.models as tvm


# ---- Xception (Chollet 2017), timm's xception --------------------------------------------------------------

class SeparableConv(nn.Module):
    """3x3 depthwise conv1 then 1x1 pointwise, no biases."""

    def __init__(self, cin, cout):
        super().__init__()
        self.conv1 = nn.Conv2d(cin, cin, 3, 1, 1, groups=cin, bias=False)
        self.pointwise = nn.Conv2d(cin, cout, 1, bias=False)

    def forward(self, x):
        return self.pointwise(self.conv1(x))


class XceptionBlock(nn.Module):
    """rep: (ReLU, separable conv, BN) x reps, max pool when strided; plus the input or a 1x1 conv + BN skip."""

    def __init__(self, cin, cout, reps, stride, start_with_relu=True, grow_first=True):
        super().__init__()
        layers = []
        c = cin
        for i in range(reps):
            out = cout if grow_first or i == reps - 1 else cin
            if i > 0 or start_with_relu:
                layers.append(nn.ReLU())
            layers += [SeparableConv(c, out), nn.BatchNorm2d(out)]
            c = out
        if stride != 1:
            layers.append(nn.MaxPool2d(3, stride, 1))
        self.rep = nn.Sequential(*layers)
        if cout != cin or stride != 1:
            self.skip = nn.Conv2d(cin, cout, 1, stride, bias=False)
            self.skipbn = nn.BatchNorm2d(cout)
        else:
            self.skip = None

    def forward(self, x):
        shortcut = x if self.skip is None else self.skipbn(self.skip(x))
        return self.rep(x) + shortcut


class Xception(nn.Module):
    def __init__(self, classes):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 32, 3, 2, bias=False)
        self.bn1 = nn.BatchNorm2d(32)
        self.conv2 = nn.Conv2d(32, 64, 3, bias=False)
        self.bn2 = nn.BatchNorm2d(64)
        blocks = [(64, 128, 2, 2, False, True), (128, 256, 2, 2, True, True), (256, 728, 2, 2, True, True)]
        blocks += [(728, 728, 3, 1, True, True)] * 8 + [(728, 1024, 2, 2, True, False)]
        for i, b in enumerate(blocks):
            setattr(self, f"block{i + 1}", XceptionBlock(*b))
        self.conv3 = SeparableConv(1024, 1536)
        self.bn3 = nn.BatchNorm2d(1536)
        self.conv4 = SeparableConv(1536, 2048)
        self.bn4 = nn.BatchNorm2d(2048)
        self.fc = nn.Linear(2048, classes)

    def forward(self, x):
        x = F.relu(self.bn1(self.conv1(x)))
        x = F.relu(self.bn2(self.conv2(x)))
        for i in range(12):
            x = getattr(self, f"block{i + 1}")(x)
        x = F.relu(self.bn3(self.conv3(x)))
        x = F.relu(self.bn4(self.conv4(x)))
        return self.fc(torch.flatten(F.adaptive_avg_pool2d(x, 1), 1))


# ---- SE-ResNet (Hu et al. 2018), timm's seresnet50 / seresnext50_32x4d ---------------------------------------

class SqueezeExcite(nn.Module):
    """timm's SEModule: fc1/fc2 1x1 convs with biases, 1/16 of the channels."""

    def __init__(self, channels):
        super().__init__()
        self.fc1 = nn.Conv2d(channels, channels // 16, 1)
        self.fc2 = nn.Conv2d(channels // 16, channels, 1)

    def forward(self, x):
        return x * torch.sigmoid(self.fc2(F.relu(self.fc1(x.mean((2, 3), keepdim=True)))))


def se_bottleneck_forward(block, x):
    """torchvision's Bottleneck.forward with the SE module after bn3, as timm's resnet with attn_layer='se'."""
    identity = x if block.downsample is None else block.downsample(x)
    y = block.relu(block.bn1(block.conv1(x)))
    y = block.relu(block.bn2(block.conv2(y)))
    y = block.se(block.bn3(block.conv3(y)))
    return block.relu(y + identity)


def se_resnet(torchvision_name):
    """timm's ResNet has torchvision's layout and names, so an SE-ResNet is torchvision's with se added."""
    def build(classes, chw, opts):
        model = getattr(tvm, torchvision_name)(num_classes=classes)
        for stage in (model.layer1, model.layer2, model.layer3, model.layer4):
            for block in stage:
                block.se = SqueezeExcite(block.bn3.num_features)
                block.forward = types.MethodType(se_bottleneck_forward, block)
        return model
    return build


# ---- Inception-ResNet-v2 (Szegedy et al. 2016), timm's inception_resnet_v2 -----------------------------------

def basic_conv(cin, cout, kernel, stride=1, padding=0):
    """timm's BasicConv2d: conv (no bias), bn (eps 0.001), relu."""
    return nn.Sequential(OrderedDict(conv=nn.Conv2d(cin, cout, kernel, stride, padding, bias=False),
                                     bn=nn.BatchNorm2d(cout, eps=0.001), relu=nn.ReLU()))


def conv_chain(cin, specs):
    """A branch of basic convs given as (out, kernel, stride, padding)."""
    mods = []
    for cout, k, s, p in specs:
        mods.append(basic_conv(cin, cout, k, s, p))
        cin = cout
    return nn.Sequential(*mods)


class Concat(nn.Module):
    """Branches branch0, branch1 ... run on the same input and concatenated on channels."""

    def forward(self, x):
        outs = []
        i = 0
        while hasattr(self, f"branch{i}"):
            outs.append(getattr(self, f"branch{i}")(x))
            i += 1
        return torch.cat(outs, 1)


class Mixed5b(Concat):
    def __init__(self):
        super().__init__()
        self.branch0 = basic_conv(192, 96, 1)
        self.branch1 = conv_chain(192, [(48, 1, 1, 0), (64, 5, 1, 2)])
        self.branch2 = conv_chain(192, [(64, 1, 1, 0), (96, 3, 1, 1), (96, 3, 1, 1)])
        self.branch3 = nn.Sequential(nn.AvgPool2d(3, 1, 1, count_include_pad=False), basic_conv(192, 64, 1))


class Mixed6a(Concat):
    def __init__(self):
        super().__init__()
        self.branch0 = basic_conv(320, 384, 3, 2)
        self.branch1 = conv_chain(320, [(256, 1, 1, 0), (256, 3, 1, 1), (384, 3, 2, 0)])
        self.branch2 = nn.MaxPool2d(3, 2)


class Mixed7a(Concat):
    def __init__(self):
        super().__init__()
        self.branch0 = conv_chain(1088, [(256, 1, 1, 0), (384, 3, 2, 0)])
        self.branch1 = conv_chain(1088, [(256, 1, 1, 0), (288, 3, 2, 0)])
        self.branch2 = conv_chain(1088, [(256, 1, 1, 0), (288, 3, 1, 1), (320, 3, 2, 0)])
        self.branch3 = nn.MaxPool2d(3, 2)


class ResidualInception(Concat):
    """Block35 / Block17 / Block8: branches, 1x1 conv2d back to the input width, x + scale * that, ReLU."""

    def __init__(self, channels, branch0, branch1, branch2, scale, relu=True):
        super().__init__()
        self.branch0 = basic_conv(channels, branch0, 1)
        self.branch1 = conv_chain(channels, branch1)
        if branch2:
            self.branch2 = conv_chain(channels, branch2)
        widths = branch0 + branch1[-1][0] + (branch2[-1][0] if branch2 else 0)
        self.conv2d = nn.Conv2d(widths, channels, 1)
        self.scale = scale
        self.relu = relu

    def forward(self, x):
        out = self.conv2d(super().forward(x)) * self.scale + x
        return F.relu(out) if self.relu else out


def block35():
    return ResidualInception(320, 32, [(32, 1, 1, 0), (32, 3, 1, 1)],
                             [(32, 1, 1, 0), (48, 3, 1, 1), (64, 3, 1, 1)], 0.17)


def block17():
    return ResidualInception(1088, 192, [(128, 1, 1, 0), (160, (1, 7), 1, (0, 3)), (192, (7, 1), 1, (3, 0))],
                             None, 0.10)


def block8(scale=0.20, relu=True):
    return ResidualInception(2080, 192, [(192, 1, 1, 0), (224, (1, 3), 1, (0, 1)), (256, (3, 1), 1, (1, 0))],
                             None, scale, relu)


class InceptionResNetV2(nn.Module):
    def __init__(self, classes):
        super().__init__()
        self.conv2d_1a = basic_conv(3, 32, 3, 2)
        self.conv2d_2a = basic_conv(32, 32, 3)
        self.conv2d_2b = basic_conv(32, 64, 3, 1, 1)
        self.maxpool_3a = nn.MaxPool2d(3, 2)
        self.conv2d_3b = basic_conv(64, 80, 1)
        self.conv2d_4a = basic_conv(80, 192, 3)
        self.maxpool_5a = nn.MaxPool2d(3, 2)
        self.mixed_5b = Mixed5b()
        self.repeat = nn.Sequential(*[block35() for _ in range(10)])
        self.mixed_6a = Mixed6a()
        self.repeat_1 = nn.Sequential(*[block17() for _ in range(20)])
        self.mixed_7a = Mixed7a()
        self.repeat_2 = nn.Sequential(*[block8() for _ in range(9)])
        self.block8 = block8(1.0, relu=False)
        self.conv2d_7b = basic_conv(2080, 1536, 1)
        self.classif = nn.Linear(1536, classes)

    def forward(self, x):
        for name in ["conv2d_1a", "conv2d_2a", "conv2d_2b", "maxpool_3a", "conv2d_3b", "conv2d_4a", "maxpool_5a",
                     "mixed_5b", "repeat", "mixed_6a", "repeat_1", "mixed_7a", "repeat_2", "block8", "conv2d_7b"]:
            x = getattr(self, name)(x)
        return self.classif(torch.flatten(F.adaptive_avg_pool2d(x, 1), 1))


# ---- NASNet-A Mobile 4 @ 1056 (Zoph et al. 2018), Cadene's nasnetamobile ----------------------------------
# Cadene reproduces TensorFlow's asymmetric "same" padding of strided ops by zero-padding the top left, running
# the op with symmetric padding and dropping the first row and column; the "shifted" flags below do the same.

BN_EPS_NASNET = 0.001


class NasSeparable(nn.Module):
    def __init__(self, cin, cout, kernel, stride):
        super().__init__()
        self.depthwise_conv2d = nn.Conv2d(cin, cin, kernel, stride, kernel // 2, groups=cin, bias=False)
        self.pointwise_conv2d = nn.Conv2d(cin, cout, 1, bias=False)

    def forward(self, x):
        return self.pointwise_conv2d(self.depthwise_conv2d(x))


class NasBranch(nn.Module):
    """ReLU, separable_1 (maybe shifted), bn_sep_1, ReLU, separable_2, bn_sep_2."""

    def __init__(self, cin, cout, kernel, stride, widen_first=False, shifted=False):
        super().__init__()
        mid = cout if widen_first else cin
        self.separable_1 = NasSeparable(cin, mid, kernel, stride)
        self.bn_sep_1 = nn.BatchNorm2d(mid, eps=BN_EPS_NASNET)
        self.separable_2 = NasSeparable(mid, cout, kernel, 1)
        self.bn_sep_2 = nn.BatchNorm2d(cout, eps=BN_EPS_NASNET)
        self.shifted = shifted

    def forward(self, x):
        x = F.relu(x)
        x = self.separable_1(F.pad(x, (1, 0, 1, 0)))[:, :, 1:, 1:] if self.shifted else self.separable_1(x)
        return self.bn_sep_2(self.separable_2(F.relu(self.bn_sep_1(x))))


def pool3x3(x, stride, use_max, shifted):
    if shifted:
        return pool3x3(F.pad(x, (1, 0, 1, 0)), stride, use_max, False)[:, :, 1:, 1:]
    if use_max:
        return F.max_pool2d(x, 3, stride, 1)
    return F.avg_pool2d(x, 3, stride, 1, count_include_pad=False)


def relu_conv_bn(cin, cout):
    return nn.Sequential(OrderedDict(relu=nn.ReLU(), conv=nn.Conv2d(cin, cout, 1, bias=False),
                                     bn=nn.BatchNorm2d(cout, eps=BN_EPS_NASNET)))


class FactorizedReduction:
    """path_1 / path_2 / final_path_bn of a cell whose other input has twice its resolution."""

    def add_factorized(self, cin, cout):
        self.path_1 = nn.Sequential(OrderedDict(avgpool=nn.AvgPool2d(1, 2, count_include_pad=False),
                                                conv=nn.Conv2d(cin, cout // 2, 1, bias=False)))
        self.path_2 = nn.Module()
        self.path_2.conv = nn.Conv2d(cin, cout // 2, 1, bias=False)
        self.final_path_bn = nn.BatchNorm2d(cout, eps=BN_EPS_NASNET)

    def factorized(self, x):
        x = F.relu(x)
        shifted = F.pad(x, (0, 1, 0, 1))[:, :, 1:, 1:]
        b = self.path_2.conv(F.avg_pool2d(shifted, 1, 2))
        return self.final_path_bn(torch.cat([self.path_1(x), b], 1))


class NasReduction(nn.Module, FactorizedReduction):
    """CellStem0 ('stem0'), CellStem1 ('stem1') and ReductionCell0/1 ('reduction')."""

    def __init__(self, kind, cin, cin_prev, width):
        super().__init__()
        self.kind = kind
        self.shifted = kind != "stem0"
        self.conv_1x1 = relu_conv_bn(cin, width)
        if kind == "stem1":
            self.add_factorized(cin_prev, width)
        elif kind == "reduction":
            self.conv_prev_1x1 = relu_conv_bn(cin_prev, width)
        widen = kind == "stem0"
        right_in = cin_prev if widen else width
        self.comb_iter_0_left = NasBranch(width, width, 5, 2, shifted=self.shifted)
        self.comb_iter_0_right = NasBranch(right_in, width, 7, 2, widen, self.shifted)
        self.comb_iter_1_right = NasBranch(right_in, width, 7, 2, widen, self.shifted)
        self.comb_iter_2_right = NasBranch(right_in, width, 5, 2, widen, self.shifted)
        self.comb_iter_4_left = NasBranch(width, width, 3, 1, shifted=self.shifted)

    def forward(self, x, x_prev):
        cur = self.conv_1x1(x)
        if self.kind == "stem0":
            prev = x
        elif self.kind == "stem1":
            prev = self.factorized(x_prev)
        else:
            prev = self.conv_prev_1x1(x_prev)
        c0 = self.comb_iter_0_left(cur) + self.comb_iter_0_right(prev)
        c1 = pool3x3(cur, 2, True, self.shifted) + self.comb_iter_1_right(prev)
        c2 = pool3x3(cur, 2, False, self.shifted) + self.comb_iter_2_right(prev)
        c3 = pool3x3(c0, 1, False, False) + c1
        c4 = self.comb_iter_4_left(c0) + pool3x3(cur, 2, True, self.shifted)
        return torch.cat([c1, c2, c3, c4], 1)


class NasNormal(nn.Module, FactorizedReduction):
    """NormalCell, or FirstCell when its previous-previous input has twice its resolution."""

    def __init__(self, cin, cin_prev, width, first):
        super().__init__()
        self.first = first
        if first:
            self.add_factorized(cin_prev, width)
        else:
            self.conv_prev_1x1 = relu_conv_bn(cin_prev, width)
        self.conv_1x1 = relu_conv_bn(cin, width)
        self.comb_iter_0_left = NasBranch(width, width, 5, 1)
        self.comb_iter_0_right = NasBranch(width, width, 3, 1)
        self.comb_iter_1_left = NasBranch(width, width, 5, 1)
        self.comb_iter_1_right = NasBranch(width, width, 3, 1)
        self.comb_iter_4_left = NasBranch(width, width, 3, 1)

    def forward(self, x, x_prev):
        left = self.factorized(x_prev) if self.first else self.conv_prev_1x1(x_prev)
        right = self.conv_1x1(x)
        c0 = self.comb_iter_0_left(right) + self.comb_iter_0_right(left)
        c1 = self.comb_iter_1_left(left) + self.comb_iter_1_right(left)
        c2 = pool3x3(right, 1, False, False) + left
        c3 = pool3x3(left, 1, False, False) + pool3x3(left, 1, False, False)
        c4 = self.comb_iter_4_left(right) + right
        return torch.cat([left, c0, c1, c2, c3, c4], 1)


class NasNetAMobile(nn.Module):
    def __init__(self, classes, filters=44, cells=4):
        super().__init__()
        self.conv0 = nn.Sequential(OrderedDict(conv=nn.Conv2d(3, 32, 3, 2, bias=False),
                                               bn=nn.BatchNorm2d(32, eps=BN_EPS_NASNET)))
        self.cell_stem_0 = NasReduction("stem0", 32, 32, filters // 4)
        self.cell_stem_1 = NasReduction("stem1", filters, 32, filters // 2)
        self.order = []
        prev_c, cur_c = filters, 2 * filters
        for stage in range(3):
            width = filters << stage
            for i in range(cells):
                name = f"cell_{6 * stage + i}"
                setattr(self, name, NasNormal(cur_c, prev_c, width, first=i == 0))
                prev_c, cur_c = cur_c, 6 * width
                self.order.append(name)
            if stage < 2:
                name = f"reduction_cell_{stage}"
                setattr(self, name, NasReduction("reduction", cur_c, prev_c, 2 * width))
                prev_c, cur_c = cur_c, 8 * width
                self.order.append(name)
        self.last_linear = nn.Linear(cur_c, classes)

    def forward(self, x):
        x0 = self.conv0(x)
        stem0 = self.cell_stem_0(x0, x0)
        prev, cur = stem0, self.cell_stem_1(stem0, x0)
        for name in self.order:
            prev, cur = cur, getattr(self, name)(cur, prev)
        return self.last_linear(torch.flatten(F.adaptive_avg_pool2d(F.relu(cur), 1), 1))


BUILDERS = {
    "xception": lambda classes, chw, opts: Xception(classes),
    "se_resnet50": se_resnet("resnet50"),
    "se_resnext50_32x4d": se_resnet("resnext50_32x4d"),
    "inception_resnet_v2": lambda classes, chw, opts: InceptionResNetV2(classes),
    "nasnet_a_mobile": lambda classes, chw, opts: NasNetAMobile(classes),
}
