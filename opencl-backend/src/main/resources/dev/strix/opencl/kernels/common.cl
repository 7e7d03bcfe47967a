/*
 * common.cl: the prelude every Strix kernel is built with, after the host's #define block.
 *
 * STRIX_ACT(x) applies the activation chosen by ACT to a float or a float vector (x must be a plain variable: it
 * may be evaluated more than once). The codes match dev.strix.opencl.kernel.Activation.
 *
 * Tunables (each has a default, so every kernel file compiles on its own):
 *   ACT           activation code, 0 = none
 *   ACT_ALPHA     leaky_relu's negative slope or elu's alpha
 *   HAS_RESIDUAL  1 when a fused residual operand is added before the activation
 *   HAS_BIAS      1 when a bias is added
 */
#ifndef ACT
#define ACT 0
#endif
#ifndef ACT_ALPHA
#define ACT_ALPHA 0.0f
#endif
#ifndef HAS_RESIDUAL
#define HAS_RESIDUAL 0
#endif
#ifndef HAS_BIAS
#define HAS_BIAS 0
#endif

/* STRIX_ACT_<code>(x, alpha): each activation by its code; STRIX_ACT_AS(code, alpha, x) picks one by a code that
   is a plain integer define (a kernel fusing two activations, e.g. conv/expand_depthwise.cl, uses both). */
#define STRIX_ACT_0(x, alpha) (x)
#define STRIX_ACT_1(x, alpha) fmax((x), 0.0f)
#define STRIX_ACT_2(x, alpha) clamp((x), 0.0f, 6.0f)
#define STRIX_ACT_3(x, alpha) (fmax((x), 0.0f) + (alpha) * fmin((x), 0.0f))
#define STRIX_ACT_4(x, alpha) (fmax((x), 0.0f) + (alpha) * expm1(fmin((x), 0.0f)))
#define STRIX_ACT_5(x, alpha) (0.5f * (x) * (1.0f + erf((x) * 0.70710678118654752f)))
#define STRIX_ACT_6(x, alpha) (0.5f * (x) * (1.0f + tanh(0.79788456080286536f * ((x) + 0.044715f * (x) * (x) * (x)))))
#define STRIX_ACT_7(x, alpha) (1.0f / (1.0f + exp(-(x))))
#define STRIX_ACT_8(x, alpha) (clamp((x) + 3.0f, 0.0f, 6.0f) / 6.0f)
#define STRIX_ACT_9(x, alpha) tanh(x)
#define STRIX_ACT_10(x, alpha) ((x) / (1.0f + exp(-(x))))
#define STRIX_ACT_11(x, alpha) ((x) * clamp((x) + 3.0f, 0.0f, 6.0f) / 6.0f)
#define STRIX_ACT_PASTE(code) STRIX_ACT_##code
#define STRIX_ACT_CODE(code) STRIX_ACT_PASTE(code)
#define STRIX_ACT_AS(code, alpha, x) STRIX_ACT_CODE(code)(x, alpha)
#if ACT < 0 || ACT > 11
#error "unknown ACT code"
#endif
#define STRIX_ACT(x) STRIX_ACT_AS(ACT, ACT_ALPHA, x)

/* Pastes a and b after expanding both: STRIX_CAT(float, VW) is float8 where VW is 8. */
#define STRIX_CAT_(a, b) a##b
#define STRIX_CAT(a, b) STRIX_CAT_(a, b)

/* Rounds n up to a multiple of m. */
#define STRIX_ROUND_UP(n, m) ((((n) + (m) - 1) / (m)) * (m))

/* The arguments every batched GEMM kernel takes (gemm_register.cl, gemm_block.cl): C[b] = A[b]·B[b] with each
   operand's start, leading dimension and strides over the outer and inner batch index, bias and residual R. */
#define STRIX_GEMM_ARGS const int M, const int N, const int K, \
        __global const float* A, const int offA, const int lda, const int sA1, const int sA2, \
        __global const float* B, const int offB, const int ldb, const int sB1, const int sB2, \
        __global float* C, const int offC, const int ldc, const int sC1, const int sC2, \
        const int inner, __global const float* bias, const int sBias2, __global const float* R

/* Moves A, B, C, R and bias to batch b's matrices (b = outer · inner + inner index). */
#define STRIX_GEMM_BATCH(b) \
    const int b1 = (b) / inner; \
    const int b2 = (b) - b1 * inner; \
    A += offA + b1 * sA1 + b2 * sA2; \
    B += offB + b1 * sB1 + b2 * sB2; \
    const int cOff = offC + b1 * sC1 + b2 * sC2; \
    C += cOff; \
    R += cOff; \
    bias += b2 * sBias2
