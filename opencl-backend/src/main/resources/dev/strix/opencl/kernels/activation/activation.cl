/*
 * activation.cl: y[i] = STRIX_ACT(x[i]) over n elements (relu, relu6, leaky_relu, elu, gelu, sigmoid, hard_sigmoid,
 * tanh, silu, hard_swish; see common.cl for the codes).
 *
 * Tunables: ACT, ACT_ALPHA (common.cl). Global size: n rounded up to the work-group.
 */
__kernel void activation(__global const float* x, __global float* y, const int n) {
    const int i = get_global_id(0);
    if (i < n) {
        float v = x[i];
        v = STRIX_ACT(v);
        y[i] = v;
    }
}
