// Package random is numpy's legacy random generator (numpy.random.seed,
// rand, randn, randint): the Mersenne Twister MT19937 with numpy's
// seeding and its ways of turning 32-bit words into doubles, normal
// deviates and bounded integers, so that a seeded calc session draws the
// same numbers as numpy.random after the same seed.
//
// The algorithms follow numpy 1.24: numpy/random/src/mt19937/mt19937.c
// (mt19937_seed, mt19937_gen), numpy/random/src/legacy/legacy-distributions.c
// (legacy_double, legacy_gauss) and numpy/random/src/distributions/distributions.c
// (random_bounded_uint64_fill with the masked method RandomState uses).
package random

import "math"

const (
	stateLen  = 624
	shift     = 397
	matrixA   = 0x9908b0df
	upperMask = 0x80000000
	lowerMask = 0x7fffffff
)

// MT19937 is a Mersenne Twister with numpy's RandomState on top: the
// polar method's second normal deviate is kept for the next call, as
// numpy keeps it.
type MT19937 struct {
	key      [stateLen]uint32
	pos      int
	gauss    float64
	hasGauss bool
}

// New returns a generator seeded as numpy.random.seed(seed) seeds one.
func New(seed uint32) *MT19937 {
	m := &MT19937{}
	for i := range m.key {
		m.key[i] = seed
		seed = 1812433253*(seed^(seed>>30)) + uint32(i) + 1
	}
	m.pos = stateLen
	return m
}

// generate refills the state with the next 624 words.
func (m *MT19937) generate() {
	mix := func(a, b, c uint32) uint32 {
		y := a&upperMask | b&lowerMask
		return c ^ y>>1 ^ -(y&1)&matrixA
	}
	i := 0
	for ; i < stateLen-shift; i++ {
		m.key[i] = mix(m.key[i], m.key[i+1], m.key[i+shift])
	}
	for ; i < stateLen-1; i++ {
		m.key[i] = mix(m.key[i], m.key[i+1], m.key[i+shift-stateLen])
	}
	m.key[stateLen-1] = mix(m.key[stateLen-1], m.key[0], m.key[shift-1])
	m.pos = 0
}

// Uint32 returns the next 32-bit word, tempered.
func (m *MT19937) Uint32() uint32 {
	if m.pos == stateLen {
		m.generate()
	}
	y := m.key[m.pos]
	m.pos++
	y ^= y >> 11
	y ^= y << 7 & 0x9d2c5680
	y ^= y << 15 & 0xefc60000
	return y ^ y>>18
}

// Float64 returns a uniform double in [0, 1) from two words, as
// numpy.random.random_sample.
func (m *MT19937) Float64() float64 {
	a, b := m.Uint32()>>5, m.Uint32()>>6
	return (float64(a)*67108864 + float64(b)) / 9007199254740992
}

// NormFloat64 returns a standard normal deviate by the polar method, as
// numpy.random.standard_normal.
func (m *MT19937) NormFloat64() float64 {
	if m.hasGauss {
		m.hasGauss = false
		return m.gauss
	}
	for {
		x1, x2 := 2*m.Float64()-1, 2*m.Float64()-1
		r2 := x1*x1 + x2*x2
		if r2 < 1 && r2 != 0 {
			f := math.Sqrt(-2 * math.Log(r2) / r2)
			m.gauss, m.hasGauss = f*x1, true
			return f * x2
		}
	}
}

// Bounded returns a uniform integer in [0, rng] by masked rejection, as
// numpy.random.randint draws one (32-bit words while rng fits in them).
func (m *MT19937) Bounded(rng uint64) uint64 {
	if rng == 0 {
		return 0
	}
	mask := rng
	for s := uint(1); s < 64; s *= 2 {
		mask |= mask >> s
	}
	if rng <= math.MaxUint32 {
		for {
			if v := uint64(m.Uint32()) & mask; v <= rng {
				return v
			}
		}
	}
	for {
		if v := (uint64(m.Uint32())<<32 | uint64(m.Uint32())) & mask; v <= rng {
			return v
		}
	}
}
