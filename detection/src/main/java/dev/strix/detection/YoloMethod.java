package dev.strix.detection;

import dev.strix.api.spi.Session;
import java.awt.image.BufferedImage;
import java.util.List;

/** A session whose model ends in a detection head, with its translator. */
final class YoloMethod implements DetectionMethod {
    private final Session session;
    private final YoloTranslator translator;

    YoloMethod(Session session, YoloTranslator translator) {
        this.session = session;
        this.translator = translator;
    }

    @Override
    public List<Detection> detect(BufferedImage image) {
        YoloTranslator.Prepared p = translator.prepare(image);
        return translator.process(session.run(List.of(p.input())), p.letterbox());
    }

    @Override
    public void close() {
        session.close();
    }
}
