package plan

import (
	"archive/zip"
	"bufio"
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/iamguard/terraform-provider-iamguard/internal/quote"
	"github.com/iamguard/terraform-provider-iamguard/internal/stream"
)

// Terraform says how to run terraform show -json for a binary plan.
type Terraform struct {
	Path    string        // the binary; empty: terraform on PATH
	Timeout time.Duration // how long terraform show may take; zero: no limit
}

// Open reads the plan named on the command line: a terraform show -json
// file, "-" for stdin, or a saved binary plan, which goes through terraform
// show -json (see showPlan). A FIFO or process substitution (/dev/fd/N) is
// read as a stream, like stdin. When ctx is done (an interrupt), reading
// stops and terraform is killed.
func Open(ctx context.Context, name string, stdin io.Reader, tf Terraform, keep func(resourceType string) bool, opts ...Option) (*Plan, error) {
	var r io.Reader = stdin
	shown := quote.Path(name)
	piped := true // no file terraform can read again: copy it first
	if name != "-" {
		f, err := stream.Open(ctx, name)
		switch {
		case ctx.Err() != nil:
			return nil, fmt.Errorf("%s: interrupted", shown)
		case err != nil:
			return nil, fmt.Errorf("%s: %w", shown, errors.Unwrap(err)) // not the *PathError: "open" is noise
		}
		defer f.Close()
		fi, err := f.Stat()
		if err == nil && fi.IsDir() {
			return nil, fmt.Errorf("%s: is a directory, not a plan", shown)
		}
		r, piped = f, err != nil || !fi.Mode().IsRegular() || ownDescriptor(name, fi, stdin)
	}
	if piped {
		r = stream.NewReader(ctx, r)
	}
	br := bufio.NewReaderSize(ctxReader{ctx, r}, 64<<10)
	if head, _ := br.Peek(4); bytes.Equal(head, []byte("PK\x03\x04")) { // a saved plan is a zip
		return showPlan(ctx, shown, name, piped, br, tf, keep, opts...)
	}
	p, err := Read(br, keep, opts...)
	switch {
	case err != nil && ctx.Err() != nil:
		return nil, fmt.Errorf("%s: interrupted", shown)
	case err != nil:
		return nil, fmt.Errorf("%s: %w", shown, err)
	}
	return p, nil
}

// ctxReader stops reading once ctx is done.
type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}

// showPlan reads a binary plan through terraform show -json, streaming
// terraform's output into the plan reader. Like terraform show, it must run
// in the initialised working directory the plan was made in. A binary plan
// from a stream (stdin, a FIFO) is first written to a private temporary
// file, since terraform needs a path it can read; the file is removed
// whatever happens, an interrupt included. Terraform is killed when ctx is
// done or tf.Timeout passes. shown is name as it may be printed.
func showPlan(ctx context.Context, shown, name string, piped bool, r io.Reader, tf Terraform, keep func(string) bool, opts ...Option) (*Plan, error) {
	bin, err := findTerraform(tf.Path)
	if err != nil {
		return nil, fmt.Errorf("%s is a binary plan file: %v", shown, err)
	}
	path, dir := name, workingDir(name)
	if piped {
		var remove func()
		if path, remove, err = saveTemp(r); err != nil {
			if ctx.Err() != nil {
				return nil, fmt.Errorf("%s: interrupted", shown)
			}
			return nil, fmt.Errorf("%s: saving the binary plan to a temporary file: %v", shown, err)
		}
		defer remove()
	}
	if err := checkSavedPlan(path); err != nil {
		return nil, fmt.Errorf("%s: %v", shown, err)
	}
	runCtx, cancel := ctx, context.CancelFunc(func() {})
	if tf.Timeout > 0 {
		runCtx, cancel = context.WithTimeout(ctx, tf.Timeout)
	}
	defer cancel()
	// In the plan's own directory, a FIFO's and a file redirected to
	// stdin's too, by the path of its copy (round 322: they ran in the
	// current directory, and terraform found no providers).
	switch {
	case dir == "":
	case piped:
		if path, err = filepath.Abs(path); err != nil {
			return nil, fmt.Errorf("%s: %v", shown, err)
		}
	default:
		path = filepath.Base(path)
	}
	if strings.HasPrefix(path, "-") {
		path = "." + string(filepath.Separator) + path // a file, not a flag of terraform show
	}
	// stop ends terraform before its time: its output is no plan.
	runCtx, stop := context.WithCancel(runCtx)
	defer stop()
	cmd := exec.CommandContext(runCtx, bin, "show", "-json", "-no-color", path)
	cmd.Dir = dir
	if tmp := os.Getenv("TMPDIR"); dir != "" && tmp != "" && !filepath.IsAbs(tmp) {
		// Where the user ran iamguard, not in dir: terraform's provider
		// plugins make their sockets there (round 323: every plan shown
		// in its own directory failed with a relative TMPDIR).
		if abs, err := filepath.Abs(tmp); err == nil {
			cmd.Env = append(os.Environ(), "TMPDIR="+abs)
		}
	}
	ownGroup(cmd)
	// Once terraform is killed, stop waiting for its output even if a
	// child of it still holds the pipes open.
	cmd.WaitDelay = time.Second
	var stderr headWriter
	cmd.Stderr = &stderr
	pr, pw, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	defer pr.Close()
	cmd.Stdout = pw
	err = cmd.Start()
	pw.Close()
	switch {
	case err != nil && ctx.Err() != nil:
		return nil, fmt.Errorf("%s: interrupted; terraform show -json was stopped", shown)
	case err != nil && runCtx.Err() != nil:
		// A timeout so short that it ran out before terraform started.
		return nil, fmt.Errorf("%s: terraform show -json did not finish within the --terraform-timeout of %v", shown, tf.Timeout)
	case err != nil:
		return nil, fmt.Errorf("%s is a binary plan file, and running %s failed: %v", shown, quote.Path(bin), err)
	}
	forget := leave(func() { cmd.Cancel() }) // kills its process group, where there is one
	exited := make(chan error, 1)
	go func() {
		endGroup(cmd)
		err := cmd.Wait()
		forget()
		// What terraform wrote is in the pipe once it has exited: a
		// process it left behind holding the pipe open does not keep the
		// reading waiting for more (see endAtExit).
		pr.SetReadDeadline(time.Now().Add(time.Second))
		exited <- err
	}()
	out := endAtExit{pr}
	p, readErr := Read(out, keep, opts...)
	var stopping *time.Timer
	if readErr != nil {
		// The output is no plan. A terraform that failed says why as it
		// exits, which it is given a moment to do; one that goes on
		// writing (a wrapper, a foreign program) is stopped then, not
		// left to run out --terraform-timeout.
		stopping = time.AfterFunc(notPlanGrace, stop)
	}
	io.Copy(io.Discard, out) // let terraform finish writing before waiting
	if err = <-exited; errors.Is(err, exec.ErrWaitDelay) {
		err = nil // exited well; a process it left holds its stderr
	}
	stopped := stopping != nil && !stopping.Stop()
	switch {
	case ctx.Err() != nil:
		return nil, fmt.Errorf("%s: interrupted; terraform show -json was stopped", shown)
	case stopped:
		return nil, fmt.Errorf("%s: reading terraform show -json output: %w (terraform was stopped)", shown, readErr)
	case runCtx.Err() != nil:
		return nil, fmt.Errorf("%s: terraform show -json did not finish within the --terraform-timeout of %v", shown, tf.Timeout)
	case err != nil:
		msg := fmt.Sprintf("%s: terraform show -json failed (%v)", shown, err)
		if line := stderr.errorLine(); line != "" {
			msg += ": " + line
		}
		return nil, errors.New(msg)
	case readErr != nil:
		return nil, fmt.Errorf("%s: reading terraform show -json output: %w", shown, readErr)
	}
	return p, nil
}

// endAtExit reads terraform's output until terraform has exited and the
// pipe is empty, even if a process it started holds the pipe open: the
// read deadline set at its exit ends the output.
type endAtExit struct{ f *os.File }

func (r endAtExit) Read(b []byte) (int, error) {
	n, err := r.f.Read(b)
	if errors.Is(err, os.ErrDeadlineExceeded) {
		err = io.EOF
	}
	return n, err
}

// notPlanGrace is how long terraform may go on once its output is known
// not to be a plan, to exit with its own error.
const notPlanGrace = 2 * time.Second

// TerraformEnv names the environment variable that chooses the CLI for
// binary plans when --terraform is not given, e.g. IAMGUARD_TERRAFORM=tofu.
const TerraformEnv = "IAMGUARD_TERRAFORM"

// findTerraform finds the CLI that reads binary plans: --terraform, else
// $IAMGUARD_TERRAFORM, else terraform on PATH, else tofu on PATH (OpenTofu
// writes and shows plans in the same formats).
func findTerraform(flagValue string) (string, error) {
	name, from := flagValue, "--terraform "
	if name == "" {
		name, from = os.Getenv(TerraformEnv), TerraformEnv+"="
	}
	// As Go's os/exec, a program found first through a relative entry of
	// PATH (".", "", "bin") is not run, and the error says so (round 322:
	// it said none was found, or ran tofu on a Terraform plan; round 323:
	// so did --terraform terraform).
	relative := func(name, tf string) error {
		return fmt.Errorf("%s is found first through a relative entry of PATH (%s), which iamguard does not run; pass --terraform with its absolute path", name, quote.Path(tf))
	}
	if name != "" {
		tf, err := lookPath(name)
		switch {
		case errors.Is(err, exec.ErrDot):
			return "", fmt.Errorf("%s%s: %w", from, quote.Path(name), relative(name, tf))
		case err != nil:
			return "", fmt.Errorf("%s%s: not found, or not an executable file", from, quote.Path(name))
		}
		return tf, nil
	}
	for _, name := range []string{"terraform", "tofu"} {
		tf, err := lookPath(name)
		switch {
		case err == nil:
			return tf, nil
		case errors.Is(err, exec.ErrDot):
			return "", relative(name, tf)
		}
	}
	return "", errors.New("no terraform (or tofu) found on PATH; install one, pass --terraform PATH, or lint the output of terraform show -json")
}

// lookPath is exec.LookPath, made absolute: terraform show may run in the
// plan's own directory (see workingDir), where ./tf is another file.
func lookPath(name string) (string, error) {
	tf, err := exec.LookPath(name)
	if err != nil {
		return tf, err
	}
	return filepath.Abs(tf)
}

// workingDir is where terraform show runs for a binary plan: the plan's own
// directory when it is an initialised working directory (it holds
// .terraform), as when plans of several configurations are linted in one
// run; else the current directory. With TF_DATA_DIR set, .terraform says
// nothing, so the current directory is used.
func workingDir(name string) string {
	if name == "-" || os.Getenv("TF_DATA_DIR") != "" {
		return ""
	}
	dir := filepath.Dir(name)
	if fi, err := os.Stat(filepath.Join(dir, ".terraform")); err != nil || !fi.IsDir() {
		return ""
	}
	return dir
}

// IsBinaryPlan reports whether the file is a saved plan: a zip archive
// holding Terraform's "tfplan" entry (OpenTofu's unencrypted plans are the
// same). Other zips, such as a Lambda function's code, are not plans;
// broken says the file starts as a zip does but cannot be read as one (a
// truncated plan).
func IsBinaryPlan(name string) (plan, broken bool) {
	f, err := os.Open(name)
	if err != nil {
		return false, false
	}
	defer f.Close()
	head := make([]byte, 4)
	if _, err := io.ReadFull(f, head); err != nil || !bytes.Equal(head, []byte("PK\x03\x04")) {
		return false, false
	}
	fi, err := f.Stat()
	if err != nil {
		return false, true
	}
	if checkZipDirectory(f, fi.Size()) != nil {
		return false, false // no saved plan: past 4 GiB or 65,535 entries, or a directory past 16 MiB
	}
	zr, err := zip.NewReader(f, fi.Size())
	if err != nil {
		return false, true
	}
	for _, e := range zr.File {
		if e.Name == "tfplan" {
			return true, false
		}
	}
	return false, false
}

// maxSavedPlan bounds a saved plan: its file, and its entries once
// uncompressed, which terraform show holds several times over. A saved plan
// of 100,000 resources is a fraction of it; a zip of 3 GiB of zeros is 3 MB.
var maxSavedPlan int64 = 512 << 20 // a variable for tests

// checkSavedPlan refuses a saved plan terraform show should not be given:
// a zip it cannot read (cut short, say), with the reason, or one past
// maxSavedPlan uncompressed.
func checkSavedPlan(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return err
	}
	if err := checkZipDirectory(f, fi.Size()); err != nil {
		return err
	}
	zr, err := zip.NewReader(f, fi.Size())
	if err != nil {
		return fmt.Errorf("a binary plan is a zip archive, and this one cannot be read (%v): is it cut short?", err)
	}
	var size uint64
	for _, e := range zr.File {
		if size += e.UncompressedSize64; size > uint64(maxSavedPlan) || size < e.UncompressedSize64 {
			return fmt.Errorf("a binary plan of past %d MiB uncompressed, more than iamguard lets terraform show", maxSavedPlan>>20)
		}
	}
	return nil
}

// maxZipDirectory bounds the central directory of a saved plan's zip,
// which zip.NewReader holds in memory (about 200 bytes an entry, with its
// name): a zip of millions of empty entries is a few bytes each. A saved
// plan holds the plan, two states and the configuration's files.
const maxZipDirectory = 16 << 20

// checkZipDirectory refuses a zip whose central directory, as its end
// record says, is past maxZipDirectory, or in the zip64 form, which only
// archives past 4 GiB or 65,535 entries need (a saved plan iamguard reads
// is neither). A file without an end record is left to zip.NewReader.
func checkZipDirectory(r io.ReaderAt, size int64) error {
	const endLen, maxComment = 22, 65535
	tail := make([]byte, min(size, endLen+maxComment))
	if _, err := r.ReadAt(tail, size-int64(len(tail))); err != nil && err != io.EOF {
		return err
	}
	i := bytes.LastIndex(tail, []byte("PK\x05\x06"))
	if i < 0 || len(tail)-i < endLen {
		return nil
	}
	entries, dirSize := binary.LittleEndian.Uint16(tail[i+10:]), binary.LittleEndian.Uint32(tail[i+12:])
	switch {
	case entries == 0xffff || dirSize == 0xffffffff || i >= 20 && bytes.Equal(tail[i-20:i-16], []byte("PK\x06\x07")):
		return errors.New("a binary plan in the zip64 form, which only archives past 4 GiB or 65,535 entries need; a saved plan iamguard reads is neither")
	case dirSize > maxZipDirectory:
		return fmt.Errorf("a binary plan whose zip directory is past %d MiB, more than a saved plan needs", maxZipDirectory>>20)
	}
	return nil
}

// ownDescriptor reports whether name may stand for one of this process's
// descriptors (/dev/stdin and a file redirected there, /dev/fd/3,
// /proc/self/fd/3, a link to one): another file in terraform, whose
// descriptors are its own.
func ownDescriptor(name string, fi os.FileInfo, stdin io.Reader) bool {
	if clean := filepath.Clean(name); strings.HasPrefix(clean, "/dev/") || strings.HasPrefix(clean, "/proc/") {
		return true
	}
	if f, ok := stdin.(*os.File); ok {
		in, err := f.Stat()
		return err == nil && os.SameFile(fi, in)
	}
	return false
}

// leftovers holds, by a number of its own, what reading a binary plan
// leaves behind should the process end at once: a temporary copy to
// remove, a terraform show to kill with its process group.
var leftovers struct {
	sync.Mutex
	next int
	undo map[int]func()
}

// leave records undo until the returned func forgets it.
func leave(undo func()) (forget func()) {
	leftovers.Lock()
	defer leftovers.Unlock()
	if leftovers.undo == nil {
		leftovers.undo = map[int]func(){}
	}
	n := leftovers.next
	leftovers.next++
	leftovers.undo[n] = undo
	return func() {
		leftovers.Lock()
		defer leftovers.Unlock()
		delete(leftovers.undo, n)
	}
}

// Abandon kills every terraform show running and removes every temporary
// copy of a plan: for a process that must end at once, without its
// deferred calls. Nothing may read a plan after it.
func Abandon() {
	leftovers.Lock() // and never unlocked: the process ends
	for _, undo := range leftovers.undo {
		undo()
	}
}

// saveTemp copies r, at most maxSavedPlan bytes, to a new temporary file
// (mode 0600) and returns its path, and remove, which removes it.
func saveTemp(r io.Reader) (path string, remove func(), err error) {
	f, err := os.CreateTemp("", "iamguard-*.tfplan")
	if err != nil {
		return "", nil, err
	}
	forget := leave(func() { os.Remove(f.Name()) })
	remove = func() { os.Remove(f.Name()); forget() }
	n, err := io.Copy(f, io.LimitReader(r, maxSavedPlan+1))
	if err == nil && n > maxSavedPlan {
		err = fmt.Errorf("past %d MiB, more than a binary plan iamguard reads", maxSavedPlan>>20)
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		remove()
		return "", nil, err
	}
	return f.Name(), remove, nil
}

// headWriter keeps the first 16 KiB written to it: enough for an error
// message, bounded whatever a child process prints.
type headWriter struct{ buf []byte }

func (w *headWriter) Write(p []byte) (int, error) {
	if room := 16<<10 - len(w.buf); room > 0 {
		w.buf = append(w.buf, p[:min(room, len(p))]...)
	}
	return len(p), nil
}

// errorLine condenses Terraform's stderr into one line: its first
// "Error: summary" with the paragraph after it, else the first non-blank
// line. Warnings printed before the error are skipped, and so is what a
// diagnostic quotes of the configuration: its source lines ("3:   x =
// ...") and the values under them ("│ var.x is ..."), which may be
// secrets. PEM material, whoever prints it (a wrapper), is cut off at its
// armour (round 245).
func (w *headWriter) errorLine() string {
	var lines []string
	for _, l := range strings.Split(string(w.buf), "\n") {
		if quoted(l) {
			continue
		}
		lines = append(lines, strings.Trim(l, " \t\r│╷╵"))
	}
	line := ""
	for i, l := range lines {
		summary, ok := strings.CutPrefix(l, "Error: ")
		if !ok {
			continue
		}
		var detail []string
		for _, d := range lines[i+1:] {
			if d == "" && len(detail) > 0 {
				break
			}
			if d != "" {
				detail = append(detail, d)
			}
		}
		if len(detail) > 0 {
			summary += ": " + strings.Join(detail, " ")
		}
		line = summary
		break
	}
	if line == "" {
		for _, l := range lines {
			if l != "" {
				line = l
				break
			}
		}
	}
	if i := strings.Index(line, "-----BEGIN"); i >= 0 {
		line = line[:i] + "(PEM material withheld)"
	}
	return line
}

// quoted reports whether a line of a Terraform diagnostic quotes the
// configuration: a source line, numbered, or a value under it ("3: ...",
// "│ var.x is ...", "├────"), as terraform show -no-color writes them, or
// within the frame it draws in colour ("│   3: ...").
func quoted(l string) bool {
	body := strings.TrimLeft(strings.TrimPrefix(l, "│ "), " ")
	if strings.HasPrefix(body, "│") || strings.HasPrefix(body, "├") {
		return true
	}
	digits := len(body) - len(strings.TrimLeft(body, "0123456789"))
	return digits > 0 && strings.HasPrefix(body[digits:], ":")
}
