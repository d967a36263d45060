package report

import (
	"io"
	"runtime"
)

// chunkItems is how many items one worker renders at a time: enough to
// keep the hand-over cheap, few enough that the chunks in flight stay small
// (a few hundred KiB of report text each).
const chunkItems = 256

// writeOrdered writes n items to w in order, each appended to a buffer by
// render(b, i). With more than one processor, workers render chunks of items
// at once while the chunks before them are written: a report of many
// findings is written at the speed of the machine, not of one core. render
// must be safe to call concurrently for different items. After a write
// fails, nothing more is rendered or written, and its error is returned.
func writeOrdered(w io.Writer, n int, render func(b []byte, i int) []byte) error {
	workers := min(runtime.GOMAXPROCS(0), (n+chunkItems-1)/chunkItems)
	if workers <= 1 {
		var b []byte
		for from := 0; from < n; from += chunkItems {
			b = b[:0]
			for i := from; i < min(from+chunkItems, n); i++ {
				b = render(b, i)
			}
			if _, err := w.Write(b); err != nil {
				return err
			}
		}
		return nil
	}
	type chunk struct {
		from int
		done chan []byte
	}
	free := make(chan []byte, 3*workers) // buffers written out, to be used again
	jobs := make(chan chunk, 2*workers)
	order := make(chan chunk, 2*workers)
	for range workers {
		go func() {
			for c := range jobs {
				var b []byte
				select {
				case b = <-free:
				default:
				}
				for i := c.from; i < min(c.from+chunkItems, n); i++ {
					b = render(b, i)
				}
				c.done <- b
			}
		}()
	}
	failed := make(chan struct{}) // closed when a write fails: no more chunks
	go func() {
		defer close(order)
		defer close(jobs)
		for from := 0; from < n; from += chunkItems {
			c := chunk{from, make(chan []byte, 1)}
			select {
			case order <- c: // the writer takes chunks in this order...
			case <-failed:
				return
			}
			jobs <- c // ...as the workers finish them, in any order
		}
	}()
	var err error
	for c := range order {
		b := <-c.done
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
