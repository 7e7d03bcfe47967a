package dev.strix.api.weights;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strix.api.IntTensor;
import dev.strix.api.Shape;
import dev.strix.api.StrixException;
import dev.strix.api.Tensor;
import dev.strix.api.WeightsException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes the safetensors format: an 8-byte little-endian header length, a JSON header mapping each
 * tensor name to its dtype, shape and byte range, then the raw little-endian data. Float tensors of F32, F16, BF16
 * and F64 become float32; I64, I32, I16, I8, U8 and BOOL become {@link IntTensor}s. Every inconsistency in a file
 * (short, malformed, offsets that lie, unknown dtype) fails naming the file and the tensor.
 */
public final class Safetensors {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MAX_HEADER = 100L << 20;

    private Safetensors() {}

    public static Weights read(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long fileSize = ch.size();
            if (fileSize < 8) {
                throw new WeightsException(file + ": not a safetensors file (" + fileSize + " bytes, shorter than"
                        + " the 8-byte header length)");
            }
            ByteBuffer lenBuf = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            readFully(ch, lenBuf, 0, file);
            long headerLen = lenBuf.getLong(0);
            if (headerLen <= 0 || headerLen > MAX_HEADER || headerLen > fileSize - 8) {
                throw new WeightsException(file + ": header length " + headerLen + " is impossible for a file of "
                        + fileSize + " bytes (truncated or not safetensors)");
            }
            ByteBuffer headerBuf = ByteBuffer.allocate((int) headerLen);
            readFully(ch, headerBuf, 8, file);
            JsonNode header;
            try {
                header = JSON.readTree(new String(headerBuf.array(), StandardCharsets.UTF_8));
            } catch (JsonProcessingException e) {
                throw new WeightsException(file + ": header is not valid JSON: " + e.getOriginalMessage(), e);
            }
            if (header == null || !header.isObject()) {
                throw new WeightsException(file + ": header is not a JSON object");
            }
            long dataStart = 8 + headerLen;
            long dataLen = fileSize - dataStart;
            Map<String, Tensor> floats = new LinkedHashMap<>();
            Map<String, IntTensor> ints = new LinkedHashMap<>();
            Map<String, String> metadata = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> it = header.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                String name = e.getKey();
                if (name.equals("__metadata__")) {
                    e.getValue().fields().forEachRemaining(m -> metadata.put(m.getKey(), m.getValue().asText()));
                    continue;
                }
                Entry entry = Entry.parse(file, name, e.getValue(), dataLen);
                ByteBuffer raw = ByteBuffer.allocate(Math.toIntExact(entry.end - entry.begin))
                        .order(ByteOrder.LITTLE_ENDIAN);
                readFully(ch, raw, dataStart + entry.begin, file);
                raw.flip();
                if (entry.dtype.isFloat) {
                    floats.put(name, Tensor.of(entry.shape, entry.dtype.toFloats(raw, entry.count)));
                } else {
                    ints.put(name, new IntTensor(entry.shape, entry.dtype.toLongs(raw, entry.count)));
                }
            }
            return Weights.of(floats, ints, metadata, file.toString());
        } catch (NoSuchFileException e) {
            throw new WeightsException(file + ": no such file", e);
        } catch (IOException e) {
            throw new WeightsException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static void readFully(FileChannel ch, ByteBuffer buf, long position, Path file) throws IOException {
        long pos = position;
        while (buf.hasRemaining()) {
            int n = ch.read(buf, pos);
            if (n < 0) {
                throw new WeightsException(file + ": unexpected end of file at byte " + pos);
            }
            pos += n;
        }
    }

    /** Writes float tensors as F32 and integer tensors as I64, atomically (temporary file, then move). */
    public static void write(Path file, Weights weights) {
        ObjectNode header = JSON.createObjectNode();
        if (!weights.metadata().isEmpty()) {
            ObjectNode meta = header.putObject("__metadata__");
            weights.metadata().forEach(meta::put);
        }
        long offset = 0;
        List<Object> order = new ArrayList<>();
        for (var e : weights.floats().entrySet()) {
            long bytes = e.getValue().shape().size() * 4;
            describe(header, e.getKey(), "F32", e.getValue().shape(), offset, offset + bytes);
            offset += bytes;
            order.add(e.getValue());
        }
        for (var e : weights.integers().entrySet()) {
            long bytes = e.getValue().shape().size() * 8;
            describe(header, e.getKey(), "I64", e.getValue().shape(), offset, offset + bytes);
            offset += bytes;
            order.add(e.getValue());
        }
        byte[] json;
        try {
            json = JSON.writeValueAsBytes(header);
        } catch (JsonProcessingException e) {
            throw new StrixException("cannot encode safetensors header: " + e.getMessage(), e);
        }
        int padded = (json.length + 7) / 8 * 8;
        AtomicFiles.write(file, tmp -> {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ByteBuffer head = ByteBuffer.allocate(8 + padded).order(ByteOrder.LITTLE_ENDIAN);
                head.putLong(padded).put(json);
                while (head.hasRemaining()) {
                    head.put((byte) ' ');
                }
                head.flip();
                writeFully(ch, head);
                for (Object o : order) {
                    writeFully(ch, encode(o));
                }
            }
        });
    }

    private static ByteBuffer encode(Object o) {
        if (o instanceof Tensor t) {
            ByteBuffer b = ByteBuffer.allocate(t.data().length * 4).order(ByteOrder.LITTLE_ENDIAN);
            b.asFloatBuffer().put(t.data());
            return b;
        }
        IntTensor t = (IntTensor) o;
        ByteBuffer b = ByteBuffer.allocate(t.data().length * 8).order(ByteOrder.LITTLE_ENDIAN);
        b.asLongBuffer().put(t.data());
        return b;
    }

    private static void writeFully(FileChannel ch, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            ch.write(b);
        }
    }

    private static void describe(ObjectNode header, String name, String dtype, Shape shape, long begin, long end) {
        ObjectNode n = header.putObject(name);
        n.put("dtype", dtype);
        ArrayNode s = n.putArray("shape");
        for (int d : shape.toArray()) {
            s.add(d);
        }
        ArrayNode o = n.putArray("data_offsets");
        o.add(begin);
        o.add(end);
    }

    /** One tensor's header entry, validated against the data section. */
    private record Entry(DType dtype, Shape shape, int count, long begin, long end) {
        static Entry parse(Path file, String name, JsonNode node, long dataLen) {
            String where = file + ": tensor '" + name + "'";
            if (!node.isObject()) {
                throw new WeightsException(where + ": header entry is not an object");
            }
            JsonNode dt = node.get("dtype");
            JsonNode sh = node.get("shape");
            JsonNode off = node.get("data_offsets");
            if (dt == null || sh == null || off == null || !sh.isArray() || !off.isArray() || off.size() != 2) {
                throw new WeightsException(where + ": header entry needs dtype, shape and two data_offsets, got "
                        + node);
            }
            DType dtype = DType.parse(dt.asText(), where);
            int[] dims = new int[sh.size()];
            long count = 1;
            for (int i = 0; i < dims.length; i++) {
                JsonNode d = sh.get(i);
                if (!d.canConvertToInt() || d.asInt() < 0) {
                    throw new WeightsException(where + ": bad dimension " + d + " in shape " + sh);
                }
                dims[i] = d.asInt();
                count *= dims[i];
            }
            long begin = off.get(0).asLong(-1);
            long end = off.get(1).asLong(-1);
            if (begin < 0 || end < begin || end > dataLen) {
                throw new WeightsException(where + ": data_offsets [" + begin + ", " + end
                        + "] lie outside the data section of " + dataLen + " bytes (truncated file?)");
            }
            if (end - begin != count * dtype.bytes) {
                throw new WeightsException(where + ": data_offsets span " + (end - begin) + " bytes but " + dtype
                        + " " + sh + " needs " + count * dtype.bytes);
            }
            if (count == 0) {
                throw new WeightsException(where + ": empty tensors (shape " + sh + ") are not supported");
            }
            Shape shape = Shape.of(dims);
            return new Entry(dtype, shape, Math.toIntExact(count), begin, end);
        }
    }

    /** The dtypes safetensors names, with their decoding. */
    private enum DType {
        F64(8, true), F32(4, true), F16(2, true), BF16(2, true),
        I64(8, false), I32(4, false), I16(2, false), I8(1, false), U8(1, false), BOOL(1, false);

        final int bytes;
        final boolean isFloat;

        DType(int bytes, boolean isFloat) {
            this.bytes = bytes;
            this.isFloat = isFloat;
        }

        static DType parse(String s, String where) {
            for (DType d : values()) {
                if (d.name().equals(s)) {
                    return d;
                }
            }
            throw new WeightsException(where + ": unsupported dtype '" + s + "' (supported: F64, F32, F16, BF16,"
                    + " I64, I32, I16, I8, U8, BOOL)");
        }

        float[] toFloats(ByteBuffer b, int n) {
            float[] out = new float[n];
            switch (this) {
                case F32 -> b.asFloatBuffer().get(out);
                case F64 -> {
                    for (int i = 0; i < n; i++) {
                        out[i] = (float) b.getDouble(i * 8);
                    }
                }
                case F16 -> {
                    for (int i = 0; i < n; i++) {
                        out[i] = halfToFloat(b.getShort(i * 2));
                    }
                }
                case BF16 -> {
                    for (int i = 0; i < n; i++) {
                        out[i] = Float.intBitsToFloat((b.getShort(i * 2) & 0xffff) << 16);
                    }
                }
                default -> throw new IllegalStateException(name());
            }
            return out;
        }

        /** IEEE 754 binary16 to float32, subnormals, infinities and NaN included (Java 17 has no built-in). */
        static float halfToFloat(short h) {
            int bits = h & 0xffff;
            int sign = (bits & 0x8000) << 16;
            int exp = (bits >>> 10) & 0x1f;
            int mant = bits & 0x3ff;
            if (exp == 0x1f) {
                return Float.intBitsToFloat(sign | 0x7f800000 | (mant << 13));
            }
            if (exp == 0) {
                float v = mant * 0x1p-24f;
                return sign == 0 ? v : -v;
            }
            return Float.intBitsToFloat(sign | ((exp + 112) << 23) | (mant << 13));
        }

        long[] toLongs(ByteBuffer b, int n) {
            long[] out = new long[n];
            for (int i = 0; i < n; i++) {
                out[i] = switch (this) {
                    case I64 -> b.getLong(i * 8);
                    case I32 -> b.getInt(i * 4);
                    case I16 -> b.getShort(i * 2);
                    case I8 -> b.get(i);
                    case U8, BOOL -> b.get(i) & 0xff;
                    default -> throw new IllegalStateException(name());
                };
            }
            return out;
        }
    }
}
