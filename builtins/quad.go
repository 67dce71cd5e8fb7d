package builtins

import (
	"fmt"
	"math"
	"strings"

	"calc/lang"
	"calc/stdlib/integrate"
)

// quadResult is quad's answer: value and error estimate, and with
// full_output the evaluations and QUADPACK's message.
func quadResult(r integrate.QuadResult, full bool) lang.Value {
	rec := lang.NewRecord()
	rec.Set("value", lang.Num(r.Value))
	rec.Set("abserr", lang.Num(r.AbsErr))
	if full {
		rec.Set("neval", count(r.NEval))
		rec.Set("ier", count(r.Ier))
		rec.Set("message", lang.Str(r.Message))
	}
	return lang.RecordOf(rec)
}

func quadSettings(opts lang.Options) *integrate.QuadSettings {
	return &integrate.QuadSettings{EpsAbs: opts.Num("epsabs", 0), EpsRel: opts.Num("epsrel", 0), Limit: opts.Int("limit", 0),
		Points: breakPoints(opts.Get("points", lang.Nil))}
}

// breakPoints reads quad's points: nil, or a list or vector of numbers.
func breakPoints(v lang.Value) []float64 {
	if v.IsNil() {
		return nil
	}
	items, ok := lang.Items(v)
	if !ok {
		panic(lang.Errorf("points must be a list of numbers, got %s", v.TypeName()))
	}
	points := make([]float64, len(items))
	for i, item := range items {
		if item.Kind() != lang.NumKind {
			panic(lang.Errorf("points must be a list of numbers, got %s among them", item.TypeName()))
		}
		points[i] = item.Float()
	}
	return points
}

// algWeights are quad's weights of the form (x−a)^α (b−x)^β times
// logarithms, QUADPACK's qaws.
var algWeights = map[string]integrate.QuadAlgWeight{
	"alg": integrate.WeightAlg, "alg-loga": integrate.WeightAlgLogA,
	"alg-logb": integrate.WeightAlgLogB, "alg-log": integrate.WeightAlgLog,
}

// weightedQuad is quad with a weight option: QUADPACK's qawo, qaws or
// qawc.
func weightedQuad(f func(float64) float64, a, b float64, opts lang.Options) (integrate.QuadResult, error) {
	name := opts.Text("weight", "")
	if opts.Has("points") {
		panic(lang.Errorf("points and weight cannot be combined"))
	}
	if name == "cos" || name == "sin" {
		omega := opts.Get("wvar", lang.Nil)
		if omega.Kind() != lang.NumKind {
			panic(lang.Errorf("weight %q needs wvar = ω, the angular frequency, a number", name))
		}
		switch {
		case math.IsInf(b, 1) && !math.IsInf(a, 0):
			return integrate.QuadFourier(f, a, omega.Float(), name == "sin", quadSettings(opts))
		case math.IsInf(a, 0) || math.IsInf(b, 0):
			panic(lang.Errorf("weight %q takes a finite range or one from a number to inf", name))
		}
		return integrate.QuadOscillatory(f, a, b, omega.Float(), name == "sin", quadSettings(opts))
	}
	if name == "cauchy" {
		c := opts.Get("wvar", lang.Nil)
		if c.Kind() != lang.NumKind {
			panic(lang.Errorf("weight \"cauchy\" needs wvar = c, the pole of 1/(x - c), a number"))
		}
		return integrate.QuadCauchy(f, a, b, c.Float(), quadSettings(opts))
	}
	kind, ok := algWeights[name]
	if !ok {
		panic(lang.Errorf("weight %q is not supported here: the weights are \"cos\", \"sin\", \"alg\", \"alg-loga\", \"alg-logb\", \"alg-log\" and \"cauchy\"", name))
	}
	wvar, ok := lang.Items(opts.Get("wvar", lang.Nil))
	if !ok || len(wvar) != 2 || wvar[0].Kind() != lang.NumKind || wvar[1].Kind() != lang.NumKind {
		panic(lang.Errorf("weight %q needs wvar = [alpha, beta], two numbers above -1", name))
	}
	alpha, beta := wvar[0].Float(), wvar[1].Float()
	if !(alpha > -1 && beta > -1) {
		panic(lang.Errorf("wvar = [%g, %g]: alpha and beta must be above -1", alpha, beta))
	}
	return integrate.QuadAlg(f, a, b, alpha, beta, kind, quadSettings(opts))
}

// The tolerances of quad and dblquad.
var (
	epsabsOpt = lang.Opt{Name: "epsabs", Doc: "the absolute error tolerance (1.49e-8)"}
	epsrelOpt = lang.Opt{Name: "epsrel", Doc: "the relative error tolerance (1.49e-8)"}
)

// limitFunc reads dblquad's inner limits: a number or a function of x.
func limitFunc(s *lang.Session, v lang.Value) func(float64) float64 {
	if v.Kind() == lang.NumKind {
		c := v.Float()
		return func(float64) float64 { return c }
	}
	f, _ := scalarFunc(s, v, nil)
	return f
}

// limitFunc2 reads tplquad's innermost limits: a number or a function of
// x and y.
func limitFunc2(s *lang.Session, v lang.Value) func(x, y float64) float64 {
	if v.Kind() == lang.NumKind {
		c := v.Float()
		return func(float64, float64) float64 { return c }
	}
	o := newSpreadFn(s, v, []float64{0, 0}, nil)
	xy := make([]float64, 2)
	return func(x, y float64) float64 {
		xy[0], xy[1] = x, y
		return o.Scalar(xy)
	}
}

// spreadScalar returns f called with the n numbers of a point spread as
// its arguments, named vars for an expression (see byName).
func spreadScalar(s *lang.Session, f lang.Value, n int, vars []string) func([]float64) float64 {
	o := newSpreadFn(s, f, make([]float64, n), vars)
	return o.Scalar
}

// nquadRanges reads nquad's ranges, innermost first: each a pair [lo, hi]
// or a function of the variables outside it returning one.
func nquadRanges(s *lang.Session, v lang.Value) []integrate.QuadRange {
	items, ok := lang.Items(v)
	if !ok || len(items) == 0 {
		panic(lang.ArgErrorf(1, "ranges must be a non-empty list of [lo, hi] pairs or functions, got %s", v.TypeName()))
	}
	ranges := make([]integrate.QuadRange, len(items))
	for i, item := range items {
		if pair, ok := lang.Items(item); ok {
			lo, hi := rangePair(i, pair)
			ranges[i] = integrate.ConstRange(lo, hi)
			continue
		}
		o := newSpreadFn(s, item, make([]float64, len(items)-1-i), nil)
		ranges[i] = func(outer []float64) (float64, float64) {
			out := o.Eval(outer, 0)
			if len(out) != 2 {
				panic(lang.Errorf("range %d must return [lo, hi], got %d values", i, len(out)))
			}
			return out[0], out[1]
		}
	}
	return ranges
}

// rangePair reads the fixed range i of nquad.
func rangePair(i int, pair []lang.Value) (lo, hi float64) {
	if len(pair) == 2 && pair[0].Kind() == lang.NumKind && pair[1].Kind() == lang.NumKind {
		return pair[0].Float(), pair[1].Float()
	}
	panic(lang.ArgErrorf(1, "range %d must be [lo, hi] with two numbers", i))
}

// nquadSettings reads nquad's opts: one record for every level, or a list
// of records, innermost first, one per level.
func nquadSettings(opts lang.Options, levels int) []*integrate.QuadSettings {
	v := opts.Get("opts", lang.Nil)
	if v.IsNil() {
		return nil
	}
	items, ok := lang.Items(v)
	if !ok {
		items = []lang.Value{v}
	} else if len(items) != levels {
		panic(lang.Errorf("opts must be one record or %d, one per range; got %d", levels, len(items)))
	}
	settings := make([]*integrate.QuadSettings, len(items))
	for i, item := range items {
		settings[i] = levelSettings(item)
	}
	return settings
}

// levelSettings reads one record of nquad's opts.
func levelSettings(v lang.Value) *integrate.QuadSettings {
	if v.Kind() != lang.RecordKind {
		panic(lang.Errorf("opts must hold records {epsabs, epsrel, limit}, got %s", v.TypeName()))
	}
	num := func(name string) float64 {
		x, ok := v.Record().Get(name)
		if !ok {
			return 0
		}
		if x.Kind() != lang.NumKind {
			panic(lang.Errorf("opts: %s must be a number, got %s", name, x.TypeName()))
		}
		return x.Float()
	}
	for _, k := range v.Record().Keys {
		if k != "epsabs" && k != "epsrel" && k != "limit" && k != "points" {
			panic(lang.Errorf("opts: unknown option %q (options: epsabs, epsrel, limit, points)", k))
		}
	}
	points, _ := v.Record().Get("points")
	limit := num("limit")
	if limit != math.Trunc(limit) {
		panic(lang.Errorf("opts: limit must be a whole number, got %g", limit))
	}
	return &integrate.QuadSettings{EpsAbs: num("epsabs"), EpsRel: num("epsrel"), Limit: int(limit), Points: breakPoints(points)}
}

// sampled reads the samples y (a vector) and the optional x of the
// sampled rules.
func sampled(a lang.Args) (y, x []float64) {
	ys := a.Array(0)
	if len(ys.Shape) != 1 {
		panic(lang.ArgErrorf(0, "y must be a vector of samples, not of shape %v", ys.Shape))
	}
	y = ys.Floats()
	if len(a) > 1 {
		x = a.Array(1).Floats()
		if len(x) != len(y) {
			panic(lang.ArgErrorf(1, "x has %d values and y %d", len(x), len(y)))
		}
	}
	return y, x
}

// samplesParams are the parameters of the integrals of samples.
var samplesParams = []lang.Param{
	{Name: "y", Kind: lang.ArrayArg, Doc: "the samples, a vector"},
	{Name: "x", Kind: lang.ArrayArg, Optional: true, Doc: "the points of the samples (spaced dx apart if left out)"}}

var quadBuiltins = []*lang.Builtin{
	{
		Name: "quad", Params: []lang.Param{
			{Name: "f", Kind: lang.FunctionArg, Doc: "the integrand: a function of x, or an expression in x"},
			{Name: "a", Kind: lang.NumberArg, Doc: "the lower limit (may be -inf)"},
			{Name: "b", Kind: lang.NumberArg, Doc: "the upper limit (may be inf)"}}, Topic: "ode",
		Options: []lang.Opt{epsabsOpt, epsrelOpt, {Name: "limit", Doc: "the most subintervals (50)"},
			{Name: "points", Doc: "break points of a finite range where f is singular or jumps"},
			{Name: "weight", Doc: "a weight function: \"cos\", \"sin\", \"alg\", \"alg-loga\", \"alg-logb\", \"alg-log\" or \"cauchy\""},
			{Name: "wvar", Doc: "the weight's variables: ω, [α, β] or c"}, fullOutputOpt, argsOpt},
		Doc: "The integral of f from a to b, as scipy's quad.\nThe integral of f from a to b by adaptive Gauss–Kronrod quadrature with extrapolation,\n" +
			"as QUADPACK's qags/qagi and scipy.integrate.quad; a record value, abserr (an error estimate).\n" +
			"points lists break points of a finite range where f is singular or jumps (QUADPACK's qagp);\n" +
			"weight \"alg\" with wvar [α, β] integrates f·(x-a)^α·(b-x)^β, \"alg-loga\", \"alg-logb\", \"alg-log\" times log(x-a), log(b-x) or both (qaws);\n" +
			"weight \"cauchy\" with wvar c the principal value of the integral of f/(x - c) (qawc);\n" +
			"weight \"cos\" or \"sin\" with wvar ω integrates f·cos(ωx) or f·sin(ωx) (qawo; qawf up to inf).\n" +
			"Inside a function being differentiated, the value is differentiable with respect to args (under the\n" +
			"integral sign) and the limits.",
		Example: "quad(exp(-x**2), -inf, inf).value - sqrt(pi)",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			f, _ := scalarFunc(s, args[0], extraArgs(opts))
			lo, hi := args.Num(1), args.Num(2)
			var r integrate.QuadResult
			var err error
			if opts.Has("wvar") && !opts.Has("weight") {
				panic(lang.Errorf("option wvar is a weight's variable: give the weight too"))
			}
			if opts.Has("weight") {
				r, err = weightedQuad(f, lo, hi, opts)
			} else {
				r, err = integrate.Quad(f, lo, hi, quadSettings(opts))
			}
			if err != nil {
				lang.Throw(err)
			}
			if !r.Success {
				s.Print("IntegrationWarning: " + r.Message)
			} else if math.IsNaN(r.Value) || math.IsInf(r.Value, 0) || math.IsNaN(r.AbsErr) || math.IsInf(r.AbsErr, 0) {
				// f was infinite or nan at a node (1/x at 0 in (-1, 1)):
				// QUADPACK reports success, scipy's Python raises or
				// numpy warns.
				s.Print("IntegrationWarning: the integrand is infinite or nan at a point of the range, so the value " +
					lang.Format(lang.Num(r.Value)) + " cannot be trusted; split the range there or use points")
			} else if math.IsInf(lo, 0) && math.IsInf(hi, 0) && lo != hi {
				// QUADPACK's qagi integrates f(x) + f(-x) over (0, inf), so
				// the halves of an odd integrand cancel exactly: sin gives
				// 0 with abserr 0 where the integral does not exist. scipy
				// says nothing; calc checks that each half converges.
				for _, half := range [][2]float64{{0, math.Inf(1)}, {math.Inf(-1), 0}} {
					if h, err := integrate.Quad(f, half[0], half[1], quadSettings(opts)); err == nil && !h.Success {
						why, _, _ := strings.Cut(h.Message, ".") // QUADPACK's first sentence
						if why != "" {
							why = strings.ToLower(why[:1]) + why[1:]
						}
						s.Note(fmt.Sprintf("quad: the integral over (%s, %s) does not converge (%s); %s is only the principal value over (-inf, inf), where the halves cancel",
							lang.Format(lang.Num(half[0])), lang.Format(lang.Num(half[1])), why, lang.Format(lang.Num(r.Value))))
						break
					}
				}
			}
			return quadResult(r, opts.Bool("full_output", false))
		},
	},
	{
		Name: "dblquad", Params: []lang.Param{
			{Name: "f", Kind: lang.FunctionArg, Doc: "the integrand: a function of y and x, in that order, or an expression in x and y"},
			{Name: "a", Kind: lang.NumberArg, Doc: "the lower limit of x"},
			{Name: "b", Kind: lang.NumberArg, Doc: "the upper limit of x"},
			{Name: "gfun", Doc: "the lower limit of y: a number or a function of x"},
			{Name: "hfun", Doc: "the upper limit of y: a number or a function of x"}}, Topic: "ode",
		Options: []lang.Opt{epsabsOpt, epsrelOpt},
		Doc:     "A double integral, as scipy's dblquad.\nThe double integral of f(y, x) for x from a to b and y from gfun(x) to hfun(x) (numbers or functions), as scipy.integrate.dblquad",
		Example: "area(y, x) = 1\ndblquad(area, 0, 1, 0, 2).value",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			o := newSpreadFn(s, args[0], []float64{0, 0}, varsYX)
			yx := make([]float64, 2)
			f := func(y, x float64) float64 {
				yx[0], yx[1] = y, x
				return o.Scalar(yx)
			}
			r, err := integrate.DblQuad(f, args.Num(1), args.Num(2), limitFunc(s, args[3]), limitFunc(s, args[4]), quadSettings(opts))
			if err != nil {
				lang.Throw(err)
			}
			return quadResult(r, false)
		},
	},
	{
		Name: "tplquad", Params: []lang.Param{
			{Name: "f", Kind: lang.FunctionArg, Doc: "the integrand: a function of z, y and x, in that order, or an expression in x, y and z"},
			{Name: "a", Kind: lang.NumberArg, Doc: "the lower limit of x"},
			{Name: "b", Kind: lang.NumberArg, Doc: "the upper limit of x"},
			{Name: "gfun", Doc: "the lower limit of y: a number or a function of x"},
			{Name: "hfun", Doc: "the upper limit of y: a number or a function of x"},
			{Name: "qfun", Doc: "the lower limit of z: a number or a function of x and y"},
			{Name: "rfun", Doc: "the upper limit of z: a number or a function of x and y"}}, Topic: "ode",
		Options: []lang.Opt{epsabsOpt, epsrelOpt},
		Doc: "A triple integral, as scipy's tplquad.\nThe integral of f(z, y, x) for x from a to b, y from gfun(x) to hfun(x) and z from qfun(x, y) to rfun(x, y)\n" +
			"(limits numbers or functions), by nested quad as scipy.integrate.tplquad; a record value, abserr",
		Example: "f(z, y, x) = x*y*z\ntplquad(f, 0, 1, 0, 1, 0, 1).value",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			f := spreadScalar(s, args[0], 3, varsZYX)
			zyx := make([]float64, 3)
			g := func(z, y, x float64) float64 {
				zyx[0], zyx[1], zyx[2] = z, y, x
				return f(zyx)
			}
			r, err := integrate.TplQuad(g, args.Num(1), args.Num(2), limitFunc(s, args[3]), limitFunc(s, args[4]),
				limitFunc2(s, args[5]), limitFunc2(s, args[6]), quadSettings(opts))
			if err != nil {
				lang.Throw(err)
			}
			return quadResult(r, false)
		},
	},
	{
		Name: "nquad", Params: []lang.Param{
			{Name: "f", Kind: lang.FunctionArg, Doc: "the integrand: a function of x0, x1, ..., xn"},
			{Name: "ranges", Doc: "one range per variable, innermost first: [lo, hi], or a function of the outer variables returning it"}}, Topic: "ode",
		Options: []lang.Opt{{Name: "opts", Doc: "a record {epsabs, epsrel, limit, points} for every level, or a list of them, innermost first"}, fullOutputOpt},
		Doc: "An integral over several variables, as scipy's nquad.\nThe integral of f(x0, x1, ..., xn) over ranges, innermost (x0's) first;\n" +
			"opts is a record {epsabs, epsrel, limit, points} for every level or a list of them, one per level;\n" +
			"a record value, abserr, with full_output also neval (the evaluations of f)",
		Example: "f(x, y) = x*y\nnquad(f, [(y) -> [0, y], [0, 1]]).value",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			ranges := nquadRanges(s, args[1])
			r, err := integrate.NQuad(spreadScalar(s, args[0], len(ranges), nil), ranges, nquadSettings(opts, len(ranges)))
			if err != nil {
				lang.Throw(err)
			}
			rec := lang.NewRecord()
			rec.Set("value", lang.Num(r.Value))
			rec.Set("abserr", lang.Num(r.AbsErr))
			if opts.Bool("full_output", false) {
				rec.Set("neval", count(r.NEval))
			}
			return lang.RecordOf(rec)
		},
	},
	{
		Name: "fixed_quad", Params: []lang.Param{
			{Name: "f", Kind: lang.FunctionArg, Doc: "the integrand: a function of x, or an expression in x"},
			{Name: "a", Kind: lang.NumberArg, Doc: "the lower limit"},
			{Name: "b", Kind: lang.NumberArg, Doc: "the upper limit"},
			{Name: "n", Kind: lang.IntArg, Optional: true, Default: lang.Num(5), Doc: "the number of points"}}, Topic: "ode",
		Options: []lang.Opt{argsOpt},
		Doc: "The integral of f from a to b by a Gauss–Legendre rule.\n" +
			"With n points, as scipy.integrate.fixed_quad: exact for polynomials of degree up to 2n - 1; the value alone,\n" +
			"for scipy's second result is always None",
		Example: "fixed_quad(x**7, 0, 1, 4)",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			n := args.Int(3)
			if n < 1 {
				panic(lang.Errorf("n must be at least 1, got %d", n))
			}
			s.CheckElements(float64(n))
			f, _ := scalarFunc(s, args[0], extraArgs(opts))
			return lang.Num(must(integrate.FixedQuad(f, args.Num(1), args.Num(2), n)))
		},
	},
	{
		Name: "trapezoid", Params: samplesParams, Topic: "ode",
		Options: []lang.Opt{dxOpt},
		Doc:     "The integral of samples by the trapezoidal rule.",
		Example: "trapezoid([1, 2, 3], [0, 1, 2])",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			y, x := sampled(args)
			return lang.Num(integrate.Trapezoid(y, x, opts.Num("dx", 1)))
		},
	},
	{
		Name: "simpson", Params: samplesParams, Topic: "ode",
		Options: []lang.Opt{dxOpt, {Name: "even", Doc: "for an even number of samples: avg (default), first or last"}},
		Doc:     "The integral of samples by Simpson's rule.\nThe integral of samples y by Simpson's rule, at points x or spaced dx apart; for an even number of samples\n{even: \"avg\"} (the default), \"first\" or \"last\" as scipy 1.10",
		Example: "simpson(range(0, 1.01, 0.25)**2, {dx: 0.25})",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			y, x := sampled(args)
			even := integrate.SimpsonAvg
			switch e := opts.Get("even", lang.Str("avg")).Text(); e {
			case "avg":
			case "first":
				even = integrate.SimpsonFirst
			case "last":
				even = integrate.SimpsonLast
			default:
				panic(lang.Errorf("even must be \"avg\", \"first\" or \"last\", not %q", e))
			}
			return lang.Num(integrate.Simpson(y, x, opts.Num("dx", 1), even))
		},
	},
	{
		Name: "cumulative_trapezoid", Params: samplesParams, Topic: "ode",
		Options: []lang.Opt{dxOpt, {Name: "initial", Doc: "a value put first, so that the result is as long as y"}},
		Doc:     "The running integral of samples (trapezoids).\nOne value fewer than y, unless initial is given.",
		Example: "cumulative_trapezoid([1, 2, 3, 4], {initial: 0})",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			y, x := sampled(args)
			var initial *float64
			if opts.Has("initial") {
				v := opts.Num("initial", 0)
				initial = &v
			}
			return vecValue(integrate.CumulativeTrapezoid(y, x, opts.Num("dx", 1), initial))
		},
	},
	{
		Name: "romb", Params: []lang.Param{{Name: "y", Kind: lang.ArrayArg, Doc: "the samples, a vector"}}, Topic: "ode",
		Options: []lang.Opt{{Name: "dx", Doc: "the spacing of the samples (1)"}},
		Doc:     "The integral of 2**k + 1 samples by Romberg's method.\nThe samples are equally spaced.",
		Example: "romb(exp(linspace(0, 1, 9)), {dx: 0.125}) - (e - 1)",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			return lang.Num(must(integrate.Romb(args.Array(0).Floats(), opts.Num("dx", 1))))
		},
	},
}
