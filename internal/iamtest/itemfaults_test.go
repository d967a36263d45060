package iamtest_test

import (
	"net/http"
	"net/url"
	"testing"

	"github.com/iamguard/terraform-provider-iamguard/internal/iamtest"
)

// TestFailItem: a fault for one item leaves the action's other items alone.
func TestFailItem(t *testing.T) {
	srv := iamtest.New(t, &iamtest.Account{Users: []iamtest.User{{Name: "alice"}, {Name: "bob"}}})
	srv.FailItem("ListSSHPublicKeys", "UserName", "bob", iamtest.AccessDenied)
	post := func(user string) int {
		resp, err := http.PostForm(srv.URL, url.Values{"Action": {"ListSSHPublicKeys"}, "Version": {"2010-05-08"}, "UserName": {user}})
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	if a, b := post("alice"), post("bob"); a != http.StatusOK || b != http.StatusForbidden {
		t.Errorf("alice %d, bob %d; want 200 and 403", a, b)
	}
	srv.FailItem("ListSSHPublicKeys", "UserName", "bob", 0)
	if b := post("bob"); b != http.StatusOK {
		t.Errorf("bob after clearing: %d", b)
	}
}
