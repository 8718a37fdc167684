# lib.sh: what tingxie's scripted tests share. Source it first.
#
# Each test runs in its own directory under tests/tmp/, with HOME pointing
# into it so that no user configuration leaks in. check NAME CMD... runs a
# command and counts it; the script exits non-zero if any check failed.

set -u
: "${TINGXIE:?run through make check}"
: "${TXAUDIO:?run through make check}"
: "${TESTS_SRCDIR:?run through make check}"

TEST_NAME=$(basename "$0" .sh)
WORK="${TESTS_BUILDDIR:-.}/tmp/$TEST_NAME"
rm -rf "$WORK"
mkdir -p "$WORK/home"
cd "$WORK" || exit 99
HOME="$WORK/home"
export HOME
unset XDG_CONFIG_HOME

FAILED=0
PASSED=0

pass() { PASSED=$((PASSED + 1)); echo "ok - $1"; }
fail() { FAILED=$((FAILED + 1)); echo "not ok - $1"; shift; [ $# -gt 0 ] && printf '  %s\n' "$@"; }

# tx ARGS...: runs tingxie, keeping stdout in out.txt and stderr in err.txt.
tx() {
	"$TINGXIE" "$@" >out.txt 2>err.txt
	RC=$?
	return $RC
}

# expect_ok NAME ARGS...: tingxie must succeed.
expect_ok() {
	name=$1; shift
	if tx "$@"; then pass "$name"; else fail "$name" "exit $RC" "$(cat err.txt)"; fi
}

# expect_fail NAME CODE PATTERN ARGS...: tingxie must exit CODE with one
# line on stderr matching PATTERN (an extended regular expression).
expect_fail() {
	name=$1 code=$2 pattern=$3; shift 3
	tx "$@"
	if [ "$RC" -ne "$code" ]; then
		fail "$name" "exit $RC, wanted $code" "$(cat err.txt)"
	elif ! grep -Eq -- "$pattern" err.txt; then
		fail "$name" "stderr does not match /$pattern/:" "$(cat err.txt)"
	else
		pass "$name"
	fi
}

# same NAME GOT WANT
same() {
	if [ "$2" = "$3" ]; then pass "$1"; else fail "$1" "got:  $2" "want: $3"; fi
}

# contains NAME FILE PATTERN
contains() {
	if grep -Eq -- "$3" "$2"; then pass "$1"; else fail "$1" "$2 lacks /$3/:" "$(cat "$2")"; fi
}

# integrity PROJECT: the project passes SQLite's integrity check.
integrity() {
	r=$(sqlite3 "$1" 'PRAGMA integrity_check' 2>&1)
	same "integrity of $1" "$r" "ok"
}

# capture_audio FILE: ALSA's default PCM becomes a file plugin over the
# null device, so every sample played lands in FILE (raw, as played).
capture_audio() {
	cat >"$HOME/.asoundrc" <<ASOUND
pcm.!default {
    type file
    slave.pcm "null"
    file "$1"
    format "raw"
}
ASOUND
}

finish() {
	echo "# $TEST_NAME: $PASSED passed, $FAILED failed"
	[ "$FAILED" -eq 0 ] && exit 0
	exit 1
}
