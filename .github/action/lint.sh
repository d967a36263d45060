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

args=()
[ -n "${INPUT_FAIL_ON:-}" ] && args+=(--fail-on "$INPUT_FAIL_ON")
if [ -n "${INPUT_CONFIG:-}" ]; then
	# A relative path is the workspace's, where actions/checkout puts the
	# base branch: read from working-directory, a pull request's own file
	# at that path there would stand in for the trusted one.
	case $INPUT_CONFIG in
	/*) args+=(--config "$INPUT_CONFIG") ;;
	*) args+=(--config "${GITHUB_WORKSPACE:?GITHUB_WORKSPACE is not set}/$INPUT_CONFIG") ;;
	esac
fi
[ "${INPUT_NO_CONFIG:-false}" = true ] && args+=(--no-config)
[ -n "${INPUT_TERRAFORM:-}" ] && args+=(--terraform "$INPUT_TERRAFORM")
[ "${INPUT_RECURSIVE:-false}" = true ] && args+=(--recursive)

IFS=$', \t\n' read -r -d '' -a formats <<<"${INPUT_FORMAT:-github}"
[ "${INPUT_UPLOAD_SARIF:-false}" = true ] && formats+=(sarif)
[ "${INPUT_COMMENT:-true}" = true ] && formats+=(markdown)

reports=(iamguard.json iamguard.sarif iamguard-junit.xml iamguard.md)
for p in "${plans[@]}"; do
	for r in "${reports[@]}"; do
		if [ "$p" -ef "$r" ]; then
			echo "::error title=iamguard action::the plan $p is where the action writes its report $r; rename the plan"
			echo "exit-code=2" >>"$out"
			exit 2
		fi
	done
done

# Report files from before this run (a pull request may commit a forged
# iamguard.md) must not pass for its own: a run stopped by an input error
# writes none.
rm -f "${reports[@]}"

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
	file="" name=""
	case "$format" in
	json) file=iamguard.json name=json-file ;;
	sarif) file=iamguard.sarif name=sarif-file ;;
	junit) file=iamguard-junit.xml name=junit-file ;;
	markdown) file=iamguard.md name=markdown-file ;;
	esac
	if [ -n "$file" ]; then
		iamguard lint ${args[@]+"${args[@]}"} --format "$format" --output "$file" -- "${plans[@]}"
	else
		iamguard lint ${args[@]+"${args[@]}"} --format "$format" -- "${plans[@]}"
	fi
	code=$?
	[ "$code" -gt "$worst" ] && worst=$code
	if [ "$code" -ge 2 ] && [ -n "$file" ] && [ ! -f "$file" ]; then
		break # an input error: the other formats would repeat it
	fi
	# Exit 2 with a report: some plans could not be read, and the report
	# says so beside the others' findings.
	if [ -n "$file" ] && [ -f "$file" ]; then
		echo "$name=$PWD/$file" >>"$out"
	fi
done
if [ "$ran" -eq 0 ]; then
	echo "::error title=iamguard action::the format input names no format"
	worst=2
fi

if [ "${INPUT_COMMENT:-true}" = true ] && [ -f iamguard.md ] && [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
	cat iamguard.md >>"$GITHUB_STEP_SUMMARY"
fi
echo "exit-code=$worst" >>"$out"
exit "$worst"
