package rules

import "testing"

func TestEvaluateLoginProfile(t *testing.T) {
	for _, c := range []struct {
		name  string
		reset Value[bool]
		want  []want
	}{
		{name: "reset required", reset: Known(true)},
		{name: "no reset", reset: Known(false),
			want: []want{{"IG601", Medium, "password_reset_required", "password_reset_required is false: the initial console password stays valid until the user changes it"}}},
		{name: "zero value means false", reset: Value[bool]{},
			want: []want{{"IG601", Medium, "password_reset_required", "password_reset_required is false: the initial console password stays valid until the user changes it"}}},
		{name: "known after apply", reset: UnknownValue[bool](),
			want: []want{{"IG601", Info, "password_reset_required", unknownMsg("password_reset_required", "IG601", "login-profile-no-reset")}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			assertFindings(t, EvaluateLoginProfile(c.reset), c.want)
		})
	}
}
