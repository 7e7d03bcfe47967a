/*
 * gemm_register.cl: batched C = epilogue(A · B) for CPUs, one work-item per RM × RN block of C held in registers.
 *
 *   C[b](m, n) = act(sum_k A[b](m, k) · B[b](k, n) + bias + R[b](m, n)),  A: M×K, B: K×N row-major, C: M×N
 *   Batch index b (global dim 2) splits as b1 = b / inner, b2 = b % inner; each operand's start is
 *   off + b1·s1 + b2·s2, so broadcast batches (stride 0) and grouped convolutions need no copies.
 *   Every block runs vector FMAs; edge blocks clamp their row reads and mask their column loads and stores.
 *
 * Tunables:
 *   RM       rows per work-item: 1, 2, 4 or 8 (default 8)
 *   RN       columns per work-item, the vector width: 4, 8 or 16 (default 16)
 *   TRANS_A  0 for A stored M×K; 1 for K×M (A(m, k) = A[k·lda + m]); 2 for RM-row panels, the packed weight
 *            layout: A(m, k) = A[(m / RM)·lda + k·RM + m % RM], lda = K·RM, rows padded to a multiple of RM
 *   BIAS     0 none, 1 one value per row m, 2 one value per column n
 *   ACCUMULATE  1 to add C's current value (a later slice of a split K), 0 to overwrite
 *   ACT, ACT_ALPHA, HAS_RESIDUAL: the epilogue (common.cl)
 *   M_FIRST  the order of the blocks: 1 puts M blocks in global dimension 0, the one a CPU runtime loops over
 *            innermost within a group, so consecutive work-items reuse one RN-column panel of B from L1/L2 while
 *            A is re-read from further away; 0 (default) puts N blocks first, reusing an RM-row panel of A while
 *            B is re-read. The host re-reads the smaller operand (PoCL); runtimes that vectorise across
 *            work-items (llvmpipe) want N first.
 * Global size: (ceil(M / RM), ceil(N / RN), batches) with M_FIRST, else (ceil(N / RN), ceil(M / RM), batches).
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
#ifndef M_FIRST
#define M_FIRST 0
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

/* Row r of a full block: accumulate into C if asked, bias, residual, activation, vector store. */
#define STORE_FULL_ROW(r, a) do { VEC v_ = (a); ADD_C(r, v_); ADD_BIAS(r, v_); ADD_RESIDUAL(r, v_); \
        v_ = STRIX_ACT(v_); VSTORE(v_, 0, C + (m0 + (r)) * ldc + n0); } while (0)
/* Row r of an edge block: the same for the rows and columns inside C only. */
/* Row r of the block for reading A: clamped to the last row in edge blocks (CLAMP = 1), direct otherwise. */
#define ROW(r, CLAMP) ((CLAMP) ? min(m0 + (r), M - 1) : m0 + (r))
#define STORE_ROW(r, a) do { \
        if (m0 + (r) < M) { \
            if (full) { \
                VEC v_ = (a); \
                ADD_C(r, v_); ADD_BIAS(r, v_); ADD_RESIDUAL(r, v_); \
                v_ = STRIX_ACT(v_); \
                VSTORE(v_, 0, C + (m0 + (r)) * ldc + n0); \
            } else { \
                float part_[RN]; \
                VSTORE((a), 0, part_); \
                for (int c_ = 0; c_ < cols; c_++) { \
                    float v_ = part_[c_]; \
                    const int at_ = (m0 + (r)) * ldc + n0 + c_; \
                    ADD_C1(v_, at_); ADD_BIAS1(r, c_, v_); ADD_RESIDUAL1(v_, at_); \
                    v_ = STRIX_ACT(v_); \
                    C[at_] = v_; \
                } \
            } \
        } \
    } while (0)

#if ACCUMULATE
#define ADD_C(r, v) v += VLOAD(0, C + (m0 + (r)) * ldc + n0)
#define ADD_C1(v, at) v += C[at]
#else
#define ADD_C(r, v)
#define ADD_C1(v, at)
#endif
#if BIAS == 1
#define ADD_BIAS(r, v) v += bias[m0 + (r)]
#define ADD_BIAS1(r, c, v) v += bias[m0 + (r)]
#elif BIAS == 2
#define ADD_BIAS(r, v) v += VLOAD(0, bias + n0)
#define ADD_BIAS1(r, c, v) v += bias[n0 + (c)]
#else
#define ADD_BIAS(r, v)
#define ADD_BIAS1(r, c, v)
#endif
#if HAS_RESIDUAL
#define ADD_RESIDUAL(r, v) v += VLOAD(0, R + (m0 + (r)) * ldc + n0)
#define ADD_RESIDUAL1(v, at) v += R[at]
#else
#define ADD_RESIDUAL(r, v)
#define ADD_RESIDUAL1(v, at)
#endif

/* STORE(r, acc_r) for every row of the block. */
#if RM == 1
#define FOR_ROWS(STORE) STORE(0, acc0)
#elif RM == 2
#define FOR_ROWS(STORE) STORE(0, acc0); STORE(1, acc1)
#elif RM == 4
#define FOR_ROWS(STORE) STORE(0, acc0); STORE(1, acc1); STORE(2, acc2); STORE(3, acc3)
#else
#define FOR_ROWS(STORE) STORE(0, acc0); STORE(1, acc1); STORE(2, acc2); STORE(3, acc3); STORE(4, acc4); \
        STORE(5, acc5); STORE(6, acc6); STORE(7, acc7)
#endif

/* acc_r += A(row r, k) · bv for every row of the block. */
#if RM == 1
#define ACCUMULATE_ROWS(k, bv, CLAMP) acc0 = fma((VEC)(A_AT(ROW(0, CLAMP), k)), bv, acc0)
#elif RM == 2
#define ACCUMULATE_ROWS(k, bv, CLAMP) acc0 = fma((VEC)(A_AT(ROW(0, CLAMP), k)), bv, acc0); \
        acc1 = fma((VEC)(A_AT(ROW(1, CLAMP), k)), bv, acc1)
#elif RM == 4
#define ACCUMULATE_ROWS(k, bv, CLAMP) acc0 = fma((VEC)(A_AT(ROW(0, CLAMP), k)), bv, acc0); \
        acc1 = fma((VEC)(A_AT(ROW(1, CLAMP), k)), bv, acc1); acc2 = fma((VEC)(A_AT(ROW(2, CLAMP), k)), bv, acc2); \
        acc3 = fma((VEC)(A_AT(ROW(3, CLAMP), k)), bv, acc3)
#else
#define ACCUMULATE_ROWS(k, bv, CLAMP) acc0 = fma((VEC)(A_AT(ROW(0, CLAMP), k)), bv, acc0); \
        acc1 = fma((VEC)(A_AT(ROW(1, CLAMP), k)), bv, acc1); acc2 = fma((VEC)(A_AT(ROW(2, CLAMP), k)), bv, acc2); \
        acc3 = fma((VEC)(A_AT(ROW(3, CLAMP), k)), bv, acc3); acc4 = fma((VEC)(A_AT(ROW(4, CLAMP), k)), bv, acc4); \
        acc5 = fma((VEC)(A_AT(ROW(5, CLAMP), k)), bv, acc5); acc6 = fma((VEC)(A_AT(ROW(6, CLAMP), k)), bv, acc6); \
        acc7 = fma((VEC)(A_AT(ROW(7, CLAMP), k)), bv, acc7)
#endif

#if TRANS_A == 2
#define A_AT(m, k) A[((m) / RM) * lda + (k) * RM + (m) % RM]
#elif TRANS_A == 1
#define A_AT(m, k) A[(k) * lda + (m)]
#else
#define A_AT(m, k) A[(m) * lda + (k)]
#endif

__kernel void gemm(STRIX_GEMM_ARGS) {
    /* The order is compiled in: a runtime choice made llvmpipe's vectoriser give up on B's consecutive lanes
       (20× slower), and get_global_id with a computed dimension breaks PoCL's work-group compiler. */
#if M_FIRST
    const int m0 = get_global_id(0) * RM;
    const int n0 = get_global_id(1) * RN;
#else
    const int n0 = get_global_id(0) * RN;
    const int m0 = get_global_id(1) * RM;
#endif
    const int b = get_global_id(2);
    if (m0 >= M || n0 >= N) {
        return;
    }
    STRIX_GEMM_BATCH(b);
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
    const int cols = min(RN, N - n0);
    const bool full = cols == RN;
    if (m0 + RM <= M && full) {
        /* Interior block: vector loads of B, nothing to clamp or mask. */
        for (int k = 0; k < K; k++) {
            const VEC bv = VLOAD(0, B + k * ldb + n0);
            ACCUMULATE_ROWS(k, bv, 0);
        }
        FOR_ROWS(STORE_FULL_ROW);
        return;
    }
    /* Edge block: rows past M read row M−1 and are not stored; columns past N read 0 and are not stored, so an
       edge block still runs the vector FMAs rather than RN times as many scalar ones. */
    for (int k = 0; k < K; k++) {
        VEC bv;
        if (full) {
            bv = VLOAD(0, B + k * ldb + n0);
        } else {
            float part[RN];
            for (int c = 0; c < RN; c++) {
                part[c] = c < cols ? B[k * ldb + n0 + c] : 0.0f;
            }
            bv = VLOAD(0, part);
        }
        ACCUMULATE_ROWS(k, bv, 1);
    }
    FOR_ROWS(STORE_ROW);
}
