/*
 * permute.cl: y = x.permute(dims) for up to six dimensions: y's coordinates (i0..i5) in y's dims d0..d5 read x at
 * sum_k i_k · s_k, where s_k is x's stride of the dimension that became y's dimension k.
 *
 * Tunables: none. Global size: n rounded up to the work-group.
 */
__kernel void permute(__global const float* x, __global float* y, const int n,
                      const int d0, const int d1, const int d2, const int d3, const int d4, const int d5,
                      const int s0, const int s1, const int s2, const int s3, const int s4, const int s5) {
    const int i = get_global_id(0);
    if (i >= n) {
        return;
    }
    int r = i;
    const int i5 = r % d5; r /= d5;
    const int i4 = r % d4; r /= d4;
    const int i3 = r % d3; r /= d3;
    const int i2 = r % d2; r /= d2;
    const int i1 = r % d1; r /= d1;
    const int i0 = r;
    y[i] = x[i0 * s0 + i1 * s1 + i2 * s2 + i3 * s3 + i4 * s4 + i5 * s5];
}

/*
 * The same permutation, one work-item per row of y (its last dimension, d5 elements): the coordinates are divided
 * out once per row rather than once per element, which is what a CPU (PoCL) pays most for.
 * Global size: the number of rows, d0·d1·d2·d3·d4.
 */
__kernel void permute_rows(__global const float* x, __global float* y, const int n,
                           const int d0, const int d1, const int d2, const int d3, const int d4, const int d5,
                           const int s0, const int s1, const int s2, const int s3, const int s4, const int s5) {
    const int row = get_global_id(0);
    int r = row;
    const int i4 = r % d4; r /= d4;
    const int i3 = r % d3; r /= d3;
    const int i2 = r % d2; r /= d2;
    const int i1 = r % d1; r /= d1;
    const int i0 = r;
    __global const float* src = x + i0 * s0 + i1 * s1 + i2 * s2 + i3 * s3 + i4 * s4;
    __global float* dst = y + row * d5;
    for (int j = 0; j < d5; j++) {
        dst[j] = src[j * s5];
    }
}
