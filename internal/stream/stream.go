// Package stream opens and reads files that may be FIFOs or pipes, giving
// up when a context is done: an open of a FIFO waits for a writer, and a
// read of a pipe for data, which may never come, and neither returns for a
// signal.
package stream

import (
	"context"
	"io"
	"os"
)

// Open opens a file for reading, giving up when ctx is done: opening a
// FIFO waits for a writer, which may never come. An open abandoned so
// completes in the background, and its file is closed.
func Open(ctx context.Context, name string) (*os.File, error) {
	type opened struct {
		f   *os.File
		err error
	}
	done := make(chan opened, 1)
	go func() {
		f, err := os.Open(name)
		done <- opened{f, err}
	}()
	select {
	case o := <-done:
		return o.f, o.err
	case <-ctx.Done():
		go func() {
			if o := <-done; o.f != nil {
				o.f.Close()
			}
		}()
		return nil, ctx.Err()
	}
}

// NewReader reads r, a stream (stdin, a pipe, a FIFO), in a goroutine of
// its own, so that a read blocked on a writer that never writes still
// returns once ctx is done: the blocked goroutine is left behind, as the
// run is about to end.
func NewReader(ctx context.Context, r io.Reader) io.Reader { return &reader{ctx: ctx, r: r} }

type reader struct {
	ctx  context.Context
	r    io.Reader
	buf  []byte
	busy bool // a read was abandoned and may still write buf
}

type readResult struct {
	n   int
	err error
}

func (s *reader) Read(p []byte) (int, error) {
	if s.busy {
		return 0, s.ctx.Err()
	}
	if cap(s.buf) < len(p) {
		s.buf = make([]byte, len(p))
	}
	buf := s.buf[:len(p)]
	done := make(chan readResult, 1)
	go func() {
		n, err := s.r.Read(buf)
		done <- readResult{n, err}
	}()
	select {
	case res := <-done:
		return copy(p, buf[:res.n]), res.err
	case <-s.ctx.Done():
		s.busy = true
		return 0, s.ctx.Err()
	}
}
