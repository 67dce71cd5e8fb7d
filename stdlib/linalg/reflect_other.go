//go:build !amd64

package linalg

// reflectRows3Vector does no columns on this architecture: reflectLeft3's
// Go loop does them all.
func reflectRows3Vector(r1, r2, r3 []float64, v1, v2, t1, t2, t3 float64) int { return 0 }
