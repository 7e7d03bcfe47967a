package dev.strix.models;

import dev.strix.api.spi.ModelFamily;
import dev.strix.api.spi.Plugin;
import dev.strix.models.alexnet.AlexNet;
import dev.strix.models.convnext.ConvNext;
import dev.strix.models.densenet.DenseNet;
import dev.strix.models.googlenet.GoogLeNet;
import dev.strix.models.inception.InceptionV3;
import dev.strix.models.inceptionresnet.InceptionResNetV2;
import dev.strix.models.lenet.LeNet5;
import dev.strix.models.mobilenet.MobileNetV1;
import dev.strix.models.mobilenet.MobileNetV2;
import dev.strix.models.nasnet.NasNetAMobile;
import dev.strix.models.nin.NetworkInNetwork;
import dev.strix.models.resnet.ResNet;
import dev.strix.models.senet.SeResNet;
import dev.strix.models.swin.SwinTransformer;
import dev.strix.models.vgg.Vgg;
import dev.strix.models.vit.VisionTransformer;
import dev.strix.models.xception.Xception;
import java.util.Collection;
import java.util.List;

/** Contributes every built-in model family. One line per family. */
public final class ModelsPlugin implements Plugin {
    @Override
    public String name() {
        return "strix-models";
    }

    @Override
    public Collection<ModelFamily> modelFamilies() {
        return List.of(
                new LeNet5(),
                new AlexNet(),
                new Vgg(),
                new NetworkInNetwork(),
                new GoogLeNet(),
                new InceptionV3(),
                new ResNet(),
                new DenseNet(),
                new MobileNetV1(),
                new MobileNetV2(),
                new Xception(),
                SeResNet.family(),
                new InceptionResNetV2(),
                new NasNetAMobile(),
                new VisionTransformer(),
                new SwinTransformer(),
                new ConvNext());
    }
}
