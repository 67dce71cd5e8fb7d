package roots

import (
	"errors"
	"math"
	"strings"
	"testing"
)

// libmSystems call exp, sin or cos (see the note in catalogue_test.go).
var libmSystems = map[string]bool{"trig2": true, "burden3": true, "powell_badly_scaled": true, "powell4": true}

func closeVec(got, want []float64, tol float64) bool {
	if len(got) != len(want) {
		return false
	}
	for i := range got {
		if !(math.Abs(got[i]-want[i]) <= tol*math.Max(1, math.Abs(want[i]))) {
			return false
		}
	}
	return true
}

func flatten(m [][]float64) []float64 {
	var v []float64
	for _, r := range m {
		v = append(v, r...)
	}
	return v
}

func TestHybrAgainstScipy(t *testing.T) {
	d := loadScipy(t)
	for _, c := range d.Fsolve {
		p := systems[c.Problem]
		name := c.Problem
		var jac func(x, j []float64)
		if c.Jac {
			jac = p.jac
			name += "/jac"
		}
		if c.MaxFuncEvals != 0 {
			name += "/maxfev"
		}
		res, err := Hybr(p.f, jac, p.x0, &HybrSettings{MaxFuncEvals: c.MaxFuncEvals})
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if res.Ier != c.Ier || res.NFev != c.NFev || res.NJev != c.NJev || res.Message != c.Message {
			t.Errorf("%s: ier %d, nfev %d, njev %d, %q; scipy %d, %d, %d, %q",
				name, res.Ier, res.NFev, res.NJev, res.Message, c.Ier, c.NFev, c.NJev, c.Message)
		}
		tol := 1e-9
		if libmSystems[c.Problem] {
			tol = 1e-6
		}
		if !closeVec(res.X, c.X, tol) {
			t.Errorf("%s: x %v, scipy %v", name, res.X, c.X)
		}
		if !closeVec(res.Fvec, c.Fvec, tol) || !closeVec(res.Qtf, c.Qtf, tol) ||
			!closeVec(res.R, c.R, tol) || !closeVec(res.Fjac, flatten(c.Fjac), tol) {
			t.Errorf("%s: fvec, qtf, r or fjac differ from scipy's\nfjac %v\n     %v\nr %v\n  %v", name, res.Fjac, c.Fjac, res.R, c.R)
		}
		if res.Success != (c.Ier == 1) {
			t.Errorf("%s: success %v for ier %d", name, res.Success, c.Ier)
		}
		if res.Success && p.sol != nil && !closeVec(res.X, p.sol, 1e-6) {
			t.Errorf("%s: x %v, published %v", name, res.X, p.sol)
		}
	}
}

func TestHybrErrors(t *testing.T) {
	p := systems["cubic2"]
	nan := func(x, f []float64) { f[0], f[1] = math.Log(x[0])+10, x[1] }
	_, err := Hybr(nan, nil, []float64{1, 1}, nil)
	var ne *NaNError
	if !errors.As(err, &ne) {
		t.Errorf("NaN: %v", err)
	}
	if _, err := Hybr(p.f, nil, nil, nil); err == nil {
		t.Error("an empty x0 is accepted")
	}
	if _, err := Hybr(p.f, nil, p.x0, &HybrSettings{Diag: []float64{1, -1}}); err == nil {
		t.Error("a negative diag is accepted")
	}
	res, err := Hybr(systems["noroot2"].f, nil, []float64{1, 0}, nil)
	if err != nil || res.Success || !strings.Contains(res.Message, "not making good progress") {
		t.Errorf("no solution: %v %+v", err, res)
	}
}

func TestLMAgainstScipy(t *testing.T) {
	d := loadScipy(t)
	for _, c := range d.LM {
		p := systems[c.Problem]
		name := c.Problem
		var jac func(x, j []float64)
		if c.Jac {
			jac = p.jac
			name += "/jac"
		}
		res, err := LM(p.f, jac, p.x0, nil)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if res.Ier != c.Status || res.NFev != c.NFev || res.NJev != c.NJev || res.Message != c.Message || res.Success != c.Success {
			t.Errorf("%s: status %d, nfev %d, njev %d, %v %q; scipy %d, %d, %d, %v %q",
				name, res.Ier, res.NFev, res.NJev, res.Success, res.Message, c.Status, c.NFev, c.NJev, c.Success, c.Message)
		}
		tol := 1e-9
		if libmSystems[c.Problem] {
			tol = 1e-6
		}
		if !closeVec(res.X, c.X, tol) || !closeVec(res.Fvec, c.Fvec, tol) || !closeVec(res.Qtf, c.Qtf, tol) {
			t.Errorf("%s: x %v, fvec %v, qtf %v; scipy %v, %v, %v", name, res.X, res.Fvec, res.Qtf, c.X, c.Fvec, c.Qtf)
		}
		for j, p := range c.Ipvt {
			// burden3's final difference Jacobian has a column of
			// rounding noise, whose place in the pivoting follows the
			// last bits of sin and exp.
			if res.Ipvt[j] != p && !libmSystems[c.Problem] {
				t.Errorf("%s: ipvt %v, scipy %v", name, res.Ipvt, c.Ipvt)
				break
			}
		}
	}
}
