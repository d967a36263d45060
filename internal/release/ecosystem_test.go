package release

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

const root = "../.."

func needBash(t *testing.T) string {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("the action's steps are bash scripts; this test runs them on Linux and macOS")
	}
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("no bash")
	}
	return bash
}

// actionFile is the part of action.yml the test reads.
type actionFile struct {
	Inputs  map[string]struct{ Description, Default string } `yaml:"inputs"`
	Outputs map[string]struct{ Description, Value string }   `yaml:"outputs"`
	Runs    struct {
		Using string `yaml:"using"`
		Steps []struct {
			ID   string            `yaml:"id"`
			If   string            `yaml:"if"`
			Uses string            `yaml:"uses"`
			Run  string            `yaml:"run"`
			Env  map[string]string `yaml:"env"`
			With map[string]string `yaml:"with"`
		} `yaml:"steps"`
	} `yaml:"runs"`
}

var (
	inputRef  = regexp.MustCompile(`inputs\.([a-z-]+)`)
	outputRef = regexp.MustCompile(`steps\.([a-z]+)\.outputs\.([a-z-]+)`)
	scriptRef = regexp.MustCompile(`\$GITHUB_ACTION_PATH/(\S+\.sh)`)
	envRead   = regexp.MustCompile(`\$\{?(INPUT_[A-Z_]+)`)
)

// TestActionDefinition checks action.yml against its scripts: every input
// used is declared and documented, every INPUT_ variable a script reads is
// passed by its step, and every output comes from a step that sets it.
func TestActionDefinition(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(root, "action.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var a actionFile
	if err := yaml.Unmarshal(data, &a); err != nil {
		t.Fatalf("action.yml: %v", err)
	}
	if a.Runs.Using != "composite" {
		t.Errorf("runs.using = %q, want composite", a.Runs.Using)
	}
	for _, want := range []string{"plan", "format", "fail-on", "config", "no-config", "upload-sarif", "comment", "version"} {
		if in, ok := a.Inputs[want]; !ok || in.Description == "" {
			t.Errorf("input %q is missing or undocumented", want)
		}
	}
	for _, m := range inputRef.FindAllStringSubmatch(string(data), -1) {
		if _, ok := a.Inputs[m[1]]; !ok {
			t.Errorf("action.yml uses inputs.%s, which is not declared", m[1])
		}
	}
	sets := map[string]bool{} // "step.output" a step's script sets
	for _, s := range a.Runs.Steps {
		m := scriptRef.FindStringSubmatch(s.Run)
		if m == nil {
			if s.Uses == "" {
				t.Errorf("step %q runs inline shell; keep step logic in .github/action/*.sh so test.sh covers it", s.ID)
			}
			continue
		}
		script, err := os.ReadFile(filepath.Join(root, m[1]))
		if err != nil {
			t.Errorf("step %q: %v", s.ID, err)
			continue
		}
		if fi, _ := os.Stat(filepath.Join(root, m[1])); fi == nil || fi.Mode()&0o111 == 0 {
			t.Errorf("%s is not executable", m[1])
		}
		for _, r := range envRead.FindAllStringSubmatch(string(script), -1) {
			if _, ok := s.Env[r[1]]; !ok {
				t.Errorf("%s reads %s, which step %q does not pass", m[1], r[1], s.ID)
			}
		}
		for _, o := range regexp.MustCompile(`"?([a-z-]+)=`).FindAllStringSubmatch(string(script), -1) {
			sets[s.ID+"."+o[1]] = true
		}
		if strings.Contains(string(script), `echo "$name=`) { // the report-file outputs
			for _, n := range []string{"json-file", "sarif-file", "junit-file", "markdown-file"} {
				sets[s.ID+"."+n] = true
			}
		}
	}
	refs := string(data)
	for _, m := range outputRef.FindAllStringSubmatch(refs, -1) {
		if !sets[m[1]+"."+m[2]] {
			t.Errorf("action.yml uses steps.%s.outputs.%s, which that step's script never sets", m[1], m[2])
		}
	}
	var upload bool
	for _, s := range a.Runs.Steps {
		if strings.HasPrefix(s.Uses, "github/codeql-action/upload-sarif@") {
			upload = strings.Contains(s.If, "always()") && strings.Contains(s.If, "inputs.upload-sarif == 'true'")
		}
	}
	if !upload {
		t.Error("no upload-sarif step that runs, when asked, even after findings fail the lint step")
	}
}

// TestGitHubAction runs the action's shell steps as a runner would
// (.github/action/test.sh): install from this checkout and from a local
// "release", lint with each input, and check outputs and exit codes.
func TestGitHubAction(t *testing.T) {
	bash := needBash(t)
	if testing.Short() {
		t.Skip("builds iamguard; skipped with -short")
	}
	cmd := exec.Command(bash, filepath.Join(root, ".github", "action", "test.sh"))
	cmd.Env = append(os.Environ(), "IAMGUARD_DOWNLOAD_URL=") // never the network
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("test.sh: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "all action checks passed") {
		t.Fatalf("test.sh did not finish:\n%s", out)
	}
	t.Logf("%d action checks passed", strings.Count(string(out), "\nok - ")+1)
}

// hook is one entry of .pre-commit-hooks.yaml.
type hook struct {
	ID            string   `yaml:"id"`
	Entry         string   `yaml:"entry"`
	Language      string   `yaml:"language"`
	PassFilenames *bool    `yaml:"pass_filenames"`
	Args          []string `yaml:"args"`
}

// TestPreCommitHook runs the hook's entry as pre-commit would, with the
// plan in args, against a plan with findings, a clean plan and a missing one.
func TestPreCommitHook(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(root, ".pre-commit-hooks.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var hooks []hook
	if err := yaml.Unmarshal(data, &hooks); err != nil {
		t.Fatalf(".pre-commit-hooks.yaml: %v", err)
	}
	i := slices.IndexFunc(hooks, func(h hook) bool { return h.ID == "iamguard" })
	if i < 0 {
		t.Fatal("no iamguard hook")
	}
	h := hooks[i]
	// language golang: pre-commit go-installs this repository, which puts
	// iamguard on the hook's PATH; pass_filenames false: args name the plan.
	if h.Language != "golang" || h.PassFilenames == nil || *h.PassFilenames {
		t.Errorf("hook %+v: want language golang and pass_filenames false", h)
	}
	entry := strings.Fields(h.Entry)
	if len(entry) == 0 || entry[0] != "iamguard" {
		t.Fatalf("entry %q does not run iamguard", h.Entry)
	}

	bin := t.TempDir()
	build := exec.Command("go", "build", "-o", filepath.Join(bin, "iamguard"), "./cmd/iamguard")
	build.Dir = root
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	t.Setenv("PATH", bin+string(os.PathListSeparator)+os.Getenv("PATH"))

	dir := t.TempDir()
	clean := filepath.Join(dir, "clean.json")
	os.WriteFile(clean, []byte(`{"format_version":"1.2","terraform_version":"1.8.5","resource_changes":[]}`), 0o600)
	fixture, _ := filepath.Abs(filepath.Join(root, "cmd", "iamguard", "testdata", "plan.json"))
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{fixture}, 1, "IG101"},
		{[]string{"--fail-on", "critical", fixture}, 0, "3 findings"},
		{[]string{clean}, 0, "0 findings"},
		{[]string{"--format", "github", clean, fixture}, 1, "::error title=IG101"},
		{[]string{filepath.Join(dir, "tfplan.json")}, 2, "no such file or directory"},
	} {
		args := append(append([]string{}, h.Args...), c.args...)
		cmd := exec.Command(entry[0], append(entry[1:], args...)...)
		cmd.Dir = dir
		out, _ := cmd.CombinedOutput()
		if code := cmd.ProcessState.ExitCode(); code != c.code || !strings.Contains(string(out), c.want) {
			t.Errorf("%s %v: exit %d, want %d with %q in:\n%s", h.Entry, args, code, c.code, c.want, out)
		}
	}
}

// TestReleaseWorkflowTags: the release workflow runs for a whole version's
// tag and for no series tag (v1, v1.2) the action is used by, which moves
// onto a release commit; goreleaser releases the tag pushed. Patterns are
// read as GitHub reads them: * is any run of characters but /, + one or
// more of what comes before, [0-9] a class.
func TestReleaseWorkflowTags(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(root, ".github", "workflows", "release.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var wf struct {
		On struct {
			Push struct{ Tags []string } `yaml:"push"`
		} `yaml:"on"`
		Jobs map[string]struct {
			Steps []struct {
				Run string            `yaml:"run"`
				Env map[string]string `yaml:"env"`
			} `yaml:"steps"`
		} `yaml:"jobs"`
	}
	if err := yaml.Unmarshal(data, &wf); err != nil {
		t.Fatal(err)
	}
	if len(wf.On.Push.Tags) == 0 {
		t.Fatal("release.yml runs on no tag")
	}
	matches := func(tag string) bool {
		for _, p := range wf.On.Push.Tags {
			re := strings.NewReplacer(".", `\.`, "**", ".*", "*", "[^/]*").Replace(p) // +, ? and [0-9] mean in a regexp what they mean here
			if regexp.MustCompile("^" + re + "$").MatchString(tag) {
				return true
			}
		}
		return false
	}
	for _, tag := range []string{"v1.2.3", "v0.1.0", "v10.20.30", "v1.2.3-rc.1"} {
		if !matches(tag) {
			t.Errorf("tag %s makes no release", tag)
		}
	}
	for _, tag := range []string{"v1", "v1.2", "v9", "v9.9", "latest", "vX.Y.Z", "1.2.3"} {
		if matches(tag) {
			t.Errorf("series or other tag %s makes a release", tag)
		}
	}
	released := false
	for _, job := range wf.Jobs {
		for _, st := range job.Steps {
			if strings.Contains(st.Run, "make release") {
				released = true
				if st.Env["GORELEASER_CURRENT_TAG"] != "${{ github.ref_name }}" {
					t.Errorf("make release runs with GORELEASER_CURRENT_TAG %q, want the tag pushed", st.Env["GORELEASER_CURRENT_TAG"])
				}
			}
		}
	}
	if !released {
		t.Error("release.yml never runs make release")
	}
}
