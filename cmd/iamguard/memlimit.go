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

// memoryHeadroom is the least room the limit leaves the heap above what
// is live at the end of each collection, and a quarter of what is live
// where that is more. A plan whose kept values alone come near memoryLimit
// (100,000 SSH keys or 85,000 signing certificates, inside every bound on
// a plan) would otherwise be collected again and again with nothing to
// free: five to eight times the time (round 107). A plan of 100,000 access
// keys, at most about 65 MB live, keeps memoryLimit.
const memoryHeadroom = 16 << 20

// memoryCeiling bounds how far the limit rises: peak RSS must stay under
// 256 MB for any plan. A plan whose live heap comes near it (150,000 weak
// SSH keys) is collected more often instead.
const memoryCeiling = 208 << 20

// limitMemory sets memoryLimit, unless the environment sets a limit, and
// raises it after each collection, up to memoryCeiling, to leave the heap
// room above what is live (see memoryHeadroom). The limit counts all the
// memory the runtime holds, not the heap alone: what it holds beside the
// heap's objects and free pages (stacks, its own metadata, pages part
// used) is added, or the room left to the heap is that much less (round
// 109: 3 MB, not 32 MiB).
func limitMemory() {
	if os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	debug.SetMemoryLimit(memoryLimit)
	m := []metrics.Sample{
		{Name: "/gc/heap/live:bytes"},
		{Name: "/memory/classes/total:bytes"},
		{Name: "/memory/classes/heap/released:bytes"},
		{Name: "/memory/classes/heap/objects:bytes"},
		{Name: "/memory/classes/heap/free:bytes"},
	}
	var watch func()
	watch = func() {
		// A cleanup of an object nothing keeps runs after the collection
		// that finds it unreachable, each cycle anew.
		runtime.AddCleanup(new([16]byte), func(struct{}) {
			metrics.Read(m)
			live, total, released, objects, free := m[0].Value.Uint64(), m[1].Value.Uint64(), m[2].Value.Uint64(), m[3].Value.Uint64(), m[4].Value.Uint64()
			beside := int64(total) - int64(released+objects+free)
			room := max(memoryHeadroom, int64(live)/4)
			debug.SetMemoryLimit(min(max(memoryLimit, int64(live)+max(beside, 0)+room), memoryCeiling))
			watch()
		}, struct{}{})
	}
	watch()
}
