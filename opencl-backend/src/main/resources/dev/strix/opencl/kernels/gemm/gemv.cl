/*
 * gemv.cl: C = epilogue(A · B) for few rows (M ≤ 4, a linear layer at batch 1 to 4), one work-item per column of C
 * so neighbouring work-items read neighbouring weights:
 *
 *   C[m][n] = act(sum_k A[m·lda + k] · B[k·N + n] + bias[n] + R[m][n])   (B is the packed [K, N] weight)
 *
 * Tunables: HAS_BIAS, ACT, ACT_ALPHA, HAS_RESIDUAL (common.cl). Global size: N rounded up to the work-group.
 */
/* C[m][n] = act(value + bias[n] + R[m][n]), the epilogue of one output. */
#define STORE_ONE(value, m, n) do { \
        float v_ = (value); \
        ADD_BIAS1(v_, n); \
        ADD_RESIDUAL1(v_, (m) * N + (n)); \
        v_ = STRIX_ACT(v_); \
        C[(m) * N + (n)] = v_; \
    } while (0)
#if HAS_BIAS
#define ADD_BIAS1(v, n) v += bias[n]
#else
#define ADD_BIAS1(v, n)
#endif
#if HAS_RESIDUAL
#define ADD_RESIDUAL1(v, at) v += R[at]
#else
#define ADD_RESIDUAL1(v, at)
#endif

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
        STORE_ONE(m == 0 ? acc0 : m == 1 ? acc1 : m == 2 ? acc2 : acc3, m, n);
    }
}

/*
 * The same product for CPUs: one work-item per 16 columns as float16 vectors (a runtime that does not vectorise
 * across work-items, PoCL with explicit groups, still streams the weights at full width), the row count MR
 * compiled in. Columns past the last full block are done one by one.
 * Tunables: MR rows (1 to 4, default 1), HAS_BIAS, ACT, ACT_ALPHA, HAS_RESIDUAL. Global size: ceil(N / 16).
 */
#ifndef MR
#define MR 1
#endif

__kernel void gemv_blocks(const int M, const int N, const int K, __global const float* A, const int lda,
                          __global const float* B, __global float* C, __global const float* bias,
                          __global const float* R) {
    const int n0 = get_global_id(0) * 16;
    if (n0 + 16 > N) {
        for (int n = n0; n < N; n++) {
            for (int m = 0; m < MR; m++) {
                float v = 0.0f;
                for (int k = 0; k < K; k++) {
                    v = fma(A[m * lda + k], B[k * N + n], v);
                }
                STORE_ONE(v, m, n);
            }
        }
        return;
    }
    float16 acc[MR];
    for (int m = 0; m < MR; m++) {
        acc[m] = (float16)(0.0f);
    }
    for (int k = 0; k < K; k++) {
        const float16 b = vload16(0, B + k * N + n0);
        for (int m = 0; m < MR; m++) {
            acc[m] = fma((float16)(A[m * lda + k]), b, acc[m]);
        }
    }
    for (int m = 0; m < MR; m++) {
        float16 v = acc[m];
#if HAS_BIAS
        v += vload16(0, bias + n0);
#endif
#if HAS_RESIDUAL
        v += vload16(0, R + m * N + n0);
#endif
        v = STRIX_ACT(v);
        vstore16(v, 0, C + m * N + n0);
    }
}
