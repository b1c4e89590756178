#!/usr/bin/env python3
"""Independent reference numbers for Descent's RNG (Tests/DescentCoreTests/RNGTests.swift).

Implements SplitMix64 seeding, xoshiro256**, uniform, Box-Muller (math.log / math.cos), Lemire's
int(below:), Fisher-Yates and derived(stream:) exactly as documented in Sources/DescentCore/RNG.swift,
with Python's arbitrary-precision integers masked to 64 bits. Run: python3 Tests/References/data_refs.py
"""
import math

M = (1 << 64) - 1
GOLDEN = 0x9E3779B97F4A7C15


def mix(z):
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M
    return z ^ (z >> 31)


def rotl(x, k):
    return ((x << k) | (x >> (64 - k))) & M


class RNG:
    def __init__(self, seed):
        x, self.s = seed, []
        for _ in range(4):
            x = (x + GOLDEN) & M
            self.s.append(mix(x))

    def next(self):
        s = self.s
        result = (rotl((s[1] * 5) & M, 7) * 9) & M
        t = (s[1] << 17) & M
        s[2] ^= s[0]; s[3] ^= s[1]; s[1] ^= s[2]; s[0] ^= s[3]
        s[2] ^= t
        s[3] = rotl(s[3], 45)
        return result

    def uniform(self):
        return (self.next() >> 11) * 2.0 ** -53

    def normal(self):
        u1 = 1 - self.uniform()
        u2 = self.uniform()
        return math.sqrt(-2 * math.log(u1)) * math.cos(2 * math.pi * u2)

    def int_below(self, n):
        if n <= 1:
            return 0, 0
        rejected = 0
        m = self.next() * n
        if m & M < n:
            threshold = (1 << 64) % n
            while m & M < threshold:
                rejected += 1
                m = self.next() * n
        return m >> 64, rejected

    def shuffle(self, a):
        for i in range(len(a) - 1, 0, -1):
            j, _ = self.int_below(i + 1)
            a[i], a[j] = a[j], a[i]

    def derived(self, stream):
        h = stream
        for w in self.s:
            h = mix(((h ^ w) + GOLDEN) & M)
        return RNG(h)



def main():
    r = RNG(42)
    print("seed 42 next:", [hex(r.next()) for _ in range(5)])
    r = RNG(42)
    print("seed 42 uniform:", [repr(r.uniform()) for _ in range(3)])
    r = RNG(7)
    print("seed 7 normal:", [repr(r.normal()) for _ in range(4)])
    r = RNG(1)
    print("seed 1 int(below: 10):", [r.int_below(10)[0] for _ in range(12)])
    r, total = RNG(5), 0
    vals = []
    for _ in range(60):
        v, rej = r.int_below(6 * 10 ** 18)
        vals.append(v); total += rej
    print("seed 5 int(below: 6e18) x60: rejections", total, "last three", vals[-3:], "then next()", hex(r.next()))
    r = RNG(3)
    a = list(range(10)); r.shuffle(a)
    print("seed 3 shuffle 0..<10:", a)
    r = RNG(42)
    print("seed 42 derived(3).next:", hex(r.derived(3).next()), " derived(4).next:", hex(r.derived(4).next()))
    r = RNG(0)
    print("seed 0 next:", hex(r.next()))
    r = RNG(42)
    x1, x2 = r.uniform() * 2 - 1, r.uniform() * 2 - 1
    print("linear n=1 noise=0.1 seed 42 row:", repr(x1), repr(x2), repr(2 * x1 - 3 * x2 + 0.5 + 0.1 * r.normal()))


if __name__ == "__main__":
    main()
