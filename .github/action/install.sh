#!/usr/bin/env bash
# The iamguard action's install step: puts iamguard on PATH for the job.
#
# INPUT_VERSION  v1.2.3 or latest: download that release for the runner's OS
#                and architecture and check it against the release's SHA256SUMS;
#                a series (v1, v1.2): the newest release in it, by the
#                repository's tags; anything else is a branch or commit: go
#                install it. Empty: the action's own ref (from its path
#                under _actions, else ACTION_REF): a
#                release tag or a series tag as the input would be, and a
#                branch or commit is built from the action's checkout with Go.
# IAMGUARD_DOWNLOAD_URL  where releases are (default GitHub); tests use file://.
# IAMGUARD_GIT_URL       the repository whose tags are listed (default GitHub).
set -euo pipefail

repo=iamguard/terraform-provider-iamguard
module=github.com/$repo
releases=${IAMGUARD_DOWNLOAD_URL:-https://github.com/$repo/releases}
git_url=${IAMGUARD_GIT_URL:-https://github.com/$repo.git}
bindir=${RUNNER_TEMP:?RUNNER_TEMP is not set}/iamguard-bin
mkdir -p "$bindir"

fail() {
	echo "::error title=iamguard action::$*"
	exit 1
}

semver='^v[0-9]+\.[0-9]+\.[0-9]+([-+][0-9A-Za-z.+-]*)?$'
series='^v[0-9]+(\.[0-9]+)?$'
version=${INPUT_VERSION:-}
ref=${ACTION_REF:-${GITHUB_ACTION_REF:-}}
# The runner puts a fetched action at _actions/OWNER/REPO/REF, whether a
# workflow or another composite action uses it; github.action_ref is the
# outer action's in the second case (actions/runner#2473), so the path,
# where there is one, names this action's ref.
action_path=${GITHUB_ACTION_PATH:-}
action_path=${action_path//\\//} # Windows
in_actions=${action_path##*/_actions/} # after the last: the runner's own (round 336)
if [ "$in_actions" != "$action_path" ]; then
	case $in_actions in */*/*) ref=${in_actions#*/*/} ;; esac
fi
if [ -z "$version" ]; then
	if [[ $ref =~ $semver || $ref =~ $series ]]; then
		version=$ref
	else
		version=source
	fi
fi

# newest sets tags to the release tags of version, a series (v1 or v1.2), newest
# first (no pre-release), from the repository's tags: at most five, for a
# tag pushed whose release is not built yet, or failed. A pinned v1 must
# not move on to v2, as the latest release would.
newest() {
	local major=${version#v} minor="" tag
	case $major in *.*) minor=${major#*.} major=${major%%.*} ;; esac
	command -v git >/dev/null || fail "finding the newest release of $version needs git"
	tag=$(git ls-remote --tags --refs "$git_url" "refs/tags/$version.*") || fail "cannot list the tags of $git_url"
	tag=$(printf '%s\n' "$tag" | sed -n 's#.*refs/tags/v##p' |
		awk -F. -v major="$major" -v minor="$minor" '
			NF == 3 && $0 ~ /^[0-9]+\.[0-9]+\.[0-9]+$/ && $1 == major && (minor == "" || $2 == minor)' |
		sort -t. -k1,1nr -k2,2nr -k3,3nr | awk 'NR <= 5')
	[ -n "$tag" ] || fail "no release of $version among the tags of $git_url"
	tags=$(printf 'v%s ' $tag)
}

exe=""
case "${RUNNER_OS:-}" in
Linux) os=linux ;;
macOS) os=darwin ;;
Windows) os=windows exe=.exe ;;
*) fail "unsupported runner OS '${RUNNER_OS:-}'" ;;
esac
case "${RUNNER_ARCH:-}" in
X64) arch=amd64 ;;
ARM64) arch=arm64 ;;
*) fail "unsupported runner architecture '${RUNNER_ARCH:-}' (released for X64 and ARM64)" ;;
esac

sha256() {
	if command -v sha256sum >/dev/null; then
		sha256sum "$1" | cut -d' ' -f1
	else
		shasum -a 256 "$1" | cut -d' ' -f1
	fi
}

# download TAG [next]: installs the release TAG. With next, a release
# without the runner's archive (not found) returns 1, and the caller tries
# the next tag; every other failure (the network, a server error, a
# checksum) fails the step, never falling back to an older release.
download() {
	local tag=$1
	if [ "$tag" = latest ]; then
		# The latest release's page redirects to .../releases/tag/vX.Y.Z.
		tag=$(curl -fsSLI -o /dev/null -w '%{url_effective}' "$releases/latest") || fail "cannot find the latest release"
		tag=${tag##*/}
		[[ $tag =~ $semver ]] || fail "the latest release resolved to '$tag', not a version"
	fi
	local v=${tag#v} ext=tar.gz
	[ "$os" = windows ] && ext=zip
	local archive=iamguard_${v}_${os}_${arch}.$ext sums=terraform-provider-iamguard_${v}_SHA256SUMS
	local tmp
	tmp=$(mktemp -d "${RUNNER_TEMP}/iamguard-dl.XXXXXX")
	# The archive and SHA256SUMS, which goreleaser uploads in no set order:
	# a release without either is not built (yet).
	local file status code
	for file in "$archive" "$sums"; do
		status=0
		code=$(curl -sSL --retry 3 -o "$tmp/$file" -w '%{http_code}' "$releases/download/$tag/$file") || status=$?
		case $status:$code in
		0:2?? | 0:000) ;; # 000: a file:// URL
		0:404 | 37:*)     # not there (37: a file:// URL)
			rm -rf "$tmp"
			[ "${2:-}" = next ] && return 1
			fail "cannot download $file of $tag: not found"
			;;
		*) # any other failure is no sign of a release not built: never an older one then
			rm -rf "$tmp"
			fail "cannot download $file of $tag (curl exit $status, HTTP $code)"
			;;
		esac
	done
	local want
	want=$(awk -v f="$archive" '$2 == f { print $1 }' "$tmp/$sums")
	[ -n "$want" ] || fail "$sums does not list $archive"
	[ "$(sha256 "$tmp/$archive")" = "$want" ] || fail "$archive does not match its checksum in $sums"
	if [ "$ext" = zip ]; then
		if command -v unzip >/dev/null; then
			unzip -q -o "$tmp/$archive" "iamguard$exe" -d "$bindir"
		else
			pwsh -NoProfile -Command "Expand-Archive -Force -Path '$tmp/$archive' -DestinationPath '$tmp/x'"
			mv "$tmp/x/iamguard$exe" "$bindir/"
		fi
	else
		tar -xzf "$tmp/$archive" -C "$bindir" "iamguard$exe"
	fi
	rm -rf "$tmp"
}

if [[ $version =~ $series ]]; then
	newest
	for tag in $tags; do
		if download "$tag" next; then
			version=$tag
			break
		fi
		echo "::warning title=iamguard action::$tag has no $os/$arch archive or SHA256SUMS (a release not built yet?); trying the one before"
	done
	[ "$version" = "$tag" ] || fail "none of the newest releases of $version could be downloaded: ${tags% }"
elif [[ $version =~ $semver || $version = latest ]]; then
	download "$version"
else
	command -v go >/dev/null || fail "iamguard $version is built from source and needs Go (add actions/setup-go before this action)"
	if [ "$version" = source ]; then
		(cd "${GITHUB_ACTION_PATH:?}" && CGO_ENABLED=0 go build -trimpath -o "$bindir/iamguard$exe" ./cmd/iamguard) ||
			fail "building iamguard from the action's source failed"
	else
		GOBIN=$bindir CGO_ENABLED=0 go install -trimpath "$module/cmd/iamguard@$version" ||
			fail "go install $module/cmd/iamguard@$version failed"
	fi
fi

"$bindir/iamguard$exe" version || fail "the installed iamguard does not run"
echo "$bindir" >>"${GITHUB_PATH:?GITHUB_PATH is not set}"
echo "version=$("$bindir/iamguard$exe" version | cut -d' ' -f2)" >>"${GITHUB_OUTPUT:?GITHUB_OUTPUT is not set}"
