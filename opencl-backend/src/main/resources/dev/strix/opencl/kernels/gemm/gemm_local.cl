/*
 * gemm_local.cl: batched C = epilogue(A · B) for GPUs and GPU-like devices: each work-group stages a TSM × TSK
 * tile of A and a TSK × TSN tile of B in local memory, and each work-item accumulates WPTM × WPTN outputs in
 * registers (strided by the group's size, so local reads are conflict-free). Same arguments and semantics as
 * gemm_register.cl (see there for the batch and epilogue conventions).
 *
 * Tunables:
 *   TSM, TSN   tile of C per work-group (defaults 64, 64)
 *   TSK        depth of the staged tiles (default 16); local memory = (TSM + TSN) · TSK · 4 bytes
 *   WPTM, WPTN outputs per work-item in each direction (defaults 4, 4); work-group = (TSN/WPTN, TSM/WPTM)
 *   TRANS_A, BIAS, ACCUMULATE, ACT, ACT_ALPHA, HAS_RESIDUAL as in gemm_register.cl
 * Global size: (ceil(N / TSN) · TSN/WPTN, ceil(M / TSM) · TSM/WPTM, batches); local: (TSN/WPTN, TSM/WPTM, 1).
 */
#ifndef TSM
#define TSM 64
#endif
#ifndef TSN
#define TSN 64
#endif
#ifndef TSK
#define TSK 16
#endif
#ifndef WPTM
#define WPTM 4
#endif
#ifndef WPTN
#define WPTN 4
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

#define RTSM (TSM / WPTM)
#define RTSN (TSN / WPTN)

#if TRANS_A
#define A_AT(m, k) A[(k) * lda + (m)]
#else
#define A_AT(m, k) A[(m) * lda + (k)]
#endif

__kernel __attribute__((reqd_work_group_size(RTSN, RTSM, 1)))
void gemm(const int M, const int N, const int K,
          __global const float* A, const int offA, const int lda, const int sA1, const int sA2,
          __global const float* B, const int offB, const int ldb, const int sB1, const int sB2,
          __global float* C, const int offC, const int ldc, const int sC1, const int sC2,
          const int inner, __global const float* bias, const int sBias2, __global const float* R) {
    __local float Asub[TSK][TSM];
    __local float Bsub[TSK][TSN];
    const int tidn = get_local_id(0);
    const int tidm = get_local_id(1);
    const int tid = tidm * RTSN + tidn;
    const int offN = get_group_id(0) * TSN;
    const int offM = get_group_id(1) * TSM;
    const int b = get_global_id(2);
    const int b1 = b / inner;
    const int b2 = b - b1 * inner;
    A += offA + b1 * sA1 + b2 * sA2;
    B += offB + b1 * sB1 + b2 * sB2;
    const int cOff = offC + b1 * sC1 + b2 * sC2;
    C += cOff;
    R += cOff;
    bias += b2 * sBias2;

    float acc[WPTM][WPTN];
    for (int wm = 0; wm < WPTM; wm++) {
        for (int wn = 0; wn < WPTN; wn++) {
            acc[wm][wn] = 0.0f;
        }
    }
    for (int t = 0; t < K; t += TSK) {
        for (int i = tid; i < TSM * TSK; i += RTSM * RTSN) {
#if TRANS_A
            const int mm = i % TSM;
            const int kk = i / TSM;
#else
            const int mm = i / TSK;
            const int kk = i % TSK;
#endif
            const int gm = offM + mm;
            const int gk = t + kk;
            Asub[kk][mm] = (gm < M && gk < K) ? A_AT(gm, gk) : 0.0f;
        }
        for (int i = tid; i < TSK * TSN; i += RTSM * RTSN) {
            const int kk = i / TSN;
            const int nn = i % TSN;
            const int gk = t + kk;
            const int gn = offN + nn;
            Bsub[kk][nn] = (gk < K && gn < N) ? B[gk * ldb + gn] : 0.0f;
        }
        barrier(CLK_LOCAL_MEM_FENCE);
        for (int kk = 0; kk < TSK; kk++) {
            float breg[WPTN];
            for (int wn = 0; wn < WPTN; wn++) {
                breg[wn] = Bsub[kk][tidn + wn * RTSN];
            }
            for (int wm = 0; wm < WPTM; wm++) {
                const float a = Asub[kk][tidm + wm * RTSM];
                for (int wn = 0; wn < WPTN; wn++) {
                    acc[wm][wn] = fma(a, breg[wn], acc[wm][wn]);
                }
            }
        }
        barrier(CLK_LOCAL_MEM_FENCE);
    }
    for (int wm = 0; wm < WPTM; wm++) {
        const int gm = offM + tidm + wm * RTSM;
        for (int wn = 0; wn < WPTN; wn++) {
            const int gn = offN + tidn + wn * RTSN;
            if (gm < M && gn < N) {
                float v = acc[wm][wn];
#if ACCUMULATE
                v += C[gm * ldc + gn];
#endif
#if BIAS == 1
                v += bias[gm];
#elif BIAS == 2
                v += bias[gn];
#endif
#if HAS_RESIDUAL
                v += R[gm * ldc + gn];
#endif
                v = STRIX_ACT(v);
                C[gm * ldc + gn] = v;
            }
        }
    }
}
