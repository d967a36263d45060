package provider

import (
	"fmt"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/iamguard/terraform-provider-iamguard/internal/iamtest"
)

// TestDocumentedPermissions: each data source reads a sound account as
// compliant with only the actions the registry docs' permissions table
// gives it, every other action denied: a user who grants what the docs
// list is never told an account is not compliant for want of a permission
// (round 166: the CloudTrail data sources and GetAccountSummary for
// signing certificates were missing). iamguard_account_compliance's row
// names what it does not need of the others' (and LookupEvents, which it
// calls only with events).
func TestDocumentedPermissions(t *testing.T) {
	doc, err := os.ReadFile("../../docs/index.md")
	if err != nil {
		t.Fatal(err)
	}
	row := regexp.MustCompile("(?m)^\\| `(iamguard_[a-z_]+)` \\| (.*) \\|$")
	action := regexp.MustCompile(`\b(?:iam|cloudtrail):[A-Za-z]+`)
	granted := map[string][]string{}
	var all []string
	for _, m := range row.FindAllStringSubmatch(string(doc), -1) {
		granted[m[1]] = action.FindAllString(m[2], -1)
		if m[1] != "iamguard_account_compliance" {
			all = append(all, granted[m[1]]...)
		}
	}
	if but, ok := granted["iamguard_account_compliance"]; ok {
		granted["iamguard_account_compliance"] = slices.DeleteFunc(slices.Clone(all), func(a string) bool { return slices.Contains(but, a) })
	}
	var names []string
	for _, f := range New("test")().DataSources(t.Context()) {
		var md datasource.MetadataResponse
		f().Metadata(t.Context(), datasource.MetadataRequest{ProviderTypeName: "iamguard"}, &md)
		names = append(names, md.TypeName)
	}
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			actions, ok := granted[name]
			if !ok {
				t.Fatalf("docs/index.md's permissions table has no row for %s", name)
			}
			srv := iamtest.New(t, compliantAccount(t))
			for _, a := range iamtest.Actions() {
				if !slices.Contains(actions, a) {
					_, op, _ := strings.Cut(a, ":")
					srv.Fail(op, iamtest.AccessDenied, -1)
				}
			}
			addr := fmt.Sprintf("data.%s.test", name)
			run(t, resource.TestStep{
				Config: cloudTrailProviderBlock(srv) + fmt.Sprintf("data %q \"test\" {}\n", name),
				Check:  resource.TestCheckResourceAttr(addr, "compliant", "true"),
			})
		})
	}
}
