package gemm

import "math"

// Sigmoid sets dst[i] = 1/(1 + exp(-src[i])), the logistic function, for
// every i; dst and src must have the same length and may be the same
// slice. There is no overflow: exp is only taken of -|x|, and the logistic
// of a negative x is e/(1+e) with e = exp(x). The error is exp's, below
// 1 ulp, plus one rounding: the tests, against 160-bit arithmetic, find
// at most 1 ulp.
//
// exp is Go's math.Exp algorithm (FreeBSD's e_exp.c after Sun's fdlibm:
// Cody and Waite's reduction x = k·ln2 + r with ln2 in two parts, then
// Remez's rational approximation of degree 5 in r², error below 1 ulp),
// without branches so that on amd64 with AVX2 and FMA it runs on vectors
// of four, eight elements at a time; elsewhere the same steps run one
// element at a time. Cost: about 40 flops and two divisions an element.
// With AVX-512, exp(r) is Taylor's polynomial and the quotient starts from
// a reciprocal estimate refined by Newton's method (sigmoid_amd64.s):
// about 50 flops and no division, a tenth faster on AMD's Zen 4, within
// the same 1 ulp.
func Sigmoid(dst, src []float64) {
	if len(dst) != len(src) {
		panic("gemm: Sigmoid of slices of different lengths")
	}
	bestSigmoid(dst, src)
}

// The constants of the exponential, as in Go's math/exp.go; the P_i are
// the coefficients of Remez's polynomial R(r²) ≈ r·coth(r/2) - 2.
const (
	ln2Hi = 6.93147180369123816490e-01
	ln2Lo = 1.90821492927058770002e-10
	log2e = 1.44269504088896338700e+00
	p1    = 1.66666666666666657415e-01
	p2    = -2.77777777770155933842e-03
	p3    = 6.61375632143793436117e-05
	p4    = -1.65339022054652515390e-06
	p5    = 4.13813679705723846039e-08
	// expFloor bounds the argument of exp below: exp(-746) rounds to 0,
	// so clamping changes nothing and keeps 2^k within reach.
	expFloor = -746
)

// sigmoidGo is the portable Sigmoid.
func sigmoidGo(dst, src []float64) {
	dst = dst[:len(src)]
	for i, x := range src {
		dst[i] = sigmoid(x)
	}
}

// sigmoid is the logistic function of one number by the steps the
// assembly takes for four at once: y = -|x| (clamped to expFloor; NaN stays NaN),
// y = k·ln2 + r with k the nearest integer to y·log2e, e = exp(r)·2^k as
// in math.expmulti, with 2^k applied in two halves so that each is a
// normal number even when e is subnormal; then num/(1+e) with num = 1 for
// x ≥ 0 and num = e otherwise. That quotient is rounded once: 1+e is
// carried as hi+lo (Fast2Sum, exact), q = num/hi is corrected by the
// residual num - q·(hi+lo), exact with a fused multiply-add, so that the
// error is exp's (below 1 ulp) plus half an ulp.
func sigmoid(x float64) float64 {
	y := max(-math.Abs(x), expFloor)
	k := math.RoundToEven(y * log2e)
	hi := y - k*ln2Hi
	lo := k * ln2Lo
	r := hi - lo
	t := r * r
	c := r - t*(p1+t*(p2+t*(p3+t*(p4+t*p5))))
	e := 1 - ((lo - (r*c)/(2-c)) - hi)
	k1 := math.Floor(k / 2)
	e = e * pow2(k1) * pow2(k-k1)
	// num is e where x's sign bit is set, else 1, without a branch
	// that would be mispredicted on data of mixed signs.
	neg := uint64(int64(math.Float64bits(x)) >> 63)
	num := math.Float64frombits(math.Float64bits(e)&neg | math.Float64bits(1)&^neg)
	hi = 1 + e
	lo = (1 - hi) + e
	inv := 1 / hi
	q := num * inv
	return q + (math.FMA(-q, hi, num)-q*lo)*inv
}

// pow2 returns 2^j for an integral j in [-1022, 1023], by writing j's
// biased exponent.
func pow2(j float64) float64 {
	return math.Float64frombits(uint64(int64(j)+1023) << 52)
}
