package provider

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/iamguard/terraform-provider-iamguard/internal/iamtest"
	"github.com/iamguard/terraform-provider-iamguard/internal/inspect/certtest"
)

// TestUploadedMaterialStaysOut reads the three data sources of uploaded
// credentials, and the account summary with events that carry bodies in
// their request parameters, with trace logging, and checks that no
// certificate body, chain or SSH key appears in their state or in the
// logs: only public certificate fields and fingerprints leave.
func TestUploadedMaterialStaysOut(t *testing.T) {
	logFile := filepath.Join(t.TempDir(), "tf.log")
	t.Setenv("TF_LOG", "TRACE")
	t.Setenv("TF_ACC_LOG_PATH", logFile)
	server := caIssued(t, "www.example.com")
	signing := certtest.Issue(t, certtest.Cert{CN: "signer"}).PEM
	key, _ := sshKey(t)
	srv := iamtest.New(t, &iamtest.Account{Now: testNow,
		ServerCertificates: []iamtest.ServerCertificate{server},
		Users: []iamtest.User{{Name: "alice", Created: daysAgo(10),
			SSHPublicKeys:       []iamtest.SSHPublicKey{{ID: "APKAALICE0000000001", Body: key}},
			SigningCertificates: []iamtest.SigningCertificate{{ID: "ALICECERT1", Body: signing}},
		}},
		Events: riskyEvents(),
	})
	// The base64 payloads, whatever the line breaks around them.
	secrets := map[string]string{
		"server certificate body":   pemPayload(server.Body),
		"server certificate chain":  pemPayload(server.Chain),
		"signing certificate body":  pemPayload(signing),
		"SSH key":                   strings.Fields(key)[1][:40],
		"uploaded certificate body": "SECRETCERTBODY",
		"uploaded SSH key body":     "SECRETSSHKEYBODY",
	}
	notInState := func(s *terraform.State) error {
		for _, addr := range []string{scAddr, sshAddr, sgAddr, acAddr} {
			rs, ok := s.RootModule().Resources[addr]
			if !ok {
				return fmt.Errorf("%s not in state", addr)
			}
			for attr, v := range rs.Primary.Attributes {
				for what, secret := range secrets {
					if strings.Contains(strings.ReplaceAll(v, "\n", ""), secret) {
						return fmt.Errorf("%s.%s holds the %s", addr, attr, what)
					}
				}
			}
		}
		return nil
	}
	run(t, resource.TestStep{
		Config: cloudTrailProviderBlock(srv) + `
data "iamguard_server_certificates" "test" {}
data "iamguard_ssh_public_keys" "test" {}
data "iamguard_signing_certificates" "test" {}
data "iamguard_account_compliance" "test" {
  events = {}
}
`,
		Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckResourceAttr(scAddr, "server_certificates.#", "1"),
			resource.TestCheckResourceAttr(sshAddr, "ssh_public_keys.#", "1"),
			resource.TestCheckResourceAttr(sgAddr, "signing_certificates.#", "1"),
			resource.TestCheckResourceAttr(acAddr, "areas.#", "8"),
			notInState,
		),
	})
	logs, err := os.ReadFile(logFile)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(logs), "iamguard_signing_certificates") {
		t.Fatal("the log does not mention the data sources: is TF_ACC_LOG_PATH honoured?")
	}
	flat := strings.ReplaceAll(string(logs), "\n", "")
	flat = strings.ReplaceAll(flat, `\n`, "")
	for what, secret := range secrets {
		if strings.Contains(flat, secret) {
			t.Errorf("the %s appears in the logs", what)
		}
	}
}

// pemPayload is a PEM block's base64, without armour and line breaks: a
// prefix long enough to identify it.
func pemPayload(p string) string {
	var b strings.Builder
	for _, line := range strings.Split(p, "\n") {
		if !strings.HasPrefix(line, "-----") {
			b.WriteString(line)
		}
	}
	return b.String()[:60]
}
