package builtins

import (
	"maps"
	"math"
	"slices"

	"calc/lang"
	"calc/stdlib/optimize"
)

// numberVector reads an option that is a number or a vector of numbers.
func numberVector(v lang.Value, what string) []float64 {
	a, ok := toArray(v)
	if !ok || len(a.Shape) > 1 {
		panic(lang.Errorf("%s must be a number or a vector of numbers, not %s", what, lang.Format(v)))
	}
	return append([]float64(nil), a.Floats()...)
}

// numberMatrix reads a matrix with n columns (a vector is one row).
func numberMatrix(v lang.Value, what string, n int) [][]float64 {
	a, ok := toArray(v)
	if !ok || len(a.Shape) > 2 || len(a.Shape) == 0 {
		panic(lang.Errorf("%s must be a matrix of numbers, not %s", what, lang.Format(v)))
	}
	rows, cols := 1, a.Shape[0]
	if len(a.Shape) == 2 {
		rows, cols = a.Shape[0], a.Shape[1]
	}
	if cols != n {
		panic(lang.Errorf("%s has %d columns, but c has %d entries", what, cols, n))
	}
	out := make([][]float64, rows)
	for i := range out {
		out[i] = a.Floats()[i*cols : (i+1)*cols]
	}
	return out
}

// perVariable reads a number or a vector of n numbers (nil: def).
func perVariable(v lang.Value, what string, n int, def float64) []float64 {
	x := []float64{def}
	if !v.IsNil() {
		x = numberVector(v, what)
	}
	switch len(x) {
	case n:
		return x
	case 1:
		out := make([]float64, n)
		for i := range out {
			out[i] = x[0]
		}
		return out
	}
	panic(lang.Errorf("%s has %d entries, want %d", what, len(x), n))
}

// linprogBounds reads linprog's bounds: nil for x ≥ 0, one [lo, hi]
// pair for every variable, or a pair per variable; nil sides are open.
func linprogBounds(v lang.Value, n int) *optimize.Bounds {
	if v.IsNil() {
		return nil
	}
	pairs, ok := lang.Items(v)
	if ok && len(pairs) == 2 {
		if _, nested := lang.Items(pairs[0]); !nested {
			pairs = make([]lang.Value, n)
			for i := range pairs {
				pairs[i] = v
			}
		}
	}
	if !ok || len(pairs) != n {
		panic(lang.Errorf("bounds must be one [lo, hi] pair, or one per variable (%d)", n))
	}
	return boundPairs(pairs)
}

// integrality reads scipy's integrality: 0 (continuous) or 1 (integer),
// one number for all variables or one per variable.
func integrality(v lang.Value, n int) []bool {
	flags := perVariable(v, "integrality", n, 0)
	out := make([]bool, n)
	for i, f := range flags {
		if f != 0 && f != 1 {
			panic(lang.Errorf("integrality must be 0 (continuous) or 1 (integer); %v (semi-continuous) is not supported", f))
		}
		out[i] = f == 1
	}
	return out
}

// marginals is scipy's {marginals, residual} record of one kind of
// constraint.
func marginals(m, residual []float64) lang.Value {
	return record("marginals", vecValue(m), "residual", vecValue(residual))
}

// milpResult is scipy's milp result as a record.
func milpResult(r *optimize.MILPResult) lang.Value {
	return record("x", vecValue(r.X), "fun", lang.Num(r.Fun), "status", count(r.Status), "success", lang.Bool(r.Success),
		"message", lang.Str(r.Message), "mip_node_count", count(r.Nodes), "mip_dual_bound", lang.Num(r.DualBound),
		"mip_gap", lang.Num(r.Gap))
}

// linprogMethods are the methods linprog accepts: the bounded dual
// simplex method (optimize.LinProgDual), the bounded primal simplex
// method (optimize.LinProg), or the interior point method
// (optimize.LinProgIPM).
var linprogMethods = map[string]func(optimize.LP, *optimize.LPSettings) (*optimize.LPResult, error){
	"highs": optimize.LinProgDual, "highs-ds": optimize.LinProgDual,
	"simplex": optimize.LinProg, "revised simplex": optimize.LinProg,
	"highs-ipm": optimize.LinProgIPM, "interior-point": optimize.LinProgIPM,
}

// costParam is the objective c of linprog and milp.
var costParam = lang.Param{Name: "c", Doc: "the costs: a vector, one per variable"}

var linprogBuiltins = []*lang.Builtin{
	{
		Name: "linprog", Params: []lang.Param{costParam}, Topic: "optimize",
		Methods: slices.Sorted(maps.Keys(linprogMethods)),
		Options: []lang.Opt{{Name: "A_ub", Doc: "the matrix of the inequalities A_ub·x <= b_ub"}, {Name: "b_ub", Doc: "the right sides of the inequalities"}, {Name: "A_eq", Doc: "the matrix of the equations A_eq·x = b_eq"}, {Name: "b_eq", Doc: "the right sides of the equations"}, {Name: "bounds", Doc: "nil (x >= 0), one [lo, hi] pair for all, or one per variable"}, {Name: "integrality", Doc: "0 (continuous) or 1 (integer) per variable, as milp"}, methodOpt, {Name: "maxiter", Doc: "the most simplex or interior point iterations"}},
		Doc: "Minimizes c·x under linear constraints.\n" +
			"Minimizes c·x subject to A_ub·x <= b_ub, A_eq·x = b_eq and bounds, as scipy.optimize.linprog. bounds: nil\n" +
			"(x >= 0, scipy's default), one [lo, hi] pair for all, or one per variable (nil: no bound). method \"highs\"\n" +
			"(the default) or \"highs-ds\" is a bounded dual simplex method, \"simplex\" or \"revised simplex\" the bounded\n" +
			"primal simplex method in two phases (both give a vertex); \"highs-ipm\" or \"interior-point\" is Mehrotra's\n" +
			"primal-dual interior point method (a point inside the optimal face when it is not a vertex). Returns a\n" +
			"record x, fun, slack, con, success, status (0 optimal, 1 iteration limit, 2 infeasible, 3 unbounded,\n" +
			"4 numerical trouble), message, nit and the marginals (dual values) ineqlin, eqlin, lower, upper;\n" +
			"x, fun, slack and con are nil when the problem is infeasible or unbounded (scipy's None).\n" +
			"integrality (0/1 per variable) solves the mixed-integer problem as milp does.",
		Example: "linprog([-1, 4], {A_ub: [[-3, 1], [1, 2]], b_ub: [6, 4], bounds: [[nil, nil], [-3, nil]]}).x",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			solve := linprogMethods[opts.Method("method", "highs")]
			c := numberVector(args[0], "c")
			n := len(c)
			p := optimize.LP{C: c, Bounds: linprogBounds(opts.Get("bounds", lang.Nil), n)}
			for _, m := range []struct {
				a, b string
				rows *[][]float64
				rhs  *[]float64
			}{{"A_ub", "b_ub", &p.AUb, &p.BUb}, {"A_eq", "b_eq", &p.AEq, &p.BEq}} {
				av, bv := opts.Get(m.a, lang.Nil), opts.Get(m.b, lang.Nil)
				if av.IsNil() != bv.IsNil() {
					panic(lang.Errorf("%s and %s go together", m.a, m.b))
				}
				if av.IsNil() {
					continue
				}
				*m.rows, *m.rhs = numberMatrix(av, m.a, n), numberVector(bv, m.b)
				if len(*m.rows) != len(*m.rhs) {
					panic(lang.Errorf("%s has %d rows, but %s has %d entries", m.a, len(*m.rows), m.b, len(*m.rhs)))
				}
			}
			set := &optimize.LPSettings{MaxIter: opts.Int("maxiter", 0)}
			if iv := opts.Get("integrality", lang.Nil); !iv.IsNil() {
				r, err := optimize.MILP(p, integrality(iv, n), &optimize.MILPSettings{LP: *set})
				if err != nil {
					lang.Throw(err)
				}
				return milpResult(r)
			}
			r, err := solve(p, set)
			if err != nil {
				lang.Throw(err)
			}
			rec := lang.NewRecord()
			if r.Status == 2 || r.Status == 3 {
				// Infeasible or unbounded: no point, as scipy's None, so a
				// script that goes on with x stops with an error there.
				for _, name := range []string{"x", "fun", "slack", "con"} {
					rec.Set(name, lang.Nil)
				}
			} else {
				rec.Set("x", vecValue(r.X))
				rec.Set("fun", lang.Num(r.Fun))
				rec.Set("slack", vecValue(r.Slack))
				rec.Set("con", vecValue(r.Con))
			}
			rec.Set("success", lang.Bool(r.Success))
			rec.Set("status", count(r.Status))
			rec.Set("message", lang.Str(r.Message))
			rec.Set("nit", count(r.Nit))
			if r.Success {
				lo, hi := make([]float64, n), make([]float64, n)
				for j := range n {
					lo[j], hi[j] = r.X[j], -r.X[j]
					if p.Bounds == nil {
						hi[j] = math.Inf(1)
					} else {
						lo[j] -= p.Bounds.Lower[j]
						hi[j] += p.Bounds.Upper[j]
					}
				}
				rec.Set("ineqlin", marginals(r.IneqLin, r.Slack))
				rec.Set("eqlin", marginals(r.EqLin, r.Con))
				rec.Set("lower", marginals(r.Lower, lo))
				rec.Set("upper", marginals(r.Upper, hi))
			}
			return lang.RecordOf(rec)
		},
	},
	{
		Name: "milp", Params: []lang.Param{costParam}, Topic: "optimize",
		Options: []lang.Opt{{Name: "integrality", Doc: "0 (continuous) or 1 (integer), one for all or one per variable (0)"}, {Name: "bounds", Doc: "{lb, ub} or [lb, ub], numbers or vectors (0 and inf)"}, {Name: "constraints", Doc: "{A, lb, ub} for lb <= A·x <= ub, or a list of them"}, {Name: "maxnodes", Doc: "the most branch and bound nodes (100000)"}},
		Doc: "Minimizes c·x over mixed-integer x.\n" +
			"Minimizes c·x over mixed-integer x, as scipy.optimize.milp: integrality is 0 (continuous) or 1 (integer),\n" +
			"one for all or one per variable (default all continuous); bounds is {lb, ub} or [lb, ub] (numbers or\n" +
			"vectors; default 0 and inf); constraints is {A, lb, ub} (lb <= A·x <= ub; nil sides open) or a list of\n" +
			"them. Branch and bound (best first, on the most fractional variable) over linprog's simplex, to proven\n" +
			"optimality unless maxnodes (100000) runs out. A record x, fun, status, success, message, mip_node_count,\n" +
			"mip_dual_bound, mip_gap.",
		Example: "milp([0, -1], {integrality: 1, constraints: {A: [[-1, 1], [3, 2], [2, 3]], ub: [1, 12, 12]}}).fun",
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			args, opts := a.Options()
			c := numberVector(args[0], "c")
			n := len(c)
			p := optimize.LP{C: c, Bounds: milpBounds(opts.Get("bounds", lang.Nil), n)}
			cons := opts.Get("constraints", lang.Nil)
			list := []lang.Value{cons}
			if items, ok := lang.Items(cons); ok {
				list = items
			}
			for _, con := range list {
				if con.IsNil() {
					continue
				}
				addLinearConstraint(&p, con, n)
			}
			r, err := optimize.MILP(p, integrality(opts.Get("integrality", lang.Nil), n),
				&optimize.MILPSettings{MaxNodes: opts.Int("maxnodes", 0)})
			if err != nil {
				lang.Throw(err)
			}
			return milpResult(r)
		},
	},
}

// milpBounds reads milp's bounds: {lb, ub} or [lb, ub], each a number or
// a vector; nil means scipy's default 0 ≤ x.
func milpBounds(v lang.Value, n int) *optimize.Bounds {
	if v.IsNil() {
		return nil
	}
	var lb, ub lang.Value
	if r := v.Record(); r != nil {
		lb, _ = r.Get("lb")
		ub, _ = r.Get("ub")
	} else if items, ok := lang.Items(v); ok && len(items) == 2 {
		lb, ub = items[0], items[1]
	} else {
		panic(lang.Errorf("bounds must be {lb, ub} or [lb, ub], not %s", lang.Format(v)))
	}
	return &optimize.Bounds{Lower: perVariable(lb, "lb", n, 0), Upper: perVariable(ub, "ub", n, math.Inf(1))}
}

// addLinearConstraint adds scipy's LinearConstraint {A, lb, ub}, lb ≤ A·x
// ≤ ub, to p: rows with lb = ub as equations, the others as one or two
// inequalities.
func addLinearConstraint(p *optimize.LP, v lang.Value, n int) {
	r := v.Record()
	if r == nil {
		panic(lang.Errorf("a constraint must be a record {A, lb, ub}, not %s", lang.Format(v)))
	}
	for _, k := range r.Keys {
		if k != "A" && k != "lb" && k != "ub" {
			panic(lang.Errorf("a constraint has the fields A, lb and ub, not %q", k))
		}
	}
	av, _ := r.Get("A")
	rows := numberMatrix(av, "the constraint's A", n)
	lbv, _ := r.Get("lb")
	ubv, _ := r.Get("ub")
	lb := perVariable(lbv, "the constraint's lb", len(rows), math.Inf(-1))
	ub := perVariable(ubv, "the constraint's ub", len(rows), math.Inf(1))
	for i, row := range rows {
		switch {
		case lb[i] == ub[i]:
			p.AEq, p.BEq = append(p.AEq, row), append(p.BEq, ub[i])
			continue
		case !math.IsInf(ub[i], 1):
			p.AUb, p.BUb = append(p.AUb, row), append(p.BUb, ub[i])
		}
		if !math.IsInf(lb[i], -1) {
			neg := make([]float64, n)
			for j, v := range row {
				neg[j] = -v
			}
			p.AUb, p.BUb = append(p.AUb, neg), append(p.BUb, -lb[i])
		}
	}
}
