// Package builtins holds every function a calc user can call, each
// registered with its help text and a runnable example. The tables are
// grouped one file per topic; All returns them in help's topic order.
package builtins

import (
	"math"

	"calc/lang"
)

// topics names the help topics in the order help shows them, each with a
// few words on what it holds.
var topics = []struct{ name, summary string }{
	{"core", "values, types, printing and help"},
	{"math", "elementwise functions and constants"},
	{"arrays", "making, shaping, indexing and reducing arrays"},
	{"data", "CSV, text, .npy/.npz and JSON files; saved variables"},
	{"statistics", "medians, percentiles, spread, correlation, histograms"},
	{"linalg", "matrix products, solving, decompositions"},
	{"polynomials", "evaluating, fitting and solving polynomials"},
	{"interpolate", "interpolation between points: linear, nearest, splines"},
	{"signal", "Fourier transforms, convolution and correlation"},
	{"functional", "map, filter, reduce, sorting and friends"},
	{"calculus", "derivatives, gradients, integrals, series"},
	{"optimize", "minimizing functions, fitting curves"},
	{"roots", "solving equations f(x) = 0"},
	{"ode", "ordinary differential equations"},
	{"special", "special functions (gamma, erf, Bessel, Airy)"},
	{"images", "reading, filtering and writing images"},
	{"nn", "small neural networks, trained by gradients"},
	{"plots", "figures: lines, scatter, contours, histograms"},
}

// Topics lists the help topics in the order help shows them.
var Topics = func() []string {
	names := make([]string, len(topics))
	for i, t := range topics {
		names[i] = t.name
	}
	return names
}()

// topicSummary says in a few words what a topic holds.
func topicSummary(topic string) string {
	for _, t := range topics {
		if t.name == topic {
			return t.summary
		}
	}
	return ""
}

// solverTopics are the topics of the numerical solvers, whose numeric
// results cannot carry a derivative (see lang.Builtin's Solver).
var solverTopics = map[string]bool{"optimize": true, "roots": true, "ode": true}

// All returns every builtin, grouped by topic.
func All() []*lang.Builtin {
	var all []*lang.Builtin
	for _, group := range [][]*lang.Builtin{
		coreBuiltins, mathBuiltins(), complexBuiltins, arrayBuiltins, arrayOpsBuiltins, ioBuiltins, varsBuiltins,
		statisticsBuiltins, polynomialBuiltins, interpolateBuiltins, signalBuiltins, spectralBuiltins, linalgBuiltins, functionalBuiltins,
		calculusBuiltins, optimizeBuiltins, linprogBuiltins, scalarMinBuiltins, leastSquaresBuiltins, globalBuiltins, rootsBuiltins,
		odeBuiltins, quadBuiltins, imageBuiltins, nnBuiltins, plotBuiltins, surfaceBuiltins, markBuiltins,
	} {
		all = append(all, group...)
	}
	for _, b := range all {
		b.Solver = solverTopics[b.Topic]
	}
	return all
}

// Constants returns the named constants bound in every new session; NaN
// and Inf as Octave and MATLAB write them (and numpy's np.NaN, np.Inf),
// so that they are never taken for symbols.
func Constants() map[string]lang.Value {
	return map[string]lang.Value{
		"pi":  lang.Num(math.Pi),
		"e":   lang.Num(math.E),
		"inf": lang.Num(math.Inf(1)),
		"nan": lang.Num(math.NaN()),
		"Inf": lang.Num(math.Inf(1)),
		"NaN": lang.Num(math.NaN()),
	}
}

// NewSession returns a session with every builtin and constant defined.
func NewSession() *lang.Session { return lang.NewSession(All(), Constants()) }
