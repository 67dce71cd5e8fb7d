package site

import (
	"bytes"
	"compress/flate"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"image"
	"image/png"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"

	"calc/web/playground"
)

// browser starts headless Chromium on a loopback server of the built
// site, or skips the test when Chromium is not installed.
func browser(t *testing.T) (ctx context.Context, url string) {
	t.Helper()
	var path string
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			path = p
			break
		}
	}
	if path == "" {
		t.Skip("chromium is not installed (apt-get install chromium): skipping the browser tests of the page")
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(built(t)))) // listens on 127.0.0.1
	t.Cleanup(srv.Close)
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.NoSandbox, // tests may run as root, where Chromium's sandbox cannot start
		chromedp.WindowSize(1280, 900),
		// No network beyond the test's server.
		chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"),
		chromedp.Flag("proxy-server", "direct://"),
	)
	alloc, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancel)
	ctx, cancel = chromedp.NewContext(alloc)
	t.Cleanup(cancel)
	ctx, cancel = context.WithTimeout(ctx, 4*time.Minute)
	t.Cleanup(cancel)
	return ctx, srv.URL + "/"
}

// page is the test's handle on the page in the browser.
type page struct {
	t   *testing.T
	ctx context.Context
}

func (p page) do(actions ...chromedp.Action[chromedp.Void]) {
	p.t.Helper()
	if err := chromedp.Do(p.ctx, actions...); err != nil {
		p.t.Fatal(err)
	}
}

// eval evaluates a JavaScript expression and decodes its value into T.
func eval[T any](p page, expr string) T {
	p.t.Helper()
	v, err := chromedp.Run(p.ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		p.t.Fatalf("%s: %v", expr, err)
	}
	return v
}

// wait waits until a JavaScript expression is true.
func (p page) wait(expr string, timeout time.Duration) {
	p.t.Helper()
	if _, err := chromedp.Run(p.ctx, chromedp.Poll[chromedp.Void](expr, chromedp.WithPollingTimeout(timeout))); err != nil {
		p.t.Fatalf("waiting for %s: %v\npage output:\n%s", expr, err, p.outputText())
	}
}

// load opens the page at url afresh and waits until its lessons are
// loaded.
func (p page) load(url string) {
	p.t.Helper()
	p.do(chromedp.Navigate("about:blank"), chromedp.Navigate(url), chromedp.WaitVisible("#source"))
	for try := 0; ; try++ {
		// Just after a navigation the page's script context may not
		// exist yet; polling again finds the new one.
		_, err := chromedp.Run(p.ctx, chromedp.Poll[chromedp.Void](`document.body.dataset.loaded === "true"`, chromedp.WithPollingTimeout(30*time.Second)))
		if err == nil {
			return
		}
		if try == 5 || !strings.Contains(err.Error(), "Cannot find context") {
			p.t.Fatalf("loading %s: %v", url, err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func (p page) runs() int { return eval[int](p, `Number(document.body.dataset.runs || 0)`) }

// setProgram puts text in the editor as if typed.
func (p page) setProgram(text string) {
	p.t.Helper()
	js, _ := json.Marshal(text)
	eval[bool](p, fmt.Sprintf(`(source.value = %s, source.dispatchEvent(new Event("input")), source.focus(), true)`, js))
}

// press presses Ctrl-Enter (or Shift-Enter, which runs the current line)
// in the editor.
func (p page) press(ctrl bool) {
	p.t.Helper()
	opts := []chromedp.KeyOption{chromedp.KeyModifiers(chromedp.ModifierCtrl)}
	if !ctrl {
		// With Shift, chromedp types the newline in a char event of its
		// own, which the page's preventDefault on keydown cannot stop
		// (a real key press's newline it does): send a key up instead.
		opts = []chromedp.KeyOption{chromedp.KeyModifiers(chromedp.ModifierShift), func(k *input.DispatchKeyEventParams) {
			if k.Type == input.DispatchKeyEventTypeChar {
				k.Type, k.Text, k.UnmodifiedText = input.DispatchKeyEventTypeKeyUp, "", ""
			}
		}}
	}
	p.do(chromedp.Focus("#source"), chromedp.KeyEvent("\r", opts...))
}

// run presses Ctrl-Enter or Shift-Enter and waits for the result.
func (p page) run(ctrl bool, timeout time.Duration) {
	p.t.Helper()
	n := p.runs()
	p.press(ctrl)
	p.wait(fmt.Sprintf(`Number(document.body.dataset.runs || 0) > %d`, n), timeout)
}

// outputText is the output as `calc FILE` prints it: figures as their
// captions, notes and the list of written files left out.
func (p page) outputText() string {
	return eval[string](p, `[...output.children].map(el =>
		el.matches("figure") ? el.querySelector("img").alt + "\n" :
		el.matches("pre.out, pre.error") ? el.textContent + "\n" : "").join("")`)
}

func TestBrowser(t *testing.T) {
	ctx, url := browser(t)
	p := page{t, ctx}
	p.load(url)

	t.Run("seed", func(t *testing.T) {
		p := page{t, ctx}
		p.do(chromedp.Focus("#source"), chromedp.KeyEvent("a", chromedp.KeyModifiers(chromedp.ModifierCtrl)),
			chromedp.KeyEvent("\b"), chromedp.SendKeys("#source", "fmin(x**2 - 4*x + 8, 1.3)"))
		p.run(true, time.Minute)
		got := p.outputText()
		want := "Optimization terminated successfully.\n         Current function value: 4.000000\n         Iterations: 16\n         Function evaluations: 32\n2.000019531\n"
		if got != want {
			t.Errorf("output:\n%s\nwant:\n%s", got, want)
		}
		t.Logf("calc.wasm ready %s ms after the navigation started; the seed fmin, typed in, printed at %s ms", eval[string](p, `document.body.dataset.readyAt`), eval[string](p, `document.body.dataset.firstResult`))
	})

	t.Run("figure", func(t *testing.T) {
		p := page{t, ctx}
		p.setProgram(`plot(sin, 0, 6, {title: "sine"})`)
		p.run(true, time.Minute)
		p.wait(`document.querySelector("#output img.figure") && document.querySelector("#output img.figure").complete`, 30*time.Second)
		if w := eval[int](p, `document.querySelector("#output img.figure").naturalWidth`); w < 100 {
			t.Errorf("the figure's image is %d pixels wide", w)
		}
		if got := eval[string](p, `document.querySelector("#output figure img").src`); !strings.HasPrefix(got, "blob:") {
			t.Errorf("figure source %q", got)
		}
		if got := p.outputText(); got != "<figure 640×480: sine, 1 series>\n" {
			t.Errorf("caption %q", got)
		}
	})

	t.Run("error", func(t *testing.T) {
		p := page{t, ctx}
		p.setProgram("x = 1\ny = 2 * sinn(x)\n")
		p.run(true, time.Minute)
		if got := eval[string](p, `output.querySelector("pre.error").textContent`); !strings.HasPrefix(got, "program.calc:2:9: unknown function \"sinn\"") {
			t.Errorf("error %q", got)
		}
		if got := eval[string](p, `gutter.querySelector(".err").textContent`); got != "2" {
			t.Errorf("the gutter marks line %q", got)
		}
		// The mark sits under column 9: 8 characters from the line's start.
		marked := eval[[]float64](p, `(() => { const m = marks.querySelector(".errcol"), l = marks.querySelector(".errline");
			const c = document.createElement("span"); c.textContent = "x"; marks.appendChild(c);
			const w = c.getBoundingClientRect().width; c.remove();
			return [(m.getBoundingClientRect().left - l.getBoundingClientRect().left) / w, m.textContent.length]; })()`)
		if len(marked) != 2 || marked[0] < 7.9 || marked[0] > 8.1 || marked[1] != 1 {
			t.Errorf("the column mark is %v characters in", marked)
		}
		// Clicking the error puts the caret there.
		p.do(chromedp.Click("#output pre.error"))
		if at := eval[int](p, `source.selectionStart`); at != len("x = 1\ny = 2 * ") {
			t.Errorf("the caret is at %d", at)
		}
		// An error in a selection run alone is marked where it is in the editor.
		eval[bool](p, `(source.setSelectionRange(14, 21), true)`) // "sinn(x)"
		p.run(false, time.Minute)
		if got := eval[string](p, `output.querySelector("pre.error:last-of-type").textContent`); !strings.HasPrefix(got, "line:1:1: unknown function \"sinn\"") {
			t.Errorf("error of the selection %q", got)
		}
		if got := eval[string](p, `gutter.querySelector(".err").textContent + " " + marks.querySelector(".errcol").textContent + marks.querySelector(".errline").textContent.length`); got != "2 s15" {
			t.Errorf("the selection's error is marked at %q: %s", got, eval[string](p, `JSON.stringify(marks.innerHTML)`))
		}
	})

	t.Run("stop", func(t *testing.T) {
		p := page{t, ctx}
		defs := "a = 42\nfib(n) = n < 2 ? n : fib(n - 1) + fib(n - 2)"
		p.setProgram(defs)
		p.run(true, time.Minute)
		// Shift-Enter on the last line runs it in the session: a runaway.
		p.setProgram(defs + "\nfib(40)")
		eval[bool](p, `(source.setSelectionRange(source.value.length, source.value.length), true)`)
		p.press(false)
		p.wait(`status.textContent === "running…"`, 30*time.Second)
		time.Sleep(500 * time.Millisecond)
		start := time.Now()
		p.do(chromedp.Click("#stop"))
		p.wait(`/stopped by the Stop button/.test(output.textContent)`, 30*time.Second)
		stopped := time.Since(start)
		p.wait(`document.body.dataset.restarted === "1"`, 30*time.Second)
		restarted := time.Since(start)
		if got := eval[string](p, `output.querySelector("pre.note:last-child").textContent`); got != "session restarted: 1 earlier run replayed" {
			t.Errorf("after Stop: %q\n%s", got, eval[string](p, `output.innerText`))
		}
		// The page stays usable, and the replay defined a again.
		p.setProgram("a + 1")
		p.run(false, 30*time.Second)
		if got := eval[string](p, `output.querySelector("pre.out:last-of-type").textContent`); got != "43" {
			t.Errorf("a + 1 after the restart gives %q\n%s", got, eval[string](p, `output.textContent`))
		}
		t.Logf("Stop: the run ended %v after the click; the new worker had replayed the session %v after it", stopped.Round(time.Millisecond), restarted.Round(time.Millisecond))

		// A fresh run that runs away leaves nothing to replay.
		p.setProgram("fib(n) = n < 2 ? n : fib(n - 1) + fib(n - 2)\nfib(40)")
		p.press(true)
		p.wait(`status.textContent === "running…"`, 30*time.Second)
		p.do(chromedp.Click("#stop"))
		p.wait(`document.body.dataset.restarted === "2"`, 30*time.Second)
		if got := eval[string](p, `output.querySelector("pre.note:last-child").textContent`); got != "session restarted" {
			t.Errorf("after Stop: %q", got)
		}
	})

	t.Run("share", func(t *testing.T) {
		p := page{t, ctx}
		program := "# shared\nb = 7\nb * 6   # \u00d7 and \"quotes\"\n"
		p.setProgram(program)
		p.do(chromedp.Click("#share"))
		p.wait(`location.hash.startsWith("#code=")`, 30*time.Second)
		link := eval[string](p, `location.href`)
		for _, u := range []string{link, url + packLink(program)} {
			p.load(u)
			if got := eval[string](p, `source.value`); got != program {
				t.Errorf("the link %s restores %q", u, got)
			}
		}
		p.run(true, time.Minute)
		if got := p.outputText(); got != "42\n" {
			t.Errorf("the shared program prints %q", got)
		}
	})

	t.Run("examples", func(t *testing.T) {
		p := page{t, ctx}
		p.load(url)
		if got := eval[[]string](p, `[...menu.querySelectorAll("optgroup[label=Lessons] option")].map(o => o.value)`); strings.Join(got, " ") != strings.Join(Lessons, " ") {
			t.Errorf("the menu's lessons are %v, want %v", got, Lessons)
		}
		// Every program of the menu, lessons first, prints its golden output.
		menu := eval[[]string](p, `[...menu.querySelectorAll("option")].map(o => o.value).filter(v => v)`)
		if len(menu) < len(Lessons)+3 {
			t.Errorf("the menu holds %v", menu)
		}
		for _, name := range menu {
			want, err := os.ReadFile(filepath.Join("..", "..", "examples", name+".out"))
			if err != nil {
				t.Fatal(err)
			}
			eval[bool](p, fmt.Sprintf(`(menu.value = %q, menu.dispatchEvent(new Event("change")), true)`, name))
			p.run(true, 2*time.Minute)
			// Error messages name the program as the page does.
			if got := strings.ReplaceAll(p.outputText(), "program.calc:", name+".calc:"); got != string(want) {
				t.Errorf("lesson %s: the page's output differs from %s.out:\n%s", name, name, got)
			}
			if name == "ode" {
				shot := eval[bool](p, `(document.querySelector("#output figure").scrollIntoView(), true)`)
				_ = shot
				png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
				if err != nil {
					t.Fatal(err)
				}
				dir := filepath.Join(os.TempDir(), "calc-web-test")
				os.MkdirAll(dir, 0o755)
				path := filepath.Join(dir, "lorenz.png")
				if err := os.WriteFile(path, png, 0o644); err != nil {
					t.Fatal(err)
				}
				t.Logf("screenshot after the Lorenz lesson: %s", path)
			}
		}
	})

	t.Run("files", func(t *testing.T) {
		p := page{t, ctx}
		// An image picked in the page is a file imread reads.
		img := image.NewGray(image.Rect(0, 0, 5, 3))
		img.Pix[0] = 255
		path := filepath.Join(t.TempDir(), "tiny.png")
		var b bytes.Buffer
		png.Encode(&b, img)
		if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		p.do(chromedp.SetUploadFiles("#image", []string{path}))
		p.wait(`/tiny.png is ready/.test(output.textContent)`, 30*time.Second)
		// savefig's file is offered as a download.
		p.setProgram("img = imread(\"tiny.png\", {gray: true})\n[img.shape, max(img)]\nsavefig(plot(sin, 0, 6), tempdir() + \"/sine.svg\")")
		p.run(true, time.Minute)
		if got := p.outputText(); got != "[[3, 5], 255]\n\"/tmp/calc-plots/sine.svg\"\n" {
			t.Errorf("output %q", got)
		}
		if got := eval[[]string](p, `[...output.querySelectorAll(".files a")].map(a => a.download + " " + a.href.slice(0, 5))`); len(got) != 1 || got[0] != "sine.svg blob:" {
			t.Errorf("download links %q", got)
		}
	})

	t.Run("limits", func(t *testing.T) {
		p := page{t, ctx}
		p.load(url)
		// sum(map(f, range(1e9))) stops at once at the default element limit.
		p.setProgram("f(x) = x\nsum(map(f, range(1e9)))")
		p.run(true, 30*time.Second)
		if got := eval[string](p, `output.querySelector("pre.error").textContent`); !strings.HasPrefix(got, "program.calc:2:12: range: an array of 1000000000 elements is more than the limit of") {
			t.Errorf("range(1e9): %q", got)
		}
		eval[bool](p, `(document.getElementById("maxelements").value = "1000", true)`)
		p.setProgram("len(zeros(2000))")
		p.run(true, time.Minute)
		if got := eval[string](p, `output.querySelector("pre.error").textContent`); !strings.Contains(got, "1000") {
			t.Errorf("zeros(2000) with a limit of 1000 elements: %q", got)
		}
		eval[bool](p, `(document.getElementById("timelimit").value = "1", true)`)
		p.setProgram("fib(n) = n < 2 ? n : fib(n - 1) + fib(n - 2)\nfib(40)")
		p.press(true)
		p.wait(`document.body.dataset.restarted === "1"`, 30*time.Second)
		if got := eval[string](p, `output.innerText`); !strings.Contains(got, "stopped: the time limit of 1 s passed") {
			t.Errorf("after the time limit: %q", got)
		}
		// More than WebAssembly's memory can hold makes Go panic: calc
		// dies, and the page says so and starts it again.
		eval[bool](p, `(document.getElementById("maxelements").value = "1e10", document.getElementById("timelimit").value = "60", true)`)
		p.setProgram("a = 5\nlen(zeros(1e9))")
		p.press(true)
		p.wait(`document.body.dataset.restarted === "2"`, 30*time.Second)
		if got := eval[string](p, `output.innerText`); !strings.Contains(got, "calc crashed: panic: runtime error: makeslice: len out of range") || !strings.HasSuffix(got, "session restarted") {
			t.Errorf("after a crash: %q", got)
		}
		p.wait(`document.body.dataset.ready === "true"`, 30*time.Second)
		p.setProgram("1 + 1")
		p.run(true, time.Minute)
		if got := p.outputText(); got != "2\n" {
			t.Errorf("after the crash, 1 + 1 gives %q", got)
		}
	})

	t.Run("lorenz-speed", func(t *testing.T) {
		p := page{t, ctx}
		const program = `lorenz(w, t, p, r, b) = [p*(w[1] - w[0]), w[0]*(r - w[2]) - w[1], w[0]*w[1] - b*w[2]]
track = odeint(lorenz, [0, 1, 0], range(0, 300, 0.01), {args: [10, 28, 3]})
len(track)`
		p.load(url) // with the default limits
		const reps = 10
		var page, native time.Duration = 1 << 62, 1 << 62
		for range reps {
			p.setProgram(program)
			p.run(true, time.Minute)
			if got := p.outputText(); got != "30000\n" {
				t.Fatalf("output %q", got)
			}
			page = min(page, time.Duration(eval[float64](p, `Number(document.body.dataset.lastMs)`)*float64(time.Millisecond)))
			s := playground.New()
			start := time.Now()
			if r := s.Run("lorenz.calc", program); r.Error != nil {
				t.Fatal(r.Error.Message)
			}
			native = min(native, time.Since(start))
		}
		t.Logf("Lorenz odeint (30000 steps, run in a fresh session, best of %d): page %v, native %v, ratio %.1f", reps, page, native.Round(100*time.Microsecond), float64(page)/float64(native))
	})
}

// packLink returns the fragment of a link to the program, as the page's
// Share button makes it: the text deflated (RFC 1951) in base64url.
func packLink(text string) string {
	var b bytes.Buffer
	w, _ := flate.NewWriter(&b, flate.BestCompression)
	w.Write([]byte(text))
	w.Close()
	return "#code=" + base64.RawURLEncoding.EncodeToString(b.Bytes())
}
