package builtins

import "calc/lang"

// The options several builtins share, declared once (see lang.Opt).
var (
	axisOpt       = lang.Opt{Name: "axis", Doc: "the axis to work along (as the positional axis)"}
	argsOpt       = lang.Opt{Name: "args", Doc: "extra arguments passed to the function after the point; an expression takes the point by its name (x; y and t for an ODE) and args for its other symbols, alphabetically"}
	maxiterOpt    = lang.Opt{Name: "maxiter", Doc: "the most iterations (0 or unset: the method's default)"}
	xtolOpt       = lang.Opt{Name: "xtol", Doc: "the absolute tolerance on x"}
	rtolOpt       = lang.Opt{Name: "rtol", Doc: "the relative tolerance"}
	ftolOpt       = lang.Opt{Name: "ftol", Doc: "the tolerance on the function's value"}
	gtolOpt       = lang.Opt{Name: "gtol", Doc: "the tolerance on the gradient"}
	tolOpt        = lang.Opt{Name: "tol", Doc: "the tolerance, mapped to the method's own as scipy maps it"}
	fullOutputOpt = lang.Opt{Name: "full_output", Doc: "true: a record of scipy's full output rather than the answer alone"}
	dispOpt       = lang.Opt{Name: "disp", Doc: "false: print no report"}
	maxfevOpt     = lang.Opt{Name: "maxfev", Doc: "the most function evaluations"}
	maxfunOpt     = lang.Opt{Name: "maxfun", Doc: "the most function evaluations"}
	epsfcnOpt     = lang.Opt{Name: "epsfcn", Doc: "the step of the forward-difference Jacobian, relative to x"}
	factorOpt     = lang.Opt{Name: "factor", Doc: "the initial step bound of MINPACK's trust region (100)"}
	seedOpt       = lang.Opt{Name: "seed", Doc: "the random seed (0), so that runs repeat"}
	boundsOpt     = lang.Opt{Name: "bounds", Doc: "a [lo, hi] pair per variable, nil for an open side"}
	dxOpt         = lang.Opt{Name: "dx", Doc: "the spacing of the samples when x is not given (1)"}
	borderOpt     = lang.Opt{Name: "border", Doc: "how the image extends past its edges, as OpenCV names it (reflect_101)"}
	scaleOpt      = lang.Opt{Name: "scale", Doc: "a factor on the computed values (1)"}
	deltaOpt      = lang.Opt{Name: "delta", Doc: "a value added to each output pixel (0)"}
	ddepthOpt     = lang.Opt{Name: "ddepth", Doc: "the output's depth: -1 for the input's, or a name such as uint8 or float64"}
	iterationsOpt = lang.Opt{Name: "iterations", Doc: "how many times to apply it (1)"}
	dtypeOpt      = lang.Opt{Name: "dtype", Doc: "the element type written: float64, int64, bool or uint8 (as the array holds if left out: bool for a mask, uint8 for an 8-bit image, else float64)"}
	fprimeOpt     = lang.Opt{Name: "fprime", Doc: "the derivative (gradient) as a function, in place of autodiff's"}
	fprime2Opt    = lang.Opt{Name: "fprime2", Doc: "the second derivative as a function, in place of autodiff's"}
	methodOpt     = lang.Opt{Name: "method", Doc: "one of the methods above; an option marked with methods applies to those only"}
	x0Opt         = lang.Opt{Name: "x0", Doc: "the starting point"}
	x1Opt         = lang.Opt{Name: "x1", Doc: "a second starting point (for the secant method)"}
	rowvarOpt     = lang.Opt{Name: "rowvar", Doc: "true (default): each row is a variable; false: each column"}
	ddofOpt       = lang.Opt{Name: "ddof", Doc: "the delta degrees of freedom: the divisor is n - ddof (0)"}
)
