// Inner loops Swift cannot write: they need AVX-512 instructions that have no Swift spelling.
// Every entry point is a `static inline` function, compiled with the flags of the Swift target
// that imports this module (DescentCore builds with -march=native), so a machine without
// AVX-512 compiles the portable answer and Swift keeps its own loop. (kernels.c only makes this a
// C target, whose header SwiftPM tracks: an edit here rebuilds DescentCore.) cpu.h reads the CPU's
// features at run time.
#ifndef DESCENT_CKERNELS_H
#define DESCENT_CKERNELS_H

#include <stdint.h>

#if defined(__AVX512F__)
#include <immintrin.h>
#endif

// Products and sums stay apart, exactly as the Swift loops they replace (Swift never fuses a*b+c).
#pragma clang fp contract(off)

/// 1 when the update kernels (`kernel_adam`, `kernel_rmsprop`, `kernel_adagrad`) are compiled in (this
/// build targets AVX-512), else 0.
static inline int kernel_updates_available(void) {
#if defined(__AVX512F__)
    return 1;
#else
    return 0;
#endif
}

#if defined(__AVX512F__)
/// n / d for 8 lanes, equal to the IEEE quotient: a 14-bit reciprocal refined twice by Newton's
/// rule, the quotient from it, then one residual correction with a fused multiply-add (exact
/// residual), which lands on the correctly rounded quotient. Lanes outside the ranges that argument
/// needs (zero, huge or tiny divisors, tiny or huge numerators, NaN, infinities) take the divider.
static inline __m512d kernel_quotient8(__m512d n, __m512d d) {
    const __m512d two = _mm512_set1_pd(2.0);
    __m512d r = _mm512_rcp14_pd(d);
    r = _mm512_mul_pd(r, _mm512_fnmadd_pd(d, r, two));
    r = _mm512_mul_pd(r, _mm512_fnmadd_pd(d, r, two));
    __m512d q = _mm512_mul_pd(n, r);
    q = _mm512_fmadd_pd(r, _mm512_fnmadd_pd(d, q, n), q);
    // The argument holds when r, q and the residual stay normal numbers: 2^-500 <= d <= 2^500 and
    // n == 0 or 2^-460 <= |n| <= 2^460 (so 2^-960 <= |q| <= 2^960). Tested on the bits as unsigned
    // integers, where x - lo <= hi - lo holds exactly for lo <= x <= hi (NaN and negative d fail).
    const __m512i dLow = _mm512_set1_epi64(0x20B0000000000000LL), dSpan = _mm512_set1_epi64(0x3E80000000000000LL);
    const __m512i nLow = _mm512_set1_epi64(0x2330000000000000LL), nSpan = _mm512_set1_epi64(0x3980000000000000LL);
    __m512i ud = _mm512_castpd_si512(d);
    __m512i un = _mm512_and_si512(_mm512_castpd_si512(n), _mm512_set1_epi64(0x7FFFFFFFFFFFFFFFLL));
    __mmask8 ok = _mm512_cmple_epu64_mask(_mm512_sub_epi64(ud, dLow), dSpan)
        & (_mm512_cmple_epu64_mask(_mm512_sub_epi64(un, nLow), nSpan)
           | _mm512_cmpeq_epi64_mask(un, _mm512_setzero_si512()));
    if (ok != 0xFF) q = _mm512_mask_div_pd(q, (__mmask8)~ok, n, d);
    return q;
}
#endif

#if defined(__AVX512F__)
/// An update rule's scalars, each in every lane. Passed by value: through a pointer, the compiler would
/// reload them after every store to the arrays (a vector type may alias doubles), which cost Adam 18%.
typedef struct { __m512d v[5]; } kernel_scalars;

/// The scalars a…e, each in every lane.
static inline kernel_scalars kernel_scalars_of(double a, double b, double c, double d, double e) {
    kernel_scalars k = {{_mm512_set1_pd(a), _mm512_set1_pd(b), _mm512_set1_pd(c), _mm512_set1_pd(d), _mm512_set1_pd(e)}};
    return k;
}

/// One update rule on 8 lanes in registers: gradient g, the rule's state s1 and s2 (s2 unused by rules
/// with one state), value w, updated in place.
typedef void (*kernel_rule8)(kernel_scalars k, __m512d g, __m512d *s1, __m512d *s2, __m512d *w);

/// Runs `rule` over n values: whole vectors, then the last 1–7 values under a mask (masked loads and
/// stores cost more on the build machine). `s2` is NULL for rules with one state.
static inline void kernel_update(kernel_rule8 rule, kernel_scalars k, double *w, const double *g, double *s1,
                                 double *s2, int64_t n) {
    const __m512d zero = _mm512_setzero_pd();
    int64_t i = 0;
    for (; i + 8 <= n; i += 8) {
        __m512d a = _mm512_loadu_pd(s1 + i), b = s2 ? _mm512_loadu_pd(s2 + i) : zero, x = _mm512_loadu_pd(w + i);
        rule(k, _mm512_loadu_pd(g + i), &a, &b, &x);
        _mm512_storeu_pd(s1 + i, a);
        if (s2) _mm512_storeu_pd(s2 + i, b);
        _mm512_storeu_pd(w + i, x);
    }
    if (i < n) {
        __mmask8 m = (__mmask8)((1u << (n - i)) - 1u);
        __m512d a = _mm512_maskz_loadu_pd(m, s1 + i), b = s2 ? _mm512_maskz_loadu_pd(m, s2 + i) : zero;
        __m512d x = _mm512_maskz_loadu_pd(m, w + i);
        rule(k, _mm512_maskz_loadu_pd(m, g + i), &a, &b, &x);
        _mm512_mask_storeu_pd(s1 + i, m, a);
        if (s2) _mm512_mask_storeu_pd(s2 + i, m, b);
        _mm512_mask_storeu_pd(w + i, m, x);
    }
}

/// Adam (k: c1, b2, c2, step, e): m += c1·(g − m); v = b2·v + (c2·g)·g; w −= (step·m) / (√v + e).
static inline void kernel_adam8(kernel_scalars k, __m512d g, __m512d *m, __m512d *v, __m512d *w) {
    *m = _mm512_add_pd(*m, _mm512_mul_pd(k.v[0], _mm512_sub_pd(g, *m)));
    *v = _mm512_add_pd(_mm512_mul_pd(k.v[1], *v), _mm512_mul_pd(_mm512_mul_pd(k.v[2], g), g));
    *w = _mm512_sub_pd(*w, kernel_quotient8(_mm512_mul_pd(k.v[3], *m), _mm512_add_pd(_mm512_sqrt_pd(*v), k.v[4])));
}

/// RMSprop (k: alpha, c, lr, eps): s = alpha·s + (c·g)·g; w −= lr·(g / (√s + eps)).
static inline void kernel_rmsprop8(kernel_scalars k, __m512d g, __m512d *s, __m512d *unused, __m512d *w) {
    (void)unused;
    *s = _mm512_add_pd(_mm512_mul_pd(k.v[0], *s), _mm512_mul_pd(_mm512_mul_pd(k.v[1], g), g));
    *w = _mm512_sub_pd(*w, _mm512_mul_pd(k.v[2], kernel_quotient8(g, _mm512_add_pd(_mm512_sqrt_pd(*s), k.v[3]))));
}

/// RMSprop with momentum (k: alpha, c, lr, eps, mu): s as above; b = mu·b + g / (√s + eps); w −= lr·b.
static inline void kernel_rmsprop_momentum8(kernel_scalars k, __m512d g, __m512d *s, __m512d *b, __m512d *w) {
    *s = _mm512_add_pd(_mm512_mul_pd(k.v[0], *s), _mm512_mul_pd(_mm512_mul_pd(k.v[1], g), g));
    *b = _mm512_add_pd(_mm512_mul_pd(k.v[4], *b), kernel_quotient8(g, _mm512_add_pd(_mm512_sqrt_pd(*s), k.v[3])));
    *w = _mm512_sub_pd(*w, _mm512_mul_pd(k.v[2], *b));
}

/// Adagrad (k: lr, eps): s = s + g·g; w −= lr·(g / (√s + eps)).
static inline void kernel_adagrad8(kernel_scalars k, __m512d g, __m512d *s, __m512d *unused, __m512d *w) {
    (void)unused;
    *s = _mm512_add_pd(*s, _mm512_mul_pd(g, g));
    *w = _mm512_sub_pd(*w, _mm512_mul_pd(k.v[0], kernel_quotient8(g, _mm512_add_pd(_mm512_sqrt_pd(*s), k.v[1]))));
}
#endif

// The update rules over n values, bit for bit `Optimizer`'s Swift loops (`adamLoop`, `rmspropLoop`,
// `adagradLoop`: the same operations in the same order). Those loops are bound by one square root and
// one division per value; these replace the division (on 8,613 values in L2 on the build machine, an
// AMD EPYC with AVX-512: Adam 0.72 ns a value against 0.86, RMSprop 0.70 against 0.85, Adagrad 0.64
// against 0.85). Without AVX-512 they do nothing and `kernel_updates_available` is 0.

/// Adam: m += c1·(g − m); v = b2·v + (c2·g)·g; w −= (step·m) / (√v + e).
static inline void kernel_adam(double *w, const double *g, double *m, double *v, int64_t n,
                               double c1, double b2, double c2, double step, double e) {
#if defined(__AVX512F__)
    kernel_update(kernel_adam8, kernel_scalars_of(c1, b2, c2, step, e), w, g, m, v, n);
#else
    (void)w; (void)g; (void)m; (void)v; (void)n; (void)c1; (void)b2; (void)c2; (void)step; (void)e;
#endif
}

/// RMSprop (not centred): s = alpha·s + (c·g)·g; with mu = 0, w −= lr·(g / (√s + eps)); else
/// b = mu·b + g / (√s + eps) and w −= lr·b.
static inline void kernel_rmsprop(double *w, const double *g, double *s, double *b, int64_t n,
                                  double alpha, double c, double lr, double eps, double mu) {
#if defined(__AVX512F__)
    kernel_scalars k = kernel_scalars_of(alpha, c, lr, eps, mu);
    if (mu == 0) {
        kernel_update(kernel_rmsprop8, k, w, g, s, 0, n);
    } else {
        kernel_update(kernel_rmsprop_momentum8, k, w, g, s, b, n);
    }
#else
    (void)w; (void)g; (void)s; (void)b; (void)n; (void)alpha; (void)c; (void)lr; (void)eps; (void)mu;
#endif
}

/// Adagrad: s = s + g·g; w −= lr·(g / (√s + eps)).
static inline void kernel_adagrad(double *w, const double *g, double *s, int64_t n, double lr, double eps) {
#if defined(__AVX512F__)
    kernel_update(kernel_adagrad8, kernel_scalars_of(lr, eps, 0, 0, 0), w, g, s, 0, n);
#else
    (void)w; (void)g; (void)s; (void)n; (void)lr; (void)eps;
#endif
}

#endif
