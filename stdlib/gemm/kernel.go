package gemm

// kernel is a micro-kernel and the shape of the block of C it computes.
// Its run sets the mr×nr block of C at the start of c, rows ldc apart, to
// alpha·AB + beta·C, where AB = Σ_q a_q b_qᵀ sums k outer products of a
// column of A's mr×k panel, element (i, q) at a[i*rsa+q*csa], and a row of
// B's k×nr panel, element (q, j) at b[q*rsb+j] (rsb is nr when the panel is
// packed, B's leading dimension when it is read in place). C is not read
// when beta is 0. The slices reach a[(mr-1)*rsa+(k-1)*csa],
// b[(k-1)*rsb+nr-1] and c[(mr-1)*ldc+nr-1].
//
// Reading A in place with its strides, as BLIS's kernels for small
// problems do, spares packing it: its rows (or, transposed, its columns)
// are contiguous, each element is used nr times in a row, and the hardware
// prefetcher follows the six streams. Only partial panels at the bottom
// edge of C are packed, with zeros for the missing rows.
type kernel struct {
	mr, nr int
	run    func(k int, alpha, beta float64, a []float64, rsa, csa int, b []float64, rsb int, c []float64, ldc int)
}

// The shape of the portable kernel's block and of kernelFMA's, BLIS's for
// Haswell: twelve accumulators of four doubles. maxTile bounds every
// kernel's mr·nr.
const (
	mr      = 6
	nr      = 8
	maxTile = 8 * 16
)

// kernelGo is the portable micro-kernel.
var kernelGo = kernel{mr, nr, microGo}

// microGo computes AB a row at a time, the row's nr sums in named
// variables so that they stay in registers.
func microGo(k int, alpha, beta float64, a []float64, rsa, csa int, b []float64, rsb int, c []float64, ldc int) {
	var ab [mr * nr]float64
	for i := range mr {
		var s0, s1, s2, s3, s4, s5, s6, s7 float64
		for q := range k {
			x := a[i*rsa+q*csa]
			bq := (*[nr]float64)(b[q*rsb:])
			s0 += x * bq[0]
			s1 += x * bq[1]
			s2 += x * bq[2]
			s3 += x * bq[3]
			s4 += x * bq[4]
			s5 += x * bq[5]
			s6 += x * bq[6]
			s7 += x * bq[7]
		}
		ab[i*nr], ab[i*nr+1], ab[i*nr+2], ab[i*nr+3] = s0, s1, s2, s3
		ab[i*nr+4], ab[i*nr+5], ab[i*nr+6], ab[i*nr+7] = s4, s5, s6, s7
	}
	update(c, ldc, mr, nr, alpha, ab[:], nr, beta)
}
