package dev.strix.api.weights;

import dev.strix.api.Shape;
import dev.strix.api.Tensor;
import dev.strix.api.WeightsException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads and writes NumPy's .npy format for float32 arrays (little-endian, C order). */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private Npy() {}

    /** Reads a float32 array; any other dtype, Fortran order or a short file fails naming the file. */
    public static Tensor read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new WeightsException(file + ": no such file", e);
        } catch (IOException e) {
            throw new WeightsException(file + ": cannot read: " + e.getMessage(), e);
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 10 || !java.util.Arrays.equals(java.util.Arrays.copyOf(bytes, 6), MAGIC)) {
            throw new WeightsException(file + ": not a .npy file (bad magic)");
        }
        int major = bytes[6];
        int headerLen;
        int start;
        if (major == 1) {
            headerLen = b.getShort(8) & 0xffff;
            start = 10;
        } else if (major == 2 || major == 3) {
            if (bytes.length < 12) {
                throw new WeightsException(file + ": truncated .npy header");
            }
            headerLen = b.getInt(8);
            start = 12;
        } else {
            throw new WeightsException(file + ": unsupported .npy version " + major);
        }
        if (headerLen < 0 || start + headerLen > bytes.length) {
            throw new WeightsException(file + ": truncated .npy header");
        }
        String header = new String(bytes, start, headerLen, StandardCharsets.ISO_8859_1);
        String descr = group(DESCR, header, file, "descr");
        if (!descr.equals("<f4") && !descr.equals("=f4")) {
            throw new WeightsException(file + ": dtype '" + descr + "' is not float32 ('<f4'); convert with"
                    + " array.astype(numpy.float32)");
        }
        if (group(FORTRAN, header, file, "fortran_order").equals("True")) {
            throw new WeightsException(file + ": Fortran-ordered arrays are not supported; save a C-ordered copy");
        }
        List<Integer> dims = new ArrayList<>();
        for (String part : group(SHAPE, header, file, "shape").split(",")) {
            if (!part.isBlank()) {
                dims.add(Integer.parseInt(part.trim()));
            }
        }
        Shape shape = Shape.of(dims.stream().mapToInt(Integer::intValue).toArray());
        int dataStart = start + headerLen;
        long need = shape.size() * 4;
        if (bytes.length - dataStart != need) {
            throw new WeightsException(file + ": shape " + shape + " needs " + need + " data bytes but the file has "
                    + (bytes.length - dataStart));
        }
        float[] data = new float[(int) shape.size()];
        ByteBuffer.wrap(bytes, dataStart, (int) need).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(data);
        return Tensor.of(shape, data);
    }

    private static String group(Pattern p, String header, Path file, String what) {
        Matcher m = p.matcher(header);
        if (!m.find()) {
            throw new WeightsException(file + ": .npy header has no " + what + ": " + header.trim());
        }
        return m.group(1);
    }

    /** Writes {@code t} as a version 1.0 float32 .npy file, atomically. */
    public static void write(Path file, Tensor t) {
        StringBuilder shape = new StringBuilder();
        for (int d : t.shape().toArray()) {
            shape.append(d).append(", ");
        }
        String dims = t.shape().rank() == 1 ? shape.toString().trim() : shape.toString().replaceAll(", $", "");
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + dims + "), }";
        int total = MAGIC.length + 4 + dict.length() + 1;
        int pad = (64 - total % 64) % 64;
        String header = dict + " ".repeat(pad) + "\n";
        ByteBuffer b = ByteBuffer.allocate(10 + header.length() + t.data().length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) header.length());
        b.put(header.getBytes(StandardCharsets.ISO_8859_1));
        b.asFloatBuffer().put(t.data());
        AtomicFiles.write(file, tmp -> Files.write(tmp, b.array()));
    }
}
