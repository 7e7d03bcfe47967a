/*
 * local_response_norm.cl: PyTorch's LocalResponseNorm over channels of x [N, C, S]:
 *
 *   y = x / (K + ALPHA / SIZE · sum_{c' = c − SIZE/2}^{c + (SIZE−1)/2} x[c']²)^BETA   (missing channels count 0)
 *
 * Tunables: SIZE, ALPHA, BETA, K. Global size: N · C · S rounded up to the work-group.
 */
#ifndef SIZE
#define SIZE 5
#endif
#ifndef ALPHA
#define ALPHA 1e-4f
#endif
#ifndef BETA
#define BETA 0.75f
#endif
#ifndef K
#define K 1.0f
#endif

__kernel void local_response_norm(__global const float* x, __global float* y, const int N, const int C,
                                  const int S) {
    const int i = get_global_id(0);
    if (i >= N * C * S) {
        return;
    }
    const int s = i % S;
    const int c = (i / S) % C;
    const int n = i / (S * C);
    float sum = 0.0f;
    for (int cc = c - SIZE / 2; cc <= c + (SIZE - 1) / 2; cc++) {
        if (cc >= 0 && cc < C) {
            const float v = x[(n * C + cc) * S + s];
            sum = fma(v, v, sum);
        }
    }
    y[i] = x[i] / pow(K + ALPHA / SIZE * sum, BETA);
}
