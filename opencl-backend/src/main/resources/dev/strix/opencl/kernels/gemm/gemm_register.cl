/*
 * gemm_register.cl: batched C = epilogue(A · B) for CPUs, one work-item per RM × RN block of C held in registers.
 *
 *   C[b](m, n) = act(sum_k A[b](m, k) · B[b](k, n) + bias + R[b](m, n)),  A: M×K, B: K×N row-major, C: M×N
 *   Batch index b (global dim 2) splits as b1 = b / inner, b2 = b % inner; each operand's start is
 *   off + b1·s1 + b2·s2, so broadcast batches (stride 0) and grouped convolutions need no copies.
 *   The interior of C uses vector loads of B rows and vector stores; edge blocks fall back to scalars.
 *
 * Tunables:
 *   RM       rows per work-item: 1, 2, 4 or 8 (default 8)
 *   RN       columns per work-item, the vector width: 4, 8 or 16 (default 16)
 *   TRANS_A  0 for A stored M×K; 1 for K×M (A(m, k) = A[k·lda + m]); 2 for RM-row panels, the packed weight
 *            layout: A(m, k) = A[(m / RM)·lda + k·RM + m % RM], lda = K·RM, rows padded to a multiple of RM
 *   BIAS     0 none, 1 one value per row m, 2 one value per column n
 *   ACCUMULATE  1 to add C's current value (a later slice of a split K), 0 to overwrite
 *   ACT, ACT_ALPHA, HAS_RESIDUAL: the epilogue (common.cl)
 * Global size: (ceil(N / RN), ceil(M / RM), batches).
 */
#ifndef RM
#define RM 8
#endif
#ifndef RN
#define RN 16
#endif
#ifndef TRANS_A
#define TRANS_A 0
#endif
#ifndef BIAS
#define BIAS 0
#endif
#ifndef ACCUMULATE
#define ACCUMULATE 0
#endif

#if RN == 16
#define VEC float16
#define VLOAD vload16
#define VSTORE vstore16
#elif RN == 8
#define VEC float8
#define VLOAD vload8
#define VSTORE vstore8
#elif RN == 4
#define VEC float4
#define VLOAD vload4
#define VSTORE vstore4
#else
#error "RN must be 4, 8 or 16"
#endif

#if RM != 1 && RM != 2 && RM != 4 && RM != 8
#error "RM must be 1, 2, 4 or 8"
#endif

#if ACCUMULATE
#define ADD_C(r, v) v += VLOAD(0, C + (m0 + (r)) * ldc + n0)
#else
#define ADD_C(r, v)
#endif
#if BIAS == 1
#define ADD_BIAS(r, v) v += bias[m0 + (r)]
#elif BIAS == 2
#define ADD_BIAS(r, v) v += VLOAD(0, bias + n0)
#else
#define ADD_BIAS(r, v)
#endif
#if HAS_RESIDUAL
#define ADD_RESIDUAL(r, v) v += VLOAD(0, R + (m0 + (r)) * ldc + n0)
#else
#define ADD_RESIDUAL(r, v)
#endif
/* Row r of the block: accumulate into C if asked, bias, residual, activation, store. */
#define STORE_ROW(r, a) do { VEC v_ = (a); ADD_C(r, v_); ADD_BIAS(r, v_); ADD_RESIDUAL(r, v_); \
        v_ = STRIX_ACT(v_); VSTORE(v_, 0, C + (m0 + (r)) * ldc + n0); } while (0)

#if TRANS_A == 2
#define A_AT(m, k) A[((m) / RM) * lda + (k) * RM + (m) % RM]
#elif TRANS_A == 1
#define A_AT(m, k) A[(k) * lda + (m)]
#else
#define A_AT(m, k) A[(m) * lda + (k)]
#endif

__kernel void gemm(const int M, const int N, const int K,
                   __global const float* A, const int offA, const int lda, const int sA1, const int sA2,
                   __global const float* B, const int offB, const int ldb, const int sB1, const int sB2,
                   __global float* C, const int offC, const int ldc, const int sC1, const int sC2,
                   const int inner, __global const float* bias, const int sBias2, __global const float* R) {
    const int n0 = get_global_id(0) * RN;
    const int m0 = get_global_id(1) * RM;
    const int b = get_global_id(2);
    if (m0 >= M || n0 >= N) {
        return;
    }
    const int b1 = b / inner;
    const int b2 = b - b1 * inner;
    A += offA + b1 * sA1 + b2 * sA2;
    B += offB + b1 * sB1 + b2 * sB2;
    const int cOff = offC + b1 * sC1 + b2 * sC2;
    C += cOff;
    R += cOff;
    bias += b2 * sBias2;
    if (m0 + RM <= M && n0 + RN <= N) {
        /* Named accumulators (not an array) so the compiler keeps the whole block in vector registers. */
        VEC acc0 = (VEC)(0.0f);
#if RM > 1
        VEC acc1 = (VEC)(0.0f);
#endif
#if RM > 2
        VEC acc2 = (VEC)(0.0f);
        VEC acc3 = (VEC)(0.0f);
#endif
#if RM > 4
        VEC acc4 = (VEC)(0.0f);
        VEC acc5 = (VEC)(0.0f);
        VEC acc6 = (VEC)(0.0f);
        VEC acc7 = (VEC)(0.0f);
#endif
        for (int k = 0; k < K; k++) {
            const VEC bv = VLOAD(0, B + k * ldb + n0);
            acc0 = fma((VEC)(A_AT(m0, k)), bv, acc0);
#if RM > 1
            acc1 = fma((VEC)(A_AT(m0 + 1, k)), bv, acc1);
#endif
#if RM > 2
            acc2 = fma((VEC)(A_AT(m0 + 2, k)), bv, acc2);
            acc3 = fma((VEC)(A_AT(m0 + 3, k)), bv, acc3);
#endif
#if RM > 4
            acc4 = fma((VEC)(A_AT(m0 + 4, k)), bv, acc4);
            acc5 = fma((VEC)(A_AT(m0 + 5, k)), bv, acc5);
            acc6 = fma((VEC)(A_AT(m0 + 6, k)), bv, acc6);
            acc7 = fma((VEC)(A_AT(m0 + 7, k)), bv, acc7);
#endif
        }
        STORE_ROW(0, acc0);
#if RM > 1
        STORE_ROW(1, acc1);
#endif
#if RM > 2
        STORE_ROW(2, acc2);
        STORE_ROW(3, acc3);
#endif
#if RM > 4
        STORE_ROW(4, acc4);
        STORE_ROW(5, acc5);
        STORE_ROW(6, acc6);
        STORE_ROW(7, acc7);
#endif
    } else {
        for (int r = 0; r < RM && m0 + r < M; r++) {
            for (int c = 0; c < RN && n0 + c < N; c++) {
                float v = 0.0f;
                for (int k = 0; k < K; k++) {
                    v = fma(A_AT(m0 + r, k), B[k * ldb + n0 + c], v);
                }
#if ACCUMULATE
                v += C[(m0 + r) * ldc + n0 + c];
#endif
#if BIAS == 1
                v += bias[m0 + r];
#elif BIAS == 2
                v += bias[n0 + c];
#endif
#if HAS_RESIDUAL
                v += R[(m0 + r) * ldc + n0 + c];
#endif
                v = STRIX_ACT(v);
                C[(m0 + r) * ldc + n0 + c] = v;
            }
        }
    }
}
