package iamtest

import (
	"net/url"
	"strconv"
	"strings"
	"time"
)

// stsActions maps each STS operation to its handler. The caller is always
// the account's root user.
var stsActions = map[string]func(*Server, url.Values) (any, *apiError){
	"GetCallerIdentity": getCallerIdentity,
	"AssumeRole":        assumeRole,
}

func getCallerIdentity(s *Server, _ url.Values) (any, *apiError) {
	id := s.acct.accountID()
	return struct {
		Arn     string
		UserId  string
		Account string
	}{"arn:aws:iam::" + id + ":root", id, id}, nil
}

// assumeRole accepts any role ARN of the form arn:aws:iam::<account>:role/<name>
// and returns made-up temporary credentials.
func assumeRole(s *Server, form url.Values) (any, *apiError) {
	roleARN, session := form.Get("RoleArn"), form.Get("RoleSessionName")
	parts := strings.SplitN(roleARN, ":", 6)
	if len(parts) != 6 || !strings.HasPrefix(parts[5], "role/") || session == "" {
		return nil, &apiError{status: 400, code: "ValidationError", message: "RoleArn must be a role ARN and RoleSessionName is required"}
	}
	duration := 3600
	if v := form.Get("DurationSeconds"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 900 || n > 43200 {
			return nil, &apiError{status: 400, code: "ValidationError", message: "DurationSeconds must be between 900 and 43200"}
		}
		duration = n
	}
	account, roleName := parts[4], parts[5][strings.LastIndex(parts[5], "/")+1:]
	type credentials struct {
		AccessKeyId     string
		SecretAccessKey string
		SessionToken    string
		Expiration      string
	}
	type assumedRoleUser struct {
		AssumedRoleId string
		Arn           string
	}
	roleID := "AROA" + stableID("role/"+roleName, 17)
	return struct {
		Credentials     credentials
		AssumedRoleUser assumedRoleUser
	}{
		credentials{
			AccessKeyId:     "ASIA" + stableID("session/"+roleARN+"/"+session, 16),
			SecretAccessKey: "iamtest-secret",
			SessionToken:    "iamtest-session-token",
			Expiration:      iso(s.acct.now().Add(time.Duration(duration) * time.Second)),
		},
		assumedRoleUser{roleID + ":" + session, "arn:aws:sts::" + account + ":assumed-role/" + roleName + "/" + session},
	}, nil
}
