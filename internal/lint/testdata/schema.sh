#!/usr/bin/env bash
# Makes aws-schema.json: of the resource types the linter judges, each
# attribute's optional, computed and required flags, from the schema of the
# hashicorp/aws provider version the trust fixtures use (a filesystem mirror).
# Tests read the committed file and never run this.
#   TERRAFORM=/usr/local/bin/terraform MIRROR=/opt/tf-plugins ./schema.sh
set -euo pipefail
cd "$(dirname "$0")"
tf=${TERRAFORM:-terraform}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf 'provider_installation {\n  filesystem_mirror {\n    path = "%s"\n  }\n}\n' "${MIRROR:-/opt/tf-plugins}" >"$work/rc"
cp trust/provider.tf.in "$work/provider.tf"
(
  cd "$work"
  TF_CLI_CONFIG_FILE=$work/rc "$tf" init -input=false -no-color >/dev/null
  TF_CLI_CONFIG_FILE=$work/rc "$tf" providers schema -json
) | python3 -c '
import json, sys
types = ["aws_iam_account_password_policy", "aws_iam_access_key", "aws_iam_user_login_profile", "aws_cloudtrail",
         "aws_iam_server_certificate", "aws_iam_user_ssh_key", "aws_iam_signing_certificate"]
schemas = json.load(sys.stdin)["provider_schemas"]["registry.terraform.io/hashicorp/aws"]["resource_schemas"]
out = {t: {n: {k: a[k] for k in ("optional", "computed", "required") if a.get(k)}
           for n, a in sorted(schemas[t]["block"]["attributes"].items())} for t in types}
json.dump(out, sys.stdout, indent=1, sort_keys=True)
print()
' >aws-schema.json
echo aws-schema.json
