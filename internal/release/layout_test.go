package release

import (
	"archive/tar"
	"archive/zip"
	"bufio"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"debug/buildinfo"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
)

const project = "terraform-provider-iamguard"

// allTargets is the release matrix of .goreleaser.yml.
var allTargets = []string{
	"darwin_amd64", "darwin_arm64", "linux_amd64", "linux_arm64", "windows_amd64", "windows_arm64",
}

// dist finds the snapshot: $IAMGUARD_DIST, else dist/ at the repository
// root. Without one the test is skipped, except under make release-check
// (IAMGUARD_RELEASE_CHECK=1), which has just built it.
func dist(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("IAMGUARD_DIST")
	if dir == "" {
		dir = filepath.Join("..", "..", "dist")
	}
	if _, err := os.Stat(filepath.Join(dir, "metadata.json")); err != nil {
		if os.Getenv("IAMGUARD_RELEASE_CHECK") != "" {
			t.Fatalf("no goreleaser snapshot in %s: %v", dir, err)
		}
		t.Skipf("no goreleaser snapshot in %s: make release-check builds one and runs this test", dir)
	}
	return dir
}

// targets are the os_arch pairs of the provider zips in the snapshot.
// Under make release-check they must be the whole matrix, or the one
// target in $RELEASE_TARGET (make test's quicker CI snapshot); a snapshot
// left from an earlier run is checked for what it holds.
func targets(t *testing.T, dir, version string) []string {
	t.Helper()
	prefix := fmt.Sprintf("%s_%s_", project, version)
	zips, _ := filepath.Glob(filepath.Join(dir, prefix+"*.zip"))
	var found []string
	for _, z := range zips {
		target := strings.TrimSuffix(strings.TrimPrefix(filepath.Base(z), prefix), ".zip")
		if !slices.Contains(allTargets, target) {
			t.Errorf("%s: %s is not in the release matrix %v", z, target, allTargets)
		}
		found = append(found, target)
	}
	if len(found) == 0 {
		t.Fatalf("no %s*.zip in %s", prefix, dir)
	}
	if os.Getenv("IAMGUARD_RELEASE_CHECK") != "" {
		want := allTargets
		if one := os.Getenv("RELEASE_TARGET"); one != "" {
			want = []string{one}
		}
		if !slices.Equal(found, want) {
			t.Fatalf("the snapshot has provider zips for %v, want %v", found, want)
		}
	}
	return found
}

type metadata struct {
	ProjectName string `json:"project_name"`
	Version     string `json:"version"`
	Commit      string `json:"commit"`
}

func readMetadata(t *testing.T, dir string) (meta metadata) {
	t.Helper()
	defer func() {
		// goreleaser says "none" when it cannot read the git state, as in
		// a clone without a remote; a fresh clone of the repository has one.
		if head, err := exec.Command("git", "rev-parse", "HEAD").Output(); err == nil && meta.Commit == "none" {
			t.Logf("goreleaser recorded commit none (no git remote?); HEAD is %s", bytes.TrimSpace(head))
		}
	}()
	data, err := os.ReadFile(filepath.Join(dir, "metadata.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &meta); err != nil {
		t.Fatalf("metadata.json: %v", err)
	}
	if meta.ProjectName != project || meta.Version == "" || strings.HasPrefix(meta.Version, "v") || meta.Commit == "" {
		t.Fatalf("metadata.json: %+v; want project %s, a version without v, and a commit", meta, project)
	}
	return meta
}

func sha256File(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// readSums parses NAME_SHA256SUMS: "<sha256>  <file>" per line.
func readSums(t *testing.T, path string) map[string]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("the checksum file the registry needs: %v", err)
	}
	defer f.Close()
	sums := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		sum, name, ok := strings.Cut(sc.Text(), "  ")
		if !ok || len(sum) != 64 || name == "" {
			t.Fatalf("%s: line %q is not \"<sha256>  <file>\"", path, sc.Text())
		}
		sums[name] = sum
	}
	return sums
}

// member is one file taken out of an archive.
type member struct {
	data []byte
	mode os.FileMode
}

func unzip(t *testing.T, path string) map[string]member {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	defer zr.Close()
	out := map[string]member{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		out[f.Name] = member{data, f.Mode()}
	}
	return out
}

func untar(t *testing.T, path string) map[string]member {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	tr := tar.NewReader(gz)
	out := map[string]member{}
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		data, err := io.ReadAll(tr)
		if err != nil {
			t.Fatal(err)
		}
		out[h.Name] = member{data, h.FileInfo().Mode()}
	}
}

func names(m map[string]member) []string {
	var out []string
	for n := range m {
		out = append(out, n)
	}
	slices.Sort(out)
	return out
}

// checkBuild checks how a binary was built: for the target, static
// (CGO_ENABLED=0), -trimpath, and the version, commit and date by ldflags.
func checkBuild(t *testing.T, label string, bin []byte, goos, goarch string, meta metadata) {
	t.Helper()
	bi, err := buildinfo.Read(bytes.NewReader(bin))
	if err != nil {
		t.Errorf("%s: no Go build information: %v", label, err)
		return
	}
	set := map[string]string{}
	for _, s := range bi.Settings {
		set[s.Key] = s.Value
	}
	for k, want := range map[string]string{"GOOS": goos, "GOARCH": goarch, "CGO_ENABLED": "0", "-trimpath": "true"} {
		if set[k] != want {
			t.Errorf("%s: build setting %s = %q, want %q", label, k, set[k], want)
		}
	}
	// Go leaves -ldflags out of the build information under -trimpath, so
	// look for the injected strings themselves (runVersion shows them).
	for _, want := range []string{meta.Version, meta.Commit} {
		if !bytes.Contains(bin, []byte(want)) {
			t.Errorf("%s: %q (injected with -X) is not in the binary", label, want)
		}
	}
}

// TestReleaseLayout checks the snapshot in dist/: the registry's archive
// names and contents, the SHA256SUMS that covers them, and the CLI
// archives the GitHub Action downloads.
func TestReleaseLayout(t *testing.T) {
	dir := dist(t)
	meta := readMetadata(t, dir)
	v := meta.Version
	manifest, err := os.ReadFile(filepath.Join("..", "..", "terraform-registry-manifest.json"))
	if err != nil {
		t.Fatal(err)
	}

	sums := readSums(t, filepath.Join(dir, fmt.Sprintf("%s_%s_SHA256SUMS", project, v)))
	// The registry checks the manifest against SHA256SUMS under this name
	// (the release uploads the repository's file under it).
	if want := fmt.Sprintf("%x", sha256.Sum256(manifest)); sums[fmt.Sprintf("%s_%s_manifest.json", project, v)] != want {
		t.Errorf("SHA256SUMS lacks %s_%s_manifest.json with the manifest's checksum", project, v)
	}

	listed := map[string]bool{}
	for _, target := range targets(t, dir, v) {
		goos, goarch, _ := strings.Cut(target, "_")
		exe := ""
		if goos == "windows" {
			exe = ".exe"
		}

		// The provider, in the registry's zip layout.
		zipName := fmt.Sprintf("%s_%s_%s.zip", project, v, target)
		files := unzip(t, filepath.Join(dir, zipName))
		bin := fmt.Sprintf("%s_v%s%s", project, v, exe)
		if got, want := names(files), []string{bin, "terraform-registry-manifest.json"}; !slices.Equal(got, want) {
			t.Errorf("%s holds %v, want %v", zipName, got, want)
		}
		if !bytes.Equal(files["terraform-registry-manifest.json"].data, manifest) {
			t.Errorf("%s: terraform-registry-manifest.json differs from the repository's", zipName)
		}
		if b, ok := files[bin]; ok {
			if b.mode&0o111 == 0 && goos != "windows" {
				t.Errorf("%s: %s is not executable (mode %v)", zipName, bin, b.mode)
			}
			checkBuild(t, zipName, b.data, goos, goarch, meta)
		}

		// The CLI.
		cliName := fmt.Sprintf("iamguard_%s_%s.tar.gz", v, target)
		var cli map[string]member
		if goos == "windows" {
			cliName = strings.TrimSuffix(cliName, ".tar.gz") + ".zip"
			cli = unzip(t, filepath.Join(dir, cliName))
		} else {
			cli = untar(t, filepath.Join(dir, cliName))
		}
		if got, want := names(cli), []string{"README.md", "iamguard" + exe}; !slices.Equal(got, want) {
			t.Errorf("%s holds %v, want %v", cliName, got, want)
		}
		if b, ok := cli["iamguard"+exe]; ok {
			checkBuild(t, cliName, b.data, goos, goarch, meta)
			if goos == runtime.GOOS && goarch == runtime.GOARCH {
				runVersion(t, b.data, meta)
			}
		}

		for _, name := range []string{zipName, cliName} {
			listed[name] = true
			if got, want := sums[name], sha256File(t, filepath.Join(dir, name)); got != want {
				t.Errorf("SHA256SUMS has %q for %s; the file's sha256 is %s", got, name, want)
			}
		}
	}
	// Nothing else is listed, and what is listed matches (the manifest,
	// which is not in dist/, was checked above).
	for name := range sums {
		if !listed[name] && !strings.HasSuffix(name, "_manifest.json") {
			t.Errorf("SHA256SUMS lists %s, which the release should not have", name)
		}
	}
}

// runVersion runs the host's iamguard from the archive: `iamguard version`
// shows what the ldflags injected.
func runVersion(t *testing.T, bin []byte, meta metadata) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "iamguard")
	if err := os.WriteFile(path, bin, 0o755); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(path, "version").Output()
	if err != nil {
		t.Fatalf("iamguard version: %v", err)
	}
	want := fmt.Sprintf("iamguard %s (commit %s, committed ", meta.Version, meta.Commit)
	if !strings.HasPrefix(string(out), want) {
		t.Errorf("iamguard version = %q, want it to start %q", out, want)
	}
}
