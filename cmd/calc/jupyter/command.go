package jupyter

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"time"
)

// Usage is the help of `calc jupyter`.
const Usage = `usage:
  calc jupyter -f CONNECTION_FILE        run a kernel (Jupyter starts it this way)
  calc jupyter install [--user]          install the kernelspec for this user (the default)
  calc jupyter install --prefix DIR      install it under DIR/share/jupyter/kernels
  calc jupyter notebook FILE.calc        write the script as a notebook (FILE.ipynb) on standard output
`

// Main runs the command `calc jupyter` with its arguments and returns its
// exit status. Each signal received interrupts the running cell, as a
// client does with interrupt_mode "signal".
func Main(args []string, stdout, stderr io.Writer, signals <-chan os.Signal, hooks Hooks) int {
	if len(args) > 0 && args[0] == "install" {
		return installMain(args[1:], stdout, stderr)
	}
	if len(args) > 0 && args[0] == "notebook" {
		return notebookMain(args[1:], stdout, stderr)
	}
	flags := flag.NewFlagSet("calc jupyter", flag.ContinueOnError)
	flags.SetOutput(stderr)
	flags.Usage = func() { io.WriteString(stderr, Usage) }
	file := flags.String("f", "", "the connection file")
	if err := flags.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return 0
		}
		return 2
	}
	if *file == "" || flags.NArg() > 0 {
		io.WriteString(stderr, Usage)
		return 2
	}
	conn, err := ReadConnection(*file)
	if err != nil {
		fmt.Fprintf(stderr, "calc jupyter: %v\n", err)
		return 1
	}
	k, err := New(conn, hooks, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "calc jupyter: %v\n", err)
		return 1
	}
	go func() {
		for range signals {
			k.Interrupt()
		}
	}()
	if os.Getenv("JPY_PARENT_PID") != "" {
		go stopWithParent(k)
	}
	k.Serve()
	return 0
}

// stopWithParent stops the kernel when the process that started it ends
// without shutting it down (a client that crashed), so that no kernel is
// left behind. Jupyter's clients set JPY_PARENT_PID for this purpose; on
// Unix a child whose parent ends gets a new parent.
func stopWithParent(k *Kernel) {
	parent := os.Getppid()
	for {
		select {
		case <-k.done:
			return
		case <-time.After(time.Second):
		}
		if os.Getppid() != parent {
			k.logf("the process that started the kernel ended; stopping")
			k.Close()
			return
		}
	}
}

// installMain runs `calc jupyter install`.
func installMain(args []string, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("calc jupyter install", flag.ContinueOnError)
	flags.SetOutput(stderr)
	flags.Usage = func() { io.WriteString(stderr, Usage) }
	flags.Bool("user", false, "install for this user (the default)")
	prefix := flags.String("prefix", "", "install under `DIR`/share/jupyter/kernels")
	if err := flags.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return 0
		}
		return 2
	}
	if flags.NArg() > 0 {
		io.WriteString(stderr, Usage)
		return 2
	}
	dir := filepath.Join(*prefix, "share", "jupyter", "kernels")
	if *prefix == "" {
		var err error
		if dir, err = userKernelsDir(); err != nil {
			fmt.Fprintf(stderr, "calc jupyter install: %v\n", err)
			return 1
		}
	}
	exe, err := os.Executable()
	if err == nil {
		exe, err = filepath.EvalSymlinks(exe)
	}
	if err != nil {
		fmt.Fprintf(stderr, "calc jupyter install: cannot tell where calc is: %v\n", err)
		return 1
	}
	path, err := Install(filepath.Join(dir, "calc"), exe)
	if err != nil {
		fmt.Fprintf(stderr, "calc jupyter install: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "installed the calc kernel: %s\n", path)
	return 0
}

// userKernelsDir returns where Jupyter looks for a user's kernelspecs
// (jupyter_core's jupyter_data_dir, documented in Jupyter's "Common
// directories and file locations"): $JUPYTER_DATA_DIR/kernels if set, else
// the platform's user data folder.
func userKernelsDir() (string, error) {
	if d := os.Getenv("JUPYTER_DATA_DIR"); d != "" {
		return filepath.Join(d, "kernels"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", err
	}
	switch runtime.GOOS {
	case "darwin":
		return filepath.Join(home, "Library", "Jupyter", "kernels"), nil
	case "windows":
		if d := os.Getenv("APPDATA"); d != "" {
			return filepath.Join(d, "jupyter", "kernels"), nil
		}
	}
	data := os.Getenv("XDG_DATA_HOME")
	if data == "" {
		data = filepath.Join(home, ".local", "share")
	}
	return filepath.Join(data, "jupyter", "kernels"), nil
}

// Install writes the kernelspec of calc, run as the program exe, into the
// folder dir: kernel.json and the logos. It returns the path of kernel.json.
func Install(dir, exe string) (string, error) {
	spec := map[string]any{
		"argv":           []string{exe, "jupyter", "-f", "{connection_file}"},
		"display_name":   "calc",
		"language":       "calc",
		"interrupt_mode": "message",
		"metadata":       map[string]any{},
	}
	b, err := json.MarshalIndent(spec, "", "  ")
	if err != nil {
		return "", err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	path := filepath.Join(dir, "kernel.json")
	if err := os.WriteFile(path, append(b, '\n'), 0o644); err != nil {
		return "", fmt.Errorf("cannot write %s: %v", path, unwrap(err))
	}
	for _, size := range []int{32, 64} {
		png, err := logo(size)
		if err == nil {
			err = os.WriteFile(filepath.Join(dir, fmt.Sprintf("logo-%dx%d.png", size, size)), png, 0o644)
		}
		if err != nil {
			return "", fmt.Errorf("cannot write the logo: %v", unwrap(err))
		}
	}
	return path, nil
}

// unwrap drops the operation and path of a file error, which the message
// around it names.
func unwrap(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}

// notebookMain runs `calc jupyter notebook FILE.calc`.
func notebookMain(args []string, stdout, stderr io.Writer) int {
	if len(args) != 1 {
		io.WriteString(stderr, Usage)
		return 2
	}
	src, err := os.ReadFile(args[0])
	if err != nil {
		fmt.Fprintf(stderr, "calc jupyter notebook: cannot read %s: %v\n", args[0], unwrap(err))
		return 1
	}
	nb, err := Notebook(string(src))
	if err != nil {
		fmt.Fprintf(stderr, "calc jupyter notebook: %v\n", err)
		return 1
	}
	stdout.Write(nb)
	return 0
}
