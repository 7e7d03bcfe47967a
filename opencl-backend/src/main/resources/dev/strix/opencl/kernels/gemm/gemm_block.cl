/*
 * gemm_block.cl: batched C = epilogue(A · B) for CPUs, one work-item per RM × (16·NB) block of C held in RM·NB
 * float16 accumulators. Same arguments, batching, layouts (TRANS_A 0, 1, 2) and epilogue as gemm_register.cl.
 *
 * The accumulators are a private array indexed only by constants once the loops unroll, so the compiler keeps
 * them in registers (a variant with an array of row pointers instead ran at a third of the speed on PoCL). On
 * PoCL's AVX-512 device, RM = 16 and NB = 1 reached 180–200 GFLOP/s on resnet50's shapes where the 8×16 register
 * kernel reached 85–180, most of the gain on products with few columns (N = 49, 196).
 *
 * Tunables: RM rows per work-item (default 16; with TRANS_A = 2 the weight's panel height), NB float16 column
 * vectors per work-item (default 1), TRANS_A, BIAS, ACCUMULATE, M_FIRST (see gemm_register.cl), ACT, ACT_ALPHA,
 * HAS_RESIDUAL; COL_PLANE and COL_STRIDE (columns batched over images, below).
 * Global size: (ceil(M / RM), ceil(N / (16·NB)), batches) with M_FIRST, else the first two swapped.
 */
#ifndef RM
#define RM 16
#endif
#ifndef NB
#define NB 1
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
#ifndef M_FIRST
#define M_FIRST 0
#endif
#ifndef COL_PLANE
#define COL_PLANE 0
#endif
#define RNB (16 * NB)
/* Where column n of row m lies in C (and R). With COL_PLANE > 0 the columns run over images, COL_PLANE each (B
   was gathered column-batched, [K][images · COL_PLANE]), and C is [images][M][COL_PLANE], COL_STRIDE apart: one
   product covers the batch where each image alone would leave most of a 16-column block empty (7×7 planes). */
#if COL_PLANE
#define COL_AT(m, n) (((n) / COL_PLANE) * COL_STRIDE + (m) * ldc + (n) % COL_PLANE)
#define COL_WHOLE(n) ((n) % COL_PLANE + 16 <= COL_PLANE)
#else
#define COL_AT(m, n) ((m) * ldc + (n))
#define COL_WHOLE(n) 1
#endif


__kernel void gemm(STRIX_GEMM_ARGS) {
#if M_FIRST
    const int m0 = get_global_id(0) * RM;
    const int n0 = get_global_id(1) * RNB;
#else
    const int n0 = get_global_id(0) * RNB;
    const int m0 = get_global_id(1) * RM;
#endif
    const int b = get_global_id(2);
    if (m0 >= M || n0 >= N) {
        return;
    }
    STRIX_GEMM_BATCH(b);
    float16 acc[RM][NB];
    #pragma unroll
    for (int r = 0; r < RM; r++) {
        #pragma unroll
        for (int j = 0; j < NB; j++) {
            acc[r][j] = (float16)(0.0f);
        }
    }
#if TRANS_A == 2
    __global const float* ap = A + (m0 / RM) * lda;
#define A_AT(r, k) ap[(k) * RM + (r)]
#elif TRANS_A == 1
#define A_AT(r, k) A[(k) * lda + min(m0 + (r), M - 1)]
#else
#define A_AT(r, k) A[min(m0 + (r), M - 1) * lda + (k)]
#endif
    /* acc[r][j] += A[m0 + r][k] · bv[j] for every row of the block. */
#define ACCUMULATE_ROWS(k, bv) \
    _Pragma("unroll") \
    for (int r = 0; r < RM; r++) { \
        const float16 a = (float16)(A_AT(r, k)); \
        _Pragma("unroll") \
        for (int j = 0; j < NB; j++) { \
            acc[r][j] = fma(a, bv[j], acc[r][j]); \
        } \
    }
    const int cols = min(RNB, N - n0);
    if (cols == RNB) {
        for (int k = 0; k < K; k++) {
            float16 bv[NB];
            #pragma unroll
            for (int j = 0; j < NB; j++) {
                bv[j] = vload16(0, B + k * ldb + n0 + 16 * j);
            }
            ACCUMULATE_ROWS(k, bv);
        }
    } else {
        /* Columns past N read 0 and are not stored. */
        for (int k = 0; k < K; k++) {
            float16 bv[NB];
            for (int j = 0; j < NB; j++) {
                float part[16];
                for (int c = 0; c < 16; c++) {
                    part[c] = 16 * j + c < cols ? B[k * ldb + n0 + 16 * j + c] : 0.0f;
                }
                bv[j] = vload16(0, part);
            }
            ACCUMULATE_ROWS(k, bv);
        }
    }
    const int rows = min(RM, M - m0);
    for (int r = 0; r < rows; r++) {
        const int m = m0 + r;
        for (int j = 0; j < NB; j++) {
            const int n = n0 + 16 * j;
            float16 v = acc[r][j];
            if (n + 16 <= N && COL_WHOLE(n)) {
                __global float* c = C + COL_AT(m, n);
#if ACCUMULATE
                v += vload16(0, c);
#endif
#if BIAS == 1
                v += bias[m];
#elif BIAS == 2
                v += vload16(0, bias + n);
#endif
#if HAS_RESIDUAL
                v += vload16(0, R + COL_AT(m, n));
#endif
                v = STRIX_ACT(v);
                vstore16(v, 0, c);
            } else {
                float part[16];
                vstore16(v, 0, part);
                for (int c = 0; c < min(16, N - n); c++) {
                    float s = part[c];
                    const int at = COL_AT(m, n + c);
#if ACCUMULATE
                    s += C[at];
#endif
#if BIAS == 1
                    s += bias[m];
#elif BIAS == 2
                    s += bias[n + c];
#endif
#if HAS_RESIDUAL
                    s += R[at];
#endif
                    s = STRIX_ACT(s);
                    C[at] = s;
                }
            }
        }
    }
}
