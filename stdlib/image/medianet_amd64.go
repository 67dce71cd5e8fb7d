package image

import "golang.org/x/sys/cpu"

// netAVX2 is netBytes with AVX2: each comparator is one VPMINUB and one
// VPMAXUB on the 32 lanes of its two wires.
//
//go:noescape
func netAVX2(w *wires, net []comparator)

// fastNet reports whether netBytes runs on vectors of 32 bytes, fast
// enough for the 5×5 median's networks to beat the sliding histogram.
var fastNet = cpu.X86.HasAVX2

// netBytes applies a comparator network to 32 lanes of bytes: with AVX2
// where the CPU has it, else netSWAR.
var netBytes = func() func(w *wires, net []comparator) {
	if fastNet {
		return netAVX2
	}
	return netSWAR
}()
