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

#if ACT == 0
#define STRIX_ACT(x) (x)
#elif ACT == 1
#define STRIX_ACT(x) fmax((x), 0.0f)
#elif ACT == 2
#define STRIX_ACT(x) clamp((x), 0.0f, 6.0f)
#elif ACT == 3
#define STRIX_ACT(x) (fmax((x), 0.0f) + ACT_ALPHA * fmin((x), 0.0f))
#elif ACT == 4
#define STRIX_ACT(x) (fmax((x), 0.0f) + ACT_ALPHA * expm1(fmin((x), 0.0f)))
#elif ACT == 5
#define STRIX_ACT(x) (0.5f * (x) * (1.0f + erf((x) * 0.70710678118654752f)))
#elif ACT == 6
#define STRIX_ACT(x) (0.5f * (x) * (1.0f + tanh(0.79788456080286536f * ((x) + 0.044715f * (x) * (x) * (x)))))
#elif ACT == 7
#define STRIX_ACT(x) (1.0f / (1.0f + exp(-(x))))
#elif ACT == 8
#define STRIX_ACT(x) (clamp((x) + 3.0f, 0.0f, 6.0f) / 6.0f)
#elif ACT == 9
#define STRIX_ACT(x) tanh(x)
#elif ACT == 10
#define STRIX_ACT(x) ((x) / (1.0f + exp(-(x))))
#elif ACT == 11
#define STRIX_ACT(x) ((x) * clamp((x) + 3.0f, 0.0f, 6.0f) / 6.0f)
#else
#error "unknown ACT code"
#endif

/* Rounds n up to a multiple of m. */
#define STRIX_ROUND_UP(n, m) ((((n) + (m) - 1) / (m)) * (m))
