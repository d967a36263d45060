package report

import (
	"bytes"
	"io"
	"runtime"
)

// encodeOrdered writes n items to w in order, encoded in batches on as many
// goroutines as there are CPUs: encode writes items [from, to) to buf. A
// few batches are in flight at a time, so memory stays that of a few
// batches however many items there are.
func encodeOrdered(w io.Writer, n int, encode func(from, to int, buf *bytes.Buffer) error) error {
	const size = 512
	type batch struct {
		buf bytes.Buffer
		err error
	}
	pending := make(chan chan *batch, runtime.GOMAXPROCS(0))
	go func() {
		defer close(pending)
		for from := 0; from < n; from += size {
			done := make(chan *batch, 1)
			pending <- done
			go func(from, to int) {
				b := &batch{}
				b.err = encode(from, to, &b.buf)
				done <- b
			}(from, min(from+size, n))
		}
	}()
	var err error
	for done := range pending {
		b := <-done // drained to the end after an error, so that no goroutine is left blocked
		if err == nil {
			if err = b.err; err == nil {
				_, err = w.Write(b.buf.Bytes())
			}
		}
	}
	return err
}
