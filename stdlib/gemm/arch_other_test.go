//go:build !amd64

package gemm

// kernels lists the micro-kernels this CPU can run, for the tests to check
// each of them.
func kernels() map[string]kernel { return map[string]kernel{"go": kernelGo} }

// sigmoids lists the implementations of Sigmoid this CPU can run.
func sigmoids() map[string]func(dst, src []float64) {
	return map[string]func(dst, src []float64){"go": sigmoidGo}
}
