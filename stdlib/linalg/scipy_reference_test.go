package linalg

import (
	"cmp"
	"encoding/json"
	"fmt"
	"math"
	"math/cmplx"
	"os"
	"slices"
	"testing"

	"calc/stdlib/array"
)

// refCase is one numpy or scipy call with its answer; see
// testdata/scipy_reference.py.
type refCase struct {
	Fn   string
	A, B json.RawMessage
	P    any
	Out  json.RawMessage
}

// nested decodes a vector or a matrix written as nested lists.
func nested(raw json.RawMessage) *array.Array {
	var m [][]float64
	if json.Unmarshal(raw, &m) == nil {
		a := array.Zeros(len(m), len(m[0]))
		for i, row := range m {
			copy(a.Floats()[i*len(row):], row)
		}
		return a
	}
	var v []float64
	if err := json.Unmarshal(raw, &v); err != nil {
		panic(err)
	}
	return array.Vector(v)
}

// order decodes the p of a norm or cond case.
func (c refCase) order() NormOrder {
	switch p := c.P.(type) {
	case nil:
		return NormOrder{Name: "default"}
	case string:
		switch p {
		case "inf":
			return NormOrder{P: math.Inf(1)}
		case "-inf":
			return NormOrder{P: math.Inf(-1)}
		}
		return NormOrder{Name: p}
	case float64:
		return NormOrder{P: p}
	}
	panic(fmt.Sprint("bad order ", c.P))
}

func (c refCase) number() float64 {
	var s string
	if json.Unmarshal(c.Out, &s) == nil && s == "inf" {
		return math.Inf(1)
	}
	var f float64
	if err := json.Unmarshal(c.Out, &f); err != nil {
		panic(err)
	}
	return f
}

// closeTo reports whether got is within tol of want, relative to scale.
func closeTo(got, want, tol, scale float64) bool {
	return got == want || math.Abs(got-want) <= tol*scale
}

func TestScipyReference(t *testing.T) {
	raw, err := os.ReadFile("testdata/scipy_reference.json")
	if err != nil {
		t.Fatal(err)
	}
	var ref struct {
		Numpy, Scipy string
		Cases        []refCase
	}
	if err := json.Unmarshal(raw, &ref); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d cases from numpy %s, scipy %s", len(ref.Cases), ref.Numpy, ref.Scipy)
	for i, c := range ref.Cases {
		a := nested(c.A)
		name := fmt.Sprintf("case %d %s %v of %v", i, c.Fn, c.P, a.Shape)
		switch c.Fn {
		case "norm":
			got, err := Norm(a, c.order())
			// The smallest singular value is known only to about eps·‖a‖₂.
			scale := c.number()
			if c.P == -2.0 {
				scale, _ = Norm(a, NormOrder{P: 2})
			}
			if want := c.number(); err != nil || !closeTo(got, want, 1e-14, scale) {
				t.Errorf("%s: got %v (%v), want %v", name, got, err, want)
			}
		case "cond":
			got, err := Cond(a, c.order())
			// The smallest singular value, and so the condition number, is
			// known only to about eps·cond₂ relative to itself; a singular
			// matrix's cond₂ is a large number of no accuracy at all.
			want := c.number()
			cond2, _ := Cond(a, NormOrder{Name: "default"})
			tol := 1e-14 + 4*eps*cond2
			if err != nil || !closeTo(got, want, tol, want) && !(cond2 > 1e15 && (got > 1e15 || got < 1e-15)) {
				t.Errorf("%s: got %v (%v), want %v", name, got, err, want)
			}
		case "expm", "kron", "diag", "triu", "tril":
			want := nested(c.Out)
			var got *array.Array
			var err error
			k, _ := c.P.(float64)
			switch c.Fn {
			case "expm":
				got, err = Expm(a)
			case "kron":
				got, err = Kron(a, nested(c.B))
			case "diag":
				got, err = Diag(a, int(k))
			default:
				got, err = Triangle(a, int(k), c.Fn == "triu")
			}
			if err != nil {
				t.Errorf("%s: %v", name, err)
				continue
			}
			scale, _ := Norm(want, NormOrder{Name: "default"})
			if !slices.Equal(got.Shape, want.Shape) && want.Len() > 0 {
				t.Errorf("%s: shape %v, want %v", name, got.Shape, want.Shape)
				continue
			}
			for j := range want.Len() {
				if !closeTo(got.Floats()[j], want.Floats()[j], 1e-13, scale) {
					t.Errorf("%s [%d]: got %v, want %v", name, j, got.Floats()[j], want.Floats()[j])
					break
				}
			}
		case "eigvals", "eigvals_formula":
			if c.Fn == "eigvals_formula" {
				a = formulaMatrix(int(c.P.(float64)))
			}
			var pairs [][2]float64
			if err := json.Unmarshal(c.Out, &pairs); err != nil {
				t.Fatal(err)
			}
			got, vecs, err := Eig(a, true)
			if err != nil {
				t.Errorf("%s: %v", name, err)
				continue
			}
			checkEigenpairs(t, name, a, got, vecs)
			round := func(x float64) float64 { return math.Round(x*1e9) / 1e9 }
			slices.SortFunc(got, func(x, y complex128) int {
				return cmp.Or(cmp.Compare(round(real(x)), round(real(y))), cmp.Compare(round(imag(x)), round(imag(y))))
			})
			scale, _ := Norm(a, NormOrder{P: 2})
			for j, p := range pairs {
				// A defective eigenvalue is known only to about √eps.
				if cmplx.Abs(got[j]-complex(p[0], p[1])) > 1e-7*scale {
					t.Errorf("%s: eigenvalue %d is %v, want %v", name, j, got[j], p)
				}
			}
		case "eig_numpy_order":
			checkEigNumpyOrder(t, name, c.Out, a)
		case "sqrtm", "logm":
			checkMatrixFunction(t, name, c, a)
		case "null_space":
			var want int
			json.Unmarshal(c.Out, &want)
			q, err := NullSpace(a, 0)
			if err != nil || q.Shape[1] != want {
				t.Errorf("%s: %v columns (%v), want %d", name, q.Shape, err, want)
				continue
			}
			aq, _ := array.Dot(a, q)
			qq, _ := array.Dot(array.Transpose(q), q)
			id := array.Eye(want, want, 0)
			for j := range aq.Len() {
				if math.Abs(aq.Floats()[j]) > 1e-13 {
					t.Errorf("%s: A·Q is not 0: %v", name, aq.Floats())
					break
				}
			}
			for j := range qq.Len() {
				if math.Abs(qq.Floats()[j]-id.Floats()[j]) > 1e-13 {
					t.Errorf("%s: Q is not orthonormal: %v", name, qq.Floats())
					break
				}
			}
		default:
			t.Fatalf("%s: unknown function", name)
		}
	}
}

// checkMatrixFunction compares Sqrtm or Logm with scipy's: real where
// scipy's is, each part to 1e-12 of the result's largest element (2e-10
// for the non-normal [[1, 1000], [0, 2]], whose square root's condition
// number is about 10⁴ times larger).
func checkMatrixFunction(t *testing.T, name string, c refCase, a *array.Array) {
	t.Helper()
	var want struct{ Re, Im json.RawMessage }
	if err := json.Unmarshal(c.Out, &want); err != nil {
		t.Fatal(err)
	}
	f := Sqrtm
	if c.Fn == "logm" {
		f = Logm
	}
	re, im, err := f(a)
	if err != nil {
		t.Errorf("%s: %v", name, err)
		return
	}
	if (im == nil) != (string(want.Im) == "null") {
		t.Errorf("%s: imaginary part %v, scipy's %v", name, im, want.Im)
		return
	}
	wantRe := nested(want.Re)
	scale := 0.0
	for _, v := range wantRe.Floats() {
		scale = max(scale, math.Abs(v))
	}
	tol := 1e-12
	if a.Floats()[1] == 1000 {
		tol = 2e-10
	}
	parts := [][2]*array.Array{{re, wantRe}}
	if im != nil {
		parts = append(parts, [2]*array.Array{im, nested(want.Im)})
	}
	for _, p := range parts {
		for j := range p[1].Len() {
			if !closeTo(p[0].Floats()[j], p[1].Floats()[j], tol, scale) {
				t.Errorf("%s [%d]: got %v, scipy %v", name, j, p[0].Floats()[j], p[1].Floats()[j])
				return
			}
		}
	}
}

// formulaMatrix is the n×n integer matrix of formula_matrix in
// testdata/scipy_reference.py.
func formulaMatrix(n int) *array.Array {
	a := array.Zeros(n, n)
	for i := range n {
		for j := range n {
			a.Floats()[i*n+j] = float64((i*31+j*17+i*j)%23 - 11)
		}
	}
	return a
}

// checkEigenpairs checks A·v = λ·v and ‖v‖ = 1 for every pair.
func checkEigenpairs(t *testing.T, name string, a *array.Array, values, vecs []complex128) {
	t.Helper()
	n := len(values)
	scale, _ := Norm(a, NormOrder{P: 2})
	for k, lambda := range values {
		norm := 0.0
		for i := range n {
			var av complex128
			for j := range n {
				av += complex(a.Floats()[i*n+j], 0) * vecs[j*n+k]
			}
			if cmplx.Abs(av-lambda*vecs[i*n+k]) > 1e-12*max(scale, 1) {
				t.Errorf("%s: A·v ≠ λ·v for eigenvalue %d (%v)", name, k, lambda)
				return
			}
			norm += real(vecs[i*n+k] * cmplx.Conj(vecs[i*n+k]))
		}
		if math.Abs(norm-1) > 1e-13 {
			t.Errorf("%s: eigenvector %d has norm² %v", name, k, norm)
		}
	}
}

// checkEigNumpyOrder checks Eig's eigenvalues and eigenvectors against
// numpy's, in numpy's order, to 1e-13.
func checkEigNumpyOrder(t *testing.T, name string, out json.RawMessage, a *array.Array) {
	t.Helper()
	var want struct {
		Values  [][2]float64
		Vectors [][][2]float64
	}
	if err := json.Unmarshal(out, &want); err != nil {
		t.Fatal(err)
	}
	values, vecs, err := Eig(a, true)
	if err != nil {
		t.Errorf("%s: %v", name, err)
		return
	}
	n := len(values)
	near := func(z complex128, p [2]float64) bool { return cmplx.Abs(z-complex(p[0], p[1])) <= 1e-13 }
	for k, p := range want.Values {
		if !near(values[k], p) {
			t.Errorf("%s: eigenvalues %v, numpy's %v", name, values, want.Values)
			return
		}
	}
	for i, row := range want.Vectors {
		for k, p := range row {
			if !near(vecs[i*n+k], p) {
				t.Errorf("%s: eigenvector %d has %v in row %d, numpy's %v", name, k, vecs[i*n+k], i, p)
				return
			}
		}
	}
}
