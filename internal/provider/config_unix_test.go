//go:build unix

package provider

import (
	"context"
	"errors"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/config"
)

// TestLoadAWSConfigBounded: a shared credentials file that is a FIFO
// nobody writes to ends the provider's configuration within its wait, or
// when the run is stopped, not never (round 254: the plan hung, Ctrl-C or
// not).
func TestLoadAWSConfigBounded(t *testing.T) {
	isolateAWS(t)
	fifo := filepath.Join(t.TempDir(), "credentials")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip(err)
	}
	files := config.WithSharedCredentialsFiles([]string{fifo})
	start := time.Now()
	if _, err := loadAWSConfig(context.Background(), 200*time.Millisecond, files); !errors.Is(err, errConfigTimeout) {
		t.Errorf("err %v, want errConfigTimeout", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(100*time.Millisecond, cancel)
	if _, err := loadAWSConfig(ctx, time.Hour, files); !errors.Is(err, context.Canceled) {
		t.Errorf("stopped: err %v, want context.Canceled", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("took %v", d)
	}
}
