package dev.strix.detection.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strix.api.StrixException;
import dev.strix.api.weights.AtomicFiles;
import dev.strix.detection.Detection;
import dev.strix.detection.DetectionException;
import dev.strix.detection.box.Box;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Detections as JSON:
 * <pre>{@code
 * {"image": {"width": 640, "height": 480},
 *  "detections": [{"class": "dog", "class_index": 16, "score": 0.87,
 *                  "box": {"x1": 12.0, "y1": 40.5, "x2": 200.0, "y2": 310.0},
 *                  "box_normalized": {"x1": 0.01875, …}}]}
 * }</pre>
 */
public final class DetectionJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private DetectionJson() {}

    /** The JSON tree of {@code detections} on an image of {@code width × height}. */
    public static ObjectNode tree(List<Detection> detections, int width, int height) {
        ObjectNode root = MAPPER.createObjectNode();
        ObjectNode image = root.putObject("image");
        image.put("width", width);
        image.put("height", height);
        ArrayNode list = root.putArray("detections");
        for (Detection d : detections) {
            ObjectNode o = list.addObject();
            o.put("class", d.className());
            o.put("class_index", d.classIndex());
            o.put("score", d.score());
            box(o.putObject("box"), d.box());
            box(o.putObject("box_normalized"), d.normalizedBox());
        }
        return root;
    }

    /** The JSON text. */
    public static String toJson(List<Detection> detections, int width, int height) {
        try {
            return MAPPER.writeValueAsString(tree(detections, width, height));
        } catch (JsonProcessingException e) {
            throw new DetectionException("cannot write detections as JSON: " + e.getMessage(), e);
        }
    }

    /** Writes the JSON to {@code file} atomically: the file appears complete or not at all. */
    public static void write(Path file, List<Detection> detections, int width, int height) {
        String text = toJson(detections, width, height);
        try {
            AtomicFiles.write(file, tmp -> Files.writeString(tmp, text + "\n", StandardCharsets.UTF_8));
        } catch (StrixException e) {
            throw new DetectionException(file + ": cannot write detections: " + e.getMessage(), e);
        }
    }

    private static void box(ObjectNode o, Box b) {
        o.put("x1", b.x1());
        o.put("y1", b.y1());
        o.put("x2", b.x2());
        o.put("y2", b.y2());
    }
}
