// What the CPU can run, read with CPUID at run time (not from the build's -march flags): Descent tells
// OpenBLAS which kernels to use from it, since OpenBLAS picks by model number and falls back to its oldest
// x86-64 kernels on a model it does not know.
#ifndef DESCENT_CPU_H
#define DESCENT_CPU_H

#if defined(__x86_64__)
#include <cpuid.h>
#endif

/// The widest double-precision vector instructions that this CPU has and the operating system saves
/// across context switches: 2 for AVX-512 (F, CD, DQ, BW and VL), 1 for AVX2 with FMA, 0 otherwise
/// (also on any CPU that is not x86-64).
static inline int cpu_vector_level(void) {
#if defined(__x86_64__)
    unsigned a, b, c, d;
    if (!__get_cpuid_count(1, 0, &a, &b, &c, &d)) return 0;
    const unsigned fma = 1u << 12, osxsave = 1u << 27, avx = 1u << 28;
    if ((c & (fma | osxsave | avx)) != (fma | osxsave | avx)) return 0;
    unsigned xcr0, xcr0High;
    __asm__ volatile("xgetbv" : "=a"(xcr0), "=d"(xcr0High) : "c"(0));
    if ((xcr0 & 0x6) != 0x6) return 0;  // the OS saves SSE and AVX state
    if (!__get_cpuid_count(7, 0, &a, &b, &c, &d)) return 0;
    if (!(b & (1u << 5))) return 0;     // AVX2
    const unsigned avx512 = (1u << 16) | (1u << 17) | (1u << 28) | (1u << 30) | (1u << 31);  // F DQ CD BW VL
    if ((b & avx512) == avx512 && (xcr0 & 0xE0) == 0xE0) return 2;  // and the OS saves opmask and ZMM state
    return 1;
#else
    return 0;
#endif
}

#endif
