// Command build writes calc's browser playground to a folder (web/dist by
// default): the page, calc compiled to WebAssembly, Go's wasm_exec.js and
// the examples.
//
//	go run ./web/build [-o DIR]
package main

import (
	"flag"
	"fmt"
	"os"

	"calc/web/site"
)

func main() {
	out := flag.String("o", "web/dist", "write the site to `DIR`")
	flag.Parse()
	if err := site.Build(*out); err != nil {
		fmt.Fprintln(os.Stderr, "build:", err)
		os.Exit(1)
	}
	fmt.Println("wrote", *out)
}
