package builtins_test

import (
	"math"
	"strings"
	"testing"

	"calc/builtins"
)

const seedNetwork = `
X = [[0, 0, 1], [0, 1, 1], [1, 0, 1], [1, 1, 1]]
y = [[0], [1], [1], [0]]
seed(1)
weights = {w1: rand(3, 4), w2: rand(4, 1)}
loss(w) = sse(sigmoid(dot(sigmoid(dot(X, w.w1)), w.w2)), y)
`

// largeNetwork is a 256×64 → 128 → 1 sigmoid network with full-batch
// gradient descent.
const largeNetwork = `
seed(2)
X = rand(256, 64)
y = round(rand(256, 1))
weights = {w1: 0.1*randn(64, 128), w2: 0.1*randn(128, 1)}
loss(w) = sse(sigmoid(dot(sigmoid(dot(X, w.w1)), w.w2)), y)
`

func TestTrainingLowersTheLoss(t *testing.T) {
	s := builtins.NewSession()
	if _, err := s.Eval(seedNetwork); err != nil {
		t.Fatal(err)
	}
	r, err := s.Eval("train(loss, weights, {lr: 1, iters: 1500})")
	if err != nil {
		t.Fatal(err)
	}
	hist := r.Record().Values["history"].Array().Floats()
	for i := 1; i < len(hist); i++ {
		if hist[i] >= hist[i-1] {
			t.Fatalf("the loss rose at iteration %d: %v then %v", i+1, hist[i-1], hist[i])
		}
	}
	if final := r.Record().Values["loss"].Float(); final > 0.01 {
		t.Errorf("final loss %v", final)
	}
}

func TestTrainingStopsOnNaN(t *testing.T) {
	s := builtins.NewSession()
	r, err := s.Eval("loss(w) = sum(log(w))\ntrain(loss, [1, 2], {lr: 10, iters: 5})")
	if err != nil {
		t.Fatal(err)
	}
	msg := r.Record().Values["message"].Text()
	if want := "the loss became"; len(msg) < len(want) || msg[:len(want)] != want {
		t.Errorf("message %q", msg)
	}
	if p := r.Record().Values["params"].Array().Floats(); p[0] != 1 || p[1] != 2 {
		t.Errorf("parameters %v are not the last finite ones", p)
	}
}

// benchmarkTrain times 1500 steps of training, reporting the flop rate of
// the steps' matrix products when flopsPerStep is given.
func benchmarkTrain(b *testing.B, setup, lr string, flopsPerStep float64) {
	s := builtins.NewSession()
	if _, err := s.Eval(setup); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := s.Eval("train(loss, weights, {lr: " + lr + ", iters: 1500})"); err != nil {
			b.Fatal(err)
		}
	}
	if flopsPerStep > 0 {
		b.ReportMetric(1500*flopsPerStep*float64(b.N)/b.Elapsed().Seconds()/1e9, "GFlop/s")
	}
}

// BenchmarkTrainSeedNetwork is the seed lesson's 1500 iterations. numpy's
// side of this and of BenchmarkTrainLargeNetwork, measured beside calc's:
// go run ./bench/compare -only nn_seed,nn_large.
func BenchmarkTrainSeedNetwork(b *testing.B) { benchmarkTrain(b, seedNetwork, "0.5", 0) }

// BenchmarkTrainLargeNetwork is 1500 iterations of a 256×64 → 128 → 1
// network, at a learning rate that lowers the loss (at 0.5 the sigmoids
// saturate after one step). A step's products, X·W1 and Xᵀ·Δ (2·256·64·128
// flops each), h·w2, hᵀ·δ and δ·w2ᵀ (2·256·128 each), are
// 8 585 216 flops.
func BenchmarkTrainLargeNetwork(b *testing.B) {
	benchmarkTrain(b, largeNetwork, "0.01", 4*256*64*128+6*256*128)
}

// TestLossShapesMustMatch: sse, mse and cross_entropy refuse a target
// whose shape differs from the prediction's, where broadcasting would
// compare every prediction with every target: the seed network's output
// is a column, and a vector of labels beside it trained towards the mean.
func TestLossShapesMustMatch(t *testing.T) {
	s := builtins.NewSession()
	for src, want := range map[string]string{
		"sse([[1], [2]], [1, 2])":                         "reshape(target, 2, 1)",
		"mse([1, 2], [[1], [2]])":                         "the prediction has shape (2,) and the target (2, 1)",
		"cross_entropy([[0.9, 0.1], [0.2, 0.8]], [0, 1])": "eye(classes)[labels]",
		"grad(w -> sse(w*[[1], [2]], [1, 2]))(1)":         "reshape(target, 2, 1)",
	} {
		if _, err := s.Eval(src); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: err = %v, want one saying %q", src, err, want)
		}
	}
	for src, want := range map[string]float64{
		"sse([1, 2], 1)":              1,
		"sse(1, [1, 2])":              1,
		"mse([[1], [3]], [[1], [2]])": 0.5,
		"cross_entropy([[0.5, 0.5], [0.2, 0.8]], eye(2)[[0, 1]])": -(math.Log(0.5) + math.Log(0.8)) / 2,
	} {
		v, err := s.Eval(src)
		if err != nil || math.Abs(v.Float()-want) > 1e-15 {
			t.Errorf("%s = %v (%v), want %v", src, v.Float(), err, want)
		}
	}
}
