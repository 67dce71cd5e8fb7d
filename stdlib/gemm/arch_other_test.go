//go:build !amd64

package gemm

// kernels lists the micro-kernels this CPU can run, for the tests to check
// each of them.
func kernels() map[string]kernel { return map[string]kernel{"go": kernelGo} }
