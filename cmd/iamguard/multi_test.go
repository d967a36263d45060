package main

import (
	"archive/zip"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/iamguard/terraform-provider-iamguard/internal/lint"
	"github.com/iamguard/terraform-provider-iamguard/internal/plan"
	"github.com/iamguard/terraform-provider-iamguard/internal/report"
)

const (
	cleanPlan = `{"format_version":"1.2","terraform_version":"1.8.5","resource_changes":[]}`
	statePlan = `{"format_version":"1.0","terraform_version":"1.8.5","values":{"root_module":{}}}`
	riskyPlan = "../../examples/plans/iam-risky-changes.json"
)

// multiReport is the merged JSON report: the one-plan fields plus plans.
type multiReport struct {
	jsonReport
	Plans []struct {
		Path    string `json:"path"`
		Error   string `json:"error"`
		Summary *struct {
			Resources int            `json:"resources"`
			Findings  int            `json:"findings"`
			By        map[string]int `json:"by_severity"`
		} `json:"summary"`
	} `json:"plans"`
	FindingPlans []struct {
		Plan string `json:"plan"`
	} `json:"findings"`
}

func decodeMulti(t *testing.T, r result) multiReport {
	t.Helper()
	var rep multiReport
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatalf("report is not JSON (%v); stderr: %s", err, r.stderr)
	}
	if err := json.Unmarshal([]byte(r.stdout), &rep.jsonReport); err != nil {
		t.Fatal(err)
	}
	return rep
}

// copyFile copies src to dir/name (making dir) and returns the new path.
func copyFile(t *testing.T, src, dir, name string) string {
	t.Helper()
	data, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	return writeFile(t, dir, name, string(data))
}

func writeFile(t *testing.T, dir, name, data string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestManyPlansMerged(t *testing.T) {
	one := decode(t, lintCLI(t, nil, "lint", "--format", "json", fixture))
	two := decode(t, lintCLI(t, nil, "lint", "--format", "json", riskyPlan))

	r := lintCLI(t, nil, "lint", "--format", "json", fixture, riskyPlan)
	if r.code != 1 || r.stderr != "" {
		t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
	}
	m := decodeMulti(t, r)
	if len(m.Plans) != 2 || m.Plans[0].Path != fixture || m.Plans[1].Path != riskyPlan {
		t.Fatalf("plans = %+v", m.Plans)
	}
	if m.Plans[0].Summary.Findings != one.Summary.Findings || m.Plans[1].Summary.Findings != two.Summary.Findings {
		t.Errorf("per-plan summaries %+v %+v, want %d and %d findings", m.Plans[0].Summary, m.Plans[1].Summary,
			one.Summary.Findings, two.Summary.Findings)
	}
	if m.Summary.Findings != one.Summary.Findings+two.Summary.Findings ||
		m.Summary.Resources != one.Summary.Resources+two.Summary.Resources {
		t.Errorf("total summary %+v is not the sum of the plans'", m.Summary)
	}
	if len(m.Findings) != len(one.Findings)+len(two.Findings) {
		t.Fatalf("%d findings, want %d", len(m.Findings), len(one.Findings)+len(two.Findings))
	}
	for i, f := range m.Findings {
		plan := m.FindingPlans[i].Plan
		if !strings.HasPrefix(f.Address, plan+":") || (plan != fixture && plan != riskyPlan) {
			t.Errorf("finding %s at %q (plan %q): address not prefixed with its plan's path", f.RuleID, f.Address, plan)
		}
	}
	// Each plan's findings come through in order, their addresses intact.
	for i, f := range one.Findings {
		if got := m.Findings[i].Address; got != fixture+":"+f.Address {
			t.Errorf("finding %d address %q, want %q", i, got, fixture+":"+f.Address)
		}
	}

	// One plan keeps the one-plan report: no plans list, no prefixes.
	single := lintCLI(t, nil, "lint", "--format", "json", fixture)
	if strings.Contains(single.stdout, `"plans"`) || strings.Contains(single.stdout, fixture+":") {
		t.Errorf("a one-plan report changed shape:\n%s", single.stdout)
	}
}

// TestPlanNamedAgain: a plan named twice, or found again in a directory
// given, or through a link, is linted once, with a note (round 339: every
// finding twice, and the totals doubled).
func TestPlanNamedAgain(t *testing.T) {
	one := decode(t, lintCLI(t, nil, "lint", "--format", "json", riskyPlan))
	dir := t.TempDir()
	risky := copyFile(t, riskyPlan, dir, "prod/plan.json")
	if err := os.Symlink(risky, filepath.Join(dir, "link.json")); err != nil {
		t.Fatal(err)
	}
	if err := os.Link(risky, filepath.Join(dir, "hard.json")); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{risky, risky},
		{filepath.Join(dir, "prod"), risky},
		{risky, filepath.Join(dir, "prod", "..", "prod", "plan.json")},
		{risky, filepath.Join(dir, "link.json")},
		{risky, filepath.Join(dir, "hard.json")},
	} {
		r := lintCLI(t, nil, append([]string{"lint", "--format", "json"}, args...)...)
		if m := decodeMulti(t, r); r.code != 1 || m.Summary.Findings != one.Summary.Findings || len(m.Findings) != len(one.Findings) {
			t.Errorf("%q: exit %d, %d findings in total, %d listed; want 1, %d", args, r.code, m.Summary.Findings, len(m.Findings), one.Summary.Findings)
		}
		if !strings.Contains(r.stderr, "skipped, named again: it is linted once") {
			t.Errorf("%q: stderr %q does not say a plan was named again", args, r.stderr)
		}
	}
	// Stdin redirected from the plan named beside it (round 341: linted
	// twice, without a note).
	f, err := os.Open(risky)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, args := range [][]string{{risky, "-"}, {"-", risky}, {"-", filepath.Join(dir, "prod")}} { // the file kept (rounds 342, 343)
		if _, err := f.Seek(0, 0); err != nil {
			t.Fatal(err)
		}
		var out, errb bytes.Buffer
		code := run(append([]string{"lint", "--format", "json"}, args...), f, &out, &errb)
		if m := decodeMulti(t, result{code, out.String(), errb.String()}); code != 1 || m.Summary.Findings != one.Summary.Findings ||
			!strings.Contains(errb.String(), "-: skipped, named again") {
			t.Errorf("%q, stdin from the plan: exit %d, %d findings, stderr %q; want 1, %d, stdin skipped", args, code, m.Summary.Findings, errb.String(), one.Summary.Findings)
		}
	}
}

// TestPlanNamedAgainIsNoOther: a path through a linked directory and ..
// names the file the system finds there, which is another plan than the
// same path cleaned as text (round 340: taken for one, its high finding
// was lost, exit 0); and so is a directory named so. A file named on the
// command line is read as named, even after a directory holding it (round
// 340: a named file that is no plan was skipped, exit 0).
func TestPlanNamedAgainIsNoOther(t *testing.T) {
	dir := t.TempDir()
	clean := writeFile(t, dir, "d/plan.json", cleanPlan)
	copyFile(t, riskyPlan, dir, "other/deep/../plan.json")
	if err := os.MkdirAll(filepath.Join(dir, "other", "deep"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join("..", "other", "deep"), filepath.Join(dir, "d", "sub")); err != nil {
		t.Fatal(err)
	}
	sep := string(filepath.Separator)
	through := filepath.Join(dir, "d", "sub") + sep + ".." + sep + "plan.json" // other/plan.json, to the system (Join would clean it)
	if r := lintCLI(t, nil, "lint", "--no-config", clean, through); r.code != 1 || strings.Contains(r.stderr, "named again") {
		t.Errorf("two plans, one through a link and ..: exit %d, stderr %q; want both linted, exit 1", r.code, r.stderr)
	}
	if r := lintCLI(t, nil, "lint", "--no-config", filepath.Join(dir, "d", "sub")+sep+".."); r.code != 1 {
		t.Errorf("a directory through a link and ..: exit %d, stderr %q; want other/'s plan linted, exit 1", r.code, r.stderr)
	}
	// A plan named so is judged, and located, as the file read: a waiver
	// for d/'s plans does not cover it (round 341: waived, exit 0).
	cfg := writeFile(t, dir, "iamguard.hcl", fmt.Sprintf("fail_on = \"high\"\nwaiver {\n  rule = \"IG101\"\n  address = \"*\"\n  plan = %q\n  reason = \"d only\"\n}\n",
		filepath.Join(dir, "d")+sep+"*"))
	if r := lintCLI(t, nil, "lint", "--config", cfg, "--format", "sarif", through); r.code != 1 || !strings.Contains(r.stdout, "other/plan.json") {
		t.Errorf("a plan through a link and .., under a waiver for d/: exit %d; want 1, the SARIF naming other/plan.json", r.code)
	}
	// A link after the last .. stays as named: its plans' names, and the
	// waivers that match them, are the link's (round 341).
	if err := os.Symlink("other", filepath.Join(dir, "plans")); err != nil {
		t.Fatal(err)
	}
	viaLink := filepath.Join(dir, "d") + sep + ".." + sep + "plans"
	if r := lintCLI(t, nil, "lint", "--no-config", "--format", "json", viaLink); !strings.Contains(r.stdout, filepath.Join(dir, "plans", "plan.json")+":") {
		t.Errorf("%s: the plan is not named under the link: %s", viaLink, r.stdout[:min(len(r.stdout), 400)])
	}
	// Such a path is named by the file's real path; one whose .. the
	// system reads as the text does keeps its name as typed (round 342:
	// rewritten), and one the system refuses is refused (round 342: read).
	real, err := filepath.EvalSymlinks(filepath.Join(dir, "other", "plan.json"))
	if err != nil {
		t.Fatal(err)
	}
	if r := lintCLI(t, nil, "lint", "--no-config", "--format", "json", through, clean); !strings.Contains(r.stdout, real+":") {
		t.Errorf("%s: the plan is not named by its real path %s: %s", through, real, r.stderr)
	}
	typed := filepath.Join(dir, "other") + sep + "deep" + sep + ".." + sep + "plan.json"
	if r := lintCLI(t, nil, "lint", "--no-config", "--format", "json", typed, clean); !strings.Contains(r.stdout, typed+":") {
		t.Errorf("%s: not named as typed: %s", typed, r.stderr)
	}
	// A link to a link before the .. leads where the last one does (round
	// 343: the clean plan beside the first link was read, exit 0).
	if err := os.Symlink("sub", filepath.Join(dir, "d", "sub2")); err != nil {
		t.Fatal(err)
	}
	// And so does a link whose target ends in / (round 344: read as d/'s).
	if err := os.Symlink("sub/", filepath.Join(dir, "d", "sub3")); err != nil {
		t.Fatal(err)
	}
	for _, link := range []string{"sub2", "sub3"} {
		chain := filepath.Join(dir, "d", link) + sep + ".." + sep + "plan.json" // other/plan.json, to the system
		if r := lintCLI(t, nil, "lint", "--no-config", chain); r.code != 1 {
			t.Errorf("%s: exit %d; want other/plan.json read, exit 1", chain, r.code)
		}
	}
	for _, refused := range []string{filepath.Join(dir, "nosuch") + sep + ".." + sep + "d", clean + sep + ".." + sep + "plan.json",
		through + sep, through + sep + "."} { // round 343: read, though no directory
		if r := lintCLI(t, nil, "lint", "--no-config", refused); r.code != 2 || r.stdout != "" {
			t.Errorf("%s: exit %d, stdout %q; want 2, no report", refused, r.code, r.stdout)
		}
	}
	// One whose real path cannot be read is refused, not named as the file
	// the text names (round 345: a pipe read through a magic link of /proc
	// was waived and located as the decoy beside the link).
	if _, err := os.Stat("/proc/self/fdinfo"); err == nil {
		r, w, err := os.Pipe()
		if err != nil {
			t.Fatal(err)
		}
		defer r.Close()
		w.Close() // read to its end at once, by a build that reads it
		if err := os.Symlink("/proc/self/fdinfo", filepath.Join(dir, "d", "P")); err != nil {
			t.Fatal(err)
		}
		fd := strconv.Itoa(int(r.Fd()))
		writeFile(t, dir, "d/fd/"+fd, cleanPlan) // the decoy: d/P/../fd/N cleaned as text
		magic := filepath.Join(dir, "d", "P") + sep + ".." + sep + "fd" + sep + fd
		if got := lintCLI(t, nil, "lint", "--no-config", magic); got.code != 2 || !strings.Contains(got.stderr, "its real path") {
			t.Errorf("%s: exit %d, stderr %q; want 2, the real path not read", magic, got.code, got.stderr)
		}
	}
	notPlan := writeFile(t, dir, "np/config.json", `{"foo": 1}`)
	writeFile(t, dir, "np/plan.json", cleanPlan)
	for _, args := range [][]string{{filepath.Join(dir, "np"), notPlan}, {notPlan, filepath.Join(dir, "np")}} {
		if r := lintCLI(t, nil, append([]string{"lint", "--no-config"}, args...)...); r.code != 2 {
			t.Errorf("%q: exit %d, stderr %q; want 2 for the named file that is not a plan", args, r.code, r.stderr)
		}
	}
}

func TestManyPlansExitCodeIsTheWorst(t *testing.T) {
	dir := t.TempDir()
	clean := writeFile(t, dir, "clean.json", cleanPlan)
	clean2 := writeFile(t, dir, "clean2.json", cleanPlan)
	broken := writeFile(t, dir, "broken.json", cleanPlan[:20])

	if r := lintCLI(t, nil, "lint", clean, clean2); r.code != 0 || r.stderr != "" {
		t.Errorf("two clean plans: exit %d, stderr %q", r.code, r.stderr)
	}
	if r := lintCLI(t, nil, "lint", clean, fixture); r.code != 1 {
		t.Errorf("clean + findings: exit %d, want 1", r.code)
	}
	if r := lintCLI(t, nil, "lint", "--fail-on", "critical", clean, fixture); r.code != 0 {
		t.Errorf("clean + high findings, --fail-on critical: exit %d, want 0", r.code)
	}
	// A plan that cannot be read: the others are still reported, its
	// error is one line on stderr, and the exit code is 2.
	r := lintCLI(t, nil, "lint", "--format", "json", fixture, broken)
	if r.code != 2 || strings.Count(r.stderr, "\n") != 1 || !strings.Contains(r.stderr, broken+": ") {
		t.Fatalf("exit %d, stderr %q: want 2 and one line naming %s", r.code, r.stderr, broken)
	}
	m := decodeMulti(t, r)
	if len(m.Plans) != 2 || m.Plans[1].Error == "" || m.Plans[1].Summary != nil || len(m.Findings) != 3 {
		t.Errorf("report with an unreadable plan: %+v", m)
	}
	// The same plan named twice is linted once (see TestPlanNamedAgain).
	if m := decodeMulti(t, lintCLI(t, nil, "lint", "--format", "json", fixture, fixture)); len(m.Findings) != 3 {
		t.Errorf("the fixture twice: %d findings, want 3", len(m.Findings))
	}
}

func TestPlanDirectories(t *testing.T) {
	root := t.TempDir()
	a := copyFile(t, fixture, root, "a.json")
	b := copyFile(t, riskyPlan, root, "b.json")
	state := writeFile(t, root, "terraform.tfstate.json", statePlan) // shaped as the plan format, but not a plan
	writeFile(t, root, "README.md", "# not a plan")
	writeFile(t, root, "tflint.json", "\n[{\"rule\": \"x\"}]") // another tool's output
	writeFile(t, root, "empty.json", "null\n")                 // JSON, but no object
	// Other tools' JSON that is not strict JSON names no plan section
	// (round 110: each failed the run).
	writeFile(t, root, "tsconfig.json", "// TypeScript\n{\"compilerOptions\": {\"strict\": true,},}\n")
	writeFile(t, root, "bom.json", "\ufeff{\"name\": \"x\"}")
	nested := copyFile(t, fixture, root, "envs/prod/plan.json")
	writeFile(t, root, ".terraform/modules/m/fixture.json", cleanPlan) // never searched
	// A zip that is not a plan (a Lambda bundle) is not taken for one.
	lambda, _ := os.Create(filepath.Join(root, "lambda.zip"))
	zw := zip.NewWriter(lambda)
	w, _ := zw.Create("index.js")
	w.Write([]byte("exports.handler = async () => 1;\n"))
	zw.Close()
	lambda.Close()

	paths := func(m multiReport) []string {
		var out []string
		for _, p := range m.Plans {
			out = append(out, p.Path)
		}
		return out
	}

	// A state, as terraform show -json writes one without a plan, names
	// the plan format's sections: refused, not passed over as another
	// tool's file (round 305: skipped, exit 0).
	r := lintCLI(t, nil, "lint", "--format", "json", root)
	if r.code != 2 {
		t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
	}
	if got := strings.Join(paths(decodeMulti(t, r)), " "); got != a+" "+b+" "+state {
		t.Errorf("plans in %s: %s, want %s %s %s", root, got, a, b, state)
	}
	if !strings.Contains(r.stderr, "terraform.tfstate.json: not a Terraform plan: this is a Terraform state") ||
		!strings.Contains(r.stderr, "tflint.json: skipped, not a Terraform plan") ||
		!strings.Contains(r.stderr, "empty.json: skipped, not a Terraform plan") ||
		!strings.Contains(r.stderr, "tsconfig.json: skipped, not a Terraform plan") ||
		!strings.Contains(r.stderr, "bom.json: skipped, not a Terraform plan") || strings.Count(r.stderr, "\n") != 5 {
		t.Errorf("stderr %q: want the state refused, and one note each for tflint.json, empty.json, tsconfig.json and bom.json", r.stderr)
	}

	r = lintCLI(t, nil, "lint", "--format", "json", "--recursive", root)
	if got := strings.Join(paths(decodeMulti(t, r)), " "); got != a+" "+b+" "+nested+" "+state {
		t.Errorf("plans under %s: %s", root, got)
	}

	// A directory alone is a merged report too, even with one plan in it.
	only := filepath.Dir(nested)
	m := decodeMulti(t, lintCLI(t, nil, "lint", "--format", "json", only))
	if len(m.Plans) != 1 || !strings.HasPrefix(m.Findings[0].Address, nested+":") {
		t.Errorf("a directory with one plan: %+v", m)
	}

	empty := t.TempDir()
	wantUsageError(t, lintCLI(t, nil, "lint", empty), empty+": no *.json or binary plan files in this directory (--recursive")
	wantUsageError(t, lintCLI(t, nil, "lint", a, filepath.Join(root, "missing.json")), "missing.json: no such file or directory")
	wantUsageError(t, lintCLI(t, []byte(cleanPlan), "lint", "-", "-"), `"-" (stdin) can be given only once`)
	noPlans := t.TempDir()
	writeFile(t, noPlans, "tflint.json", "[]")
	if r := lintCLI(t, nil, "lint", noPlans); r.code != 2 || !strings.HasSuffix(r.stderr, "iamguard: no Terraform plans found in "+noPlans+"\n") {
		t.Errorf("a directory of no plans: exit %d, stderr %q", r.code, r.stderr)
	}
	// Terraform's other JSON, which holds no changes (terraform version
	// -json, validate -json), is passed over as another tool's.
	other := t.TempDir()
	writeFile(t, other, "version.json", `{"terraform_version": "1.11.4", "platform": "linux_amd64", "provider_selections": {}}`)
	writeFile(t, other, "validate.json", `{"format_version": "1.0", "valid": true, "error_count": 0, "warning_count": 0, "diagnostics": []}`)
	if r := lintCLI(t, nil, "lint", other); r.code != 2 || !strings.HasSuffix(r.stderr, "iamguard: no Terraform plans found in "+other+"\n") ||
		strings.Count(r.stderr, "skipped, not a Terraform plan") != 2 {
		t.Errorf("a directory of Terraform's other JSON: exit %d, stderr %q", r.code, r.stderr)
	}
	// A state with no resources, as terraform show -json writes one for a
	// new stack, is its versions alone: refused too (round 306: skipped).
	for _, empty := range []string{`{"format_version":"1.0"}`, `{"format_version": "1.0", "terraform_version": "1.8.0"}`} {
		dir := t.TempDir()
		copyFile(t, fixture, dir, "a.json")
		writeFile(t, dir, "b.json", empty)
		if r := lintCLI(t, nil, "lint", dir); r.code != 2 || !strings.Contains(r.stderr, "b.json: not a Terraform plan: a Terraform state without resources, or other JSON") {
			t.Errorf("%s in a directory: exit %d, stderr %q", empty, r.code, r.stderr)
		}
	}
	// Named on the command line, a state file is an error, not skipped.
	wantUsageError(t, lintCLI(t, nil, "lint", a, filepath.Join(root, "terraform.tfstate.json")), "state, not a plan")

	// A plan broken by what wraps it (setup-terraform's wrapper writes its
	// command before the JSON) is not JSON: an error, not skipped, whatever
	// its first byte.
	for name, text := range map[string]string{
		"stage.json": "[command]/home/runner/terraform-bin show -json tfplan\n" + riskyPlanText(t) + "\n::debug::exitcode: 0\n",
		"cut.json":   "[" + riskyPlanText(t)[:100],
		"num.json":   "1 " + riskyPlanText(t),
		// Shaped as a plan, without its format_version (cut by a filter).
		"noversion.json": strings.Replace(riskyPlanText(t), `"format_version"`, `"formatversion"`, 1),
		// Nothing: terraform show failed, its output sent here.
		"failed.json": "",
		// terraform show's error text, sent here with 2>&1; a plan as
		// PowerShell's > writes it (UTF-16 with a byte-order mark);
		// gzipped; cut short with its keys escaped (round 114: skipped).
		"tferr.json":   "\nError: Failed to read the given file as a state or plan file\n\nState read error: no such file\n",
		"utf16.json":   utf16(riskyPlanText(t)),
		"gz.json":      gzipped(riskyPlanText(t)),
		"escaped.json": `{"\u0066ormat_version": "1.2", "\u0072esource_changes": [{"address": "aws_iam_account_password_policy.p",`,
		// A plan with a comment before it, which no tool would add.
		"comment.json": "// plan\n" + riskyPlanText(t),
	} {
		dir := t.TempDir()
		copyFile(t, fixture, dir, "a.json")
		writeFile(t, dir, name, text)
		if r := lintCLI(t, nil, "lint", dir); r.code != 2 || strings.Contains(r.stderr, "skipped") {
			t.Errorf("%s in a directory: exit %d, stderr %q; want 2, not skipped", name, r.code, r.stderr)
		}
	}
}

// TestReportToStdoutInTree: a report the shell sends to a file in the tree
// searched (> iamguard.json), which it makes empty before the run, is not
// read as a plan (round 110: every such run exited 2, "empty input").
func TestReportToStdoutInTree(t *testing.T) {
	root := t.TempDir()
	copyFile(t, riskyPlan, root, "plan.json")
	out, err := os.Create(filepath.Join(root, "iamguard.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	var errb bytes.Buffer
	if code := run([]string{"lint", "--format", "json", "--recursive", root}, strings.NewReader(""), out, &errb); code != 1 ||
		!strings.Contains(errb.String(), "iamguard.json: skipped, it is the file standard output goes to") {
		t.Fatalf("exit %d, stderr %q", code, errb.String())
	}
	rep, err := os.ReadFile(out.Name())
	if err != nil || !json.Valid(rep) || bytes.Contains(rep, []byte("iamguard.json")) {
		t.Errorf("the report names itself or is not JSON: %.200s, %v", rep, err)
	}
}

// utf16 is s in UTF-16LE with a byte-order mark, as Windows PowerShell's
// > writes text.
func utf16(s string) string {
	b := []byte{0xff, 0xfe}
	for _, r := range s {
		b = append(b, byte(r), byte(r>>8)) // the plans here are ASCII
	}
	return string(b)
}

// gzipped is s compressed with gzip.
func gzipped(s string) string {
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	w.Write([]byte(s))
	w.Close()
	return b.String()
}

// riskyPlanText is the text of riskyPlan.
func riskyPlanText(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(riskyPlan)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestSARIFWithheldDistinct: findings withheld for a sensitive value read
// alike, as their rule's summary, yet each is its own code-scanning alert
// (round 311: two weak CAs of a sensitive body shared one fingerprint, so
// dismissing one hid the other).
func TestSARIFWithheldDistinct(t *testing.T) {
	r := lintCLI(t, nil, "lint", "--format", "sarif", "../../internal/lint/testdata/trust/sensitive-alike/plan.json")
	var sarif struct {
		Runs []struct {
			Results []struct {
				Fingerprints map[string]string `json:"partialFingerprints"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &sarif); err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, res := range sarif.Runs[0].Results {
		fp := res.Fingerprints["iamguard/v2"]
		if fp == "" || seen[fp] {
			t.Errorf("fingerprint %q missing or shared", fp)
		}
		seen[fp] = true
	}
	if len(seen) != 8 {
		t.Errorf("%d distinct fingerprints, want 8", len(seen))
	}
}

// TestManyPlansFormats: every format carries the per-plan summary, and
// the file-pointing formats point each finding at its own plan.
func TestManyPlansFormats(t *testing.T) {
	r := lintCLI(t, nil, "lint", "--format", "sarif", fixture, riskyPlan)
	var sarif struct {
		Runs []struct {
			Results []struct {
				Locations []struct {
					Physical struct {
						Artifact struct {
							URI string `json:"uri"`
						} `json:"artifactLocation"`
					} `json:"physicalLocation"`
				} `json:"locations"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &sarif); err != nil {
		t.Fatal(err)
	}
	uris := map[string]int{}
	for _, res := range sarif.Runs[0].Results {
		uris[res.Locations[0].Physical.Artifact.URI]++
	}
	// Each plan as the repository names it, from its root.
	if uris[artifactURI(fixture)] != 3 || uris[artifactURI(riskyPlan)] == 0 || len(uris) != 2 {
		t.Errorf("SARIF artifact URIs %v: want %s for its 3 findings and %s for the rest", uris, artifactURI(fixture), artifactURI(riskyPlan))
	}

	gh := lintCLI(t, nil, "lint", "--format", "github", fixture, riskyPlan).stdout
	if !strings.Contains(gh, "::error file="+artifactURI(fixture)+",") || !strings.Contains(gh, "iamguard: "+fixture+": 3 resources judged") {
		t.Errorf("github output lacks per-plan files or summaries:\n%s", gh)
	}
	md := lintCLI(t, nil, "lint", "--format", "markdown", fixture, riskyPlan).stdout
	if !strings.Contains(md, "| Plan | Resources | Findings | Waived |") || !strings.Contains(md, "| <code>testdata/plan.json</code> | 3 | 3 | 0 |") {
		t.Errorf("markdown lacks the per-plan table:\n%s", md)
	}
	text := lintCLI(t, nil, "lint", fixture, riskyPlan).stdout
	if !strings.Contains(text, "\n"+fixture+": 3 resources judged, 3 findings") || !strings.Contains(text, "\ntotal: ") {
		t.Errorf("text lacks per-plan and total summaries:\n%s", text)
	}
	junit := lintCLI(t, nil, "lint", "--format", "junit", fixture, riskyPlan).stdout
	if !strings.Contains(junit, fixture+":aws_iam_account_password_policy.this") {
		t.Errorf("junit lacks prefixed addresses")
	}
}

// TestManyBinaryPlans lints the binary plans of two working directories
// from a third: terraform show runs in each plan's own directory.
func TestManyBinaryPlans(t *testing.T) {
	tf := terraformCLI(t)
	a, b := savedPlan(t, tf), savedPlan(t, tf)
	t.Chdir(t.TempDir())
	r := lintCLI(t, nil, "lint", "--format", "json", "--terraform", tf, a, b)
	if r.code != 0 || r.stderr != "" {
		t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
	}
	m := decodeMulti(t, r)
	if len(m.Plans) != 2 || m.Plans[0].Path != filepath.Join(a, "tfplan") || m.Plans[1].Path != filepath.Join(b, "tfplan") {
		t.Errorf("plans = %+v, want the tfplan of each directory", m.Plans)
	}
	if !strings.HasPrefix(m.Plan.TerraformVersion, "1.") {
		t.Errorf("terraform_version %q", m.Plan.TerraformVersion)
	}
}

// fakeTerraform writes a stand-in for terraform show -json that fails
// outside an initialised working directory and otherwise names, in the
// plan's terraform_version, the directory it ran in.
func fakeTerraform(t *testing.T) string {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("the stand-in terraform is a shell script")
	}
	return writeExec(t, t.TempDir(), "terraform", `#!/bin/sh
[ -d .terraform ] || { echo "Error: Required plugins are not installed in $PWD" >&2; exit 1; }
[ -f "$4" ] || { echo "Error: no plan file $4 in $PWD" >&2; exit 1; }
printf '{"format_version":"1.2","terraform_version":"1.8.5-%s","resource_changes":[]}\n' "$(basename "$PWD")"
`)
}

func writeExec(t *testing.T, dir, name, script string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	return path
}

// binaryPlan writes a zip shaped like a saved plan (it has a tfplan entry).
func binaryPlan(t *testing.T, path string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	for _, name := range []string{"tfplan", "tfstate", "tfconfig/m-/main.tf"} {
		w, _ := zw.Create(name)
		w.Write([]byte("stand-in"))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	f.Close()
}

// TestBinaryPlansRunInTheirDirectory: a binary plan beside its .terraform
// is shown from there (as in a monorepo or under terragrunt run-all);
// without one, from the current directory as before.
func TestBinaryPlansRunInTheirDirectory(t *testing.T) {
	tf := fakeTerraform(t)
	root := t.TempDir()
	for _, mod := range []string{"network", "iam"} {
		binaryPlan(t, filepath.Join(root, "live", mod, "tfplan"))
		os.MkdirAll(filepath.Join(root, "live", mod, ".terraform"), 0o755)
	}
	t.Chdir(root)
	r := lintCLI(t, nil, "lint", "--format", "json", "--terraform", tf, "--recursive", "live")
	if r.code != 0 || r.stderr != "" {
		t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
	}
	var m struct {
		Plans []struct {
			Path string `json:"path"`
			Plan struct {
				TerraformVersion string `json:"terraform_version"`
			} `json:"plan"`
		} `json:"plans"`
	}
	json.Unmarshal([]byte(r.stdout), &m)
	var got []string
	for _, p := range m.Plans {
		got = append(got, p.Path+"@"+p.Plan.TerraformVersion)
	}
	want := "live/iam/tfplan@1.8.5-iam live/network/tfplan@1.8.5-network"
	if strings.Join(got, " ") != want {
		t.Errorf("plans = %v, want %s", got, want)
	}

	// A relative --terraform names the file from the current directory,
	// wherever terraform then runs.
	os.MkdirAll(filepath.Join(root, "tools"), 0o755)
	script, _ := os.ReadFile(tf)
	writeExec(t, filepath.Join(root, "tools"), "tf", string(script))
	if r := lintCLI(t, nil, "lint", "--terraform", "./tools/tf", "live/iam/tfplan"); r.code != 0 || r.stderr != "" {
		t.Errorf("--terraform ./tools/tf: exit %d, stderr %q", r.code, r.stderr)
	}

	// No .terraform beside the plan: the current directory, which here is
	// not initialised either, so terraform's error comes through.
	bare := filepath.Join(root, "plans", "tfplan")
	binaryPlan(t, bare)
	wantUsageError(t, lintCLI(t, nil, "lint", "--terraform", tf, bare), "Required plugins are not installed in "+root)

	// IAMGUARD_TERRAFORM names the CLI when --terraform does not.
	t.Setenv("IAMGUARD_TERRAFORM", tf)
	if r := lintCLI(t, nil, "lint", "live/iam/tfplan"); r.code != 0 || r.stderr != "" {
		t.Errorf("IAMGUARD_TERRAFORM: exit %d, stderr %q", r.code, r.stderr)
	}
	// With TF_DATA_DIR set, .terraform proves nothing: the current directory.
	t.Setenv("TF_DATA_DIR", filepath.Join(root, "data"))
	wantUsageError(t, lintCLI(t, nil, "lint", "live/iam/tfplan"), "Required plugins are not installed in "+root)
}

// TestRunLimitsSpanPlans: the limits on resources and findings hold for the
// whole run, since every plan's report is kept until all are written; a
// plan refused at a limit does not use it up.
func TestRunLimitsSpanPlans(t *testing.T) {
	saved := runLimits
	t.Cleanup(func() { runLimits = saved })
	dir := t.TempDir()
	a := copyFile(t, riskyPlan, dir, "a.json") // 7 resources, 17 findings
	b := copyFile(t, riskyPlan, dir, "b.json")
	f, err := os.Open(riskyPlan)
	if err != nil {
		t.Fatal(err)
	}
	p, err := plan.Read(f, lint.ResourceTypes, plan.Attributes(lint.Attributes))
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	// One plan's weight: its findings' addresses (with the plan path a
	// merged report adds, to each resource too) and messages.
	weight := lint.Lint(p, lint.Options{AddressPrefix: len(a) + len(report.AddressSeparator)}).FindingBytes
	mib := "past " + strconv.Itoa(weight*3/2) + " bytes of addresses and messages in the report"
	for _, c := range []struct {
		name                              string
		resources, findings, findingBytes int
		errs                              []string // each plan's error, "" for none
	}{
		{"both fit", 14, 34, 2 * weight, []string{"", ""}},
		{"findings past the limit together", 100, 30, 1 << 30, []string{"", "past 30 findings, the most iamguard reports in one run"}},
		{"finding bytes past the limit together", 100, 100, weight * 3 / 2, []string{"", mib}},
		{"resources past the limit together", 10, 100, 1 << 30, []string{"", "past 10 resources of the types iamguard reads, the most it reads in one run"}},
		{"a refused plan uses nothing up", 100, 16, 1 << 30, []string{"past 16 findings", "past 16 findings"}},
	} {
		runLimits.resources, runLimits.findings, runLimits.findingBytes = c.resources, c.findings, c.findingBytes
		rep := decodeMulti(t, lintCLI(t, nil, "lint", "--no-config", "--format", "json", a, b))
		if len(rep.Plans) != 2 {
			t.Fatalf("%s: %d plans in the report", c.name, len(rep.Plans))
		}
		for i, want := range c.errs {
			if got := rep.Plans[i].Error; want == "" && got != "" || !strings.Contains(got, want) {
				t.Errorf("%s: plan %d error %q, want %q", c.name, i, got, want)
			}
		}
	}
}

// TestRunLimitsCountWhatIsKept: a plan's resources read for facts alone
// (aws_iam_user objects, prior state) count against that plan's limit,
// but not against the later plans', since its report does not keep them.
func TestRunLimitsCountWhatIsKept(t *testing.T) {
	saved := runLimits
	t.Cleanup(func() { runLimits = saved })
	runLimits.resources = 10
	dir := t.TempDir()
	var users strings.Builder
	for i := range 8 {
		fmt.Fprintf(&users, `{"address": "aws_iam_user.u%d", "mode": "managed", "type": "aws_iam_user", "name": "u%d",
		  "change": {"actions": ["no-op"], "before": {"name": "u%d"}, "after": {"name": "u%d"}}},`, i, i, i, i)
	}
	writeFile(t, dir, "a.json", `{"format_version": "1.2", "resource_changes": [`+users.String()+`
	  {"address": "aws_iam_access_key.k", "mode": "managed", "type": "aws_iam_access_key", "name": "k",
	   "change": {"actions": ["create"], "before": null, "after": {"user": "u0", "pgp_key": "keybase:x", "status": "Active"}}}]}`)
	b := copyFile(t, riskyPlan, dir, "b.json") // 7 resources judged
	rep := decodeMulti(t, lintCLI(t, nil, "lint", "--no-config", "--format", "json", filepath.Join(dir, "a.json"), b))
	for i, p := range rep.Plans {
		if p.Error != "" {
			t.Errorf("plan %d: %s; want the 1 resource plan a judged and b's 7 within 10", i, p.Error)
		}
	}
}

// TestDirectoryOddEntries: a directory named by a symbolic link is searched
// as the directory it names, one linked within a tree is noted; a zip that cannot be read (a truncated binary
// plan) is skipped with a note, not silently.
func TestDirectoryOddEntries(t *testing.T) {
	dir := t.TempDir()
	copyFile(t, riskyPlan, filepath.Join(dir, "plans"), "a.json")
	link := filepath.Join(dir, "link")
	if err := os.Symlink(filepath.Join(dir, "plans"), link); err != nil {
		t.Skip(err)
	}
	if r := lintCLI(t, nil, "lint", "--no-config", link); r.code != 1 {
		t.Errorf("a linked directory: exit %d, stderr %q; want its plan linted", r.code, r.stderr)
	}
	// Within a tree searched, a linked directory is noted, not followed.
	tree := filepath.Join(dir, "tree")
	copyFile(t, riskyPlan, filepath.Join(tree, "stage"), "plan.json")
	if err := os.Symlink(filepath.Join(dir, "plans"), filepath.Join(tree, "prod")); err != nil {
		t.Fatal(err)
	}
	if r := lintCLI(t, nil, "lint", "--no-config", "--recursive", tree); r.code != 1 || !strings.Contains(r.stderr, "prod: skipped, a linked directory, not followed") {
		t.Errorf("a linked directory in a tree: exit %d, stderr %q; want it noted", r.code, r.stderr)
	}
	// A plan linked to nothing (an artifact that failed to download) is
	// a plan not read: exit 2, never left out quietly (round 92).
	missing := filepath.Join(dir, "missing")
	copyFile(t, riskyPlan, missing, "stage.json")
	if err := os.Symlink(filepath.Join(dir, "artifacts", "prod.json"), filepath.Join(missing, "prod.json")); err != nil {
		t.Fatal(err)
	}
	if r := lintCLI(t, nil, "lint", "--no-config", missing); r.code != 2 || !strings.Contains(r.stderr, "prod.json: no such file or directory") {
		t.Errorf("a plan linked to nothing: exit %d, stderr %q; want it an error", r.code, r.stderr)
	}
	os.Remove(filepath.Join(missing, "prod.json"))
	if err := os.Symlink(filepath.Join(dir, "artifacts", "tfplan"), filepath.Join(missing, "tfplan")); err != nil {
		t.Fatal(err)
	}
	if r := lintCLI(t, nil, "lint", "--no-config", missing); r.code != 1 || !strings.Contains(r.stderr, "tfplan: skipped, a link to nothing") {
		t.Errorf("a binary plan linked to nothing: exit %d, stderr %q; want it noted", r.code, r.stderr)
	}
	writeFile(t, filepath.Join(dir, "plans"), "tfplan", "PK\x03\x04 cut short")
	r := lintCLI(t, nil, "lint", "--no-config", filepath.Join(dir, "plans"))
	if r.code != 1 || !strings.Contains(r.stderr, "tfplan: skipped, a zip file that cannot be read") {
		t.Errorf("a truncated plan: exit %d, stderr %q; want it skipped with a note", r.code, r.stderr)
	}
}

// TestWaiverNamesAPlan: a waiver with a plan covers its address in the
// plans whose path (as the run names them) matches, in a run over several
// or of one; a waiver without covers the address in every plan. Neither
// pattern reaches into the other: a plan's path never matches an address
// pattern, nor a crafted address a plan pattern.
func TestWaiverNamesAPlan(t *testing.T) {
	root := t.TempDir()
	prod := copyFile(t, fixture, root, "envs/prod/plan.json")
	other := copyFile(t, fixture, root, "envs/new/plan.json")
	const addr = "module.ci.aws_iam_access_key.deployer"
	config := func(rule, address, plan string) string {
		src := "waiver {\n  rule = " + strconv.Quote(rule) + "\n  address = " + strconv.Quote(address) + "\n  reason = \"r\"\n"
		if plan != "" {
			src += "  plan = " + strconv.Quote(plan) + "\n"
		}
		return writeFile(t, t.TempDir(), "c.hcl", src+"}\n")
	}
	waived := func(address, plan string) map[string]bool {
		got := map[string]bool{}
		r := lintCLI(t, nil, "lint", "--format", "json", "--config", config("IG202", address, plan), "--recursive", root)
		for _, f := range decodeMulti(t, r).Findings {
			if f.RuleID == "IG202" {
				got[f.Address] = f.Waived
			}
		}
		return got
	}
	if got := waived(addr, prod); len(got) != 2 || !got[prod+":"+addr] || got[other+":"+addr] {
		t.Errorf("a waiver kept to the prod plan: %v", got)
	}
	if got := waived(addr, root+"/envs/*/plan.json"); len(got) != 2 || slices.Contains(slices.Collect(maps.Values(got)), false) {
		t.Errorf("a waiver kept to both plans by a glob: %v", got)
	}
	if got := waived(addr, ""); len(got) != 2 || slices.Contains(slices.Collect(maps.Values(got)), false) {
		t.Errorf("a waiver for every plan: %v", got)
	}
	if got := waived(prod+":"+addr, ""); slices.Contains(slices.Collect(maps.Values(got)), true) {
		t.Errorf("an address pattern naming a plan: %v", got)
	}
	// One plan on its own is kept to or not alike.
	if rep := decode(t, lintCLI(t, nil, "lint", "--format", "json", "--config", config("IG202", addr, prod), prod)); rep.Summary.Waived != 1 {
		t.Errorf("one plan, the waiver's: %d waived, want 1", rep.Summary.Waived)
	}
	if rep := decode(t, lintCLI(t, nil, "lint", "--format", "json", "--config", config("IG202", addr, prod), other)); rep.Summary.Waived != 0 {
		t.Errorf("one plan, another: %d waived, want 0", rep.Summary.Waived)
	}
	// The path is matched cleaned: a plan reached through another's
	// directory is not in it.
	dotdot := root + "/envs/new/../prod/plan.json"
	if rep := decode(t, lintCLI(t, nil, "lint", "--format", "json", "--config", config("IG202", addr, root+"/envs/new/*"), dotdot)); rep.Summary.Waived != 0 {
		t.Errorf("%s under a waiver for envs/new: %d waived, want 0", dotdot, rep.Summary.Waived)
	}
	// A plan put where its path fits an address glob gets nothing more waived.
	dir := t.TempDir()
	copyFile(t, riskyPlan, dir, "aws_cloudtrail.attack/plan.json")
	copyFile(t, fixture, dir, "b/plan.json")
	t.Chdir(dir)
	for _, f := range decodeMulti(t, lintCLI(t, nil, "lint", "--format", "json", "--config", config("IG703", "aws_cloudtrail.a*", ""), "--recursive", ".")).Findings {
		if f.RuleID == "IG703" && f.Waived {
			t.Errorf("%s: waived by aws_cloudtrail.a*", f.Address)
		}
	}
}

// TestRunLimitsPlans: a run keeps every plan's path and report until the
// merged report is written, so the number of plans it lints and the bytes
// of their paths are bounded, with one line naming the limit (round 129:
// 100,000 empty plans under long paths took 579 MB). A search keeps ten
// times as many files found, plans or not, and never looks in node_modules
// (round 131: a Lambda's package.json files refused a repository).
func TestRunLimitsPlans(t *testing.T) {
	saved := runLimits
	t.Cleanup(func() { runLimits = saved })
	dir := t.TempDir()
	for _, name := range []string{"a.json", "b.json", "c.json"} {
		copyFile(t, riskyPlan, filepath.Join(dir, "sub"), name)
	}
	a := filepath.Join(dir, "sub", "a.json")
	runLimits.plans = 2
	wantUsageError(t, lintCLI(t, nil, "lint", "--no-config", "--recursive", dir), "more than 2 plans, the most iamguard lints in one run")
	wantUsageError(t, lintCLI(t, nil, "lint", "--no-config", a, filepath.Join(dir, "sub", "b.json"), filepath.Join(dir, "sub", "c.json")), "more than 2 plans")
	runLimits.plans, runLimits.planPathBytes = 3, 2*len(a)
	wantUsageError(t, lintCLI(t, nil, "lint", "--no-config", filepath.Join(dir, "sub")), fmt.Sprintf("the plans' paths come to more than %d bytes", 2*len(a)))
	runLimits.planPathBytes = 3 * len(a)
	if r := lintCLI(t, nil, "lint", "--no-config", filepath.Join(dir, "sub")); r.code != 1 {
		t.Errorf("three plans within the limits: exit %d, stderr %q", r.code, r.stderr)
	}

	// Files found that are not plans count against the search's bound only.
	runLimits.plans, runLimits.planPathBytes = 1, 1<<20
	tree := t.TempDir()
	copyFile(t, riskyPlan, tree, "plan.json")
	for i := range 9 {
		writeFile(t, filepath.Join(tree, "fixtures"), fmt.Sprintf("f%d.json", i), `{"name": "not a plan"}`)
	}
	for i := range 30 {
		writeFile(t, filepath.Join(tree, "lambda", "node_modules", fmt.Sprint("p", i)), "package.json", `{"name": "p"}`)
	}
	if r := lintCLI(t, nil, "lint", "--no-config", "--recursive", tree); r.code != 1 || strings.Contains(r.stderr, "node_modules") {
		t.Errorf("one plan beside 9 other JSON files and node_modules: exit %d, stderr %q", r.code, r.stderr)
	}
	writeFile(t, filepath.Join(tree, "more"), "f9.json", `{"name": "not a plan"}`)
	writeFile(t, filepath.Join(tree, "more"), "f10.json", `{"name": "not a plan"}`)
	wantUsageError(t, lintCLI(t, nil, "lint", "--no-config", "--recursive", tree), "more than 10 *.json and binary plan files")
	// A directory's entries, plans or not, are counted before they are
	// read at once (round 135: 900,000 files in one took 335 MB).
	runLimits.plans = 2
	crowded := t.TempDir()
	copyFile(t, riskyPlan, crowded, "plan.json")
	for i := range 20 {
		writeFile(t, crowded, fmt.Sprintf("notes%d.txt", i), "x")
	}
	wantUsageError(t, lintCLI(t, nil, "lint", "--no-config", crowded), "a directory of more than 20 entries, the most iamguard looks through")
	// Paths found count over every directory given (round 134: each had
	// its own budget; 12 directories of long paths took 430 MB).
	runLimits.plans, runLimits.planPathBytes = 100, len(a)
	wantUsageError(t, lintCLI(t, nil, "lint", "--no-config", filepath.Join(dir, "sub"), filepath.Join(dir, "sub"), filepath.Join(dir, "sub")),
		fmt.Sprintf("or paths of more than %d bytes", 4*len(a)))
}

// TestDirectoryKeepsRefusedPlans: a plan in a directory is read as when
// named alone, never skipped as another tool's JSON: neither one whose
// sections are spelled otherwise than Terraform writes them, which
// terraform-json reads as a plan, nor one that names only sections other
// than the first four, nor one of a prior state and no changes (round 223:
// each passed as skipped, exit 0).
func TestDirectoryKeepsRefusedPlans(t *testing.T) {
	const change = `{"address": "aws_iam_access_key.k", "mode": "managed", "type": "aws_iam_access_key", "name": "k",
	  "change": {"actions": ["create"], "before": null, "after": {"user": "u", "status": "Active", "pgp_key": null}, "after_unknown": {}}}`
	for name, doc := range map[string]string{
		"spelled":          `{"Format_version": "1.2", "Terraform_version": "1.11.4", "Resource_changes": [` + change + `]}`,
		"long s":           `{"format_ver\u017Fion": "1.2", "resource_changes": [` + change + `]}`,
		"deferred, folded": `{"Format_version": "1.2", "deferred_changes": [{"reason": "x", "resource_change": ` + change + `}]}`,
		"deferred alone":   `{"deferred_changes": [{"reason": "x", "resource_change": ` + change + `}]}`,
		"drift alone":      `{"resource_drift": [` + change + `]}`,
		"prior_state":      `{"prior_state": {"values": {"root_module": {"resources": [{"address": "aws_iam_access_key.k", "mode": "managed", "type": "aws_iam_access_key", "name": "k", "Values": {}}]}}}}`,
		// A plan of no changes, but a prior state: judged, alone and here.
		"prior_state only": `{"format_version": "1.2", "prior_state": {"values": {"root_module": {"resources": [{"address": "aws_iam_access_key.k",
		  "mode": "managed", "type": "aws_iam_access_key", "name": "k", "values": {"user": "u", "status": "Active"}}]}}}}`,
	} {
		dir := t.TempDir()
		writeFile(t, dir, "ok.json", cleanPlan)
		writeFile(t, dir, "evil.json", doc)
		alone := lintCLI(t, nil, "lint", "--no-config", filepath.Join(dir, "evil.json"))
		r := lintCLI(t, nil, "lint", "--no-config", dir)
		if alone.code == 0 || r.code != alone.code || strings.Contains(r.stderr, "skipped") || !strings.Contains(r.stdout+r.stderr, "evil.json") {
			t.Errorf("%s: alone exit %d; in a directory exit %d, stderr %q; want it read as alone, not skipped", name, alone.code, r.code, r.stderr)
		}
	}
	// Another tool's JSON whose top-level keys fold to fields of the plan
	// format's other objects is no plan, however large: skipped, where
	// otherJSON reads no file past 16 MiB (round 224: a 21 MB GeoJSON's
	// "Type" failed the run).
	dir := t.TempDir()
	writeFile(t, dir, "ok.json", cleanPlan)
	writeFile(t, dir, "geo.json", `{"Type": "FeatureCollection", "Resources": [], "Values": [], "features": [`+
		strings.Repeat(`{"type": "Feature", "geometry": {"type": "Point", "coordinates": [1.5, 2.5]}}, `, 220000)+`{}]}`)
	if r := lintCLI(t, nil, "lint", "--no-config", dir); r.code != 0 || !strings.Contains(r.stderr, "geo.json: skipped, not a Terraform plan") {
		t.Errorf("a large GeoJSON beside a plan: exit %d, stderr %q; want it skipped", r.code, r.stderr)
	}
}

// TestDirectoryUpperCaseJSON: PROD.JSON or Plan.Json in a directory is a
// JSON plan as plan.json is (round 246: left out quietly, exit 0).
func TestDirectoryUpperCaseJSON(t *testing.T) {
	for _, name := range []string{"PROD.JSON", "Plan.Json"} {
		dir := t.TempDir()
		writeFile(t, dir, "stage.json", cleanPlan)
		copyFile(t, riskyPlan, dir, name)
		if r := lintCLI(t, nil, "lint", "--no-config", dir); r.code != 1 || !strings.Contains(r.stdout, name) {
			t.Errorf("%s: exit %d, stderr %q; want its findings, exit 1", name, r.code, r.stderr)
		}
	}
}
