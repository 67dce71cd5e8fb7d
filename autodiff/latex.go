package autodiff

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Latex returns n as a LaTeX formula (math mode, without the dollars),
// simplified as String writes it, with numbers rounded as Format does:
// 2*x*sin(x) + x**2*cos(x) is 2 x \sin\left(x\right) + x^{2} \cos\left(x\right).
// Notebooks render it; the printer is the same as String's, so the two
// forms cannot disagree.
func Latex(n *Node, digits int) string {
	s, _ := printer{digits: digits, tex: true}.format(n)
	return s
}

// product joins the factors of a product: with * in calc's syntax, side
// by side in LaTeX (a coefficient is always the first factor).
func (pr printer) product(factors []string) string {
	if pr.tex {
		return strings.Join(factors, " ")
	}
	return strings.Join(factors, "*")
}

// texFraction writes a fraction.
func texFraction(num, den string) string { return `\frac{` + num + "}{" + den + "}" }

// texComparisons are the comparison operators in LaTeX.
var texComparisons = map[string]string{"<": "<", "<=": `\le`, ">": ">", ">=": `\ge`, "==": "=", "!=": `\ne`}

// texConstants are the named constants of recognize in LaTeX.
var texConstants = map[string]string{"pi": `\pi`, "log(2)": `\log(2)`, "log(10)": `\log(10)`}

// texFunctions are the functions LaTeX has commands for; the others are
// written with \operatorname.
var texFunctions = map[string]string{
	"sin": `\sin`, "cos": `\cos`, "tan": `\tan`, "asin": `\arcsin`, "acos": `\arccos`, "atan": `\arctan`,
	"sinh": `\sinh`, "cosh": `\cosh`, "tanh": `\tanh`, "exp": `\exp`, "log": `\log`,
	"log10": `\log_{10}`, "log2": `\log_{2}`, "min": `\min`, "max": `\max`,
	"gamma": `\Gamma`, "digamma": `\psi`,
}

func texFunction(name string) string {
	if t, ok := texFunctions[name]; ok {
		return t
	}
	return `\operatorname{` + strings.ReplaceAll(name, "_", `\_`) + "}"
}

// greek are the names of Greek letters, which LaTeX writes as letters.
var greek = map[string]bool{
	"alpha": true, "beta": true, "gamma": true, "delta": true, "epsilon": true, "zeta": true, "eta": true,
	"theta": true, "iota": true, "kappa": true, "lambda": true, "mu": true, "nu": true, "xi": true,
	"pi": true, "rho": true, "sigma": true, "tau": true, "upsilon": true, "phi": true, "chi": true,
	"psi": true, "omega": true, "Gamma": true, "Delta": true, "Theta": true, "Lambda": true, "Xi": true,
	"Pi": true, "Sigma": true, "Upsilon": true, "Phi": true, "Psi": true, "Omega": true,
}

// texName writes a symbol's name: one letter as it is, a Greek letter's
// name as the letter, longer names upright, and trailing digits or a
// part after an underscore as a subscript (x1 is x_{1}, v_max v_{max}).
func texName(name string) string {
	base, sub := name, ""
	if i := strings.IndexByte(name, '_'); i > 0 && i < len(name)-1 {
		base, sub = name[:i], name[i+1:]
	} else if i := strings.LastIndexFunc(name, func(r rune) bool { return !unicode.IsDigit(r) }); i >= 0 && i < len(name)-1 {
		base, sub = name[:i+1], name[i+1:]
	}
	switch {
	case greek[base]:
		base = `\` + base
	case utf8.RuneCountInString(base) > 1:
		base = `\mathrm{` + base + "}"
	}
	if sub == "" {
		return base
	}
	if utf8.RuneCountInString(sub) > 1 && strings.IndexFunc(sub, unicode.IsLetter) >= 0 {
		sub = `\mathrm{` + strings.ReplaceAll(sub, "_", `\_`) + "}"
	}
	return base + "_{" + sub + "}"
}

// texNumber writes a number as calc prints it in LaTeX: 1.5e-05 as
// 1.5 \times 10^{-5}, inf as \infty.
func texNumber(s string) string {
	sign := ""
	if rest, ok := strings.CutPrefix(s, "-"); ok {
		sign, s = "-", rest
	}
	switch s {
	case "inf":
		return sign + `\infty`
	case "nan":
		return `\mathrm{nan}`
	}
	mant, exp, ok := strings.Cut(s, "e")
	if !ok {
		return sign + s
	}
	expSign := ""
	if exp[0] == '-' {
		expSign = "-"
	}
	exp = strings.TrimLeft(exp, "+-0")
	if exp == "" {
		exp = "0"
	}
	return sign + mant + ` \times 10^{` + expSign + exp + "}"
}
