package main

import (
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestMemoryLimitLeavesHeadroom: once more than memoryLimit is live, the
// soft limit rises to leave memoryHeadroom above it, so that the collector
// does not run again and again with nothing to free; with little live it
// stays at memoryLimit. It runs in a child process, whose limit it sets.
func TestMemoryLimitLeavesHeadroom(t *testing.T) {
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
		live := make([][]byte, 0, 120)
		for range cap(live) {
			live = append(live, make([]byte, 1<<20))
		}
		large := limit(memoryLimit)
		runtime.KeepAlive(live)
		fmt.Println(small, large)
		return
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestMemoryLimitLeavesHeadroom$")
	cmd.Env = append(slices.DeleteFunc(os.Environ(), func(kv string) bool { return strings.HasPrefix(kv, "GOMEMLIMIT=") }),
		"IAMGUARD_TEST_MEMLIMIT=child")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("child: %v\n%s", err, out)
	}
	var small, large int64
	if _, err := fmt.Sscan(string(out), &small, &large); err != nil {
		t.Fatalf("child printed %q", out)
	}
	if small != memoryLimit {
		t.Errorf("with little live the limit is %d, want memoryLimit %d", small, memoryLimit)
	}
	if want := int64(120<<20 + memoryHeadroom); large < want {
		t.Errorf("with 120 MiB live the limit is %s MiB, want at least %s MiB", strconv.FormatInt(large>>20, 10), strconv.FormatInt(want>>20, 10))
	}
}
