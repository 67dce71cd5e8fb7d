// Package builtins holds every function a calc user can call, each
// registered with its help text and a runnable example. The tables are
// grouped one file per topic; All returns them in help's topic order.
package builtins

import (
	"math"

	"calc/lang"
)

// Topics lists the help topics in the order help shows them.
var Topics = []string{"core", "math", "arrays", "data", "statistics", "linalg", "polynomials", "interpolate", "signal", "functional", "calculus", "optimize", "roots", "ode", "special", "images", "nn", "plots"}

// solverTopics are the topics of the numerical solvers, whose results
// cannot be differentiated (see lang.Builtin's Solver).
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

// Constants returns the named constants bound in every new session.
func Constants() map[string]lang.Value {
	return map[string]lang.Value{
		"pi":  lang.Num(math.Pi),
		"e":   lang.Num(math.E),
		"inf": lang.Num(math.Inf(1)),
		"nan": lang.Num(math.NaN()),
	}
}

// NewSession returns a session with every builtin and constant defined.
func NewSession() *lang.Session { return lang.NewSession(All(), Constants()) }
