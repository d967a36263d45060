// Package plantest writes synthetic Terraform plans of realistic shape for
// benchmarks: nested modules, every resource in resource_changes,
// planned_values, prior_state and configuration, and a small share of the
// IAM and CloudTrail resources the linter judges.
package plantest

import (
	"bufio"
	"encoding/base64"
	"encoding/binary"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
)

// Write writes a plan with n managed resources to w; one in fifty is an IAM
// or CloudTrail resource.
func Write(w io.Writer, n int) error {
	bw := bufio.NewWriterSize(w, 1<<20)
	g := gen{w: bw}
	g.s(`{"format_version":"1.2","terraform_version":"1.8.5","variables":{"env":{"value":"prod"}},`)
	g.s(`"planned_values":{"root_module":{"resources":[`)
	g.each(n, func(i int) { g.stateResource(i) })
	g.s(`]}},"resource_changes":[`)
	g.each(n, func(i int) { g.change(i) })
	g.s(`],"prior_state":{"format_version":"1.0","terraform_version":"1.8.5","values":{"root_module":{"resources":[],"child_modules":[`)
	g.each(n, func(i int) {
		fmt.Fprintf(bw, `{"address":%q,"resources":[`, module(i))
		g.stateResource(i)
		g.s(`]}`)
	})
	g.s(`]}}},"configuration":{"provider_config":{"aws":{"name":"aws","full_name":"registry.terraform.io/hashicorp/aws"}},"root_module":{"module_calls":{`)
	g.each(n, func(i int) {
		fmt.Fprintf(bw, `"m%d":{"source":"./modules/m","module":{"module_calls":{"app":{"source":"./app","for_each_expression":{"references":["var.apps"]},"module":{"resources":[`, i)
		typ, name := kind(i)
		fmt.Fprintf(bw, `{"address":"%s.%s","mode":"managed","type":%q,"name":%q,"provider_config_key":"aws","expressions":{`, typ, name, typ, name)
		g.s(`"name":{"references":["var.name"]},"tags":{"constant_value":{"team":"platform","env":"prod"}}`)
		g.s(`},"schema_version":0}]}}}}}`)
	})
	g.s(`}}},"timestamp":"2026-11-20T10:00:00Z","applyable":true,"complete":true,"errored":false}` + "\n")
	if g.err != nil {
		return g.err
	}
	return bw.Flush()
}

type gen struct {
	w   *bufio.Writer
	err error
}

func (g *gen) s(s string) {
	if _, err := g.w.WriteString(s); err != nil && g.err == nil {
		g.err = err
	}
}

func (g *gen) each(n int, f func(int)) {
	for i := 0; i < n; i++ {
		if i > 0 {
			g.s(",")
		}
		f(i)
	}
}

// module nests resources two modules deep, instanced by key.
func module(i int) string { return fmt.Sprintf(`module.m%d.module.app["svc-%d"]`, i, i%7) }

func kind(i int) (typ, name string) {
	if i%50 == 0 {
		switch (i / 50) % 4 {
		case 0:
			return "aws_iam_access_key", "key"
		case 1:
			return "aws_iam_user_login_profile", "console"
		case 2:
			return "aws_cloudtrail", "trail"
		default:
			return "aws_iam_account_password_policy", "policy"
		}
	}
	return [...]string{"aws_instance", "aws_security_group", "aws_s3_bucket"}[i%3], "this"
}

func values(i int) string {
	typ, _ := kind(i)
	switch typ {
	case "aws_iam_access_key":
		return fmt.Sprintf(`{"create_date":"2025-01-01T00:00:00Z","id":"AKIA%016d","pgp_key":null,"secret":"s3cr3t%d","ses_smtp_password_v4":"smtp%d","status":"Active","user":"user-%d"}`, i, i, i, i)
	case "aws_iam_user_login_profile":
		return fmt.Sprintf(`{"password_length":20,"password_reset_required":false,"pgp_key":null,"user":"user-%d"}`, i)
	case "aws_cloudtrail":
		return fmt.Sprintf(`{"name":"trail-%d","enable_logging":true,"include_global_service_events":true,"is_multi_region_trail":false,"enable_log_file_validation":false,"event_selector":[],"advanced_event_selector":[]}`, i)
	case "aws_iam_account_password_policy":
		return `{"minimum_password_length":8,"require_symbols":false,"require_numbers":true,"require_lowercase_characters":true,"require_uppercase_characters":true,"max_password_age":0,"password_reuse_prevention":0,"allow_users_to_change_password":true,"hard_expiry":false}`
	}
	rules := strings.Repeat(`{"cidr_blocks":["10.0.0.0/8"],"description":"internal \"east\" traffic","from_port":443,"protocol":"tcp","to_port":443},`, 1)
	return fmt.Sprintf(`{"arn":"arn:aws:ec2:us-east-1:111122223333:i/%d","id":"i-%012d","instance_type":"m5.large",`+
		`"ingress":[%s],"root_block_device":[{"encrypted":true,"volume_size":50}],`+
		`"tags":{"Name":"svc-%d","team":"platform","env":"prod"}}`, i, i, strings.TrimSuffix(rules, ","), i)
}

func (g *gen) stateResource(i int) {
	typ, name := kind(i)
	fmt.Fprintf(g.w, `{"address":%q,"mode":"managed","type":%q,"name":%q,"provider_name":"registry.terraform.io/hashicorp/aws","schema_version":1,"values":%s,"sensitive_values":{"tags":{}}}`,
		module(i)+"."+typ+"."+name, typ, name, values(i))
}

func (g *gen) change(i int) {
	typ, name := kind(i)
	action := [...]string{`"no-op"`, `"update"`, `"no-op"`, `"delete","create"`}[i%4]
	v := values(i)
	fmt.Fprintf(g.w, `{"address":%q,"module_address":%q,"mode":"managed","type":%q,"name":%q,"provider_name":"registry.terraform.io/hashicorp/aws",`+
		`"change":{"actions":[%s],"before":%s,"after":%s,"after_unknown":{"ingress":[{"cidr_blocks":[false]}]},"before_sensitive":{"tags":{}},"after_sensitive":{"tags":{}}}}`,
		module(i)+"."+typ+"."+name, module(i), typ, name, action, v, v)
}

// WriteAccessKeys writes a plan full of IAM: n access keys, two for each
// user, in a for_each module per user, with prior state and configuration.
// Every other key is new; the rest are unchanged, dated in the past.
func WriteAccessKeys(w io.Writer, n int) error {
	bw := bufio.NewWriterSize(w, 1<<20)
	g := gen{w: bw}
	key := func(i int) (addr, module, values string) {
		module = fmt.Sprintf(`module.users["user-%d"]`, i/2)
		values = fmt.Sprintf(`{"create_date":"2025-01-01T00:00:00Z","encrypted_secret":null,"id":"AKIA%016d","key_fingerprint":null,`+
			`"pgp_key":null,"secret":"s3cr3t%d","ses_smtp_password_v4":"smtp%d","status":"Active","user":"user-%d"}`, i, i, i, i/2)
		return fmt.Sprintf(`%s.aws_iam_access_key.this[%d]`, module, i%2), module, values
	}
	const sensitive = `{"secret":true,"ses_smtp_password_v4":true}`
	g.s(`{"format_version":"1.2","terraform_version":"1.8.5","resource_changes":[`)
	g.each(n, func(i int) {
		addr, module, v := key(i)
		before, actions, unknown := v, `"no-op"`, `{}`
		if i%2 == 1 {
			before, actions = "null", `"create"`
			v = fmt.Sprintf(`{"pgp_key":null,"status":"Active","user":"user-%d"}`, i/2)
			unknown = `{"create_date":true,"encrypted_secret":true,"id":true,"key_fingerprint":true,"secret":true,"ses_smtp_password_v4":true}`
		}
		fmt.Fprintf(bw, `{"address":%q,"module_address":%q,"mode":"managed","type":"aws_iam_access_key","name":"this","index":%d,`+
			`"provider_name":"registry.terraform.io/hashicorp/aws","change":{"actions":[%s],"before":%s,"after":%s,"after_unknown":%s,`+
			`"before_sensitive":%s,"after_sensitive":%s}}`, addr, module, i%2, actions, before, v, unknown, sensitive, sensitive)
	})
	g.s(`],"prior_state":{"format_version":"1.0","terraform_version":"1.8.5","values":{"root_module":{"child_modules":[`)
	g.each(n/2, func(u int) {
		addr, module, v := key(2 * u)
		fmt.Fprintf(bw, `{"address":%q,"resources":[{"address":%q,"mode":"managed","type":"aws_iam_access_key","name":"this","index":0,`+
			`"provider_name":"registry.terraform.io/hashicorp/aws","schema_version":0,"values":%s,"sensitive_values":%s}]}`, module, addr, v, sensitive)
	})
	g.s(`]}}},"configuration":{"root_module":{"module_calls":{"users":{"source":"./user","for_each_expression":{"references":["var.users"]},` +
		`"module":{"resources":[{"address":"aws_iam_access_key.this","mode":"managed","type":"aws_iam_access_key","name":"this",` +
		`"expressions":{"user":{"references":["var.name"]}},"count_expression":{"constant_value":2}}]}}}}},` +
		`"timestamp":"2026-11-20T10:00:00Z","applyable":true,"complete":true,"errored":false}` + "\n")
	if g.err != nil {
		return g.err
	}
	return bw.Flush()
}

// WriteKeysWithUsers writes the plan Terraform 1.11 and the AWS provider
// write for a root module that creates n/2 users and two access keys for
// each, both by for_each, the keys naming their user by reference: planned
// values, changes and configuration, no prior state. Its layout is that of a
// real plan of that configuration, scaled up.
func WriteKeysWithUsers(w io.Writer, n int) error {
	bw := bufio.NewWriterSize(w, 1<<20)
	g := gen{w: bw}
	const provider = `"mode":"managed","provider_name":"registry.terraform.io/hashicorp/aws",`
	key := func(i int) (addr, values string) {
		return fmt.Sprintf(`aws_iam_access_key.k["user-%d-%d"]`, i/2, i%2), fmt.Sprintf(`{"pgp_key":null,"status":"Active","user":"user-%d"}`, i/2)
	}
	user := func(u int) (addr, values string) {
		return fmt.Sprintf(`aws_iam_user.u["user-%d"]`, u), fmt.Sprintf(`{"force_destroy":false,"name":"user-%d","path":"/","permissions_boundary":null,"tags":null}`, u)
	}
	// Terraform writes each module's resources sorted by address: the keys,
	// then the users.
	g.s(`{"format_version":"1.2","terraform_version":"1.11.4","planned_values":{"root_module":{"resources":[`)
	g.each(n+n/2, func(i int) {
		if i < n {
			addr, v := key(i)
			fmt.Fprintf(bw, `{"address":%q,%s"type":"aws_iam_access_key","name":"k","index":"user-%d-%d","schema_version":0,"values":%s,"sensitive_values":{"secret":true,"ses_smtp_password_v4":true}}`,
				addr, provider, i/2, i%2, v)
			return
		}
		addr, v := user(i - n)
		fmt.Fprintf(bw, `{"address":%q,%s"type":"aws_iam_user","name":"u","index":"user-%d","schema_version":0,"values":%s,"sensitive_values":{"tags_all":{}}}`,
			addr, provider, i-n, v)
	})
	g.s(`]}},"resource_changes":[`)
	g.each(n+n/2, func(i int) {
		if i < n {
			addr, v := key(i)
			fmt.Fprintf(bw, `{"address":%q,%s"type":"aws_iam_access_key","name":"k","index":"user-%d-%d","change":{"actions":["create"],"before":null,"after":%s,`+
				`"after_unknown":{"create_date":true,"encrypted_secret":true,"encrypted_ses_smtp_password_v4":true,"id":true,"key_fingerprint":true,"secret":true,"ses_smtp_password_v4":true},`+
				`"before_sensitive":false,"after_sensitive":{"secret":true,"ses_smtp_password_v4":true}}}`, addr, provider, i/2, i%2, v)
			return
		}
		addr, v := user(i - n)
		fmt.Fprintf(bw, `{"address":%q,%s"type":"aws_iam_user","name":"u","index":"user-%d","change":{"actions":["create"],"before":null,"after":%s,`+
			`"after_unknown":{"arn":true,"id":true,"tags_all":true,"unique_id":true},"before_sensitive":false,"after_sensitive":{"tags_all":{}}}}`, addr, provider, i-n, v)
	})
	g.s(`],"configuration":{"provider_config":{"aws":{"name":"aws","full_name":"registry.terraform.io/hashicorp/aws","expressions":{"region":{"constant_value":"us-east-1"}}}},` +
		`"root_module":{"resources":[{"address":"aws_iam_access_key.k","mode":"managed","type":"aws_iam_access_key","name":"k","provider_config_key":"aws",` +
		`"expressions":{"user":{"references":["aws_iam_user.u","each.value"]}},"schema_version":0,"for_each_expression":{"references":["local.keys"]}},` +
		`{"address":"aws_iam_user.u","mode":"managed","type":"aws_iam_user","name":"u","provider_config_key":"aws","expressions":{"name":{"references":["each.key"]}},` +
		`"schema_version":0,"for_each_expression":{"references":["local.users"]}}]}},"relevant_attributes":[{"resource":"aws_iam_user.u","attribute":[]}],` +
		`"timestamp":"2026-11-20T10:00:00Z","applyable":true,"complete":true,"errored":false}` + "\n")
	if g.err != nil {
		return g.err
	}
	return bw.Flush()
}

// WriteSSHKeys writes a plan that creates n aws_iam_user_ssh_key, one a
// user, each a 2048-bit RSA public key in OpenSSH form: about 72 MB for
// 100,000, nearly all of it key bodies the linter keeps and parses. The
// moduli are random odd numbers, not products of primes, which no rule
// can tell from a real key's; they come from a fixed seed.
func WriteSSHKeys(w io.Writer, n int) error {
	bw := bufio.NewWriterSize(w, 1<<20)
	g := gen{w: bw}
	rnd := rand.New(rand.NewPCG(1, 2))
	blob := make([]byte, 0, 4+7+4+3+4+257)
	body := func() string {
		blob = binary.BigEndian.AppendUint32(blob[:0], 7)
		blob = append(blob, "ssh-rsa"...)
		blob = append(binary.BigEndian.AppendUint32(blob, 3), 1, 0, 1)
		blob = append(binary.BigEndian.AppendUint32(blob, 257), 0)
		for range 32 {
			blob = binary.BigEndian.AppendUint64(blob, rnd.Uint64())
		}
		blob[len(blob)-256] |= 0x80 // 2048 bits
		blob[len(blob)-1] |= 1      // odd
		return "ssh-rsa " + base64.StdEncoding.EncodeToString(blob)
	}
	g.s(`{"format_version":"1.2","terraform_version":"1.11.4","resource_changes":[`)
	g.each(n, func(i int) {
		fmt.Fprintf(bw, `{"address":"aws_iam_user_ssh_key.k[%d]","mode":"managed","type":"aws_iam_user_ssh_key","name":"k","index":%d,`+
			`"provider_name":"registry.terraform.io/hashicorp/aws","change":{"actions":["create"],"before":null,`+
			`"after":{"encoding":"SSH","public_key":%q,"status":"Active","username":"u%d"},`+
			`"after_unknown":{"fingerprint":true,"id":true,"ssh_public_key_id":true},"before_sensitive":false,"after_sensitive":{}}}`, i, i, body(), i)
	})
	g.s(`],"timestamp":"2026-11-20T10:00:00Z","applyable":true,"complete":true,"errored":false}` + "\n")
	if g.err != nil {
		return g.err
	}
	return bw.Flush()
}

// WriteChainedModules writes a plan of n sibling module calls, each
// passing the last one's output on as its input, the first given null, and
// a login profile whose password_reset_required reads the last one's
// output: a hand-made plan that makes the linter keep every call and
// follow the whole chain. Each call has no more than that (no variables
// block, one reference a link), so that the most calls fit within the
// bound on the configuration the linter keeps: about 112,000.
func WriteChainedModules(w io.Writer, n int) error {
	bw := bufio.NewWriterSize(w, 1<<20)
	g := gen{w: bw}
	g.s(`{"format_version":"1.2","terraform_version":"1.11.4","resource_changes":[{"address":"aws_iam_user_login_profile.p",` +
		`"mode":"managed","type":"aws_iam_user_login_profile","name":"p","provider_name":"registry.terraform.io/hashicorp/aws",` +
		`"change":{"actions":["create"],"before":null,"after":{"password_length":20,"pgp_key":null,"user":"u"},` +
		`"after_unknown":{"encrypted_password":true,"id":true,"key_fingerprint":true,"password":true,"password_reset_required":true},` +
		`"before_sensitive":false,"after_sensitive":{"password":true}}}],"configuration":{"root_module":{"resources":[` +
		`{"address":"aws_iam_user_login_profile.p","mode":"managed","type":"aws_iam_user_login_profile","name":"p","provider_config_key":"aws",`)
	fmt.Fprintf(bw, `"expressions":{"password_reset_required":{"references":["module.m%d.o"]},"user":{"constant_value":"u"}},"schema_version":0}],"module_calls":{`, n-1)
	g.each(n, func(i int) {
		in := `{"constant_value":null}`
		if i > 0 {
			in = fmt.Sprintf(`{"references":["module.m%d.o"]}`, i-1)
		}
		fmt.Fprintf(bw, `"m%d":{"source":"./m","expressions":{"x":%s},"module":{"outputs":{"o":{"expression":{"references":["var.x"]}}}}}`, i, in)
	})
	g.s(`}}},"timestamp":"2026-11-20T10:00:00Z","applyable":true,"complete":true,"errored":false}` + "\n")
	if g.err != nil {
		return g.err
	}
	return bw.Flush()
}
