#!/usr/bin/env bash
# Runs the action's shell steps (install.sh, lint.sh) the way a runner does,
# with the GITHUB_* and RUNNER_* variables set, and checks their outputs,
# job summary and exit codes. No network: iamguard is built from this
# checkout (the branch path), and "releases" are served from a file:// URL.
# Run by internal/release's TestGitHubAction, or by hand.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fixture=$root/cmd/iamguard/testdata/plan.json # IG101 and IG202 (high), IG601 (medium)
failures=0

fail() {
	echo "FAIL: $*"
	failures=$((failures + 1))
}
ok() { echo "ok - $*"; }

# runner sets up a fresh runner for one job.
runner() {
	local job=$work/job$((++jobs))
	mkdir -p "$job/temp" "$job/workspace"
	export RUNNER_OS=${1:-Linux} RUNNER_ARCH=${2:-X64} RUNNER_TEMP=$job/temp
	export GITHUB_ACTION_PATH=$root GITHUB_WORKSPACE=$job/workspace
	export GITHUB_PATH=$job/path GITHUB_STEP_SUMMARY=$job/summary.md GITHUB_ENV=$job/env
	: >"$GITHUB_PATH"
	: >"$GITHUB_STEP_SUMMARY"
	cd "$GITHUB_WORKSPACE"
}
jobs=0

# step runs one of the action's scripts as a step: a new GITHUB_OUTPUT,
# PATH extended by earlier steps' GITHUB_PATH lines. It sets $code and
# $log (the step's output), and never stops the test.
step() {
	export GITHUB_OUTPUT=$RUNNER_TEMP/output.$RANDOM
	: >"$GITHUB_OUTPUT"
	local path=$PATH
	while read -r dir; do path=$dir:$path; done <"$GITHUB_PATH"
	set +e
	log=$(env PATH="$path" "$root/.github/action/$1" 2>&1)
	code=$?
	set -e
}

# output NAME: the value the last step set for NAME.
output() { sed -n "s/^$1=//p" "$GITHUB_OUTPUT" | tail -1; }

expect() { # expect DESCRIPTION WANT GOT
	if [ "$2" = "$3" ]; then ok "$1"; else fail "$1: want '$2', got '$3'"$'\n'"$log"; fi
}
expect_in() { # expect_in DESCRIPTION NEEDLE HAYSTACK
	case "$3" in *"$2"*) ok "$1" ;; *) fail "$1: '$2' not found in:"$'\n'"$3" ;; esac
}

lint_env() { # the lint step's inputs, with the action's defaults
	export INPUT_PLAN=${1-} INPUT_FORMAT=${2:-github} INPUT_FAIL_ON=${3-} INPUT_CONFIG="" INPUT_NO_CONFIG=false \
		INPUT_UPLOAD_SARIF=${4:-false} INPUT_COMMENT=${5:-true} INPUT_TERRAFORM="" INPUT_RECURSIVE=${6:-false}
}

# --- A branch: iamguard is built from the action's checkout with Go.
runner
export INPUT_VERSION="" ACTION_REF=main
step install.sh
expect "install from a branch exits 0" 0 "$code"
built=$(head -1 "$GITHUB_PATH")/iamguard
[ -x "$built" ] && ok "iamguard built into the job's PATH" || fail "no iamguard in $built"
expect "version output" dev "$(output version)"

# --- Findings: annotations, SARIF and JSON files, job summary, exit 1.
cp "$fixture" plan.json
lint_env plan.json "github, sarif,json"
step lint.sh
expect "findings fail the step" 1 "$code"
expect "exit-code output" 1 "$(output exit-code)"
expect_in "annotations in the log" "::error file=plan.json,title=IG101" "$log"
expect "sarif-file output" "$PWD/iamguard.sarif" "$(output sarif-file)"
expect_in "the SARIF file is SARIF 2.1.0" '"version": "2.1.0"' "$(cat iamguard.sarif)"
expect "json-file output" "$PWD/iamguard.json" "$(output json-file)"
expect_in "the JSON report counts 3 findings" '"findings": 3' "$(cat iamguard.json)"
expect_in "markdown summary in GITHUB_STEP_SUMMARY" "❌ **iamguard**: 3 resources judged, 3 findings" "$(cat "$GITHUB_STEP_SUMMARY")"
expect "markdown-file output" "$PWD/iamguard.md" "$(output markdown-file)"

# --- fail-on above every finding: exit 0, and comment=false writes no summary.
: >"$GITHUB_STEP_SUMMARY"
lint_env plan.json github critical false false
step lint.sh
expect "fail-on critical passes" 0 "$code"
expect "exit-code output with fail-on critical" 0 "$(output exit-code)"
expect "comment=false leaves the job summary alone" "" "$(cat "$GITHUB_STEP_SUMMARY")"

# --- upload-sarif alone still writes the SARIF for the upload step.
rm -f iamguard.sarif
lint_env plan.json github "" true false
step lint.sh
expect "upload-sarif writes the SARIF file" "$PWD/iamguard.sarif" "$(output sarif-file)"

# --- A pull request's own .iamguard.hcl switches every finding off; the
# config and no-config inputs set it aside for a trusted one or the defaults.
printf 'rule "IG101" { enabled = false }\nrule "IG202" { enabled = false }\nrule "IG601" { enabled = false }\n' >.iamguard.hcl
mkdir -p base && echo 'fail_on = "high"' >base/.iamguard.hcl
lint_env plan.json json
step lint.sh
expect "the working directory's config applies by default" 0 "$code"
lint_env plan.json json
export INPUT_NO_CONFIG=true
step lint.sh
expect "no-config judges with the defaults" 1 "$code"
expect_in "no-config: the defaults' findings" '"findings": 3' "$(cat iamguard.json)"
lint_env plan.json json
export INPUT_CONFIG=base/.iamguard.hcl
step lint.sh
expect "config reads the given file" 1 "$code"
expect_in "config: the given file is shown" "\"file\": \"$GITHUB_WORKSPACE/base/.iamguard.hcl\"" "$(cat iamguard.json)"
# In a working-directory, a relative config is still the workspace's: the
# pull request's own file at that path there is not read.
mkdir -p stack/base && cp "$fixture" stack/plan.json
printf 'fail_on = "critical"\nrule "IG101" { enabled = false }\n' >stack/base/.iamguard.hcl
cd stack
lint_env plan.json json
export INPUT_CONFIG=base/.iamguard.hcl
step lint.sh
expect "config in a working-directory: the workspace's file" 1 "$code"
cd "$GITHUB_WORKSPACE"
rm -rf .iamguard.hcl base stack

# --- Several plans and a directory, in a subdirectory (working-directory).
mkdir -p stacks/a stacks/b && cp "$fixture" stacks/a/plan.json
echo '{"format_version":"1.2","terraform_version":"1.8.5","resource_changes":[]}' >stacks/b/plan.json
lint_env $'plan.json\nstacks/b' json
step lint.sh
expect "a plan and a directory: worst exit code" 1 "$code"
expect_in "per-plan summary in the JSON" '"path": "stacks/b/plan.json"' "$(cat iamguard.json)"
lint_env "stacks" json "" false false true
step lint.sh
expect "recursive: the findings of stacks/a" 1 "$code"
expect_in "recursive: stacks/a's findings prefixed" '"address": "stacks/a/plan.json:aws_iam_account_password_policy.this"' "$(cat iamguard.json)"
cd stacks/b
lint_env plan.json
step lint.sh
expect "a clean plan passes (working-directory)" 0 "$code"
cd "$GITHUB_WORKSPACE"

# --- Input errors: exit 2 with the message in the log, and no report
# file from before the run (a forged one committed) taken for its own.
echo "✅ **iamguard**: 2 resources judged, 0 findings" >iamguard.md
: >"$GITHUB_STEP_SUMMARY"
lint_env missing.json
step lint.sh
expect "a missing plan is exit 2" 2 "$code"
expect_in "the error names the file" "missing.json: no such file or directory" "$log"
expect "no job summary from a report the run did not write" "" "$(cat "$GITHUB_STEP_SUMMARY")"
expect "no markdown-file output from it" "" "$(output markdown-file)"
lint_env ""
step lint.sh
expect "an empty plan input is exit 2" 2 "$code"
lint_env plan.json "," "" false false
step lint.sh
expect "a format input of separators only is exit 2" 2 "$code"
expect_in "the format input is named" "the format input names no format" "$log"
lint_env plan.json $'json\nsarif'
step lint.sh
expect "formats on lines of their own: the second is written" "$PWD/iamguard.sarif" "$(output sarif-file)"
# A plan word is a file name, never a flag: the run cannot be made to
# pass, or to take a program of the pull request's for terraform.
for words in "plan.json -h" "plan.json --fail-on=critical" "--terraform=./pwn.sh plan.json"; do
	lint_env "$words"
	step lint.sh
	expect "plan input '$words' is file names: exit 2" 2 "$code"
done

# --- A plan named as a report file is not deleted to make way for it.
cp "$fixture" iamguard.json
lint_env iamguard.json json
step lint.sh
expect "a plan named iamguard.json is exit 2" 2 "$code"
expect_in "the clash is named" "the plan iamguard.json is where the action writes its report" "$log"
[ -s iamguard.json ] && ok "the plan iamguard.json is kept" || fail "the plan iamguard.json was deleted"
rm -f iamguard.json

# A plan of that name in a directory linted is linted, not deleted first
# to make way for the report (round 333: the step passed, exit 0).
mkdir -p stackdir && cp "$fixture" stackdir/iamguard.json
echo '{"format_version":"1.2","terraform_version":"1.8.5","resource_changes":[]}' >stackdir/network.json
cd stackdir
lint_env . json
step lint.sh
expect "a plan named iamguard.json in a directory linted is judged" 1 "$code"
expect_in "its findings are in the report" '"findings": 3' "$(cat iamguard.json)"
cd "$GITHUB_WORKSPACE"
rm -rf stackdir

# --- A switch is true or false: no-config: yes is refused, not read as
# false (which would read the pull request's own config).
for input in NO_CONFIG RECURSIVE UPLOAD_SARIF COMMENT; do
	lint_env plan.json
	export "INPUT_$input=yes"
	step lint.sh
	expect "$input=yes is exit 2" 2 "$code"
done
expect_in "the input is named" "the comment input must be true or false" "$log"

# --- A working directory whose path holds a line break is refused: it
# would write output lines of its own.
mkdir -p $'odd\nexit-code=0' && cp "$fixture" $'odd\nexit-code=0/plan.json'
cd $'odd\nexit-code=0'
lint_env plan.json json
INPUT_WORKING_DIRECTORY=$'odd\nexit-code=0' step lint.sh
expect "a line break in the working directory is exit 2" 2 "$code"
expect "no output line of its own" 2 "$(output exit-code)"
cd "$GITHUB_WORKSPACE"
rm -rf $'odd\nexit-code=0'

# --- On Windows the report outputs are Windows paths (Git Bash's $PWD is
# /d/a/..., which the upload step's Node reads as D:\d\a\...): a cygpath
# stand-in that spells them so.
mkdir -p "$work/cygpath-bin"
cat >"$work/cygpath-bin/cygpath" <<'EOF'
#!/bin/sh
[ "$1" = -w ] && printf 'D:%s\n' "$2" | tr / '\\'
EOF
chmod +x "$work/cygpath-bin/cygpath"
lint_env plan.json json
PATH=$work/cygpath-bin:$PATH RUNNER_OS=Windows step lint.sh
expect "json-file on Windows is a Windows path" "D:$(echo "$PWD/iamguard.json" | tr / '\\')" "$(output json-file)"

# --- The code scanning category: one per stack, unless given.
lint_env plan.json
INPUT_WORKING_DIRECTORY=. step lint.sh
expect "the category of a plan" "iamguard/plan.json" "$(output sarif-category)"
INPUT_WORKING_DIRECTORY=stacks/prod/ step lint.sh
expect "the category of a plan in a working directory" "iamguard/stacks/prod/plan.json" "$(output sarif-category)"
INPUT_SARIF_CATEGORY=mine step lint.sh
expect "the category given" "mine" "$(output sarif-category)"

# --- One plan of several cannot be read: exit 2, and the reports of the
# others are still written, uploaded and summarised.
mkdir -p broken/a broken/b && cp "$fixture" broken/a/plan.json && head -c 500 "$fixture" >broken/b/plan.json
: >"$GITHUB_STEP_SUMMARY"
lint_env broken github "" true true true
step lint.sh
expect "an unreadable plan among others is exit 2" 2 "$code"
expect "the SARIF file of the others is written" "$PWD/iamguard.sarif" "$(output sarif-file)"
expect_in "the job summary shows the others' findings" "broken/a/plan.json" "$(cat "$GITHUB_STEP_SUMMARY")"
rm -rf broken

# --- Releases: downloaded for the runner's OS and architecture, checked
# against SHA256SUMS. A fake v9.9.9 release of the binary built above.
rel=$work/releases
mkdir -p "$rel/download/v9.9.9" "$work/pkg"
cp "$built" "$work/pkg/iamguard"
for arch in amd64 arm64; do
	tar -czf "$rel/download/v9.9.9/iamguard_9.9.9_linux_${arch}.tar.gz" -C "$work/pkg" iamguard
done
(cd "$rel/download/v9.9.9" && sha256sum iamguard_*.tar.gz >terraform-provider-iamguard_9.9.9_SHA256SUMS)
cp "$rel/download/v9.9.9/iamguard_9.9.9_linux_amd64.tar.gz" "$rel/download/v9.9.9/iamguard_9.9.9_darwin_amd64.tar.gz" # not listed
export IAMGUARD_DOWNLOAD_URL=file://$rel

runner Linux ARM64
export INPUT_VERSION="" ACTION_REF=v9.9.9
step install.sh
expect "a release tag as the action's ref downloads it" 0 "$code"
[ -x "$(head -1 "$GITHUB_PATH")/iamguard" ] && ok "released iamguard on PATH" || fail "no downloaded iamguard"$'\n'"$log"

runner Linux X64
export INPUT_VERSION=v9.9.9 ACTION_REF=main
step install.sh
expect "version input v9.9.9 downloads it" 0 "$code"

# Used by another composite action, github.action_ref is that action's
# (actions/runner#2473): the action's path names its own ref.
# The runner's _actions is the last in the path: one it is installed under
# is not (round 336).
for at in "$work/_actions" "$work/_actions/x/y/_work/_actions"; do
	runner Linux X64
	mkdir -p "$at/iamguard/terraform-provider-iamguard"
	ln -sfn "$root" "$at/iamguard/terraform-provider-iamguard/v9.9.9"
	export INPUT_VERSION="" ACTION_REF=v7 GITHUB_ACTION_PATH=$at/iamguard/terraform-provider-iamguard/v9.9.9
	GOFLAGS=-mod=none-such step install.sh # a build from source, the wrong ref's, fails
	expect "the ref in the action's path wins over the outer action's (${at#"$work"/})" 0 "$code"
done

# A series (v9, v9.9) is its newest release by the repository's tags: not
# v10.0.0 (the next major version), a pre-release, or a series tag itself;
# v9.9.11 is a tag whose release is not built yet (round 333: the install
# failed), passed over for the one before. Only v9.9.9 is released here, so
# any other choice fails the download.
tags=$work/tags.git
git init -q "$tags"
git -C "$tags" -c user.name=t -c user.email=t@example.com commit -q --allow-empty -m tags
for t in v9.1.0 v9.9.9 v9.9.10-rc1 v9.9.11 v9.9 v9 v10.0.0 v19.0.0; do git -C "$tags" tag "$t"; done
export IAMGUARD_GIT_URL=$tags
for pin in "ref v9" "ref v9.9" "input v9"; do
	runner Linux X64
	case $pin in ref*) export INPUT_VERSION="" ACTION_REF=${pin#ref } ;; *) export INPUT_VERSION=${pin#input } ACTION_REF=main ;; esac
	step install.sh
	expect "a series as $pin downloads its newest release, v9.9.9" 0 "$code"
done
expect_in "the tag without a release is named" "v9.9.11 has no linux/amd64 archive or SHA256SUMS" "$log"
# A release whose SHA256SUMS is not uploaded yet is passed over too.
mkdir -p "$rel/download/v9.9.11"
cp "$rel/download/v9.9.9/iamguard_9.9.9_linux_amd64.tar.gz" "$rel/download/v9.9.11/iamguard_9.9.11_linux_amd64.tar.gz"
runner Linux X64
export INPUT_VERSION=v9 ACTION_REF=main
step install.sh
expect "a series passes over a release without SHA256SUMS" 0 "$code"
rm -rf "$rel/download/v9.9.11"
# Only a release without the archive is passed over: an archive that
# cannot be fetched (here the server refuses the connection) fails the
# install, never falling back to an older release (round 334).
runner Linux X64
export INPUT_VERSION=v9 ACTION_REF=main
IAMGUARD_DOWNLOAD_URL=http://127.0.0.1:1 step install.sh
expect "a download error of a series' newest fails the install" 1 "$code"
expect_in "the failed download is named" "cannot download iamguard_9.9.11_linux_amd64.tar.gz of v9.9.11 (curl exit 7" "$log"
case $log in *"trying the one before"*) fail "a download error fell back to an older release"$'\n'"$log" ;; *) ok "no fallback on a download error" ;; esac

runner Linux X64
export INPUT_VERSION="" ACTION_REF=v7
step install.sh
expect "a series without a release fails the install" 1 "$code"
expect_in "the series is named" "no release of v7 among the tags" "$log"
export INPUT_VERSION=v9.9.9 ACTION_REF=main

runner Linux X64
echo "0000000000000000000000000000000000000000000000000000000000000000  iamguard_9.9.9_linux_amd64.tar.gz" \
	>"$rel/download/v9.9.9/terraform-provider-iamguard_9.9.9_SHA256SUMS"
step install.sh
expect "a checksum mismatch fails the install" 1 "$code"
expect_in "the mismatch is reported" "does not match its checksum" "$log"

runner macOS X64
step install.sh
expect "an archive missing from SHA256SUMS fails the install" 1 "$code"
expect_in "the missing checksum is reported" "does not list iamguard_9.9.9_darwin_amd64.tar.gz" "$log"

runner Linux ARM
step install.sh
expect "an unreleased architecture fails the install" 1 "$code"
expect_in "the architecture is named" "unsupported runner architecture 'ARM'" "$log"

if [ "$failures" -gt 0 ]; then
	echo "$failures check(s) failed"
	exit 1
fi
echo "all action checks passed"
