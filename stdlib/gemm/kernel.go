package gemm

// kernel is a micro-kernel: it sets the mr×nr block of C at the start of
// c, rows ldc apart, to alpha·AB + beta·C, where AB = Σ_q a_q b_qᵀ sums k
// outer products of the packed panels a (mr values per q) and b (nr values
// per q). C is not read when beta is 0. a and b hold at least k·mr and
// k·nr values and c at least (mr-1)·ldc + nr.
type kernel func(k int, alpha, beta float64, a, b, c []float64, ldc int)

// kernelGo is the portable micro-kernel. It accumulates AB in memory that
// stays in the level-1 cache, a row of nr products per element of a.
func kernelGo(k int, alpha, beta float64, a, b, c []float64, ldc int) {
	var ab [mr * nr]float64
	a, b = a[:k*mr], b[:k*nr]
	for q := range k {
		bq := (*[nr]float64)(b[q*nr:])
		for i, x := range (*[mr]float64)(a[q*mr:]) {
			row := (*[nr]float64)(ab[i*nr:])
			for j, y := range bq {
				row[j] += x * y
			}
		}
	}
	update(c, ldc, mr, nr, alpha, ab[:], nr, beta)
}
