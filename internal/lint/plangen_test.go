package lint

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/iamguard/terraform-provider-iamguard/internal/plan"
	"github.com/iamguard/terraform-provider-iamguard/internal/plan/plantest"
)

// This file writes plans in the shape of `terraform show -json`, so the
// linter's tests go through the streaming reader like a real plan does.

const planTimestamp = "2026-11-23T07:00:00Z"

// res is one resource instance of a generated plan.
type res struct {
	addr    string         // full instance address: module.a["x"].aws_iam_access_key.k[0]
	actions []string       // nil means ["no-op"]
	before  map[string]any // nil on create
	after   map[string]any // nil on delete
	unknown map[string]any // after_unknown
	deposed string         // deposed object key
	// config lists the attributes the resource's configuration sets; nil
	// means every non-null attribute of after and every unknown one that
	// is not computedOnly (configured from a reference).
	config []string
}

// planSpec describes a generated plan.
type planSpec struct {
	format    string // format_version; default "1.2"
	timestamp string // default planTimestamp; "-" leaves it out
	changes   []res
	// prior adds prior_state objects that have no resource change (a
	// targeted plan); objects with a before value are added by themselves.
	prior    []res
	noConfig bool // leave out the configuration block
}

// addrParts splits an instance address into module address, type, name and
// instance key.
func addrParts(t *testing.T, addr string) (module, typ, name string, index any) {
	t.Helper()
	var segs []string
	depth, quoted, start := 0, false, 0
	for i := 0; i < len(addr); i++ {
		switch c := addr[i]; {
		case quoted:
			if c == '\\' {
				i++
			} else if c == '"' {
				quoted = false
			}
		case c == '"':
			quoted = true
		case c == '[':
			depth++
		case c == ']':
			depth--
		case c == '.' && depth == 0:
			segs = append(segs, addr[start:i])
			start = i + 1
		}
	}
	segs = append(segs, addr[start:])
	if len(segs) < 2 || len(segs)%2 != 0 {
		t.Fatalf("bad address %q", addr)
	}
	module = strings.Join(segs[:len(segs)-2], ".")
	typ, name = segs[len(segs)-2], segs[len(segs)-1]
	if i := strings.IndexByte(name, '['); i >= 0 {
		if err := json.Unmarshal([]byte(name[i+1:len(name)-1]), &index); err != nil {
			t.Fatalf("bad instance key in %q: %v", addr, err)
		}
		name = name[:i]
	}
	return module, typ, name, index
}

// moduleNames lists the module call names of a module address:
// module.a["x"].module.b -> [a b].
func moduleNames(module string) []string {
	var names []string
	for _, part := range strings.Split(stripKeysForTest(module), ".") {
		if part != "module" && part != "" {
			names = append(names, part)
		}
	}
	return names
}

func stripKeysForTest(addr string) string {
	var b strings.Builder
	depth, quoted := 0, false
	for i := 0; i < len(addr); i++ {
		c := addr[i]
		switch {
		case quoted:
			if c == '\\' {
				i++
			} else if c == '"' {
				quoted = false
			}
		case c == '"' && depth > 0:
			quoted = true
		case c == '[':
			depth++
		case c == ']':
			depth--
		case depth == 0:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// computedOnly are attributes no configuration sets; an unknown one is
// not taken for an attribute configured from a reference.
var computedOnly = map[string]bool{
	"id": true, "arn": true, "create_date": true, "encrypted_secret": true, "encrypted_ses_smtp_password_v4": true,
	"key_fingerprint": true, "secret": true, "ses_smtp_password_v4": true, "password": true, "encrypted_password": true,
	"home_region": true, "tags_all": true, "expire_passwords": true,
}

var sensitiveAttrs = []string{"secret", "ses_smtp_password_v4", "password"}

func sensitiveMap(values ...map[string]any) map[string]any {
	m := map[string]any{}
	for _, v := range values {
		for _, a := range sensitiveAttrs {
			if _, ok := v[a]; ok {
				m[a] = true
			}
		}
	}
	return m
}

// build renders the plan as terraform show -json would.
func build(t *testing.T, spec planSpec) []byte {
	t.Helper()
	format := spec.format
	if format == "" {
		format = "1.2"
	}
	old := strings.HasPrefix(format, "0.")
	provider := "registry.terraform.io/hashicorp/aws"
	if old {
		provider = "aws"
	}

	// Noise every real plan has: other resource types and a data source.
	changes := []any{
		map[string]any{
			"address": "aws_s3_bucket.logs", "mode": "managed", "type": "aws_s3_bucket", "name": "logs",
			"provider_name": provider,
			"change": map[string]any{"actions": []string{"no-op"}, "before": map[string]any{"bucket": "org-trail-logs"},
				"after": map[string]any{"bucket": "org-trail-logs"}, "after_unknown": map[string]any{}},
		},
		map[string]any{
			"address": "data.aws_iam_policy_document.assume", "mode": "data", "type": "aws_iam_policy_document",
			"name": "assume", "provider_name": provider,
			"change": map[string]any{"actions": []string{"read"}, "before": nil,
				"after": map[string]any{"version": "2012-10-17"}, "after_unknown": map[string]any{"json": true}},
		},
	}
	prior := map[string][]any{} // module address -> prior_state resources
	addPrior := func(r res, values map[string]any) {
		module, typ, name, index := addrParts(t, r.addr)
		pr := map[string]any{"address": r.addr, "mode": "managed", "type": typ, "name": name,
			"provider_name": provider, "schema_version": 0, "values": values}
		if index != nil {
			pr["index"] = index
		}
		if !old {
			pr["sensitive_values"] = sensitiveMap(values)
		}
		if r.deposed != "" {
			pr["deposed_key"] = r.deposed
		}
		prior[module] = append(prior[module], pr)
	}
	type cfgRes struct {
		module, typ, name string
		counted           bool
		keyed             bool
		attrs             map[string]any
	}
	config := map[string]*cfgRes{}
	var configOrder []string

	for _, r := range spec.changes {
		module, typ, name, index := addrParts(t, r.addr)
		actions := r.actions
		if actions == nil {
			actions = []string{"no-op"}
		}
		unknown := r.unknown
		if unknown == nil {
			unknown = map[string]any{}
		}
		change := map[string]any{"actions": actions, "before": r.before, "after": r.after, "after_unknown": unknown}
		if r.before == nil {
			change["before"] = nil
		}
		if r.after == nil {
			change["after"] = nil
		}
		if !old {
			change["before_sensitive"] = sensitiveMap(r.before)
			change["after_sensitive"] = sensitiveMap(r.after, unknown)
			if r.before == nil {
				change["before_sensitive"] = false
			}
			if r.after == nil {
				change["after_sensitive"] = false
			}
		}
		rc := map[string]any{"address": r.addr, "mode": "managed", "type": typ, "name": name,
			"provider_name": provider, "change": change}
		if module != "" {
			rc["module_address"] = module
		}
		if index != nil {
			rc["index"] = index
		}
		if r.deposed != "" {
			rc["deposed"] = r.deposed
		}
		if len(actions) == 2 {
			rc["action_reason"] = "replace_because_cannot_update"
		}
		changes = append(changes, rc)
		if r.before != nil {
			addPrior(r, r.before)
		}
		if r.deposed != "" {
			continue
		}

		cfgAddr := strings.Join(append(moduleNames(module), typ+"."+name), "/")
		c := config[cfgAddr]
		if c == nil {
			c = &cfgRes{module: module, typ: typ, name: name, attrs: map[string]any{}}
			_, c.keyed = index.(string)
			c.counted = index != nil && !c.keyed
			config[cfgAddr] = c
			configOrder = append(configOrder, cfgAddr)
		}
		set := r.config
		if set == nil {
			for k, v := range r.after {
				if v != nil {
					set = append(set, k)
				}
			}
			for k, v := range unknown {
				if v == true && !computedOnly[k] {
					set = append(set, k)
				}
			}
		}
		for _, a := range set {
			if u, _ := unknown[a].(bool); u {
				c.attrs[a] = map[string]any{"references": []string{"var." + a}}
			} else {
				c.attrs[a] = expression(r.after[a], unknown[a])
			}
		}
	}
	for _, r := range spec.prior {
		addPrior(r, r.after)
	}

	plan := map[string]any{
		"format_version":    format,
		"terraform_version": "1.8.5",
		"planned_values":    map[string]any{"root_module": map[string]any{}},
		"resource_changes":  changes,
		"output_changes":    map[string]any{"trail_arn": map[string]any{"actions": []string{"no-op"}, "before": "arn", "after": "arn"}},
		"prior_state": map[string]any{
			"format_version": format, "terraform_version": "1.8.5",
			"values": map[string]any{"root_module": priorModule("", prior)},
		},
		"applyable": true, "complete": true, "errored": false,
	}
	if old {
		plan["terraform_version"] = "0.12.31"
	}
	if spec.timestamp != "-" && !old {
		ts := spec.timestamp
		if ts == "" {
			ts = planTimestamp
		}
		plan["timestamp"] = ts
	}
	if !spec.noConfig {
		root := map[string]any{}
		sort.Strings(configOrder)
		for _, a := range configOrder {
			c := config[a]
			m := root
			for _, n := range moduleNames(c.module) {
				calls, _ := m["module_calls"].(map[string]any)
				if calls == nil {
					calls = map[string]any{}
					m["module_calls"] = calls
				}
				call, _ := calls[n].(map[string]any)
				if call == nil {
					call = map[string]any{"source": "./modules/" + n, "module": map[string]any{}}
					calls[n] = call
				}
				m = call["module"].(map[string]any)
			}
			cr := map[string]any{"address": c.typ + "." + c.name, "mode": "managed", "type": c.typ, "name": c.name,
				"provider_config_key": "aws", "expressions": c.attrs, "schema_version": 0}
			if c.counted {
				cr["count_expression"] = map[string]any{"constant_value": 2}
			}
			if c.keyed {
				cr["for_each_expression"] = map[string]any{"references": []string{"var.users"}}
			}
			resources, _ := m["resources"].([]any)
			m["resources"] = append(resources, cr)
		}
		plan["configuration"] = map[string]any{
			"provider_config": map[string]any{"aws": map[string]any{"name": "aws", "full_name": provider}},
			"root_module":     root,
		}
	}
	data, err := json.MarshalIndent(plan, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// priorModule renders the prior_state module at address addr with its
// resources and, nested, every module below it.
func priorModule(addr string, byModule map[string][]any) map[string]any {
	m := map[string]any{}
	if addr != "" {
		m["address"] = addr
	}
	if rs := byModule[addr]; len(rs) > 0 {
		m["resources"] = rs
	}
	children := map[string]bool{}
	for mod := range byModule {
		if mod == addr || (addr != "" && !strings.HasPrefix(mod, addr+".")) {
			continue
		}
		rest := strings.TrimPrefix(mod, addr)
		rest = strings.TrimPrefix(rest, ".")
		// the next module step: "module.NAME" plus an optional key
		next := rest
		if i := strings.Index(rest[len("module."):], ".module."); i >= 0 {
			next = rest[:len("module.")+i]
		}
		if addr != "" {
			next = addr + "." + next
		}
		children[next] = true
	}
	var kids []string
	for c := range children {
		kids = append(kids, c)
	}
	sort.Strings(kids)
	var list []any
	for _, c := range kids {
		list = append(list, priorModule(c, byModule))
	}
	if len(list) > 0 {
		m["child_modules"] = list
	}
	return m
}

// expression renders a configured value: nested blocks as lists of
// expression maps, anything else as a constant. unknown is the value's
// after_unknown marks: an attribute of a block marked unknown is set from
// a variable, as at the top level.
func expression(v, unknown any) any {
	if list, ok := v.([]any); ok && len(list) > 0 {
		if _, ok := list[0].(map[string]any); ok {
			marks, _ := unknown.([]any)
			var blocks []any
			for i, el := range list {
				var mark map[string]any
				if i < len(marks) {
					mark, _ = marks[i].(map[string]any)
				}
				b := map[string]any{}
				for k, vv := range el.(map[string]any) {
					b[k] = expression(vv, mark[k])
				}
				for k, u := range mark {
					if u == true {
						b[k] = map[string]any{"references": []string{"var." + k}}
					}
				}
				blocks = append(blocks, b)
			}
			return blocks
		}
	}
	return map[string]any{"constant_value": v}
}

// TestKeysWithUsersShape: make bench's plan of access keys with their users
// (plantest.WriteKeysWithUsers) is judged as the plan real Terraform writes
// for that configuration (trust/keys-with-users, 10 users), finding for
// finding, so that the benchmark measures the work of a real plan.
func TestKeysWithUsersShape(t *testing.T) {
	findings := func(r io.Reader) []string {
		t.Helper()
		p, err := plan.Read(r, ResourceTypes, plan.Attributes(Attributes))
		if err != nil {
			t.Fatal(err)
		}
		res := Lint(p, Options{Now: time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)})
		var got []string
		for _, f := range res.Findings {
			got = append(got, strings.Join([]string{f.Rule.ID, f.Severity.String(), f.Address, f.Attribute, f.Message}, " | "))
		}
		sort.Strings(got)
		return got
	}
	f, err := os.Open(filepath.Join("testdata", "trust", "keys-with-users", "plan.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	want := findings(f)
	var b bytes.Buffer
	if err := plantest.WriteKeysWithUsers(&b, 20); err != nil {
		t.Fatal(err)
	}
	got := findings(&b)
	if len(want) == 0 || !slices.Equal(got, want) {
		t.Errorf("generated plan's findings:\n%s\nreal plan's:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
