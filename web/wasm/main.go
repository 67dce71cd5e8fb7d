//go:build js && wasm

// Command wasm is calc compiled to WebAssembly for the page in web/: it
// sets globalThis.calc to an object with
//
//	run(text, name) → JSON of a playground.Result
//	reset()         forgets every name the runs defined
//	limits(json)    sets the session's limits (a playground.Limits)
//	version         calc's version
//
// and then waits for calls. The page's worker calls run synchronously;
// a runaway run is stopped by terminating the worker.
package main

import (
	"encoding/json"
	"syscall/js"

	"calc"
	"calc/web/playground"
)

func main() {
	p := playground.New()
	var limits playground.Limits
	api := map[string]any{
		"version": calc.Version,
		"run": js.FuncOf(func(_ js.Value, args []js.Value) any {
			name := "program.calc"
			if len(args) > 1 && args[1].Type() == js.TypeString {
				name = args[1].String()
			}
			b, err := json.Marshal(p.Run(name, args[0].String()))
			if err != nil { // a Result is strings and numbers: cannot fail
				panic(err)
			}
			return string(b)
		}),
		"reset": js.FuncOf(func(js.Value, []js.Value) any {
			p = playground.New()
			p.SetLimits(limits)
			return nil
		}),
		"limits": js.FuncOf(func(_ js.Value, args []js.Value) any {
			if err := json.Unmarshal([]byte(args[0].String()), &limits); err != nil {
				return err.Error()
			}
			p.SetLimits(limits)
			return nil
		}),
	}
	js.Global().Set("calc", js.ValueOf(api))
	select {}
}
