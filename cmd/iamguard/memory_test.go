package main

import (
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestMemoryLimit: main sets a soft memory limit, unless GOMEMLIMIT does.
// Once more than memoryLimit is live, the limit rises to leave room above
// it (memoryHeadroom, or a quarter of what is live), so that the collector
// does not run again and again with nothing to free, up to memoryCeiling.
// It runs in child processes, whose limit it sets.
func TestMemoryLimit(t *testing.T) {
	if os.Getenv("IAMGUARD_TEST_MEMLIMIT") == "child" {
		limitMemory()
		// The limit after collections, up to a second of them, or as soon
		// as it passes above.
		limit := func(above int64) int64 {
			for range 100 {
				runtime.GC()
				time.Sleep(10 * time.Millisecond) // the cleanup runs after the collection
				if l := debug.SetMemoryLimit(-1); l > above {
					return l
				}
			}
			return debug.SetMemoryLimit(-1)
		}
		small := limit(0)
		var live [][]byte
		for range 120 {
			live = append(live, make([]byte, 1<<20))
		}
		large := limit(small)
		for range 80 {
			live = append(live, make([]byte, 1<<20))
		}
		ceiling := limit(large)
		runtime.KeepAlive(live)
		fmt.Println(small, large, ceiling)
		return
	}
	child := func(gomemlimit string) (small, large, ceiling int64) {
		t.Helper()
		cmd := exec.Command(os.Args[0], "-test.run=^TestMemoryLimit$")
		cmd.Env = append(slices.DeleteFunc(os.Environ(), func(kv string) bool { return strings.HasPrefix(kv, "GOMEMLIMIT=") }),
			"IAMGUARD_TEST_MEMLIMIT=child")
		if gomemlimit != "" {
			cmd.Env = append(cmd.Env, "GOMEMLIMIT="+gomemlimit)
		}
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("child: %v\n%s", err, out)
		}
		if _, err := fmt.Sscan(string(out), &small, &large, &ceiling); err != nil {
			t.Fatalf("child printed %q", out)
		}
		return small, large, ceiling
	}
	small, large, ceiling := child("")
	if small != memoryLimit {
		t.Errorf("with little live the limit is %d, want memoryLimit %d", small, memoryLimit)
	}
	if want := int64(120<<20 + 120<<20/4); large < want || large > memoryCeiling {
		t.Errorf("with 120 MiB live the limit is %d MiB, want at least %d MiB", large>>20, want>>20)
	}
	if ceiling != memoryCeiling {
		t.Errorf("with 200 MiB live the limit is %d, want memoryCeiling %d", ceiling, memoryCeiling)
	}
	if small, large, _ := child("1GiB"); small != 1<<30 || large != 1<<30 {
		t.Errorf("with GOMEMLIMIT=1GiB the limit is %d, then %d; want it left alone", small, large)
	}
}
