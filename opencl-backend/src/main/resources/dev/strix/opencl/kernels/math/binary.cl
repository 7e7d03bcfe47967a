/*
 * binary.cl: y = a OP b with NumPy broadcasting over up to six dimensions.
 *
 *   y[i] = a[sum_k idx_k(i) · as_k] OP b[sum_k idx_k(i) · bs_k], idx_k the coordinates of i in dims d0..d5;
 *   a broadcast dimension has stride 0. With SAME = 1 both operands have y's shape and are read at i.
 *
 * Tunables: OP (0 add, 1 mul), SAME (0/1). Global size: n rounded up to the work-group.
 */
#ifndef OP
#define OP 0
#endif
#ifndef SAME
#define SAME 0
#endif

#if OP == 0
#define APPLY(p, q) ((p) + (q))
#else
#define APPLY(p, q) ((p) * (q))
#endif

__kernel void binary(__global const float* a, __global const float* b, __global float* y, const int n,
                     const int d0, const int d1, const int d2, const int d3, const int d4, const int d5,
                     const int as0, const int as1, const int as2, const int as3, const int as4, const int as5,
                     const int bs0, const int bs1, const int bs2, const int bs3, const int bs4, const int bs5) {
    const int i = get_global_id(0);
    if (i >= n) {
        return;
    }
#if SAME
    y[i] = APPLY(a[i], b[i]);
#else
    int r = i;
    const int i5 = r % d5; r /= d5;
    const int i4 = r % d4; r /= d4;
    const int i3 = r % d3; r /= d3;
    const int i2 = r % d2; r /= d2;
    const int i1 = r % d1; r /= d1;
    const int i0 = r;
    const int ai = i0 * as0 + i1 * as1 + i2 * as2 + i3 * as3 + i4 * as4 + i5 * as5;
    const int bi = i0 * bs0 + i1 * bs1 + i2 * bs2 + i3 * bs3 + i4 * bs4 + i5 * bs5;
    y[i] = APPLY(a[ai], b[bi]);
#endif
}
