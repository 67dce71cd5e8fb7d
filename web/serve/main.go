// Command serve serves a built playground (go run ./web/build) on the
// loopback interface, for a local look:
//
//	go run ./web/serve [-dir web/dist] [-addr 127.0.0.1:8080]
package main

import (
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"path/filepath"
)

func main() {
	dir := flag.String("dir", "web/dist", "serve the site in `DIR`")
	addr := flag.String("addr", "127.0.0.1:8080", "listen on `HOST:PORT` (keep it a loopback address)")
	flag.Parse()
	if _, err := os.Stat(filepath.Join(*dir, "calc.wasm")); err != nil {
		fmt.Fprintf(os.Stderr, "serve: no site in %s (build it with go run ./web/build): %v\n", *dir, err)
		os.Exit(1)
	}
	host, _, err := net.SplitHostPort(*addr)
	if err != nil {
		log.Fatal(err)
	}
	if ip := net.ParseIP(host); host != "localhost" && (ip == nil || !ip.IsLoopback()) {
		fmt.Fprintf(os.Stderr, "serve: %s is not a loopback address; this server is for a local look only\n", host)
		os.Exit(2)
	}
	fmt.Printf("calc playground at http://%s/\n", *addr)
	log.Fatal(http.ListenAndServe(*addr, http.FileServer(http.Dir(*dir))))
}
