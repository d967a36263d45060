#!/usr/bin/env bash
# Makes plan.json in each case folder from its main.tf with a real Terraform
# and the hashicorp/aws provider from a filesystem mirror. Tests read the
# committed plan.json files and never run this.
#   TERRAFORM=/usr/local/bin/terraform MIRROR=/opt/tf-plugins ./generate.sh [CASE...]
set -euo pipefail
cd "$(dirname "$0")"
tf=${TERRAFORM:-terraform}
rc=$(mktemp)
trap 'rm -f "$rc"' EXIT
printf 'provider_installation {\n  filesystem_mirror {\n    path = "%s"\n  }\n}\n' "${MIRROR:-/opt/tf-plugins}" >"$rc"
[ $# -gt 0 ] || set -- */
for dir in "$@"; do
  dir=${dir%/}
  if [ -f "$dir"/plan.kept ]; then # made another way: see the file
    echo "$dir/plan.json kept"
    continue
  fi
  work=$(mktemp -d)
  cp -r "$dir"/. "$work"/ # with its modules and state, if any
  rm -f "$work"/plan.json
  [ -f "$dir"/provider.tf ] || cp provider.tf.in "$work"/provider.tf # a case may bring its own
  ssh_key=$(cat ssh_key.pub)
  sed -i "s|SSH_KEY_PLACEHOLDER|$ssh_key|" "$work"/*.tf
  (
    cd "$work"
    TF_CLI_CONFIG_FILE=$rc "$tf" init -input=false -no-color >/dev/null
    args=() # a case's plan.args: more plan flags, such as -target=ADDRESS
    [ ! -f plan.args ] || read -ra args <plan.args
    TF_CLI_CONFIG_FILE=$rc "$tf" plan -input=false -no-color -refresh=false -out tfplan ${args[@]+"${args[@]}"} >/dev/null
    TF_CLI_CONFIG_FILE=$rc "$tf" show -json tfplan
  ) >"$dir/plan.json"
  rm -rf "$work"
  echo "$dir/plan.json"
done
