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
	return &integrate.QuadSettings{EpsAbs: opts.Num("epsabs", 0), EpsRel: opts.Num("epsrel", 0), Limit: opts.Int("limit", 0)}
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

// sampled reads the samples y (a vector) and the optional x of the
// sampled rules.
func sampled(a lang.Args) (y, x []float64) {
	ys := a.Array(0)
	if len(ys.Shape) != 1 {
		panic(lang.ArgErrorf(0, "y must be a vector of samples, not of shape %v", ys.Shape))
	}
	y = ys.Data
	if len(a) > 1 {
		x = a.Array(1).Data
		if len(x) != len(y) {
			panic(lang.ArgErrorf(1, "x has %d values and y %d", len(x), len(y)))
		}
	}
	return y, x
}

var quadBuiltins = []*lang.Builtin{
	{
		Name: "quad", Params: "f, a, b", Topic: "ode",
		Options: []lang.Opt{epsabsOpt, epsrelOpt, {Name: "limit", Doc: "the most subintervals (50)"}, fullOutputOpt, argsOpt},
		Doc: "The integral of f from a to b, as scipy's quad.\nThe integral of f from a to b (either may be ±inf) by adaptive Gauss–Kronrod quadrature with extrapolation,\n" +
			"as QUADPACK's qags/qagi and scipy.integrate.quad; a record value, abserr (an error estimate).",
		Example: "quad(exp(-x**2), -inf, inf).value - sqrt(pi)",
		MinArgs: 3, MaxArgs: 4,
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			f, _ := scalarFunc(s, args[0], extraArgs(opts))
			lo, hi := args.Num(1), args.Num(2)
			r, err := integrate.Quad(f, lo, hi, quadSettings(opts))
			if err != nil {
				lang.Throw(err)
			}
			if !r.Success {
				s.Print("IntegrationWarning: " + r.Message)
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
		Name: "dblquad", Params: "f, a, b, gfun, hfun", Topic: "ode",
		Options: []lang.Opt{epsabsOpt, epsrelOpt},
		Doc:     "A double integral, as scipy's dblquad.\nThe double integral of f(y, x) for x from a to b and y from gfun(x) to hfun(x) (numbers or functions), as scipy.integrate.dblquad",
		Example: "area(y, x) = 1\ndblquad(area, 0, 1, 0, 2).value",
		MinArgs: 5, MaxArgs: 6,
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			o := newSpreadFn(s, args[0], []float64{0, 0})
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
		Name: "trapezoid", Params: "y, x?", Topic: "ode",
		Options: []lang.Opt{dxOpt},
		Doc:     "The integral of samples by the trapezoidal rule.\nThe samples y are at points x, or spaced dx (1) apart.",
		Example: "trapezoid([1, 2, 3], [0, 1, 2])",
		MinArgs: 1, MaxArgs: 3,
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			y, x := sampled(args)
			return lang.Num(integrate.Trapezoid(y, x, opts.Num("dx", 1)))
		},
	},
	{
		Name: "simpson", Params: "y, x?", Topic: "ode",
		Options: []lang.Opt{dxOpt, {Name: "even", Doc: "for an even number of samples: avg (default), first or last"}},
		Doc:     "The integral of samples by Simpson's rule.\nThe integral of samples y by Simpson's rule, at points x or spaced dx apart; for an even number of samples\n{even: \"avg\"} (the default), \"first\" or \"last\" as scipy 1.10",
		Example: "simpson(range(0, 1.01, 0.25)**2, {dx: 0.25})",
		MinArgs: 1, MaxArgs: 3,
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
		Name: "cumulative_trapezoid", Params: "y, x?", Topic: "ode",
		Options: []lang.Opt{dxOpt, {Name: "initial", Doc: "a value put first, so that the result is as long as y"}},
		Doc:     "The running integral of samples (trapezoids).\nOne value fewer than y, unless initial is given.",
		Example: "cumulative_trapezoid([1, 2, 3, 4], {initial: 0})",
		MinArgs: 1, MaxArgs: 3,
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
		Name: "romb", Params: "y", Topic: "ode",
		Options: []lang.Opt{{Name: "dx", Doc: "the spacing of the samples (1)"}},
		Doc:     "The integral of 2**k + 1 samples by Romberg's method.\nThe samples are equally spaced.",
		Example: "romb(exp(linspace(0, 1, 9)), {dx: 0.125}) - (e - 1)",
		MinArgs: 1, MaxArgs: 2,
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			return lang.Num(must(integrate.Romb(args.Array(0).Data, opts.Num("dx", 1))))
		},
	},
}
