package dev.strix.cli.output;

import java.util.Locale;

/** Numbers as tables show them: counts with thousands separators, sizes in binary units, rates in SI units. */
public final class Units {
    private Units() {}

    /** {@code 11689512} as {@code 11,689,512}. */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** Bytes in B, KiB, MiB or GiB with two decimals above 1 KiB. */
    public static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = n;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.2f %s", v, units[u]);
    }

    /** A large count in K, M or G (decimal), two decimals: {@code 1.82 G}. */
    public static String si(double n) {
        String[] units = {"", " K", " M", " G", " T"};
        int u = 0;
        while (Math.abs(n) >= 1000 && u < units.length - 1) {
            n /= 1000;
            u++;
        }
        return u == 0 ? String.format(Locale.ROOT, "%.0f", n) : String.format(Locale.ROOT, "%.2f%s", n, units[u]);
    }

    /** A value with {@code decimals} decimals, in the root locale. */
    public static String fixed(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
