//go:build !unix

package main

import "testing"

func fifoWith(t *testing.T, data []byte) string {
	t.Skip("FIFOs need a Unix system")
	return ""
}
