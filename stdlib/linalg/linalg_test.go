package linalg

import (
	"cmp"
	"errors"
	"math"
	"slices"
	"strings"
	"testing"

	"calc/stdlib/array"

	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"
)

const tol = 1e-10

// matrix builds a 2-d array from its rows.
func matrix(rows ...[]float64) *array.Array {
	return array.New([]int{len(rows), len(rows[0])}, slices.Concat(rows...))
}

// asDense views a matrix, or a vector as a column, as a *mat.Dense.
func asDense(a *array.Array) *mat.Dense {
	if len(a.Shape) == 1 {
		return mat.NewDense(a.Shape[0], 1, a.Floats())
	}
	return mat.NewDense(a.Shape[0], a.Shape[1], a.Floats())
}

// product returns the product of the given matrices.
func product(ms ...mat.Matrix) *mat.Dense {
	p := mat.DenseCopyOf(ms[0])
	for _, m := range ms[1:] {
		var next mat.Dense
		next.Mul(p, m)
		p = &next
	}
	return p
}

// checkClose fails the test unless got and want agree to within tol.
func checkClose(t *testing.T, what string, got, want mat.Matrix) {
	t.Helper()
	if !mat.EqualApprox(got, want, tol) {
		t.Errorf("%s =\n%v\nwant\n%v", what, mat.Formatted(got), mat.Formatted(want))
	}
}

// checkOrthonormalColumns fails the test unless qᵀ·q = I.
func checkOrthonormalColumns(t *testing.T, what string, q *mat.Dense) {
	t.Helper()
	_, k := q.Dims()
	checkClose(t, what+"ᵀ·"+what, product(q.T(), q), identity(k))
}

// A testMatrix is an entry of the catalogue every factorization is checked
// over, with the properties that decide which checks apply.
type testMatrix struct {
	name      string
	a         *array.Array
	rank      int
	symmetric bool
	posdef    bool
}

var catalogue = []testMatrix{
	{name: "1x1", a: matrix([]float64{-3}), rank: 1, symmetric: true},
	{name: "general 3x3", a: matrix([]float64{2, -1, 0}, []float64{1, 3, 2}, []float64{0, 1, 4}), rank: 3},
	{name: "rank-deficient 3x3", a: matrix([]float64{1, 2, 3}, []float64{4, 5, 6}, []float64{7, 8, 9}), rank: 2},
	{name: "zero 2x2", a: matrix([]float64{0, 0}, []float64{0, 0}), rank: 0, symmetric: true},
	{name: "symmetric indefinite", a: matrix([]float64{1, 2}, []float64{2, 1}), rank: 2, symmetric: true},
	{name: "symmetric positive definite", a: matrix([]float64{4, 12, -16}, []float64{12, 37, -43}, []float64{-16, -43, 98}), rank: 3, symmetric: true, posdef: true},
	{name: "tall 4x2", a: matrix([]float64{1, 0}, []float64{1, 1}, []float64{1, 2}, []float64{1, 3}), rank: 2},
	{name: "wide 2x3", a: matrix([]float64{1, 2, 3}, []float64{4, 5, 6}), rank: 2},
	{name: "column 3x1", a: matrix([]float64{1}, []float64{2}, []float64{2}), rank: 1},
	{name: "row 1x3", a: matrix([]float64{0, 3, 4}), rank: 1},
}

// TestFactorizations checks each function's defining identities over the
// catalogue, independently of the sign conventions of the factors.
func TestFactorizations(t *testing.T) {
	for _, tm := range catalogue {
		t.Run(tm.name, func(t *testing.T) {
			A := asDense(tm.a)
			m, n := A.Dims()
			k := min(m, n)

			u, s, vt, err := SVD(tm.a, true)
			if err != nil {
				t.Fatal(err)
			}
			if s.Len() != k || !slices.IsSortedFunc(s.Floats(), func(x, y float64) int { return cmp.Compare(y, x) }) {
				t.Errorf("singular values %v: want %d in descending order", s.Floats(), k)
			}
			sigma := mat.NewDense(m, n, nil)
			for i, v := range s.Floats() {
				sigma.Set(i, i, v)
			}
			checkOrthonormalColumns(t, "U", asDense(u))
			checkOrthonormalColumns(t, "V", mat.DenseCopyOf(asDense(vt).T()))
			checkClose(t, "U·Σ·Vᵀ", product(asDense(u), sigma, asDense(vt)), A)

			if rank, err := MatrixRank(tm.a, 0); err != nil || rank != tm.rank {
				t.Errorf("MatrixRank = %d, %v; want %d", rank, err, tm.rank)
			}

			q, r, err := QR(tm.a, false)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(q.Shape, []int{m, k}) || !slices.Equal(r.Shape, []int{k, n}) {
				t.Errorf("QR shapes %v, %v; want (%d, %d), (%d, %d)", q.Shape, r.Shape, m, k, k, n)
			}
			checkOrthonormalColumns(t, "Q", asDense(q))
			checkClose(t, "Q·R", product(asDense(q), asDense(r)), A)
			checkTriangular(t, "R", r, false)

			// numpy's complete mode: q m×m orthogonal, r m×n; the reduced
			// q is its first k columns (the same reflections build both).
			qc, rc, err := QR(tm.a, true)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(qc.Shape, []int{m, m}) || !slices.Equal(rc.Shape, []int{m, n}) {
				t.Errorf("complete QR shapes %v, %v; want (%d, %d), (%d, %d)", qc.Shape, rc.Shape, m, m, m, n)
			}
			checkOrthonormalColumns(t, "complete Q", asDense(qc))
			checkClose(t, "complete Q·R", product(asDense(qc), asDense(rc)), A)
			checkTriangular(t, "complete R", rc, false)
			checkClose(t, "reduced Q within the complete Q", mat.DenseCopyOf(asDense(qc).Slice(0, m, 0, k)), asDense(q))

			// The Moore–Penrose conditions define the pseudo-inverse.
			p, err := Pinv(tm.a)
			if err != nil {
				t.Fatal(err)
			}
			P := asDense(p)
			checkClose(t, "A·A⁺·A", product(A, P, A), A)
			checkClose(t, "A⁺·A·A⁺", product(P, A, P), P)
			checkClose(t, "A·A⁺", product(A, P), product(A, P).T())
			checkClose(t, "A⁺·A", product(P, A), product(P, A).T())

			// The minimum-norm least-squares solution is A⁺·b.
			b := array.Vector(make([]float64, m))
			for i := range b.Len() {
				b.Floats()[i] = float64(i*i) - 1
			}
			x, res, rank, sv, err := Lstsq(tm.a, b, 0)
			if err != nil {
				t.Fatal(err)
			}
			checkClose(t, "lstsq x", asDense(x), product(P, asDense(b)))
			if rank != tm.rank || !floats.EqualApprox(sv.Floats(), s.Floats(), tol) {
				t.Errorf("lstsq rank %d, sv %v; want %d, %v", rank, sv.Floats(), tm.rank, s.Floats())
			}
			if wantRes := rank == n && m > n; wantRes != (res.Len() == 1) {
				t.Errorf("lstsq residuals %v for rank %d of %dx%d", res.Floats(), rank, m, n)
			} else if wantRes {
				var d mat.Dense
				d.Sub(asDense(b), product(A, asDense(x)))
				if got := mat.Dot(d.ColView(0), d.ColView(0)); math.Abs(res.Floats()[0]-got) > tol {
					t.Errorf("lstsq residual %v; want %v", res.Floats()[0], got)
				}
			}

			if m != n {
				return
			}
			checkSquare(t, tm, A)
		})
	}
}

// checkSquare checks the functions of square matrices on tm.
func checkSquare(t *testing.T, tm testMatrix, A *mat.Dense) {
	n, _ := A.Dims()
	inv, err := Inv(tm.a)
	if (err != nil) != (tm.rank < n) {
		t.Errorf("Inv error %v for rank %d", err, tm.rank)
	}
	if err == nil {
		checkClose(t, "A·A⁻¹", product(A, asDense(inv)), identity(n))
		b := array.New([]int{n, 2}, []float64{1, 2, 3, 4, 5, 6}[:2*n])
		x, err := Solve(tm.a, b)
		if err != nil {
			t.Fatal(err)
		}
		checkClose(t, "A·x", product(A, asDense(x)), asDense(b))
		// det(A⁻¹) = 1/det(A).
		det, _ := Det(tm.a)
		detInv, _ := Det(inv)
		if math.Abs(det*detInv-1) > tol {
			t.Errorf("Det(A) = %v, Det(A⁻¹) = %v; want reciprocals", det, detInv)
		}
	}

	values, vectors, err := Eigh(tm.a)
	if (err != nil) != !tm.symmetric {
		t.Errorf("Eigh error %v for symmetric = %v", err, tm.symmetric)
	}
	if err == nil {
		if !slices.IsSorted(values.Floats()) {
			t.Errorf("eigenvalues %v not ascending", values.Floats())
		}
		V := asDense(vectors)
		checkOrthonormalColumns(t, "V", V)
		var VΛ mat.Dense
		VΛ.Mul(V, mat.NewDiagDense(n, values.Floats()))
		checkClose(t, "A·V", product(A, V), &VΛ)
	}

	l, err := Cholesky(tm.a)
	if (err != nil) != !tm.posdef {
		t.Errorf("Cholesky error %v for positive definite = %v", err, tm.posdef)
	}
	if err == nil {
		L := asDense(l)
		checkTriangular(t, "L", l, true)
		checkClose(t, "L·Lᵀ", product(L, L.T()), A)
	}
}

// checkTriangular fails the test unless the matrix a is lower triangular,
// if lower is set, or upper triangular (trapezoidal) otherwise.
func checkTriangular(t *testing.T, what string, a *array.Array, lower bool) {
	t.Helper()
	m, n := a.Shape[0], a.Shape[1]
	for i := range m {
		for j := range n {
			if (j > i) == lower && i != j && a.Floats()[i*n+j] != 0 {
				t.Errorf("%s[%d, %d] = %v; want 0 in a triangular matrix", what, i, j, a.Floats()[i*n+j])
			}
		}
	}
}

// knownValues lists results with published or hand-checked answers.
var knownValues = []struct {
	name string
	got  func() ([]float64, error)
	want []float64
}{
	{"det [[1,2],[3,4]]", func() ([]float64, error) {
		d, err := Det(matrix([]float64{1, 2}, []float64{3, 4}))
		return []float64{d}, err
	}, []float64{-2}},
	{"det of a singular matrix", func() ([]float64, error) {
		d, err := Det(matrix([]float64{1, 2}, []float64{2, 4}))
		return []float64{d}, err
	}, []float64{0}},
	{"inv [[4,7],[2,6]]", func() ([]float64, error) {
		x, err := Inv(matrix([]float64{4, 7}, []float64{2, 6}))
		return x.Floats(), err
	}, []float64{0.6, -0.7, -0.2, 0.4}},
	{"solve a vector", func() ([]float64, error) {
		x, err := Solve(matrix([]float64{3, 1}, []float64{1, 2}), array.Vector([]float64{9, 8}))
		return x.Floats(), err
	}, []float64{2, 3}},
	{"trace of a wide matrix", func() ([]float64, error) {
		tr, err := Trace(matrix([]float64{1, 2, 3}, []float64{4, 5, 6}))
		return []float64{tr}, err
	}, []float64{6}},
	{"eigh [[2,1],[1,2]]", func() ([]float64, error) {
		values, _, err := Eigh(matrix([]float64{2, 1}, []float64{1, 2}))
		return values.Floats(), err
	}, []float64{1, 3}},
	{"eigh accepts rounding-level asymmetry", func() ([]float64, error) {
		values, _, err := Eigh(matrix([]float64{2, 1 + 1e-14}, []float64{1, 2}))
		return values.Floats(), err
	}, []float64{1, 3}},
	{"lstsq y = 1 + 2x", func() ([]float64, error) {
		a := matrix([]float64{1, 0}, []float64{1, 1}, []float64{1, 2}, []float64{1, 3})
		x, res, rank, _, err := Lstsq(a, array.Vector([]float64{1, 3, 5, 7}), 0)
		return append(x.Floats(), append(res.Floats(), float64(rank))...), err
	}, []float64{1, 2, 0, 2}},
	{"lstsq of a rank-deficient matrix has no residuals", func() ([]float64, error) {
		a := matrix([]float64{1, 1}, []float64{1, 1}, []float64{1, 1})
		x, res, rank, _, err := Lstsq(a, array.Vector([]float64{2, 2, 2}), 0)
		return append(x.Floats(), append(res.Floats(), float64(rank))...), err
	}, []float64{1, 1, 1}},
	{"matrix_rank with an explicit tol", func() ([]float64, error) {
		rank, err := MatrixRank(matrix([]float64{1, 0}, []float64{0, 1e-3}), 1e-2)
		return []float64{float64(rank)}, err
	}, []float64{1}},
	{"pinv of a column", func() ([]float64, error) {
		p, err := Pinv(matrix([]float64{1}, []float64{2}, []float64{2}))
		return p.Floats(), err
	}, []float64{1.0 / 9, 2.0 / 9, 2.0 / 9}},
	{"svd values of [[3,0],[0,-4]]", func() ([]float64, error) {
		_, s, _, err := SVD(matrix([]float64{3, 0}, []float64{0, -4}), true)
		return s.Floats(), err
	}, []float64{4, 3}},
	// Wikipedia, "Cholesky decomposition", example.
	{"cholesky", func() ([]float64, error) {
		l, err := Cholesky(matrix([]float64{4, 12, -16}, []float64{12, 37, -43}, []float64{-16, -43, 98}))
		return l.Floats(), err
	}, []float64{2, 0, 0, 6, 1, 0, -8, 5, 3}},
}

func TestKnownValues(t *testing.T) {
	for _, kv := range knownValues {
		got, err := kv.got()
		if err != nil || !floats.EqualApprox(got, kv.want, tol) {
			t.Errorf("%s = %v, %v; want %v", kv.name, got, err, kv.want)
		}
	}
}

// TestShapes checks the shapes numpy gives results, which the catalogue's
// identities would not notice if a vector came back as a column.
func TestShapes(t *testing.T) {
	a := matrix([]float64{1, 0}, []float64{1, 1}, []float64{1, 2})
	b := matrix([]float64{1, 2}, []float64{3, 4}, []float64{5, 7})
	x, res, _, sv, _ := Lstsq(a, b, 0)
	xv, resv, _, _, _ := Lstsq(a, array.Vector([]float64{1, 3, 5}), 0)
	u, s, vt, _ := SVD(a, true)
	q, r, _ := QR(matrix([]float64{1, 2, 3}, []float64{4, 5, 6}), false)
	sq := matrix([]float64{2, 1}, []float64{1, 2})
	sol, _ := Solve(sq, array.Vector([]float64{1, 1}))
	values, vectors, _ := Eigh(sq)
	for _, c := range []struct {
		name string
		got  *array.Array
		want []int
	}{
		{"lstsq x", x, []int{2, 2}}, {"lstsq residuals", res, []int{2}}, {"lstsq sv", sv, []int{2}},
		{"lstsq vector x", xv, []int{2}}, {"lstsq vector residuals", resv, []int{1}},
		{"svd u", u, []int{3, 3}}, {"svd s", s, []int{2}}, {"svd vt", vt, []int{2, 2}},
		{"qr q", q, []int{2, 2}}, {"qr r", r, []int{2, 3}},
		{"solve vector", sol, []int{2}}, {"eigh values", values, []int{2}}, {"eigh vectors", vectors, []int{2, 2}},
	} {
		if !slices.Equal(c.got.Shape, c.want) || c.got.Len() != array.Size(c.want) {
			t.Errorf("%s has shape %v with %d elements; want %v", c.name, c.got.Shape, c.got.Len(), c.want)
		}
	}
}

// calls runs every function of the package on a, with b as the right-hand
// side where there is one, and returns their errors by numpy name.
func calls(a, b *array.Array) map[string]error {
	errs := map[string]error{}
	_, errs["solve"] = Solve(a, b)
	_, errs["inv"] = Inv(a)
	_, errs["det"] = Det(a)
	_, errs["trace"] = Trace(a)
	_, errs["matrix_rank"] = MatrixRank(a, 0)
	_, _, _, _, errs["lstsq"] = Lstsq(a, b, 0)
	_, errs["pinv"] = Pinv(a)
	_, _, errs["eigh"] = Eigh(a)
	_, _, _, errs["svd"] = SVD(a, true)
	_, _, errs["qr"] = QR(a, false)
	_, errs["cholesky"] = Cholesky(a)
	return errs
}

// squareOnly names the functions that need a square matrix.
var squareOnly = map[string]bool{"solve": true, "inv": true, "det": true, "eigh": true, "cholesky": true}

func TestShapeErrors(t *testing.T) {
	for _, a := range []*array.Array{
		array.New(nil, []float64{1}),
		array.Vector([]float64{1, 2, 3, 4}),
		array.Zeros(2, 2, 2),
		array.Zeros(0, 0),
		array.Zeros(0, 3),
		array.Zeros(3, 0),
	} {
		for name, err := range calls(a, array.Vector([]float64{1})) {
			if prefix := name + ": expected "; err == nil || !strings.HasPrefix(err.Error(), prefix) ||
				!strings.Contains(err.Error(), "got shape "+formatShape(a.Shape)) {
				t.Errorf("%s of shape %v: error %v; want %q…%q", name, a.Shape, err, prefix, formatShape(a.Shape))
			}
		}
	}
	for name, err := range calls(array.Zeros(2, 3), array.Zeros(2)) {
		if want := "solve inv det eigh cholesky"; squareOnly[name] != (err != nil) {
			t.Errorf("%s of a 2x3 matrix: error %v; want one only from %s", name, err, want)
		}
	}
}

func TestErrorMessages(t *testing.T) {
	sq := matrix([]float64{1, 2}, []float64{3, 4})
	for _, c := range []struct {
		err  error
		want string
	}{
		{calls(array.Zeros(2, 3), array.Zeros(2))["inv"], "inv: expected a square matrix, got shape (2, 3)"},
		{calls(array.Vector([]float64{1, 2}), array.Zeros(2))["svd"], "svd: expected a matrix, got shape (2,)"},
		{calls(array.Zeros(0, 2), array.Zeros(2))["qr"], "qr: expected a non-empty matrix, got shape (0, 2)"},
		{calls(sq, array.Zeros(3))["solve"], "solve: b must have shape (2,) or (2, k) with k > 0, got (3,)"},
		{calls(sq, array.Zeros(2, 0))["lstsq"], "lstsq: b must have shape (2,) or (2, k) with k > 0, got (2, 0)"},
		{calls(matrix([]float64{1, 2}, []float64{2, 4}), array.Zeros(2))["inv"], "inv: singular matrix"},
		{calls(sq, array.Zeros(2))["eigh"], "eigh: matrix is not symmetric"},
		{calls(sq, array.Zeros(2))["cholesky"], "cholesky: matrix is not symmetric"},
		{calls(matrix([]float64{1, 2}, []float64{2, 1}), array.Zeros(2))["cholesky"], "cholesky: matrix is not positive definite"},
	} {
		if c.err == nil || c.err.Error() != c.want {
			t.Errorf("error %v; want %q", c.err, c.want)
		}
	}
}

// TestNonFinite runs every function on matrices holding NaN and infinities:
// those built on the SVD or eigh must reject them with ErrNonFinite, the
// others may return non-finite results or a numerical error, and none may
// panic.
func TestNonFinite(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	iterative := map[string]bool{"matrix_rank": true, "lstsq": true, "pinv": true, "eigh": true, "svd": true}
	for _, a := range []*array.Array{
		matrix([]float64{nan, 1}, []float64{1, 2}),
		matrix([]float64{nan, nan}, []float64{nan, nan}),
		matrix([]float64{inf, 1}, []float64{1, 2}),
		matrix([]float64{inf, -inf}, []float64{-inf, inf}),
		matrix([]float64{nan, 0, 1}, []float64{0, inf, 2}),
	} {
		for name, err := range calls(a, array.Vector(make([]float64, a.Shape[0]))) {
			switch {
			case squareOnly[name] && a.Shape[0] != a.Shape[1]:
			case iterative[name] && !errors.Is(err, ErrNonFinite):
				t.Errorf("%s of %v: error %v; want ErrNonFinite", name, a.Floats(), err)
			case !iterative[name] && err != nil && !errors.Is(err, ErrSingular) && !errors.Is(err, ErrNotPositiveDefinite):
				t.Errorf("%s of %v: unexpected error %v", name, a.Floats(), err)
			}
		}
	}
}
