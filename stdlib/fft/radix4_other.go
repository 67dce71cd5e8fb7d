//go:build !amd64

package fft

// radix4Vector does no butterflies on this architecture: butterflies4's
// Go loop does them all.
func radix4Vector(x0, x1, x2, x3, y0, y1, y2, y3 []complex128, w *[3]complex128) int { return 0 }
