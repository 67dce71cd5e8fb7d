package linalg

import (
	"math"

	"calc/stdlib/array"

	"gonum.org/v1/gonum/mat"
)

// padeCoefficients holds the coefficients b_0, ..., b_m of the [m/m] Padé
// approximants of exp used by Expm, for m = 3, 5, 7, 9 and 13, and
// padeTheta the largest 1-norm for which each is accurate to double
// precision (Higham 2005, Table 2.3).
var (
	padeCoefficients = map[int][]float64{
		3:  {120, 60, 12, 1},
		5:  {30240, 15120, 3360, 420, 30, 1},
		7:  {17297280, 8648640, 1995840, 277200, 25200, 1512, 56, 1},
		9:  {17643225600, 8821612800, 2075673600, 302702400, 30270240, 2162160, 110880, 3960, 90, 1},
		13: {64764752532480000, 32382376266240000, 7771770303897600, 1187353796428800, 129060195264000, 10559470521600, 670442572800, 33522128640, 1323241920, 40840800, 960960, 16380, 182, 1},
	}
	padeOrders = []int{3, 5, 7, 9}
	padeTheta  = map[int]float64{3: 1.495585217958292e-2, 5: 2.539398330063230e-1, 7: 9.504178996162932e-1, 9: 2.097847961257068, 13: 5.371920351148152}
)

// Expm returns the matrix exponential of the square matrix a, as
// scipy.linalg.expm, by scaling and squaring with Padé approximants:
// N. J. Higham, "The scaling and squaring method for the matrix
// exponential revisited", SIAM J. Matrix Anal. Appl. 26(4), 2005,
// Algorithm 2.3. The lowest Padé degree accurate for ‖a‖₁ is used; past
// θ₁₃ the matrix is scaled by 2^-s, and the result squared s times. It
// costs O(n³) per matrix product, about (6 + s) of them.
func Expm(a *array.Array) (*array.Array, error) {
	A, err := dense("expm", a, true)
	if err != nil {
		return nil, err
	}
	if err := checkFinite("expm", a.Floats()); err != nil {
		return nil, err
	}
	n, _ := A.Dims()
	norm := mat.Norm(A, 1)
	ident := mat.NewDiagDense(n, nil)
	for i := range n {
		ident.SetDiag(i, 1)
	}
	var A2 mat.Dense
	A2.Mul(A, A)
	U, V := mat.NewDense(n, n, nil), mat.NewDense(n, n, nil)
	s := 0
	chosen := 13
	for _, m := range padeOrders {
		if norm <= padeTheta[m] {
			chosen = m
			break
		}
	}
	b := padeCoefficients[chosen]
	if chosen < 13 {
		// U = A·Σ b_(2k+1) A^(2k), V = Σ b_(2k) A^(2k).
		P := mat.DenseCopyOf(ident)
		var W mat.Dense
		W.Scale(b[1], ident)
		V.Scale(b[0], ident)
		for k := 2; k < len(b); k += 2 {
			var next mat.Dense
			next.Mul(P, &A2)
			P = &next
			var t mat.Dense
			t.Scale(b[k], P)
			V.Add(V, &t)
			t.Scale(b[k+1], P)
			W.Add(&W, &t)
		}
		U.Mul(A, &W)
	} else {
		if norm > padeTheta[13] {
			s = int(math.Ceil(math.Log2(norm / padeTheta[13])))
			var scaled mat.Dense
			scaled.Scale(math.Ldexp(1, -s), A)
			A = &scaled
			A2.Mul(A, A)
		}
		var A4, A6 mat.Dense
		A4.Mul(&A2, &A2)
		A6.Mul(&A4, &A2)
		// sum returns Σ terms[2i]·terms[2i+1], coefficients and matrices.
		sum := func(terms ...any) *mat.Dense {
			dst := mat.NewDense(n, n, nil)
			for i := 0; i < len(terms); i += 2 {
				var t mat.Dense
				t.Scale(terms[i].(float64), terms[i+1].(mat.Matrix))
				dst.Add(dst, &t)
			}
			return dst
		}
		var W mat.Dense
		W.Mul(&A6, sum(b[13], &A6, b[11], &A4, b[9], &A2))
		W.Add(&W, sum(b[7], &A6, b[5], &A4, b[3], &A2, b[1], ident))
		U.Mul(A, &W)
		V.Mul(&A6, sum(b[12], &A6, b[10], &A4, b[8], &A2))
		V.Add(V, sum(b[6], &A6, b[4], &A4, b[2], &A2, b[0], ident))
	}
	// Solve (V - U)·R = V + U.
	var P, Q mat.Dense
	P.Add(V, U)
	Q.Sub(V, U)
	R := mat.NewDense(n, n, nil)
	if err := R.Solve(&Q, &P); err != nil {
		return nil, fail("expm", ErrSingular)
	}
	for range s {
		sq := mat.NewDense(n, n, nil)
		sq.Mul(R, R)
		R = sq
	}
	return toArray(R), nil
}
