package dev.strix.cli.options;

import dev.strix.api.Shape;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads an input size such as {@code 3,224,224} (C,H,W); anything else is a usage error quoting the value. */
public final class ShapeConverter implements ITypeConverter<Shape> {
    @Override
    public Shape convert(String value) {
        String[] parts = value.split(",");
        if (parts.length != 3) {
            throw new TypeConversionException("'" + value + "' is not C,H,W (three sizes separated by commas)");
        }
        int[] dims = new int[3];
        for (int i = 0; i < 3; i++) {
            try {
                dims[i] = Integer.parseInt(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + value + "' is not C,H,W: '" + parts[i] + "' is not a number");
            }
            if (dims[i] < 1) {
                throw new TypeConversionException("'" + value + "' is not C,H,W: every size must be at least 1");
            }
        }
        return Shape.of(dims);
    }
}
