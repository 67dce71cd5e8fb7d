package builtins

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"calc/autodiff"
	"calc/lang"
	"calc/stdlib/array"
)

// graphFn builds a builtin whose result is a graph over its arguments:
// with numbers it folds to numbers, with symbols it builds an expression
// that can be differentiated, so the same loss works in both roles.
func graphFn(name string, params []lang.Param, doc, example string, build func(g *autodiff.Graph, x []*autodiff.Node) *autodiff.Node) *lang.Builtin {
	return &lang.Builtin{
		Name: name, Params: params, Topic: "nn", Doc: doc, Example: example,
		Fn: func(s *lang.Session, a lang.Args) lang.Value {
			x := make([]*autodiff.Node, len(a))
			for i := range a {
				x[i] = node(s, a, i)
			}
			noteScalarSymbols(s, name, x...)
			return expr(func() *autodiff.Node { return build(s.Graph(), x) })
		},
	}
}

// lastAxisSum sums x over its last axis, keeping that axis with size 1 so
// that the result broadcasts back against x.
func lastAxisSum(g *autodiff.Graph, x *autodiff.Node) *autodiff.Node {
	if len(x.Shape) <= 1 {
		return g.Sum(x, autodiff.AllAxes)
	}
	kept := append([]int(nil), x.Shape...)
	kept[len(kept)-1] = 1
	return g.Reshape(g.Sum(x, -1), kept)
}

// logSumExp is log(Σ exp(x)) over the last axis. For constant input it
// subtracts the maximum first, so large inputs do not overflow.
func logSumExp(g *autodiff.Graph, x *autodiff.Node) *autodiff.Node {
	if x.IsConst() {
		m := 0.0
		if c := x.Arr; c != nil {
			m = math.Inf(-1)
			for _, v := range c.Floats() {
				m = math.Max(m, v)
			}
		}
		if !math.IsInf(m, 0) {
			return g.Add(g.Const(m), g.Apply(autodiff.Lookup("log"), lastAxisSum(g, g.Apply(autodiff.Lookup("exp"), g.Sub(x, g.Const(m))))))
		}
	}
	return g.Apply(autodiff.Lookup("log"), lastAxisSum(g, g.Apply(autodiff.Lookup("exp"), x)))
}

// checkLossShapes refuses a loss whose prediction and target are arrays
// of different shapes: broadcasting them, as numpy would, compares every
// prediction with every target (a column of outputs against a vector of
// labels gives an N×N table) and silently trains towards the wrong
// answer. PyTorch warns of the same. hint ends the message.
func checkLossShapes(name string, x []*autodiff.Node, hint string) {
	pred, target := x[0].Shape, x[1].Shape
	if len(pred) == 0 || len(target) == 0 || slices.Equal(pred, target) {
		return
	}
	if array.Size(pred) == array.Size(target) {
		hint = fmt.Sprintf(" (reshape(target, %s) makes it match)", strings.Trim(array.ShapeString(pred), "(,)")) + hint
	}
	panic(lang.Errorf("%s: the prediction has shape %s and the target %s; they must match, since broadcasting one against "+
		"the other compares every prediction with every target%s", name, array.ShapeString(pred), array.ShapeString(target), hint))
}

// checkProbabilities refuses constant predictions outside [0, 1], which
// cross_entropy would turn into a negative or nan loss: scores (logits),
// which PyTorch's cross_entropy takes, given where probabilities go.
func checkProbabilities(probs *autodiff.Node) {
	if !probs.IsConst() {
		return
	}
	values := []float64{probs.Val}
	if probs.Arr != nil {
		values = probs.Arr.Floats()
	}
	for _, p := range values {
		if p < 0 || p > 1 {
			panic(lang.ArgErrorf(0, "probs must be probabilities, from 0 to 1, and it holds %s: for scores (logits, as PyTorch's cross_entropy takes), write cross_entropy(softmax(z), target)",
				array.FormatNumber(p, 10)))
		}
	}
}

// notingScores wraps cross_entropy so that a computed probs that is a
// matrix product, or a product plus a bias (X @ w + b), which is how
// scores (logits) are made, gets a note once a session: checkProbabilities
// sees only constants, and the loss of scores is negative or nan without
// a word.
func notingScores(b *lang.Builtin) *lang.Builtin {
	fn := b.Fn
	b.Fn = func(s *lang.Session, a lang.Args) lang.Value {
		if p := a[0]; p.Kind() == lang.ExprKind && madeByProduct(p.Node()) {
			s.NoteOnce("cross_entropy takes probabilities, and probs here is a matrix product, as scores (logits) are: " +
				"for scores write cross_entropy(softmax(z), target), or sigmoid(z) for one output")
		}
		return fn(s, a)
	}
	return b
}

// madeByProduct reports whether n is a matrix product, or a sum with one.
func madeByProduct(n *autodiff.Node) bool {
	if n.Op == autodiff.OpDot {
		return true
	}
	return n.Op == autodiff.OpAdd && slices.ContainsFunc(n.Args, func(a *autodiff.Node) bool { return a.Op == autodiff.OpDot })
}

// lossParams are the parameters of sse and mse.
var lossParams = []lang.Param{{Name: "pred", Doc: "the predictions"}, {Name: "target", Doc: "the true values, of pred's shape (or either one a number)"}}

var nnBuiltins = []*lang.Builtin{
	graphFn("softmax", []lang.Param{{Name: "x", Doc: "the scores: a vector, or a matrix of one row per sample"}}, "exp(x)/sum(exp(x)) along the last axis, as probabilities.", "softmax([1, 2, 3])",
		func(g *autodiff.Graph, x []*autodiff.Node) *autodiff.Node {
			return g.Apply(autodiff.Lookup("exp"), g.Sub(x[0], logSumExp(g, x[0])))
		}),
	graphFn("log_softmax", []lang.Param{{Name: "x", Doc: "the scores: a vector, or a matrix of one row per sample"}}, "The log of softmax, x - log(sum(exp(x))), computed stably.", "log_softmax([1, 2, 3])",
		func(g *autodiff.Graph, x []*autodiff.Node) *autodiff.Node { return g.Sub(x[0], logSumExp(g, x[0])) }),
	graphFn("logsumexp", []lang.Param{{Name: "x", Doc: "a vector, or a matrix whose rows are summed"}}, "log(sum(exp(x))) along the last axis, without overflow.\nOver all of a vector.", "logsumexp([1000, 1000])",
		func(g *autodiff.Graph, x []*autodiff.Node) *autodiff.Node { return logSumExp(g, x[0]) }),
	graphFn("sse", lossParams, "The sum of squared errors, sum((target - pred)**2).", "sse([0.9, 0.2], [1, 0])",
		func(g *autodiff.Graph, x []*autodiff.Node) *autodiff.Node {
			checkLossShapes("sse", x, "")
			return g.Sum(g.Pow(g.Sub(x[1], x[0]), g.Const(2)), autodiff.AllAxes)
		}),
	graphFn("mse", lossParams, "The mean squared error, mean((target - pred)**2).", "mse([0.9, 0.2], [1, 0])",
		func(g *autodiff.Graph, x []*autodiff.Node) *autodiff.Node {
			checkLossShapes("mse", x, "")
			d := g.Pow(g.Sub(x[1], x[0]), g.Const(2))
			return g.Mul(g.Sum(d, autodiff.AllAxes), g.Const(1/float64(max(1, d.Size()))))
		}),
	notingScores(graphFn("cross_entropy", []lang.Param{{Name: "probs", Doc: "the predicted probabilities: a vector, or a matrix of one row per sample"},
		{Name: "target", Doc: "the true probabilities, one-hot or not, of probs' shape"}}, "The cross-entropy loss of predicted probabilities.\n-sum(target*log(probs)) averaged over rows; for a vector, the plain sum.", "cross_entropy([0.7, 0.2, 0.1], [1, 0, 0])",
		func(g *autodiff.Graph, x []*autodiff.Node) *autodiff.Node {
			checkLossShapes("cross_entropy", x, "; for class labels, make one-hot targets: eye(classes)[labels]")
			checkProbabilities(x[0])
			total := g.Neg(g.Sum(g.Mul(x[1], g.Apply(autodiff.Lookup("log"), x[0])), autodiff.AllAxes))
			if len(x[0].Shape) == 2 {
				return g.Mul(total, g.Const(1/float64(max(1, x[0].Shape[0]))))
			}
			return total
		})),
	{
		Name: "train", Params: []lang.Param{{Name: "loss", Kind: lang.FunctionArg, Doc: "the loss, a function of the parameters"},
			{Name: "params", Doc: "the starting parameters: an array, or a record or a list of arrays"}}, Topic: "nn",
		Options: []lang.Opt{{Name: "lr", Doc: "the learning rate (0.1)"}, {Name: "iters", Doc: "the number of steps (1000)"}, {Name: "optimizer", Doc: "one of the methods above (sgd)"}, {Name: "every", Doc: "print the loss every this many steps (never)"}, {Name: "momentum", Doc: "the momentum's factor (0.9)", Methods: []string{"momentum"}},
			{Name: "beta1", Doc: "the first moment's decay (0.9)", Methods: []string{"adam"}}, {Name: "beta2", Doc: "the second moment's decay (0.999)", Methods: []string{"adam"}},
			{Name: "eps", Doc: "the guard against division by zero (1e-8)", Methods: []string{"adam"}}},
		Methods: []string{"sgd", "momentum", "adam"},
		Doc: "Minimizes a loss by gradient descent (backpropagation).\nMinimizes loss(params) by gradient descent, with gradients by reverse-mode autodiff (backpropagation).\n" +
			"The parameters are the network's weights; loss takes them as its argument.\n" +
			"Returns a record {params, loss, history, iterations, message}. Ctrl-C stops early, keeping the\n" +
			"parameters so far (a time limit, -timeout, is an error); a loss that turns NaN stops with the last finite parameters.",
		Example: "loss(w) = sum((w - [1, 2])**2)\ntrain(loss, [0, 0], {lr: 0.1, iters: 100}).params",
		Fn:      trainBuiltin,
	},
}

// optimizer writes into next the parameters that follow params by their
// gradients; next and params are separate buffers, so that params stay
// as they were (train keeps the last ones whose loss was finite without
// copying them).
type optimizer interface {
	step(next, params, grads [][]float64, iter int)
}

type sgd struct{ lr float64 }

func (o sgd) step(next, params, grads [][]float64, _ int) {
	for i, p := range params {
		g, n := grads[i], next[i]
		p, n = p[:len(g)], n[:len(g)] // no bounds checks in the loop
		for k := range g {
			n[k] = p[k] - o.lr*g[k]
		}
	}
}

// momentum is gradient descent with heavy-ball momentum (Polyak 1964).
type momentum struct {
	lr, mu float64
	v      [][]float64
}

func (o *momentum) step(next, params, grads [][]float64, _ int) {
	for i, p := range params {
		for k, g := range grads[i] {
			o.v[i][k] = o.mu*o.v[i][k] - o.lr*g
			next[i][k] = p[k] + o.v[i][k]
		}
	}
}

// adam is Kingma & Ba's Adam (ICLR 2015), with bias correction.
type adam struct {
	lr, b1, b2, eps float64
	m, v            [][]float64
}

func (o *adam) step(next, params, grads [][]float64, iter int) {
	c1 := 1 - math.Pow(o.b1, float64(iter))
	c2 := 1 - math.Pow(o.b2, float64(iter))
	for i, p := range params {
		for k, g := range grads[i] {
			o.m[i][k] = o.b1*o.m[i][k] + (1-o.b1)*g
			o.v[i][k] = o.b2*o.v[i][k] + (1-o.b2)*g*g
			next[i][k] = p[k] - o.lr*(o.m[i][k]/c1)/(math.Sqrt(o.v[i][k]/c2)+o.eps)
		}
	}
}

// zerosLike returns zeroed buffers shaped like bufs.
func zerosLike(bufs [][]float64) [][]float64 {
	out := make([][]float64, len(bufs))
	for i, b := range bufs {
		out[i] = make([]float64, len(b))
	}
	return out
}

func trainBuiltin(s *lang.Session, a lang.Args) lang.Value {
	args, opts := a.Options()
	loss, start := args.Func(0), args[1]
	lr, iters, every := opts.Num("lr", 0.1), opts.Int("iters", 1000), opts.Int("every", 0)
	if iters < 0 {
		panic(lang.ArgErrorf(2, "iters must be at least 0"))
	}
	fun, err := s.SolverFunction(loss, []lang.Value{start}, "train", func(t *lang.Traced) (*autodiff.Node, []*autodiff.Node) {
		if !t.Out.IsScalar() {
			panic(lang.ArgErrorf(0, "the loss must be a number, not of shape %s", array.ShapeString(t.Out.Shape)))
		}
		return t.Out, t.Args[0].Vars
	})
	if err != nil {
		panic(lang.ArgErrorf(0, "cannot differentiate the loss: %v", err))
	}
	// The parameters live in two sets of buffers: params, those being
	// evaluated, and last, those of the last step whose loss was finite,
	// where the optimizer writes the next ones once params' loss is
	// finite; then the two swap, and nothing is copied.
	leaves := lang.Leaves(start)
	params, last := make([][]float64, len(leaves)), make([][]float64, len(leaves))
	for i, l := range leaves {
		params[i] = append([]float64(nil), arrayOf(l).Floats()...)
		last[i] = append([]float64(nil), params[i]...)
	}
	var opt optimizer
	switch opts.Method("optimizer", "sgd") {
	case "sgd":
		opt = sgd{lr}
	case "momentum":
		opt = &momentum{lr: lr, mu: opts.Num("momentum", 0.9), v: zerosLike(params)}
	case "adam":
		opt = &adam{lr: lr, b1: opts.Num("beta1", 0.9), b2: opts.Num("beta2", 0.999), eps: opts.Num("eps", 1e-8), m: zerosLike(params), v: zerosLike(params)}
	}
	// The history grows as training goes: iters may be far more than a
	// time limit lets run.
	var history []float64
	bar := progressBar(s, iters, every)
	gradBufs := make([][]float64, len(params))
	message := fmt.Sprintf("finished %d iterations", iters)
	done := 0
	for it := 1; it <= iters; it++ {
		if s.Interrupted() {
			message = fmt.Sprintf("interrupted after %d iterations", done)
			break
		}
		copy(fun.Inputs(), params)
		value, grad := fun.Deriv()
		l := value[0]
		if math.IsNaN(l) || math.IsInf(l, 0) {
			message = fmt.Sprintf("the loss became %v at iteration %d; the parameters are those of the last finite loss", l, it)
			if len(history) > 0 {
				message += fmt.Sprintf(" (%s)", array.FormatNumber(history[len(history)-1], s.Precision))
			}
			params = last
			break
		}
		s.CheckWork("train's loss history", float64(len(history)+1))
		history = append(history, l)
		off := 0
		for i := range params {
			gradBufs[i] = grad[off : off+len(params[i])]
			off += len(params[i])
		}
		if every > 0 && (it == 1 || it%every == 0) {
			s.Print(fmt.Sprintf("iteration %*d: loss %s", len(fmt.Sprint(iters)), it, array.FormatNumber(l, s.Precision)))
		}
		opt.step(last, params, gradBufs, it)
		params, last = last, params
		done = it
		bar(it, l)
	}
	bar(-1, 0)
	// The loss of the returned parameters.
	copy(fun.Inputs(), params)
	value, _ := fun.Deriv()
	final := value[0]
	values := make([]lang.Value, len(params))
	for i, l := range leaves {
		values[i] = lang.Arr(array.New(arrayOf(l).Shape, params[i]))
	}
	trained, _ := lang.Rebuild(start, values)
	return record("params", trained, "loss", lang.Num(final), "history", array.Vector(history),
		"iterations", lang.Num(float64(done)), "message", lang.Str(strings.TrimSpace(message)))
}

// arrayOf returns a number or an array value as an array.
func arrayOf(v lang.Value) *array.Array {
	a, ok := toArray(v)
	if !ok {
		panic(lang.Errorf("parameters must be numbers or arrays, not %s", v.TypeName()))
	}
	return a
}

// progressBar returns a function that draws training progress on a
// terminal for runs long enough to watch (and without every's lines);
// called with -1 it clears the bar. Elsewhere it does nothing.
func progressBar(s *lang.Session, iters, every int) func(it int, loss float64) {
	if !s.Terminal || every > 0 || iters < 2000 {
		return func(int, float64) {}
	}
	step := max(1, iters/50)
	return func(it int, loss float64) {
		switch {
		case it < 0:
			fmt.Fprint(s.Out, "\r\033[K")
		case it%step == 0:
			done := 30 * it / iters
			fmt.Fprintf(s.Out, "\r[%s%s] %3d%%  loss %s", strings.Repeat("#", done), strings.Repeat(" ", 30-done),
				100*it/iters, array.FormatNumber(loss, 6))
		}
	}
}
