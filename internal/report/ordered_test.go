package report

import (
	"bytes"
	"errors"
	"runtime"
	"strconv"
	"sync/atomic"
	"testing"
)

// TestWriteOrdered: items come out in order whatever the workers, for
// counts around the chunk size, and a failed write stops the writing.
func TestWriteOrdered(t *testing.T) {
	for _, procs := range []int{1, 2, 4} {
		old := runtime.GOMAXPROCS(procs)
		for _, n := range []int{0, 1, chunkItems - 1, chunkItems, chunkItems + 1, 10*chunkItems + 7} {
			var want, got bytes.Buffer
			for i := range n {
				want.WriteString(strconv.Itoa(i) + "\n")
			}
			if err := writeOrdered(&got, n, func(int) int { return 1 }, func(b []byte, i int) []byte { return append(strconv.AppendInt(b, int64(i), 10), '\n') }); err != nil {
				t.Fatal(err)
			}
			if got.String() != want.String() {
				t.Errorf("%d processors, %d items: out of order", procs, n)
			}
		}
		w := &failing{after: 3}
		var rendered atomic.Int64
		if err := writeOrdered(w, 100*chunkItems, func(int) int { return 1 }, func(b []byte, i int) []byte { rendered.Add(1); return append(b, 'x') }); err == nil || w.writes != 4 {
			t.Errorf("%d processors: a failed write gave %v after %d writes; want its error, and no write after it", procs, err, w.writes)
		}
		if n := rendered.Load(); n > 20*chunkItems {
			t.Errorf("%d processors: %d items rendered after the writes failed", procs, n)
		}
		runtime.GOMAXPROCS(old)
	}
}

// failing fails every write after the first few.
type failing struct{ after, writes int }

func (w *failing) Write(b []byte) (int, error) {
	if w.writes++; w.writes > w.after {
		return 0, errors.New("disk full")
	}
	return len(b), nil
}

// TestWriteOrderedChunksByWeight: a chunk holds items up to chunkWeight
// of their text (one item alone when it is larger), so that the chunks in
// flight stay small however large the findings.
func TestWriteOrderedChunksByWeight(t *testing.T) {
	weights := []int{1, 10 << 10, 20 << 10, 5 << 10, 100 << 10, 1, 1, 30 << 10, 3 << 10}
	for range 200 {
		weights = append(weights, 1<<10)
	}
	weight := func(i int) int { return weights[i] }
	for _, procs := range []int{1, 4} {
		old := runtime.GOMAXPROCS(procs)
		var w sizes
		if err := writeOrdered(&w, len(weights), weight, func(b []byte, i int) []byte { return append(b, bytes.Repeat([]byte{'x'}, weights[i])...) }); err != nil {
			t.Fatal(err)
		}
		total := 0
		for _, n := range w {
			total += n
			if n > chunkWeight && n != 100<<10 {
				t.Errorf("%d processors: a chunk of %d bytes", procs, n)
			}
		}
		if want := sum(weights); total != want {
			t.Errorf("%d processors: %d bytes written, want %d", procs, total, want)
		}
		runtime.GOMAXPROCS(old)
	}
}

// sizes records the size of each write.
type sizes []int

func (s *sizes) Write(b []byte) (int, error) { *s = append(*s, len(b)); return len(b), nil }

func sum(xs []int) (n int) {
	for _, x := range xs {
		n += x
	}
	return n
}

// TestWriteOrderedPanic: a render that panics in a worker panics in the
// caller's goroutine, where the command recovers it into one line; in the
// worker it would end the process with a stack trace.
func TestWriteOrderedPanic(t *testing.T) {
	for _, procs := range []int{1, 4} {
		old := runtime.GOMAXPROCS(procs)
		got := func() (r any) {
			defer func() { r = recover() }()
			writeOrdered(&bytes.Buffer{}, 10*chunkItems, func(int) int { return 1 }, func(b []byte, i int) []byte {
				if i == 5*chunkItems {
					panic("render bug")
				}
				return append(b, 'x')
			})
			return nil
		}()
		runtime.GOMAXPROCS(old)
		if got != "render bug" {
			t.Errorf("%d processors: recovered %v, want the render's panic", procs, got)
		}
	}
}
