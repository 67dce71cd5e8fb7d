package optimize

import (
	"errors"
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
)

// CurveModel is a curve to fit: its value at the point x (one or more
// predictors) for the parameters p.
type CurveModel func(x, p []float64) float64

// CurveGrad writes the gradient of a CurveModel in its parameters, ∂f(x; p)/∂p,
// into grad.
type CurveGrad func(x, p, grad []float64)

// CurveFitSettings tunes CurveFit. The zero value means
// scipy.optimize.curve_fit's defaults.
type CurveFitSettings struct {
	// Sigma holds the uncertainty of each y: the residuals are
	// (f(x_i; p) − y_i)/Sigma[i]. Nil means 1 for every point.
	Sigma []float64
	// SigmaCov is the covariance matrix of the errors in y, scipy's 2-D
	// sigma: the residuals are L⁻¹(f − y) with SigmaCov = L·Lᵀ. It must
	// be symmetric positive definite; it may not be given with Sigma.
	SigmaCov [][]float64
	// AbsoluteSigma takes Sigma as absolute, so that Pcov is the
	// inverse of JᵀJ of the weighted residuals; otherwise Pcov is scaled
	// by the reduced chi-square, the weighted sum of squares over m − n.
	AbsoluteSigma bool
	// Bounds on the parameters; nil means none. With bounds the fit uses
	// LeastSquares' TRF, without them LeastSq (MINPACK), as scipy does.
	Bounds *Bounds
	// TRF fits with LeastSquares' TRF even without bounds, as scipy's
	// method='trf'.
	TRF bool
	// Jac is the model's gradient in its parameters; nil means finite
	// differences: MINPACK's, with step sqrt(EpsFcn)·|p_j| (EpsFcn zero:
	// ε), for LeastSq; Diff's for TRF (scipy's diff_step is its RelStep).
	Jac    CurveGrad
	EpsFcn float64
	Diff   Differences
	// MaxFuncEvals caps the evaluations, scipy's maxfev; zero means the
	// method's default (see LeastSqSettings.MaxFuncEvals and
	// LeastSquaresSettings.MaxFuncEvals).
	MaxFuncEvals int
	// FTol, XTol and GTol are passed to the method; zero means its
	// defaults.
	FTol, XTol, GTol float64
}

// CurveFitResult is what CurveFit found. The embedded Result has X (scipy's
// popt), F (the weighted sum of squares), Status, Success, Message and
// FuncEvals.
type CurveFitResult struct {
	Result
	// Pcov is the estimated covariance of X, as scipy computes it: from
	// MINPACK's cov_x, or the pseudo-inverse of JᵀJ by SVD for TRF,
	// times the reduced chi-square unless AbsoluteSigma. Every entry is
	// +Inf when the covariance cannot be estimated (a singular Jacobian,
	// or no more points than parameters). It is nil when the fit failed.
	Pcov [][]float64
	// Fvec holds the weighted residuals at X.
	Fvec []float64
	// Ier is scipy's ier: MINPACK's info for LeastSq, least_squares'
	// status for TRF.
	Ier int
}

// ErrCurveFitData reports data CurveFit cannot fit.
var ErrCurveFitData = errors.New("optimize: curve_fit needs as many finite x points as y values, and at least one")

// CurveFit fits model(x; p) to the points (xdata[i], ydata[i]) by
// weighted nonlinear least squares from the starting parameters p0, as
// scipy.optimize.curve_fit: it minimizes Σ ((f(x_i; p) − y_i)/σ_i)² with
// LeastSq (MINPACK's Levenberg–Marquardt) or, with bounds or TRF set,
// LeastSquares' trust-region reflective method, and estimates the
// covariance of the parameters from the Jacobian J of the weighted
// residuals at the solution: pcov = (JᵀJ)⁻¹·s² with s² = χ²/(m − n),
// the linearized estimate of, e.g., Bates and Watts, Nonlinear Regression
// Analysis and Its Applications, Wiley, 1988, §2.3.
//
// A fit that does not converge returns Success false and scipy's
// message, "Optimal parameters not found: …", with nil Pcov; bad shapes
// and non-finite data return an error.
func CurveFit(model CurveModel, xdata [][]float64, ydata, p0 []float64, s *CurveFitSettings) (*CurveFitResult, error) {
	var set CurveFitSettings
	if s != nil {
		set = *s
	}
	m, n := len(ydata), len(p0)
	if err := vecCheckStart(p0); err != nil {
		return nil, err
	}
	if m == 0 || len(xdata) != m {
		return nil, ErrCurveFitData
	}
	for i := range ydata {
		if !leastsqFinite(xdata[i]) || !leastsqFinite(ydata[i:i+1]) {
			return nil, ErrCurveFitData
		}
	}
	white, err := curveFitWhitener(set.Sigma, set.SigmaCov, m)
	if err != nil {
		return nil, err
	}

	r := func(p, out []float64) {
		for i, x := range xdata {
			out[i] = model(x, p) - ydata[i]
		}
		white(out, 1)
	}
	var jac Jacobian
	if set.Jac != nil {
		jac = func(p, J []float64) {
			for i, x := range xdata {
				set.Jac(x, p, J[i*n:(i+1)*n])
			}
			white(J, n)
		}
	}

	res := &CurveFitResult{}
	var cov [][]float64
	if set.Bounds == nil && !set.TRF {
		if n > m {
			return nil, fmt.Errorf("optimize: curve_fit: the number of parameters %d must not exceed the number of data points %d", n, m)
		}
		out, err := LeastSq(r, jac, p0, m, &LeastSqSettings{FTol: set.FTol, XTol: set.XTol, GTol: set.GTol, MaxFuncEvals: set.MaxFuncEvals, EpsFcn: set.EpsFcn})
		if err != nil {
			return nil, err
		}
		res.Result, res.Fvec, res.Ier, cov = out.Result, out.Fvec, out.Ier, out.Cov
	} else {
		out, err := LeastSquares(r, jac, p0, m, set.Bounds, &LeastSquaresSettings{FTol: set.FTol, XTol: set.XTol, GTol: set.GTol, MaxFuncEvals: set.MaxFuncEvals, Diff: set.Diff})
		if err != nil {
			return nil, err
		}
		res.Result, res.Fvec, res.Ier = out.Result, out.Fun, out.TermStatus
		res.F = 2 * out.F
		res.Grad = nil
		if out.Success {
			cov = curveFitPinv(out.Jac)
		}
	}
	if !res.Success {
		res.Message = "Optimal parameters not found: " + res.Message
		return res, nil
	}

	switch {
	case cov == nil || !set.AbsoluteSigma && m <= n:
		cov = make([][]float64, n)
		for i := range cov {
			cov[i] = make([]float64, n)
			for j := range cov[i] {
				cov[i][j] = math.Inf(1)
			}
		}
	case !set.AbsoluteSigma:
		s2 := res.F / float64(m-n)
		for i := range cov {
			for j := range cov[i] {
				cov[i][j] *= s2
			}
		}
	}
	res.Pcov = cov
	return res, nil
}

// curveFitWhitener returns the map that weights residuals, or the rows
// of a Jacobian with cols columns, in place: division by σ_i, or L⁻¹
// (forward substitution) for a covariance SigmaCov = L·Lᵀ.
func curveFitWhitener(sigma []float64, sigmaCov [][]float64, m int) (func(v []float64, cols int), error) {
	switch {
	case sigma != nil && sigmaCov != nil:
		return nil, errors.New("optimize: curve_fit takes Sigma or SigmaCov, not both")
	case sigma != nil:
		if len(sigma) != m {
			return nil, fmt.Errorf("optimize: curve_fit: sigma has length %d, want %d", len(sigma), m)
		}
		return func(v []float64, cols int) {
			for i, si := range sigma {
				for j := i * cols; j < (i+1)*cols; j++ {
					v[j] /= si
				}
			}
		}, nil
	case sigmaCov != nil:
		sym := mat.NewSymDense(m, nil)
		if len(sigmaCov) != m {
			return nil, fmt.Errorf("optimize: curve_fit: SigmaCov has %d rows, want %d", len(sigmaCov), m)
		}
		for i, row := range sigmaCov {
			if len(row) != m {
				return nil, fmt.Errorf("optimize: curve_fit: SigmaCov row %d has length %d, want %d", i, len(row), m)
			}
			for j := i; j < m; j++ {
				sym.SetSym(i, j, row[j])
			}
		}
		var chol mat.Cholesky
		if !chol.Factorize(sym) {
			return nil, errors.New("optimize: curve_fit: `sigma` must be positive definite")
		}
		var l mat.TriDense
		chol.LTo(&l)
		return func(v []float64, cols int) {
			for c := 0; c < cols; c++ {
				for i := 0; i < m; i++ {
					sum := v[i*cols+c]
					for k := 0; k < i; k++ {
						sum -= l.At(i, k) * v[k*cols+c]
					}
					v[i*cols+c] = sum / l.At(i, i)
				}
			}
		}, nil
	}
	return func([]float64, int) {}, nil
}

// curveFitPinv is (JᵀJ)⁺ by the SVD of J, dropping singular values at or
// below ε·max(m, n)·s_max, as scipy's curve_fit does after least_squares.
func curveFitPinv(jac [][]float64) [][]float64 {
	m, n := len(jac), len(jac[0])
	a := mat.NewDense(m, n, nil)
	for i, row := range jac {
		a.SetRow(i, row)
	}
	var svd mat.SVD
	if !svd.Factorize(a, mat.SVDThin) {
		return nil
	}
	s := svd.Values(nil)
	var v mat.Dense
	svd.VTo(&v)
	threshold := consEps * float64(max(m, n)) * s[0]
	cov := make([][]float64, n)
	for i := range cov {
		cov[i] = make([]float64, n)
		for j := range cov[i] {
			for k, sk := range s {
				if sk > threshold {
					cov[i][j] += v.At(i, k) * v.At(j, k) / (sk * sk)
				}
			}
		}
	}
	return cov
}
