package gemm

// kernels lists the micro-kernels this CPU can run, for the tests to check
// each of them.
func kernels() map[string]kernel {
	ks := map[string]kernel{"go": kernelGo}
	if hasAVX2FMA {
		ks["fma"] = kernelFMA
	}
	if hasAVX512 {
		ks["avx512"] = kernelAVX512
	}
	return ks
}

// sigmoids lists the implementations of Sigmoid this CPU can run.
func sigmoids() map[string]func(dst, src []float64) {
	fs := map[string]func(dst, src []float64){"go": sigmoidGo}
	if hasAVX2FMA {
		fs["fma"] = sigmoidFMA
	}
	if hasAVX512DQ {
		fs["avx512"] = sigmoidAVX512
	}
	return fs
}
