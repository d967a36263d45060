#!/usr/bin/env bash
# The iamguard action's lint step: runs iamguard once per format (and for
# the job summary), writes the report files, sets the step outputs, and
# exits with the worst exit code (0 clean, 1 findings, 2 an input error).
#
# INPUT_PLAN (plans or directories, split on white space), INPUT_RECURSIVE,
# INPUT_FORMAT (comma-separated), INPUT_FAIL_ON, INPUT_CONFIG, INPUT_NO_CONFIG, INPUT_UPLOAD_SARIF,
# INPUT_COMMENT, INPUT_TERRAFORM, INPUT_SARIF_CATEGORY, INPUT_WORKING_DIRECTORY: the
# action's inputs.
set -uo pipefail

out=${GITHUB_OUTPUT:?GITHUB_OUTPUT is not set}

read -r -d '' -a plans <<<"${INPUT_PLAN:-}"
if [ ${#plans[@]} -eq 0 ]; then
	echo "::error title=iamguard action::the plan input is empty"
	echo "exit-code=2" >>"$out"
	exit 2
fi

# Outputs are lines of $GITHUB_OUTPUT: a path with a line break in it would
# write lines of its own choosing there (another exit-code).
case $PWD$'\n'${INPUT_WORKING_DIRECTORY:-} in
*$'\n'*$'\n'* | *$'\r'*)
	echo "::error title=iamguard action::the working directory's path holds a line break"
	echo "exit-code=2" >>"$out"
	exit 2
	;;
esac

# A switch is true or false: any other word (yes, True, 1) is refused, not
# read as false, which for no-config would read a pull request's own
# config instead of failing.
for input in NO_CONFIG:false RECURSIVE:false UPLOAD_SARIF:false COMMENT:true; do
	var=INPUT_${input%%:*}
	value=${!var:-${input#*:}}
	if [ "$value" != true ] && [ "$value" != false ]; then
		name=$(echo "${input%%:*}" | tr 'A-Z_' 'a-z-')
		echo "::error title=iamguard action::the $name input must be true or false"
		echo "exit-code=2" >>"$out"
		exit 2
	fi
	printf -v "$var" %s "$value"
done

args=()
[ -n "${INPUT_FAIL_ON:-}" ] && args+=(--fail-on "$INPUT_FAIL_ON")
if [ -n "${INPUT_CONFIG:-}" ]; then
	# A relative path is the workspace's, not working-directory's: there a
	# pull request's own file at that path would stand in for the trusted
	# one (such as base/.iamguard.hcl, of the base branch checked out to
	# base/). A path in the pull request's own checkout is its file.
	case $INPUT_CONFIG in
	/*) args+=(--config "$INPUT_CONFIG") ;;
	*) args+=(--config "${GITHUB_WORKSPACE:?GITHUB_WORKSPACE is not set}/$INPUT_CONFIG") ;;
	esac
fi
[ "$INPUT_NO_CONFIG" = true ] && args+=(--no-config)
[ -n "${INPUT_TERRAFORM:-}" ] && args+=(--terraform "$INPUT_TERRAFORM")
[ "$INPUT_RECURSIVE" = true ] && args+=(--recursive)

IFS=$', \t\n' read -r -d '' -a formats <<<"${INPUT_FORMAT:-github}"
[ "$INPUT_UPLOAD_SARIF" = true ] && formats+=(sarif)
[ "$INPUT_COMMENT" = true ] && formats+=(markdown)

# Each format written to a file, as output:file (the output FORMAT-file).
reports=(json-file:iamguard.json sarif-file:iamguard.sarif junit-file:iamguard-junit.xml markdown-file:iamguard.md)
for p in "${plans[@]}"; do
	for r in "${reports[@]}"; do
		r=${r#*:}
		if [ "$p" -ef "$r" ]; then
			echo "::error title=iamguard action::the plan $p is where the action writes its report $r; rename the plan"
			echo "exit-code=2" >>"$out"
			exit 2
		fi
	done
done

# The reports are written apart and put in place once every run is done:
# a file of a report's name in a directory linted (a plan a pull request
# named iamguard.json) is linted as it is, not deleted first. Report files
# from before this run (a pull request may commit a forged iamguard.md) are
# then removed, so none passes for this run's own: a run stopped by an
# input error writes none.
written=$(mktemp -d "${RUNNER_TEMP:-${TMPDIR:-/tmp}}/iamguard.XXXXXX") || {
	echo "::error title=iamguard action::cannot make a directory for the reports"
	echo "exit-code=2" >>"$out"
	exit 2
}
trap 'rm -rf "$written"' EXIT

# The code scanning category: each stack of a matrix (its directory and
# plans) keeps its own alerts, which an upload of another would replace.
category=${INPUT_SARIF_CATEGORY:-}
if [ -z "$category" ]; then
	category=iamguard/
	wd=${INPUT_WORKING_DIRECTORY:-.}
	[ "$wd" = . ] || category+="${wd%/}/"
	category+="${plans[*]}"
fi
echo "sarif-category=$category" >>"$out"

# Written for bash 3.2 too (macOS runners): no associative arrays, and
# ${args[@]+...} since an empty array is "unbound" there under set -u.
worst=0
seen=" "
ran=0
for format in ${formats[@]+"${formats[@]}"}; do
	case "$seen" in *" $format "*) continue ;; esac
	seen="$seen$format "
	[ -n "$format" ] || continue
	ran=$((ran + 1))
	file=""
	for r in "${reports[@]}"; do
		[ "${r%%-file:*}" = "$format" ] && file=${r#*:}
	done
	if [ -n "$file" ]; then
		iamguard lint ${args[@]+"${args[@]}"} --format "$format" --output "$written/$file" -- "${plans[@]}"
	else
		iamguard lint ${args[@]+"${args[@]}"} --format "$format" -- "${plans[@]}"
	fi
	code=$?
	[ "$code" -gt "$worst" ] && worst=$code
	if [ "$code" -ge 2 ] && [ -n "$file" ] && [ ! -f "$written/$file" ]; then
		break # an input error: the other formats would repeat it
	fi
done
if [ "$ran" -eq 0 ]; then
	echo "::error title=iamguard action::the format input names no format"
	worst=2
fi

# Each report written takes the place of any file of its name; one of exit
# 2 is kept too (some plans could not be read, and it says so beside the
# others' findings).
for r in "${reports[@]}"; do
	name=${r%%:*} file=${r#*:}
	rm -rf "$file" # a directory or link of that name too, not written into
	[ -f "$written/$file" ] || continue
	if ! mv "$written/$file" "$file"; then
		echo "::error title=iamguard action::cannot write $file"
		worst=2
		continue
	fi
	path=$PWD/$file
	if [ "${RUNNER_OS:-}" = Windows ] && command -v cygpath >/dev/null; then
		# Git Bash's /d/a/... is D:\d\a\... to the steps after (Node's
		# upload-sarif among them): give them the Windows path.
		path=$(cygpath -w "$path")
	fi
	echo "$name=$path" >>"$out"
done

if [ "$INPUT_COMMENT" = true ] && [ -f iamguard.md ] && [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
	cat iamguard.md >>"$GITHUB_STEP_SUMMARY"
fi
echo "exit-code=$worst" >>"$out"
exit "$worst"
