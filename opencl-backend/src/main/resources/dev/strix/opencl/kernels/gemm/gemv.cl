/*
 * gemv.cl: C = epilogue(A · B) for few rows (M ≤ 4, a linear layer at batch 1 to 4), one work-item per column of C
 * so neighbouring work-items read neighbouring weights:
 *
 *   C[m][n] = act(sum_k A[m·lda + k] · B[k·N + n] + bias[n] + R[m][n])   (B is the packed [K, N] weight)
 *
 * Tunables: HAS_BIAS, ACT, ACT_ALPHA, HAS_RESIDUAL (common.cl). Global size: N rounded up to the work-group.
 */
__kernel void gemv(const int M, const int N, const int K, __global const float* A, const int lda,
                   __global const float* B, __global float* C, __global const float* bias,
                   __global const float* R) {
    const int n = get_global_id(0);
    if (n >= N) {
        return;
    }
    float acc0 = 0.0f;
    float acc1 = 0.0f;
    float acc2 = 0.0f;
    float acc3 = 0.0f;
    for (int k = 0; k < K; k++) {
        const float b = B[k * N + n];
        acc0 = fma(A[k], b, acc0);
        if (M > 1) {
            acc1 = fma(A[lda + k], b, acc1);
        }
        if (M > 2) {
            acc2 = fma(A[2 * lda + k], b, acc2);
        }
        if (M > 3) {
            acc3 = fma(A[3 * lda + k], b, acc3);
        }
    }
    for (int m = 0; m < M; m++) {
        float v = m == 0 ? acc0 : m == 1 ? acc1 : m == 2 ? acc2 : acc3;
#if HAS_BIAS
        v += bias[n];
#endif
#if HAS_RESIDUAL
        v += R[m * N + n];
#endif
        v = STRIX_ACT(v);
        C[m * N + n] = v;
    }
}
