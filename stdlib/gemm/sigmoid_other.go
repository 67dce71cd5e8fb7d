//go:build !amd64

package gemm

// bestSigmoid is the Sigmoid used: the portable loop on this architecture.
var bestSigmoid = sigmoidGo
