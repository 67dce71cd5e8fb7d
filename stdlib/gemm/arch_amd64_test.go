package gemm

// kernels lists the micro-kernels this CPU can run, for the tests to check
// each of them.
func kernels() map[string]kernel {
	ks := map[string]kernel{"go": kernelGo}
	if hasFMA {
		ks["fma"] = kernelFMA
	}
	return ks
}
