package builtins_test

import (
	"math"
	"strconv"
	"strings"
	"testing"

	"calc/builtins"
)

// TestTrustRegionBindings checks the trust-region methods through
// minimize with autodiff's Hessian: dogleg follows scipy 1.10 exactly
// (Rosenbrock from [-1.2, 1] with rosen_hess: nit 23, nfev 24, njev 21,
// nhev 20, stdlib/optimize/testdata/scipy_trust.json), and every method
// reaches [1, 1]; a user hessp and callback are called.
func TestTrustRegionBindings(t *testing.T) {
	s := builtins.NewSession()
	for _, src := range []string{
		"rosen(x) = sum(100*(x[1:] - x[:-1]**2)**2 + (1 - x[:-1])**2)",
		"H = hessian(rosen)",
		"hp(x, p) = dot(H(x), p)",
	} {
		if _, err := s.Eval(src); err != nil {
			t.Fatal(err)
		}
	}
	for src, want := range map[string][]float64{
		`let r = minimize(rosen, [-1.2, 1], {method: "dogleg"}); [r.nit, r.nfev, r.njev, r.nhev]`: {23, 24, 21, 20},
		`minimize(rosen, [-1.2, 1], {method: "trust-ncg"}).x`:                                     {1, 1},
		`minimize(rosen, [-1.2, 1], {method: "trust-exact"}).x`:                                   {1, 1},
		`minimize(rosen, [-1.2, 1], {method: "trust-krylov", gtol: 1e-8}).x`:                      {1, 1},
		`minimize(rosen, [-1.2, 1], {method: "trust-ncg", hessp: hp, gtol: 1e-8}).x`:              {1, 1},
		`minimize(rosen, [-1.2, 1], {method: "trust-exact", hess: H, gtol: 1e-8}).x`:              {1, 1},
	} {
		v, err := s.Eval(src)
		if err != nil {
			t.Errorf("%s: %v", src, err)
			continue
		}
		got := v.Array().Floats()
		for i := range want {
			if d := got[i] - want[i]; d > 1e-6 || d < -1e-6 {
				t.Errorf("%s = %v, want %v", src, got, want)
				break
			}
		}
	}
	if _, err := s.Eval(`minimize(rosen, [-1.2, 1], {method: "BFGS", hessp: hp})`); err == nil {
		t.Error("BFGS accepted hessp, which it does not read")
	}
}

// TestLeastSquaresLoss checks least_squares' loss and f_scale through
// the language: soft_l1 and huber resist an outlier that pulls the
// linear fit (stdlib/optimize compares every loss with scipy 1.10).
func TestLeastSquaresLoss(t *testing.T) {
	s := builtins.NewSession()
	for _, src := range []string{
		"ts = [0, 1, 2, 3, 4, 5, 6, 7]",
		"ys = 2*ts + 1 + [0, 0, 0, 0, 0, 29, 0, 0]",
		"res(p) = p[0] + p[1]*ts - ys",
	} {
		if _, err := s.Eval(src); err != nil {
			t.Fatal(err)
		}
	}
	for _, loss := range []string{"soft_l1", "huber", "cauchy", "arctan"} {
		v, err := s.Eval(`least_squares(res, [0, 0], {loss: "` + loss + `", f_scale: 0.1}).x`)
		if err != nil {
			t.Fatal(err)
		}
		if d := v.Array().Floats(); d[1] < 1.9 || d[1] > 2.3 {
			t.Errorf("%s: slope %v, want about 2 despite the outlier", loss, d[1])
		}
	}
	for _, src := range []string{`least_squares(res, [0, 0], {loss: "l2"})`, `least_squares(res, [0, 0], {loss: "huber", method: "lm"})`} {
		if _, err := s.Eval(src); err == nil {
			t.Errorf("%s: no error", src)
		}
	}
}

// TestCurveFitCovariance checks curve_fit with a 2-D sigma (the errors'
// covariance) against scipy 1.10: curve_fit(lambda x, a, b: a*x + b,
// [0, 1, 2, 3, 4], [1.1, 2.9, 5.2, 7.1, 8.8], sigma=S) with S tridiagonal
// (1 on the diagonal, 0.5 beside it, times 0.04) gives popt [1.925,
// 1.18333333] and pcov [[0.00701389, -0.01402778], [-0.01402778,
// 0.04675926]].
func TestCurveFitCovariance(t *testing.T) {
	s := builtins.NewSession()
	v, err := s.Eval(`curve_fit(a*x + b, [0, 1, 2, 3, 4], [1.1, 2.9, 5.2, 7.1, 8.8], {sigma: 0.04*[[1, 0.5, 0, 0, 0],
		[0.5, 1, 0.5, 0, 0], [0, 0.5, 1, 0.5, 0], [0, 0, 0.5, 1, 0.5], [0, 0, 0, 0.5, 1]]})`)
	if err != nil {
		t.Fatal(err)
	}
	popt, _ := v.Record().Get("popt")
	pcov, _ := v.Record().Get("pcov")
	want := []float64{1.925, 1.1833333333333333}
	wantCov := []float64{0.00701389, -0.01402778, -0.01402778, 0.04675926}
	for i, w := range want {
		if d := popt.Array().Floats()[i] - w; d > 1e-9 || d < -1e-9 {
			t.Errorf("popt %v, scipy %v", popt.Array().Floats(), want)
		}
	}
	for i, w := range wantCov {
		if d := pcov.Array().Floats()[i] - w; d > 1e-8 || d < -1e-8 {
			t.Errorf("pcov %v, scipy %v", pcov.Array().Floats(), wantCov)
		}
	}
	if _, err := s.Eval(`curve_fit(a*x + b, [0, 1, 2], [1, 2, 3], {sigma: [[1, 0], [0, 1]]})`); err == nil {
		t.Error("a 2×2 sigma for 3 points was accepted")
	}
}

// TestHessInv checks hess_inv in BFGS's and L-BFGS-B's results against
// scipy 1.10 on Rosenbrock's function from [-1.2, 1] (L-BFGS-B's is
// scipy's LbfgsInvHessProduct.todense()).
func TestHessInv(t *testing.T) {
	s := builtins.NewSession()
	if _, err := s.Eval("rosen(x) = sum(100*(x[1:] - x[:-1]**2)**2 + (1 - x[:-1])**2)"); err != nil {
		t.Fatal(err)
	}
	for src, want := range map[string][]float64{
		`minimize(rosen, [-1.2, 1]).hess_inv`:                       {0.5018600871400011, 1.0031532553030003, 1.0031532553029952, 2.0102746518490346},
		`minimize(rosen, [-1.2, 1], {method: "L-BFGS-B"}).hess_inv`: {0.3758209551643613, 0.6942799834902965, 0.694279983490297, 1.2868636264516788},
	} {
		v, err := s.Eval(src)
		if err != nil {
			t.Fatal(err)
		}
		for i, w := range want {
			if d := v.Array().Floats()[i] - w; d > 1e-7 || d < -1e-7 {
				t.Errorf("%s = %v, scipy %v", src, v.Array().Floats(), want)
				break
			}
		}
	}
}

// TestJacTrue checks minimize with jac: true, where the function returns
// (value, gradient): scipy 1.10's BFGS takes 3 evaluations of it and
// reaches [3, -1]; Nelder–Mead uses the value only ([2.99996771,
// -1.00002727], as scipy's).
func TestJacTrue(t *testing.T) {
	s := builtins.NewSession()
	if _, err := s.Eval("fg(v) = [(v[0] - 3)**2 + (v[1] + 1)**2, [2*(v[0] - 3), 2*(v[1] + 1)]]"); err != nil {
		t.Fatal(err)
	}
	for src, want := range map[string][]float64{
		`let r = minimize(fg, [0, 0], {jac: true}); [r.x[0], r.x[1], r.nfev, r.njev]`: {3, -1, 3, 3},
		`minimize(fg, [0, 0], {jac: true, method: "Nelder-Mead"}).x`:                  {2.99996771, -1.00002727},
	} {
		v, err := s.Eval(src)
		if err != nil {
			t.Fatal(err)
		}
		for i, w := range want {
			if d := v.Array().Floats()[i] - w; d > 1e-7 || d < -1e-7 {
				t.Errorf("%s = %v, scipy %v", src, v.Array().Floats(), want)
				break
			}
		}
	}
	if _, err := s.Eval("minimize(fg, [0, 0, 0], {jac: true})"); err == nil {
		t.Error("a gradient of the wrong length was accepted")
	}
}

// TestDogboxBinding checks least_squares' method dogbox through the
// language on scipy's bounded Rosenbrock example: x = [1.22437075, 1.5],
// cost 0.0252130939, active_mask [0, -1] (scipy 1.10, exact Jacobian).
func TestDogboxBinding(t *testing.T) {
	s := builtins.NewSession()
	v, err := s.Eval(`least_squares([10*(y - x**2), 1 - x], [2, 2], {method: "dogbox", bounds: [[-inf, 1.5], [inf, inf]]})`)
	if err != nil {
		t.Fatal(err)
	}
	x, _ := v.Record().Get("x")
	cost, _ := v.Record().Get("cost")
	if d := x.Array().Floats(); math.Abs(d[0]-1.2243707487446318) > 1e-8 || d[1] != 1.5 || math.Abs(cost.Float()-0.02521309394680354) > 1e-10 {
		t.Errorf("x %v cost %v", d, cost.Float())
	}
}

// TestCallback checks minimize's callback: CG on Rosenbrock's function
// calls it with scipy 1.10's iterates ([-1.02827682, 1.07009109],
// [-0.91547178, 0.80713404], [-0.47778908, 0.19985726] for maxiter 3), and
// a method that does not read it refuses it.
func TestCallback(t *testing.T) {
	s := builtins.NewSession()
	var out strings.Builder
	s.Out = &out
	for _, src := range []string{
		"rosen(x) = sum(100*(x[1:] - x[:-1]**2)**2 + (1 - x[:-1])**2)",
		"show(x) = print(x[0])",
		`minimize(rosen, [-1.2, 1], {method: "CG", callback: show, maxiter: 3})`,
	} {
		if _, err := s.Eval(src); err != nil {
			t.Fatal(err)
		}
	}
	var got []float64
	for _, line := range strings.Fields(out.String()) {
		if v, err := strconv.ParseFloat(line, 64); err == nil {
			got = append(got, v)
		}
	}
	want := []float64{-1.02827682, -0.91547178, -0.47778908}
	if len(got) != 3 {
		t.Fatalf("callback printed %q", out.String())
	}
	for i := range want {
		if math.Abs(got[i]-want[i]) > 1e-7 {
			t.Errorf("callback saw %v, scipy %v", got, want)
		}
	}
}

// TestTrustConstrBinding checks minimize(method: "trust-constr") on
// scipy's constrained example ([1.4, 1.7], fun 0.8) and HS071 with an
// equation, an inequality and bounds (17.0140173, Hock and Schittkowski).
func TestTrustConstrBinding(t *testing.T) {
	s := builtins.NewSession()
	for src, want := range map[string][]float64{
		`minimize((x - 1)**2 + (y - 2.5)**2, [2, 0], {method: "trust-constr", bounds: [[0, nil], [0, nil]],
			constraints: [{type: "ineq", fun: x - 2*y + 2}, {type: "ineq", fun: -x - 2*y + 6}, {type: "ineq", fun: -x + 2*y + 2}]}).x`: {1.4, 1.7},
		`[minimize(a*d*(a + b + c) + c, [1, 5, 5, 1], {method: "trust-constr", bounds: [[1, 5], [1, 5], [1, 5], [1, 5]],
			constraints: [{type: "ineq", fun: a*b*c*d - 25}, {type: "eq", fun: a**2 + b**2 + c**2 + d**2 - 40}]}).fun]`: {17.0140173},
	} {
		v, err := s.Eval(src)
		if err != nil {
			t.Fatal(err)
		}
		for i, w := range want {
			if d := v.Array().Floats()[i] - w; d > 1e-6 || d < -1e-6 {
				t.Errorf("%s = %v, want %v", src, v.Array().Floats(), want)
				break
			}
		}
	}
	if _, err := s.Eval(`minimize(x**2, [1], {method: "BFGS", barrier_tol: 1e-6})`); err == nil {
		t.Error("BFGS accepted barrier_tol")
	}
}
