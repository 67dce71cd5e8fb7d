//go:build !amd64

package gemm

// bestKernel is the micro-kernel Dgemm uses: the portable one on this
// architecture.
var bestKernel kernel = kernelGo
