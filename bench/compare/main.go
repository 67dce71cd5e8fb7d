// Command compare runs every workload of calc's performance table side by
// side with its python3 equivalent (numpy, scipy, OpenCV; bench/workloads.py)
// and prints the table that the README's "Speed" section shows:
//
//   - whole process: the median wall time of five runs of each program
//     (calc on a script of the workload; python3 importing what it needs),
//     the two alternating so that both see the same load, and the ratio
//     of their median processor times (user + system, all threads), which
//     a busy machine disturbs far less than wall time;
//   - in process: the median of five rounds of the workload's mean time
//     after setup, calc in this process through the embedding API, python
//     in its own (bench/workloads.py NAME time), the rounds alternating.
//
// Ratios are calc's time over python's: below 1, calc is faster. The
// machine may be shared, so compare ratios from one run, and repeat the
// run to see how much they move.
//
// Run from the repository's root: go run ./bench/compare [-python /usr/bin/python3] [-runs 5] [-only name,...]
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"

	"calc"
)

// workload is one row of the table: calc's setup and timed statement (an
// assignment, so that calc prints nothing, as python does not), the
// number of runs of the statement per in-process round (0: no in-process
// figure), and a description. Its python3 side is bench/workloads.py's
// entry of the same name.
type workload struct {
	name, what  string
	setup, work string
	reps        int
}

const network = `
sigmoid_net(w) = sigmoid(dot(sigmoid(dot(X, w.w1)), w.w2))
loss(w) = sse(sigmoid_net(w), y)
`

// image8 makes the 8-bit image of the image workloads, as imread gives one.
const image8 = `img = as_depth(floor(256*rand(2048, 2048)), "uint8")`

var workloads = []workload{
	{"startup", "start-up (python: import numpy)", "", "1 + 1", 0},
	{"seed_fmin", "the seed lesson's fmin", "myfunc(x) = x**2 - 4*x + 8", "r = fmin(myfunc, [1.3], {disp: false})", 200},
	{"rosen_bfgs", "Rosenbrock n=100, BFGS (scipy: rosen_der)", "rosen(x) = sum(100*(x[1:] - x[:-1]**2)**2 + (1 - x[:-1])**2)",
		`r = minimize(rosen, full(100, -1.2), {method: "BFGS"})`, 3},
	{"rosen_lbfgsb", "Rosenbrock n=100, L-BFGS-B (scipy: rosen_der)", "rosen(x) = sum(100*(x[1:] - x[:-1]**2)**2 + (1 - x[:-1])**2)",
		`r = minimize(rosen, full(100, -1.2), {method: "L-BFGS-B"})`, 10},
	{"odeint_lorenz", "odeint, Lorenz on 3000 times",
		"lorenz(w, t, p, r, b) = [p*(w[1] - w[0]), w[0]*(r - w[2]) - w[1], w[0]*w[1] - b*w[2]]\nt = range(0, 30, 0.01)",
		"r = odeint(lorenz, [0, 1, 0], t, {args: [10, 28, 3]})", 10},
	{"odeint_robertson", "odeint, Robertson (stiff)",
		"robertson(y, t) = [-0.04*y[0] + 1e4*y[1]*y[2], 0.04*y[0] - 1e4*y[1]*y[2] - 3e7*y[1]**2, 3e7*y[1]**2]\nrt = concat([0], logspace(-5, 5, 100))",
		"r = odeint(robertson, [1, 0, 0], rt, {rtol: 1e-6, atol: 1e-10})", 20},
	{"quad", "quad of exp(-x²) over the real line", "", "r = quad(exp(-x**2), -inf, inf)", 200},
	{"brentq", "brentq of x³ - 2x - 5 on [2, 3]", "", "r = brentq(x**3 - 2*x - 5, 2, 3)", 500},
	{"fsolve", "fsolve, scipy's 2×2 example", "", "r = fsolve([x + 0.5*(x - y)**3 - 1, 0.5*(y - x)**3 + y], [0, 0])", 200},
	{"nn_seed", "seed network 3→4→1, 1500 steps",
		"X = [[0, 0, 1], [0, 1, 1], [1, 0, 1], [1, 1, 1]]\ny = [[0], [1], [1], [0]]\nseed(1)\nweights = {w1: rand(3, 4), w2: rand(4, 1)}" + network,
		"r = train(loss, weights, {lr: 0.5, iters: 1500})", 3},
	{"nn_large", "network 256×64→128→1, 1500 steps (lr 0.01)",
		"seed(2)\nX = rand(256, 64)\ny = round(rand(256, 1))\nweights = {w1: 0.1*randn(64, 128), w2: 0.1*randn(128, 1)}" + network,
		"r = train(loss, weights, {lr: 0.01, iters: 1500})", 1},
	{"sobel", "Sobel dx on 2048² (OpenCV)", "img = 256*rand(2048, 2048)", "r = sobel(img, 1, 0)", 5},
	{"laplacian", "Laplacian on 2048² (OpenCV)", "img = 256*rand(2048, 2048)", "r = laplacian(img)", 5},
	{"filter2d", "filter2D 3×3 on 2048² (OpenCV)", "img = 256*rand(2048, 2048)",
		"r = filter2d(img, [[0.1, -0.2, 0.3], [0.4, 0.5, -0.6], [0.7, 0.8, -0.9]])", 5},
	{"canny_8bit", "Canny of an 8-bit 2048² (OpenCV)", image8, "r = canny(img, 50, 150)", 5},
	{"median5_8bit", "medianBlur 5×5 of an 8-bit 2048² (OpenCV)", image8, "r = median_blur(img, 5)", 5},
	{"resize_8bit", "resize 8-bit 2048² to 1536², linear (OpenCV)", image8, "r = resize(img, [1536, 1536])", 10},
	{"sum_map", "sum(map(f, range(1e6)))", "f(x) = x*x", "r = sum(map(f, range(1e6)))", 2},
	{"dot_1000", "dot of 1000×1000 matrices (OpenBLAS)", "a = rand(1000, 1000)", "r = dot(a, a)", 5},
	{"eigh_500", "eigh of a symmetric 500×500 (LAPACK)", "a = rand(500, 500)\na = a + a.T", "r = eigh(a)", 3},
	{"eig_500", "eig of a 500×500 (LAPACK)", "a = rand(500, 500)", "r = eig(a)", 3},
	{"fft_2p20", "fft of 2²⁰ numbers (pocketfft)", "a = rand(2**20)", "r = fft(a)", 5},
	{"loadtxt_csv", "loadtxt of a CSV of 100000×5 numbers",
		`path = tempdir() + "/compare.csv"` + "\n" + `savetxt(path, rand(100000, 5), {delimiter: ","})`,
		`r = loadtxt(path, {delimiter: ","})`, 3},
}

func main() {
	python := flag.String("python", "/usr/bin/python3", "the python3 with numpy, scipy and OpenCV")
	runs := flag.Int("runs", 5, "runs (whole process) and rounds (in process) per median")
	only := flag.String("only", "", "comma-separated workload names to run (default all)")
	flag.Parse()
	dir, err := os.MkdirTemp("", "calc-compare")
	check(err)
	defer os.RemoveAll(dir)
	bin := filepath.Join(dir, "calc")
	check(run(exec.Command("go", "build", "-o", bin, "./cmd/calc")))

	host, _ := os.Hostname()
	fmt.Printf("bench/compare, %s, %s, %d CPUs (GOMAXPROCS %d), %s\n", time.Now().UTC().Format("2006-01-02 15:04 MST"),
		cpuModel(), runtime.NumCPU(), runtime.GOMAXPROCS(0), host)
	fmt.Printf("calc vs %s: whole process median of %d, in process median of %d rounds; ratio = calc/python\n\n", pythonVersion(*python), *runs, *runs)
	fmt.Printf("| %-48s | %12s | %12s | %6s | %9s | %12s | %14s | %6s |\n", "workload", "calc", "python", "ratio", "CPU ratio", "calc in-proc", "python in-proc", "ratio")
	fmt.Printf("|%s|%s|%s|%s|%s|%s|%s|%s|\n", dashes(50), dashes(14), dashes(14), dashes(8), dashes(11), dashes(14), dashes(16), dashes(8))
	for _, w := range workloads {
		if *only != "" && !slices.Contains(strings.Split(*only, ","), w.name) {
			continue
		}
		script := filepath.Join(dir, w.name+".calc")
		check(os.WriteFile(script, []byte(w.setup+"\n"+w.work+"\n"), 0o644))
		var calcWall, pyWall, calcCPU, pyCPU []time.Duration
		for range *runs {
			t, cpu := timed(exec.Command(bin, script))
			calcWall, calcCPU = append(calcWall, t), append(calcCPU, cpu)
			t, cpu = timed(exec.Command(*python, "bench/workloads.py", w.name, "once"))
			pyWall, pyCPU = append(pyWall, t), append(pyCPU, cpu)
		}
		c, p := median(calcWall), median(pyWall)
		row := fmt.Sprintf("| %-48s | %12s | %12s | %6.2f | %9.2f |", w.what, ms(c), ms(p), c.Seconds()/p.Seconds(),
			median(calcCPU).Seconds()/median(pyCPU).Seconds())
		if w.reps > 0 {
			ci, pi := inProcess(*python, w, *runs)
			row += fmt.Sprintf(" %12s | %14s | %6.2f |", ms(ci), ms(pi), ci.Seconds()/pi.Seconds())
		} else {
			row += fmt.Sprintf(" %12s | %14s | %6s |", "", "", "")
		}
		fmt.Println(row)
	}
}

// inProcess is the median over rounds of the mean time of w's statement
// after its setup and one warm-up run, in a calc session in this process
// and in python (bench/workloads.py NAME time, a process per round), the
// rounds of the two alternating so that both see the same load.
func inProcess(python string, w workload, rounds int) (calcTime, pythonTime time.Duration) {
	s := calc.NewSession()
	var errOut bytes.Buffer
	if err := calc.Run(s, w.name, w.setup+"\n"+w.work, io.Discard, &errOut); err != nil {
		fail("calc %s: %v\n%s", w.name, err, errOut.String())
	}
	var calcTimes, pythonTimes []time.Duration
	for range rounds {
		start := time.Now()
		for range w.reps {
			if err := calc.Run(s, w.name, w.work, io.Discard, &errOut); err != nil {
				fail("calc %s: %v", w.name, err)
			}
		}
		calcTimes = append(calcTimes, time.Since(start)/time.Duration(w.reps))
		pythonTimes = append(pythonTimes, pythonRound(python, w))
	}
	return median(calcTimes), median(pythonTimes)
}

// pythonRound is the mean time of w's statement over one round of
// bench/workloads.py's in-process measurement.
func pythonRound(python string, w workload) time.Duration {
	out, err := exec.Command(python, "bench/workloads.py", w.name, "time", fmt.Sprint(w.reps), "1").Output()
	check(err)
	var secs float64
	if _, err := fmt.Sscan(string(out), &secs); err != nil {
		fail("python %s printed %q", w.name, out)
	}
	return time.Duration(secs * float64(time.Second))
}

// timed runs cmd to its end and returns how long it took and the
// processor time it used.
func timed(cmd *exec.Cmd) (wall, cpu time.Duration) {
	start := time.Now()
	check(run(cmd))
	return time.Since(start), cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
}

// run runs cmd, failing with its output if it fails.
func run(cmd *exec.Cmd) error {
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("%s: %v\n%s", strings.Join(cmd.Args, " "), err, out)
	}
	return nil
}

func median(ds []time.Duration) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// ms formats a duration with three significant digits, in milliseconds
// or, beyond their range, in microseconds or seconds.
func ms(d time.Duration) string {
	if d >= time.Second {
		return fmt.Sprintf("%.3g s", d.Seconds())
	}
	if d < time.Millisecond {
		return fmt.Sprintf("%.3g µs", float64(d)/float64(time.Microsecond))
	}
	return fmt.Sprintf("%.3g ms", float64(d)/float64(time.Millisecond))
}

func dashes(n int) string { return strings.Repeat("-", n) }

// cpuModel is the processor's name from /proc/cpuinfo, where there is one.
func cpuModel() string {
	b, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return runtime.GOARCH
	}
	for line := range strings.Lines(string(b)) {
		if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
			return strings.TrimSpace(v)
		}
	}
	return runtime.GOARCH
}

// pythonVersion names python and the versions of its libraries.
func pythonVersion(python string) string {
	out, err := exec.Command(python, "-c", "import sys, numpy, scipy, cv2; print('python %s, numpy %s, scipy %s, OpenCV %s' % (sys.version.split()[0], numpy.__version__, scipy.__version__, cv2.__version__))").Output()
	if err != nil {
		fail("%s cannot import numpy, scipy and cv2 (apt-get install python3-numpy python3-scipy python3-opencv): %v", python, err)
	}
	return strings.TrimSpace(string(out))
}

func check(err error) {
	if err != nil {
		fail("%v", err)
	}
}

func fail(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "compare: "+format+"\n", args...)
	os.Exit(1)
}
