package builtins

import (
	"fmt"
	"slices"
	"time"

	"calc/lang"
	"calc/stdlib/array"
	"calc/stdlib/linalg"
)

// matrixFn builds a linear-algebra builtin of one matrix with one result.
func matrixFn(name, doc, example string, f func(*array.Array) (*array.Array, error)) *lang.Builtin {
	return &lang.Builtin{
		Name: name, Params: []lang.Param{matrixParam}, Topic: "linalg", Doc: doc, Example: example,
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			checkMatrix(s, name, a.Array(0))
			return lang.Arr(must(f(a.Array(0))))
		},
	}
}

// scalarFn builds a linear-algebra builtin of one matrix with a number result.
func scalarFn(name, doc, example string, f func(*array.Array) (float64, error)) *lang.Builtin {
	return &lang.Builtin{
		Name: name, Params: []lang.Param{matrixParam}, Topic: "linalg", Doc: doc, Example: example,
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			checkMatrix(s, name, a.Array(0))
			return lang.Num(must(f(a.Array(0))))
		},
	}
}

// matrixFunction builds sqrtm and logm: a function of one real matrix
// whose value is real or complex.
func matrixFunction(name, doc, example string, f func(*array.Array) (re, im *array.Array, err error)) *lang.Builtin {
	return &lang.Builtin{
		Name: name, Params: []lang.Param{matrixParam}, Topic: "linalg", Doc: doc, Example: example,
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			checkMatrix(s, name, a.Array(0))
			re, im, err := f(a.Array(0))
			if err != nil {
				lang.Throw(err)
			}
			if im == nil {
				return lang.Arr(re)
			}
			return lang.CArr(array.NewComplex(re, im))
		},
	}
}

// matrixParam is the matrix of a linear-algebra builtin of one matrix.
var matrixParam = lang.Param{Name: "m", Kind: lang.ArrayArg, Doc: "the matrix"}

// diagonalParam is the diagonal that diag, triu and tril work from.
var diagonalParam = lang.Param{Name: "k", Kind: lang.IntArg, Optional: true, Default: lang.Num(0), Doc: "the diagonal: 0 the main one, k > 0 above it, k < 0 below"}

// withComplex makes the builtin b of one matrix take a complex matrix
// too, which f handles: its matrix may be of any kind.
func withComplex(b *lang.Builtin, f func(*array.Complex) lang.Value) *lang.Builtin {
	b.Params[0].Kind, b.Params[0].Doc = lang.AnyArg, "the matrix, real or complex"
	realFn := b.Fn
	b.Fn = func(s *lang.Session, a lang.Args) lang.Value {
		if !anyComplex(a) {
			return realFn(s, a)
		}
		c, _ := complexArg(a, 0)
		checkMatrix(s, b.Name, c.Re)
		return f(c)
	}
	return b
}

// anyComplex reports whether one of the arguments is complex.
func anyComplex(a lang.Args) bool {
	for _, v := range a {
		if v.Kind() == lang.ComplexKind {
			return true
		}
	}
	return false
}

// unstoppableWork is the count of floating-point operations from which a
// factorization is worth a note that it cannot be stopped: a second or
// more in gonum's LAPACK.
const unstoppableWork = 2e9

// lapackFlops are the floating-point operations of each builtin's LAPACK
// work on an r×c matrix, as a multiple of r·c·min(r, c): LU 2/3, the
// inverse from it 2, Cholesky 1/3, Householder QR 2 with Q formed, the
// symmetric eigensolver with vectors 9, the SVD with vectors 22 (Golub
// and Van Loan, Matrix Computations, 4th ed., §3.2.5, §4.2.4, §5.2.2,
// §8.3.4, Figure 8.6.1), matrix_rank's and lstsq's SVD without vectors 4,
// the nonsymmetric QR algorithm with vectors 25 (§7.5.6), expm's products
// and solve about 20, sqrtm's and logm's complex Schur form 25 (the
// triangular work after it not counted); MINPACK's QR of the Jacobian in hybr and lm (one
// step of fsolve, root and leastsq) 2. A name not listed counts 1.
var lapackFlops = map[string]float64{
	"solve": 2.0 / 3, "det": 2.0 / 3, "inv": 2, "cholesky": 1.0 / 3, "qr": 2, "eigh": 9,
	"svd": 22, "pinv": 22, "matrix_rank": 4, "lstsq": 4, "eig": 25, "eigvals": 10, "expm": 20, "sqrtm": 25, "logm": 25, "trace": 0,
	"hybr": 2, "lm": 2,
}

// lapackRate is an upper bound on the floating-point operations a second
// gonum's LAPACK performs, single-threaded: on the machines calc was
// measured on it reaches 2 to 5·10⁹ (inv of 3000×3000, 5.4·10¹⁰
// operations, takes 11 to 23 s), so work of F operations takes at least
// F/lapackRate seconds, and what is refused could not have finished.
const lapackRate = 5e9

// checkMatrix is checkUnstoppable for a builtin's LAPACK call on m.
func checkMatrix(s *lang.Session, name string, m *array.Array) {
	if m.Ndim() == 2 {
		checkUnstoppable(s, name, m.Shape[0], m.Shape[1])
	}
}

// checkUnstoppable is called before a builtin's LAPACK call on an r×c
// matrix, which
// runs as one call with no place to poll the stop flag (gonum's LU, QR,
// Cholesky, eigensolvers and SVD, unlike dot, whose tiles can): under a
// time limit, work that cannot end before it is refused at once, as it
// would run past the limit and its result be thrown away; without one, a
// large call is announced with a note, as Ctrl-C cannot stop it.
func checkUnstoppable(s *lang.Session, name string, r, c int) {
	flops, ok := lapackFlops[name]
	if !ok {
		flops = 1
	}
	flops *= float64(r) * float64(c) * float64(min(r, c))
	subject := fmt.Sprintf("%s of a %d×%d matrix", name, r, c)
	if name == "hybr" || name == "lm" { // MINPACK's QR of the Jacobian in a solver's step
		subject = fmt.Sprintf("the QR factorization of %s's %d×%d Jacobian", name, r, c)
	}
	if !s.Deadline.IsZero() {
		least := time.Duration(flops / lapackRate * float64(time.Second))
		if left := time.Until(s.Deadline); least > left {
			panic(lang.Errorf("%s is about %.2g floating-point operations, %v or more, past the time limit (-timeout) with %v left: "+
				"it runs in one factorization that cannot stop midway", subject, flops, least.Round(100*time.Millisecond), max(0, left).Round(10*time.Millisecond)))
		}
	}
	if flops >= unstoppableWork {
		s.Note(subject + " runs in one call that Ctrl-C cannot stop; it returns when done")
	}
}

// record builds a record value from alternating names and arrays.
func record(pairs ...any) lang.Value {
	r := lang.NewRecord()
	for i := 0; i < len(pairs); i += 2 {
		switch v := pairs[i+1].(type) {
		case *array.Array:
			r.Set(pairs[i].(string), lang.Arr(v))
		case lang.Value:
			r.Set(pairs[i].(string), v)
		}
	}
	return lang.RecordOf(r)
}

// normOrder reads numpy's ord from argument i: absent or nil for the
// default, a number, or "fro" or "nuc".
func normOrder(a lang.Args, i int) linalg.NormOrder {
	switch {
	case len(a) <= i || a[i].IsNil():
		return linalg.NormOrder{Name: "default"}
	case a[i].Kind() == lang.StrKind:
		name := a.Str(i)
		if name != "fro" && name != "nuc" {
			panic(lang.ArgErrorf(i, "ord must be a number, \"fro\" or \"nuc\", got %q", name))
		}
		return linalg.NormOrder{Name: name}
	}
	return linalg.NormOrder{P: a.Num(i)}
}

// vectorNorms returns the norms of x's vectors along axis, of order ord,
// as numpy.linalg.norm(x, ord, axis) with an integer axis.
func vectorNorms(x *array.Array, axis int, ord linalg.NormOrder) (*array.Array, error) {
	if axis < -x.Ndim() || axis >= x.Ndim() {
		return nil, fmt.Errorf("axis %d is out of bounds for an array of %d dimensions", axis, x.Ndim())
	}
	if axis < 0 {
		axis += x.Ndim()
	}
	n, inner := x.Shape[axis], 1
	for _, d := range x.Shape[axis+1:] {
		inner *= d
	}
	shape := append(slices.Clone(x.Shape[:axis]), x.Shape[axis+1:]...)
	out := make([]float64, 0, x.Len()/max(n, 1))
	lane := make([]float64, n)
	for o := 0; o < x.Len(); o += n * inner {
		for i := range inner {
			for k := range lane {
				lane[k] = x.Floats()[o+k*inner+i]
			}
			v, err := linalg.Norm(array.Vector(lane), ord)
			if err != nil {
				return nil, err
			}
			out = append(out, v)
		}
	}
	return array.New(shape, out), nil
}

// triangle builds triu and tril.
func triangle(name, doc string, upper bool) *lang.Builtin {
	return &lang.Builtin{
		Name: name, Params: []lang.Param{matrixParam, diagonalParam}, Topic: "linalg",
		Doc:     doc + ".\nThe rest is set to 0.",
		Example: name + "([[1, 2, 3], [4, 5, 6], [7, 8, 9]])",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			return lang.Arr(must(linalg.Triangle(a.Array(0), a.Int(1), upper)))
		},
	}
}

var linalgBuiltins = []*lang.Builtin{
	{
		Name: "norm", Params: []lang.Param{
			{Name: "x", Kind: lang.ArrayArg, Doc: "the vector or matrix"},
			{Name: "ord", Optional: true, Doc: "the order: a number, \"fro\" or \"nuc\" (the 2-norm of a vector, the Frobenius norm of a matrix if left out or nil)"},
			{Name: "axis", Optional: true, Doc: "the axis along which vectors' norms are taken, as numpy's third argument (none if left out)"},
		}, Options: []lang.Opt{{Name: "axis", Doc: "as the third argument: norm(m, axis=1) is the norms of m's rows"}}, Topic: "linalg",
		Doc: "The norm of a vector or a matrix.\n" +
			"As numpy.linalg.norm. Vectors: ord p gives (Σ|x|^p)^(1/p), inf and -inf the largest and smallest |x|,\n" +
			"0 the count of nonzeros;\n" +
			"matrices: \"fro\", \"nuc\" (sum of singular values), 2 and -2 (largest and smallest singular value),\n" +
			"1 and -1 (largest and smallest column sum of |a|), inf and -inf (the same for rows)",
		Example: "norm([[1, 2], [3, 4]], 2)\nnorm([[3, 4], [6, 8]], axis=1)",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			a, opts := a.Options()
			x, ord := a.Array(0), normOrder(a, 1)
			switch {
			case len(a) > 2 && opts.Has("axis"):
				panic(lang.ArgErrorf(2, "the axis is given twice, as the third argument and as the option axis"))
			case len(a) > 2 && !a[2].IsNil():
				return lang.Arr(must(vectorNorms(x, a.Int(2), ord)))
			case opts.Has("axis"):
				return lang.Arr(must(vectorNorms(x, opts.Int("axis", 0), ord)))
			}
			return lang.Num(must(linalg.Norm(x, ord)))
		},
	},
	{
		Name: "cond", Params: []lang.Param{
			matrixParam,
			{Name: "ord", Optional: true, Doc: "the order of the norm, as norm's (the ratio of the extreme singular values if left out or nil)"},
		}, Topic: "linalg",
		Doc: "The condition number of a matrix.\n" +
			"As numpy.linalg.cond.",
		Example: "cond([[1, 2], [3, 4]])",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			return lang.Num(must(linalg.Cond(a.Array(0), normOrder(a, 1))))
		},
	},
	matrixFn("expm", "The matrix exponential.\nBy scaling and squaring with Padé approximants (scipy.linalg.expm)", "expm([[0, 1], [-1, 0]])", linalg.Expm),
	matrixFunction("sqrtm", "The principal square root of a matrix, as scipy.linalg.sqrtm.\n"+
		"The X with X @ X = m whose eigenvalues have positive real parts, through the Schur form; complex when m has\n"+
		"complex or negative eigenvalues", "sqrtm([[4, 1], [0, 9]])", linalg.Sqrtm),
	matrixFunction("logm", "The principal logarithm of a matrix, as scipy.linalg.logm.\n"+
		"The X with expm(X) = m whose eigenvalues have imaginary parts in (-pi, pi], through the Schur form\n"+
		"(inverse scaling and squaring); real unless its imaginary parts exceed 2.2e-10", "logm([[1, 1], [0, 1]])", linalg.Logm),
	{
		Name: "kron", Params: []lang.Param{{Name: "a", Kind: lang.ArrayArg, Doc: "the left factor"}, {Name: "b", Kind: lang.ArrayArg, Doc: "the right factor"}}, Topic: "linalg",
		Doc: "The Kronecker product of two matrices.\n" +
			"The block matrix of blocks a[i, j]·b (numpy.kron)",
		Example: "kron([[1, 2], [3, 4]], eye(2))",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			x, y := a.Array(0), a.Array(1)
			s.CheckElements(float64(x.Len()) * float64(y.Len()))
			return lang.Arr(must(linalg.Kron(x, y)))
		},
	},
	{
		Name: "diag", Params: []lang.Param{{Name: "v", Kind: lang.ArrayArg, Doc: "the vector, or the matrix"}, diagonalParam}, Topic: "linalg",
		Doc: "A diagonal matrix from a vector, or a matrix's diagonal.\n" +
			"The square matrix with the vector v on its diagonal k, or diagonal k of a matrix v, as numpy.diag",
		Example: "diag([1, 2, 3])",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			k := a.Int(1)
			v := a.Array(0)
			if v.Ndim() == 1 {
				n := float64(v.Len() + max(k, -k))
				s.CheckElements(n * n)
			}
			return lang.Arr(must(linalg.Diag(v, k)))
		},
	},
	triangle("triu", "The upper triangle of a matrix from its diagonal", true),
	triangle("tril", "The lower triangle of a matrix up to its diagonal", false),
	{
		Name: "null_space", Params: []lang.Param{
			matrixParam,
			{Name: "rcond", Kind: lang.NumberArg, Optional: true, Default: lang.Num(0), Doc: "singular values up to rcond times the largest count as zero; 0 or less for scipy's max(rows, cols)·eps"},
		}, Topic: "linalg",
		Doc: "An orthonormal basis of the null space of a matrix.\n" +
			"The basis vectors are the columns of the result (scipy.linalg.null_space, by SVD)",
		Example: "null_space([[1, 1], [1, 1]])",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			return lang.Arr(must(linalg.NullSpace(a.Array(0), a.Num(1))))
		},
	},
	{
		Name: "solve", Params: []lang.Param{
			{Name: "A", Doc: "the square, non-singular matrix, real or complex"},
			{Name: "b", Doc: "the right-hand side: a vector, or a matrix of them"},
		}, Topic: "linalg",
		Doc:     "The solution x of A·x = b.",
		Example: "solve([[3, 1], [1, 2]], [9, 8])",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			if a[0].Kind() == lang.ExprKind || a[0].IsCallable() {
				panic(lang.ArgErrorf(0, "solve(A, b) solves the linear system A·x = b, as numpy.linalg.solve; for f(x) = 0 "+
					"calc has roots(f, a, b) (every root in [a, b]), brentq(f, a, b) and fsolve(f, x0)"))
			}
			if anyComplex(a) {
				x, _ := complexArg(a, 0)
				b, _ := complexArg(a, 1)
				checkMatrix(s, "solve", x.Re)
				return lang.CArr(must(linalg.ComplexSolve(x, b)))
			}
			checkMatrix(s, "solve", a.Array(0))
			return lang.Arr(must(linalg.Solve(a.Array(0), a.Array(1))))
		},
	},
	withComplex(matrixFn("inv", "The inverse of a square, non-singular matrix.", "inv([[4, 7], [2, 6]])", linalg.Inv),
		func(c *array.Complex) lang.Value { return lang.CArr(must(linalg.ComplexInv(c))) }),
	matrixFn("pinv", "The Moore–Penrose pseudo-inverse (by SVD; any shape).", "pinv([[1, 2], [2, 4], [3, 6]])", linalg.Pinv),
	matrixFn("cholesky", "The Cholesky factor: the lower-triangular L with L·L.T = m.\nm must be symmetric positive definite.", "cholesky([[4, 2], [2, 3]])", linalg.Cholesky),
	withComplex(scalarFn("det", "The determinant of a square matrix.", "det([[1, 2], [3, 4]])", linalg.Det),
		func(c *array.Complex) lang.Value { return lang.Complex(must(linalg.ComplexDet(c))) }),
	scalarFn("trace", "The sum of the diagonal of a square matrix.", "trace([[1, 2], [3, 4]])", linalg.Trace),
	{
		Name: "matrix_rank", Params: []lang.Param{
			matrixParam,
			{Name: "tol", Kind: lang.NumberArg, Optional: true, Default: lang.Num(0), Doc: "the singular values above it count; 0 or less for numpy's, the largest singular value × max(rows, cols) × machine epsilon"},
		}, Topic: "linalg",
		Doc:     "The rank of a matrix, from its singular values.\nThe number of singular values above tol.",
		Example: "matrix_rank([[1, 2], [2, 4]])",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			checkMatrix(s, "matrix_rank", a.Array(0))
			return lang.Num(float64(must(linalg.MatrixRank(a.Array(0), a.Num(1)))))
		},
	},
	{
		Name: "lstsq", Params: []lang.Param{{Name: "A", Kind: lang.ArrayArg, Doc: "the matrix"}, {Name: "b", Kind: lang.ArrayArg, Doc: "the right-hand side: a vector, or a matrix of them"}}, Topic: "linalg",
		Options: []lang.Opt{{Name: "rcond", Doc: "singular values at or below rcond times the largest count as zero (nil, numpy's None: max(m, n)·eps; -1: eps)"}},
		Doc:     "The least-squares solution of A·x ≈ b, as numpy's.\nA record {x, residuals, rank, sv}, like numpy.linalg.lstsq.",
		Example: "lstsq([[1, 0], [1, 1], [1, 2]], [1, 3, 5]).x",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			a, opts := a.Options()
			checkMatrix(s, "lstsq", a.Array(0))
			rcond := 0.0
			if v := opts.Get("rcond", lang.Nil); !v.IsNil() {
				rcond = opts.Num("rcond", 0)
			}
			x, res, rank, sv, err := linalg.Lstsq(a.Array(0), a.Array(1), rcond)
			if err != nil {
				lang.Throw(err)
			}
			return record("x", x, "residuals", res, "rank", lang.Num(float64(rank)), "sv", sv)
		},
	},
	decomposition("eigh", "The eigenvalues and eigenvectors of a symmetric matrix.\nA record {values, vectors}: the values ascending, the vectors its columns.",
		"eigh([[2, 1], [1, 2]]).values", []string{"values", "vectors"},
		func(m *array.Array) ([]*array.Array, error) {
			v, w, err := linalg.Eigh(m)
			return []*array.Array{v, w}, err
		}),
	{
		Name: "svd", Params: []lang.Param{matrixParam}, Topic: "linalg",
		Options: []lang.Opt{{Name: "full_matrices", Doc: "false: u of m×k and vt of k×n, k = min(m, n), numpy's reduced form (true)"},
			{Name: "compute_uv", Doc: "false: the singular values s alone, as numpy's (true)"}},
		Doc:     "The singular value decomposition m = u·diag(s)·vt.\nA record {u, s, vt}, with full matrices unless full_matrices is false, like numpy.",
		Example: "svd([[3, 0], [0, 4]]).s\nsvd(ones(5, 2), full_matrices=false).u.shape\nsvd([[3, 0], [0, 4]], compute_uv=false)",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			a, opts := a.Options()
			m := a.Array(0)
			checkMatrix(s, "svd", m)
			full := opts.Bool("full_matrices", true) // numpy reads it without u and vt too
			if !opts.Bool("compute_uv", true) {
				return lang.Arr(array.Vector(must(linalg.SingularValues("svd", m))))
			}
			u, sv, vt, err := linalg.SVD(m, full)
			if err != nil {
				lang.Throw(err)
			}
			return record("u", lang.Arr(u), "s", lang.Arr(sv), "vt", lang.Arr(vt))
		},
	},
	{
		Name: "qr", Params: []lang.Param{matrixParam}, Topic: "linalg",
		Options: []lang.Opt{{Name: "mode", Doc: `"reduced" (q of m×k, r of k×n, k = min(m, n)), "complete" (q of m×m, r of m×n) or "r" (r alone), as numpy's; scipy's "economic" and "full" too`}},
		Doc:     "The QR decomposition m = q·r.\nA record {q, r}: orthonormal columns in q, r upper-triangular; numpy's reduced mode unless mode says otherwise.",
		Example: "qr([[1, 2], [3, 4]]).r\nqr(ones(3, 2), mode=\"complete\").q.shape",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			a, opts := a.Options()
			m := a.Array(0)
			checkMatrix(s, "qr", m)
			mode := opts.OneOf("mode", "reduced", "complete", "r", "economic", "full") // scipy.linalg's names last
			q, r, err := linalg.QR(m, mode == "complete" || mode == "full")
			if err != nil {
				lang.Throw(err)
			}
			if mode == "r" {
				return lang.Arr(r)
			}
			return record("q", lang.Arr(q), "r", lang.Arr(r))
		},
	},
}

// decomposition builds a builtin of one matrix whose several results come
// back as a record with the given fields.
func decomposition(name, doc, example string, fields []string, f func(*array.Array) ([]*array.Array, error)) *lang.Builtin {
	return &lang.Builtin{
		Name: name, Params: []lang.Param{matrixParam}, Topic: "linalg", Doc: doc, Example: example,
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			checkMatrix(s, name, a.Array(0))
			parts := must(f(a.Array(0)))

			r := lang.NewRecord()
			for i, name := range fields {
				r.Set(name, lang.Arr(parts[i]))
			}
			return lang.RecordOf(r)
		},
	}
}
