package report

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"
)

func TestEncodeOrdered(t *testing.T) {
	for _, n := range []int{0, 1, 511, 512, 513, 5000} {
		var got bytes.Buffer
		err := encodeOrdered(&got, n, func(from, to int, buf *bytes.Buffer) error {
			for i := from; i < to; i++ {
				fmt.Fprintf(buf, "%d,", i)
			}
			return nil
		})
		var want strings.Builder
		for i := range n {
			fmt.Fprintf(&want, "%d,", i)
		}
		if err != nil || got.String() != want.String() {
			t.Errorf("n=%d: err %v, output in order: %v", n, err, got.String() == want.String())
		}
	}
	// An error stops the writing and comes back; nothing after it is written.
	bad := errors.New("bad")
	var got bytes.Buffer
	err := encodeOrdered(&got, 5000, func(from, to int, buf *bytes.Buffer) error {
		if from >= 1024 {
			return bad
		}
		buf.WriteString("x")
		return nil
	})
	if !errors.Is(err, bad) || got.String() != "xx" {
		t.Errorf("err %v, wrote %q; want the error after two batches", err, got.String())
	}
}
