package lang

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Suggest returns up to two known global names closest to name, for "did
// you mean" messages: those within an edit distance of about a third of
// the name's length.
func (s *Session) Suggest(name string) []string {
	type cand struct {
		name string
		d    int
	}
	var cands []cand
	limit := max(1, len(name)/3)
	runes := utf8.RuneCountInString(name)
	for n, c := range s.globals {
		if !c.bound || n == name || max(utf8.RuneCountInString(n)-runes, runes-utf8.RuneCountInString(n)) > limit {
			continue // the distance is at least the difference in length
		}
		if d := editDistance(name, n); d <= limit {
			cands = append(cands, cand{n, d})
		}
	}
	sort.Slice(cands, func(i, j int) bool {
		if cands[i].d != cands[j].d {
			return cands[i].d < cands[j].d
		}
		return cands[i].name < cands[j].name
	})
	var out []string
	for i := 0; i < len(cands) && i < 2; i++ {
		out = append(out, cands[i].name)
	}
	return out
}

// editDistance is the Levenshtein distance between a and b.
func editDistance(a, b string) int {
	x, y := []rune(a), []rune(b)
	prev := make([]int, len(y)+1)
	cur := make([]int, len(y)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(x); i++ {
		cur[0] = i
		for j := 1; j <= len(y); j++ {
			cost := 1
			if x[i-1] == y[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(y)]
}

// DidYouMean returns ` (did you mean "a" or "b"?)` naming the known names
// nearest to name, or "" when none is near. A name numpy or Python users
// reach for that calc spells otherwise (pow, arcsin, concatenate) gets
// calc's spelling instead.
func (s *Session) DidYouMean(name string) string {
	if spelling, ok := s.calcSpelling(name); ok {
		return " (calc writes " + spelling + ")"
	}
	near := s.Suggest(name)
	if len(near) == 0 {
		return ""
	}
	return " (did you mean \"" + strings.Join(near, "\" or \"") + "\"?)"
}

// calcSpelling returns calc's spelling of a name numpy, scipy, Python or
// OpenCV users write: from foreignNames, or the builtin an OpenCV name in
// camel case stands for (addWeighted is add_weighted, GaussianBlur
// gaussian_blur, filter2D filter2d).
func (s *Session) calcSpelling(name string) (string, bool) {
	if spelling, ok := foreignNames[name]; ok {
		return spelling, true
	}
	if strings.ToLower(name) == name {
		return "", false
	}
	for _, n := range []string{snakeCase(name), strings.ToLower(name)} {
		if s.Builtin(n) != nil {
			return n, true
		}
	}
	return "", false
}

// snakeCase writes a camel-case name in lower case with an underscore
// before each word: addWeighted, add_weighted.
func snakeCase(name string) string {
	var b strings.Builder
	var prev rune
	for _, r := range name {
		if unicode.IsUpper(r) && (unicode.IsLower(prev) || unicode.IsDigit(prev)) {
			b.WriteByte('_')
		}
		b.WriteRune(unicode.ToLower(r))
		prev = r
	}
	return b.String()
}

// foreignNames are numpy's, scipy's and Python's names for what calc
// spells otherwise, with calc's spelling. A name here must not be a
// builtin (a test checks).
var foreignNames = map[string]string{
	"pow": "a ** b", "power": "a ** b", "square": "x**2", "reciprocal": "1/x", "exp2": "2**x",
	"add": "a + b", "subtract": "a - b", "multiply": "a * b", "divide": "a / b", "true_divide": "a / b",
	"floor_divide": "a // b", "negative": "-x", "divmod": "a // b and a % b",
	"matmul": "a @ b, or dot(a, b)", "inner": "dot(a, b)", "vdot": "dot(a, b)",
	"arcsin": "asin", "arccos": "acos", "arctan": "atan", "arctan2": "atan2",
	"arcsinh": "asinh", "arccosh": "acosh", "arctanh": "atanh",
	"absolute": "abs", "fabs": "abs", "amax": "max", "amin": "min", "ptp": "max(x) - min(x)",
	"deg2rad": "x*pi/180", "radians": "x*pi/180", "rad2deg": "x*180/pi", "degrees": "x*180/pi",
	"asarray": "array", "empty": "zeros", "identity": "eye", "diagonal": "diag",
	"zeros_like": "zeros(shape(x))", "ones_like": "ones(shape(x))", "full_like": "full(shape(x), value)",
	"concatenate": "concat", "append": "concat(xs, [x]): arrays do not grow in place",
	"column_stack": "stack(arrays, {axis: 1})", "dstack": "stack(arrays, {axis: 2})",
	"ravel": "flatten", "squeeze": "reshape", "expand_dims": "reshape", "swapaxes": "transpose",
	"split": "slices, as x[:k] and x[k:]", "array_split": "slices, as x[:k] and x[k:]",
	"size": "x.shape for the lengths of the axes (Octave's size), x.size for the number of elements (numpy's), len(x) for the first axis",
	"ndim": "x.ndim", "ndims": "x.ndim", "numel": "x.size", "isempty": "x.size == 0",
	"length":  "len(x) for the length of the first axis (Octave's length is the longest: max(x.shape))",
	"nonzero": "range(len(x))[x != 0]", "flatnonzero": "range(len(x))[x != 0]", "argwhere": "range(len(x))[c]",
	"count_nonzero": "sum(x != 0)",
	"logical_and":   "a and b (elementwise on arrays)", "logical_or": "a or b (elementwise on arrays)",
	"logical_not": "not a (elementwise on arrays)",
	"average":     "mean, or sum(w*x)/sum(w) with weights",
	"nanstd":      "std(x[not isnan(x)])", "nanvar": "var(x[not isnan(x)])", "nanmedian": "median(x[not isnan(x)])",
	"trapz": "trapezoid", "cumtrapz": "cumulative_trapezoid", "simps": "simpson", "mgrid": "meshgrid",
	"reversed": "flip(xs), or xs[::-1]", "xrange": "range",
	"list": "[a, b, ...]", "tuple": "[a, b, ...], or a, b", "dict": "a record: {name: value, ...}", "set": "unique(xs)",
	"isinstance": "type(x) == \"number\" (type gives number, bool, string, array, list, record or function)",
	"exit":       "quit in the REPL, or Ctrl-D", "quit": "quit in the REPL, or Ctrl-D",
	"conjugate": "conj", "copy": "y = x: values are never shared, so assignment copies", "astype": "trunc(x) for astype(int), and x itself for astype(float): calc's numbers are all float64",
	"open": "readcsv, loadtxt, load or imread", "input": "readcsv, loadtxt, load or imread",
	"uniform": "lo + (hi - lo)*rand(shape...)", "normal": "mu + sigma*randn(shape...)",
	"fliplr":           "flip(m, 1)",
	"flipud":           "flip(m, 0)",
	"ifftshift":        "roll(x, -(len(x) // 2)) for a vector (fftshift's inverse)",
	"fmod":             "x - y*trunc(x/y): fmod keeps x's sign, where calc's mod and % keep y's, as Python's %",
	"rint":             "round(x)",
	"fix":              "trunc(x)",
	"fmax":             "where(isnan(a), b, maximum(a, b)): fmax passes over a nan, maximum keeps it",
	"eigvalsh":         "eigh(m).values (ascending)",
	"msort":            "sort(xs, 0)",
	"lgamma":           "gammaln",
	"isqrt":            "floor(sqrt(n))",
	"exp10":            "10**x",
	"psi":              "digamma",
	"kn":               "kv(n, x)",
	"k0":               "kv(0, x)",
	"k1":               "kv(1, x)",
	"i0":               "iv(0, x)",
	"i1":               "iv(1, x)",
	"jve":              "jv(v, x), the same for real x",
	"yve":              "yv(v, x), the same for real x",
	"zetac":            "zeta(x) - 1",
	"ellipkm1":         "ellipk(1 - p)",
	"betaln":           "gammaln(a) + gammaln(b) - gammaln(a + b)",
	"rgamma":           "1/gamma(x)",
	"gammasgn":         "sign(gamma(x))",
	"eval_sh_legendre": "eval_legendre(n, 2*x - 1)",
	"eval_hermitenorm": "2**(-n/2)*eval_hermite(n, x/sqrt(2)), the probabilists' He_n",
	"eval_chebyu":      "sin((n + 1)*acos(x))/sin(acos(x)) for -1 < x < 1, Chebyshev's U_n",
	"cosm":             "e = eigh(m); e.vectors @ diag(cos(e.values)) @ e.vectors.T for a symmetric m (cos is elementwise)",
	"sinm":             "e = eigh(m); e.vectors @ diag(sin(e.values)) @ e.vectors.T for a symmetric m (sin is elementwise)",
	"tanm":             "e = eigh(m); e.vectors @ diag(tan(e.values)) @ e.vectors.T for a symmetric m (tan is elementwise)",
	"coshm":            "e = eigh(m); e.vectors @ diag(cosh(e.values)) @ e.vectors.T for a symmetric m (cosh is elementwise)",
	"sinhm":            "e = eigh(m); e.vectors @ diag(sinh(e.values)) @ e.vectors.T for a symmetric m (sinh is elementwise)",
	"tanhm":            "e = eigh(m); e.vectors @ diag(tanh(e.values)) @ e.vectors.T for a symmetric m (tanh is elementwise)",
	"signm":            "e = eigh(m); e.vectors @ diag(sign(e.values)) @ e.vectors.T for a symmetric m (sign is elementwise)",
	"NAN":              "nan", "Infinity": "inf", "PINF": "inf", "NINF": "-inf", "tau": "2*pi", "euler_gamma": "0.5772156649015329",
	"default_rng": "seed(n), then rand, randn and randint", "choice": "xs[randint(0, len(xs), n)]",
	"shuffle": "xs[argsort(rand(len(xs)))]", "permutation": "xs[argsort(rand(len(xs)))]",
	"matrix_power": "repeated @, as A @ A @ A", "mpower": "repeated @, as A @ A @ A",
	"isequal": "all(a == b), for arrays of one shape", "strcmp": "a == b",
	"float32": "float: calc's numbers are all float64", "float64": "float", "int32": "trunc(x)", "int64": "trunc(x)",
	"tensor": "[a, b, ...]: a list of numbers is an array", "tolist": "x itself: an array prints and indexes as a list",
	"item": "x[0], or x itself for a number", "unsqueeze": "reshape", "view": "reshape(x, ...), a copy", "dim": "x.ndim",
	"requires_grad": "grad(f)(x): calc differentiates functions, not arrays", "backward": "grad(loss)(params)",
	"at":   "y = x; y[i] = v (JAX's x.at[i].set(v)): assignment copies, so x keeps its values",
	"mode": "u = unique(xs, return_counts=true); u.values[argmax(u.counts)]", "prctile": "percentile",
	"histc": "histogram(xs, edges)", "linsolve": "solve(A, b)", "mldivide": "solve(A, b)",
	"conv": "convolve(a, b)", "rank": "matrix_rank(m)", "randi": "randint(1, n + 1, shape...) for Octave's randi(n)",
	"isreal": "imag(x) == 0", "rows": "len(m), or m.shape[0]", "columns": "m.shape[1]", "nnz": "sum(x != 0)",
	"fminunc": "minimize(f, x0)", "fminsearch": "fmin(f, x0) (Nelder–Mead)", "fzero": "brentq(f, a, b), or fsolve(f, x0) from a point",
	"interp1": "interp(xq, x, v): the query points come first", "integral": "quad(f, a, b)", "quadgk": "quad(f, a, b)",
	"ode45": "solve_ivp(f, [t0, t1], y0), whose RK45 is ode45's method", "ode23": "solve_ivp(f, [t0, t1], y0, method=\"RK23\")",
	"ode15s": "solve_ivp(f, [t0, t1], y0, method=\"BDF\")", "lsqcurvefit": "curve_fit(model, xdata, ydata, p0=...)",
	"nchoosek": "comb(n, k)", "circshift": "roll(x, k)", "horzcat": "hstack", "vertcat": "vstack",
	"double": "float(x), or x itself: calc's numbers are float64", "logical": "x != 0", "rot90": "flip(m.T, 0)",
	"nthroot": "cbrt(x) for n = 3, or sign(x)*abs(x)**(1/n)", "arrayfun": "map(f, xs)", "cellfun": "map(f, xs)",
	"randperm": "argsort(rand(n))", "tic": ":time EXPR in the REPL", "toc": ":time EXPR in the REPL",
	"gelu": "x*(1 + erf(x/sqrt(2)))/2", "elu": "where(x > 0, x, exp(x) - 1)", "silu": "x*sigmoid(x)",
	"leaky_relu": "where(x > 0, x, 0.01*x)", "einsum": "dot, @, outer and sum(..., axis=k): calc has no einsum",
	"conv2d": "filter2d(img, kernel), a correlation as OpenCV's", "value_and_grad": "f(x) and grad(f)(x)",
	"jacfwd": "jacobian(f)", "jacrev": "jacobian(f)", "cat": "concat", "clamp": "clip(x, lo, hi)",
	"manual_seed": "seed(n)", "PRNGKey": "seed(n)", "mse_loss": "mse(pred, target)",
	"null": "the null space: svd(m).vt[matrix_rank(m):].T",
	"rem":  "x - y*trunc(x/y): rem keeps x's sign, where calc's mod and % keep y's, as Python's %",
	"disp": "print(x)", "printf": "print(format(x, \".2f\")): calc has no % formats", "fprintf": "print(format(x, \".2f\")): calc has no % formats",
	"sprintf": "format(x, \".2f\"): calc has no % formats", "num2str": "str(x), or format(x, \".4g\")", "strcat": "a + b",
	"find": "range(len(x))[c] for the indices where c holds, counted from 0", "repmat": "tile(x, [m, n])",
	"jit":                 "f itself: calc traces and compiles a function for the solvers by itself",
	"vmap":                "map(f, xs) over the first axis, or f(xs) when f works elementwise",
	"integrate":           "quad(f, a, b) for a definite integral; calc has no symbolic antiderivatives",
	"Bounds":              "minimize's option bounds: [[lo, hi], ...], one pair per variable",
	"LinearConstraint":    "minimize's option constraints: {type: \"ineq\", fun: x -> b - dot(A, x)}, or a list of them",
	"NonlinearConstraint": "minimize's option constraints: {type: \"ineq\" | \"eq\", fun}, or a list of them",
}
