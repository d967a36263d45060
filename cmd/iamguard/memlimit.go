package main

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
)

// memoryLimit is the soft limit on the Go heap, unless GOMEMLIMIT sets
// another: near it the garbage collector runs sooner instead of letting the
// heap double past what is live. A plan of 100,000 access keys peaks at
// about 90 MB live; under this limit its peak RSS stays below 128 MB in every
// format (about 170 MB at 160 MiB, 264 MB with no limit), for about 40% more
// time spent collecting.
const memoryLimit = 100 << 20

// memoryHeadroom is the least room the limit leaves above the heap found
// live at the end of each collection. A plan whose kept values alone come
// near memoryLimit (100,000 SSH keys or 85,000 signing certificates, inside
// every bound on a plan) would otherwise be collected again and again
// with nothing to free: five to eight times the time (round 107).
const memoryHeadroom = 32 << 20

// limitMemory sets memoryLimit, unless the environment sets a limit, and
// raises it after each collection to leave memoryHeadroom above the live
// heap.
func limitMemory() {
	if os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	debug.SetMemoryLimit(memoryLimit)
	live := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	var watch func()
	watch = func() {
		// A cleanup of an object nothing keeps runs after the collection
		// that finds it unreachable, each cycle anew.
		runtime.AddCleanup(new([16]byte), func(struct{}) {
			metrics.Read(live)
			debug.SetMemoryLimit(max(memoryLimit, int64(live[0].Value.Uint64())+memoryHeadroom))
			watch()
		}, struct{}{})
	}
	watch()
}
