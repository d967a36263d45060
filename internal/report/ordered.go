package report

import (
	"io"
	"runtime"
)

// A worker renders a chunk of items at a time: at most chunkItems, and
// while their weight (the bytes of their variable text: names, messages,
// reasons) stays within chunkWeight, so that a chunk is a few hundred KiB
// however large the findings. maxWorkers bounds the chunks in flight,
// whatever the machine.
const (
	chunkItems  = 128
	chunkWeight = 32 << 10
	maxWorkers  = 4
)

// writeOrdered writes n items to w in order, each appended to a buffer by
// render(b, i). With more than one processor, workers render chunks of items
// at once while the chunks before them are written: a report of many
// findings is written at the speed of the machine, not of one core. render
// must be safe to call concurrently for different items; weight(i) is the
// size of item i's variable text (see chunkWeight). After a write fails,
// nothing more is rendered or written, and its error is returned.
func writeOrdered(w io.Writer, n int, weight func(i int) int, render func(b []byte, i int) []byte) error {
	// end gives the end of the chunk that starts at from.
	end := func(from int) int {
		to, sum := from+1, weight(from)
		for to < n && to-from < chunkItems && sum+weight(to) <= chunkWeight {
			sum += weight(to)
			to++
		}
		return to
	}
	workers := min(runtime.GOMAXPROCS(0), maxWorkers, (n+chunkItems-1)/chunkItems)
	if workers <= 1 {
		var b []byte
		for from := 0; from < n; {
			to := end(from)
			b = b[:0]
			for i := from; i < to; i++ {
				b = render(b, i)
			}
			if _, err := w.Write(b); err != nil {
				return err
			}
			from = to
		}
		return nil
	}
	type rendered struct {
		b     []byte
		panic any // render panicked: the writer panics with it, where the caller can recover it
	}
	type chunk struct {
		from, to int
		done     chan rendered
	}
	// Buffers written out, to be used again: as many as may be in flight
	// (a chunk in each of order and jobs, one rendering in each worker, the
	// one being written), or most chunks would grow a buffer anew.
	free := make(chan []byte, 3*workers+1)
	jobs := make(chan chunk, workers)
	order := make(chan chunk, workers)
	renderChunk := func(c chunk) (out rendered) {
		defer func() { out.panic = recover() }()
		select {
		case out.b = <-free:
		default:
		}
		for i := c.from; i < c.to; i++ {
			out.b = render(out.b, i)
		}
		return out
	}
	for range workers {
		go func() {
			for c := range jobs {
				c.done <- renderChunk(c)
			}
		}()
	}
	failed := make(chan struct{}) // closed when a write fails: no more chunks
	go func() {
		defer close(order)
		defer close(jobs)
		for from := 0; from < n; {
			c := chunk{from, end(from), make(chan rendered, 1)}
			select {
			case order <- c: // the writer takes chunks in this order...
			case <-failed:
				return
			}
			jobs <- c // ...as the workers finish them, in any order
			from = c.to
		}
	}()
	var err error
	for c := range order {
		r := <-c.done
		if r.panic != nil {
			if err == nil {
				close(failed)
			}
			panic(r.panic)
		}
		b := r.b
		if err == nil {
			if _, err = w.Write(b); err != nil {
				close(failed)
			}
		}
		select {
		case free <- b[:0]:
		default:
		}
	}
	return err
}

// findingWeight is the variable text a finding shows (see chunkWeight).
func findingWeight(f *Finding) int {
	n := len(f.Address) + len(f.Message) + len(f.Attribute)
	if f.Waiver != nil {
		n += len(f.Waiver.Reason)
	}
	if f.In != nil {
		n += len(f.In.Path) + len(f.In.File)
	}
	return n
}
