package builtins_test

import (
	"fmt"
	"os"
	"testing"

	"calc/builtins"
)

func TestZZDump(t *testing.T) {
	if os.Getenv("ZZDUMP") == "" {
		t.Skip()
	}
	s := builtins.NewSession()
	width := map[string]int{}
	for _, b := range s.Builtins() {
		width[b.Topic] = max(width[b.Topic], len(b.Name))
	}
	for _, b := range s.Builtins() {
		if awaitingSummaries[b.Name] {
			fmt.Printf("%s [%s budget %d]: %s\n", b.Name, b.Topic, 80-4-width[b.Topic], b.Summary())
		}
	}
}
