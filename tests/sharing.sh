#!/bin/sh
# sharing.sh: a project shared through a Unix group (doc/sharing.md). The
# members read and write it; anyone stopped by a file's permissions is told
# which file, how it is set up, whether they are in its group and what
# fixes it. The accounts it needs can only be made by root: otherwise the
# test checks what it can as the running account, then skips (77).
. "$TESTS_SRCDIR/lib.sh"

# ---- as anyone ----

# A new project gets the mode the umask allows, like any new file.
(umask 002 && "$TINGXIE" init u2.tingxie >/dev/null) || exit 99
(umask 077 && "$TINGXIE" init u7.tingxie >/dev/null) || exit 99
same "init follows umask 002" "$(stat -c %a u2.tingxie)" "664"
same "init follows umask 077" "$(stat -c %a u7.tingxie)" "600"

if [ "$(id -u)" -ne 0 ]; then
	# root may write anything: only others can see a -wal in the way.
	: >u2.tingxie-wal
	chmod 444 u2.tingxie-wal
	expect_fail "an unwritable -wal stops writing" 1 \
	    "you cannot write u2.tingxie-wal \(-r--r--r-- [^)]*\), which SQLite needs.*readonly database.*own it; fix: chmod u\+rw u2.tingxie-wal" \
	    speakers u2.tingxie add S1
	expect_ok "and reading works" info u2.tingxie
	contains "with a warning" err.txt \
	    "warning: .*you cannot write u2.tingxie-wal.*reading works"
	echo "# not root: the shared-group cases are skipped"
	[ "$FAILED" -eq 0 ] || finish
	exit 77
fi

# ---- as root: accounts in a group and one outside ----

g="txs$$"
a="txa$$"
b="txb$$"
c="txc$$"
share=
cleanup() {
	for u in "$a" "$b" "$c"; do
		userdel "$u" >/dev/null 2>&1
		groupdel "$u" >/dev/null 2>&1
	done
	groupdel "$g" >/dev/null 2>&1
	[ -n "$share" ] && rm -rf "$share"
}
trap cleanup EXIT
trap 'exit 99' INT TERM
groupadd "$g" || exit 99
useradd -M -U -s /bin/sh -G "$g" "$a" || exit 99
useradd -M -U -s /bin/sh -G "$g" "$b" || exit 99
useradd -M -U -s /bin/sh "$c" || exit 99

# as USER [setpriv options] -- ARGS...: tingxie as USER, umask 002, with
# stdout and stderr in out.txt and err.txt.
as() {
	u=$1; shift
	opts="--init-groups"
	if [ "$1" != "--" ]; then opts=$1; shift; fi
	shift
	(umask 002 && cd / && setpriv --reuid="$u" --regid="$u" $opts \
	    "$TINGXIE" "$@") >out.txt 2>err.txt
	RC=$?
}
as_ok() {
	name=$1; shift
	as "$@"
	if [ "$RC" -eq 0 ]; then pass "$name"; else fail "$name" "exit $RC" "$(cat err.txt)"; fi
}
as_fail() {
	name=$1 pattern=$2; shift 2
	as "$@"
	if [ "$RC" -ne 1 ]; then
		fail "$name" "exit $RC, wanted 1" "$(cat err.txt)"
	elif ! grep -Eq -- "$pattern" err.txt; then
		fail "$name" "stderr does not match /$pattern/:" "$(cat err.txt)"
	else
		pass "$name"
	fi
}

if ! setpriv --reuid="$c" --regid="$c" --clear-groups test -x "$TINGXIE"; then
	echo "# $c cannot run $TINGXIE: the shared-group cases are skipped"
	[ "$FAILED" -eq 0 ] || finish
	exit 77
fi

# The set-up of doc/sharing.md: a set-group-ID directory of the group.
share=$(mktemp -d /tmp/tx-share-XXXXXX) || exit 99
chmod 755 "$share"
d="$share/proj"
mkdir "$d" && chgrp "$g" "$d" && chmod 2770 "$d" || exit 99
P="$d/p.tingxie"

as_ok "a member creates the project" "$a" -- init "$P"
same "it is the group's, and the group may write it" \
    "$(stat -c '%A %G' "$P")" "-rw-rw-r-- $g"
as_ok "its creator writes" "$a" -- speakers "$P" add A1
same "without warnings" "$(cat err.txt)" ""
# Another member: the admin lets b into the project first.
as_fail "a member who is not a user yet is refused" \
    "the account '$b' is not a user of this project; ask one of its admins to run 'tingxie users $P add $b --role ROLE'" \
    "$b" -- info "$P"
as_ok "the admin adds b" "$a" -- users "$P" add "$b" --role transcriber
as_ok "another member writes" "$b" -- speakers "$P" add B1
as_ok "and reads" "$b" -- info "$P"
same "without warnings" "$(cat err.txt)" ""
# b's reading leaves -wal and -shm made by b: they are the group's too.
if [ -e "$P-shm" ]; then
	same "the -shm file is the group's" "$(stat -c '%A %G' "$P-shm")" \
	    "-rw-rw-r-- $g"
fi
as_ok "so the first member still writes" "$a" -- speakers "$P" add A2

# Outsiders are told what stops them.
as_fail "an outsider cannot enter the directory" \
    "you cannot enter its directory $d \(drwxrws--- root:$g\); you \($c\) are not in group $g; fix, by an admin: usermod -aG $g $c, then log in again; see doc/sharing.md" \
    "$c" -- info "$P"
chmod 2771 "$d"
chmod 660 "$P"
as_fail "an outsider cannot read the project" \
    "p.tingxie: you cannot read the project \(-rw-rw---- $a:$g\); you \($c\) are not in group $g; fix, by an admin: usermod -aG $g $c" \
    "$c" -- info "$P"
chmod 664 "$P"
as_fail "an outsider cannot write it" \
    "the project is read-only for you \(-rw-rw-r-- $a:$g\); you \($c\) are not in group $g" \
    "$c" -- speakers "$P" add C1
chmod 2770 "$d"
# A member whose session predates joining the group.
as_fail "a new member must log in again" \
    "you \($b\) were added to group $g after you logged in; fix: log out and in again" \
    "$b" --clear-groups -- info "$P"

# A directory that does not share: an error for writers, a warning else.
chmod 2750 "$d"
as_fail "a member cannot write the directory" \
    "its directory $d is not writable for you \(drwxr-s--- root:$g\), and tingxie keeps the project's -wal and -shm files there; you \($b\) are in group $g; fix, by its owner or an admin: chmod g\+wx $d" \
    "$b" -- speakers "$P" add B2
chmod g-s,g+w "$d"
as_ok "a directory that is not set-group-ID reads" "$a" -- info "$P"
contains "with a warning" err.txt \
    "warning: .*p.tingxie: the project is writable by group $g, but its directory $d \(drwxrwx--- root:$g\) is not group-writable and set-group-ID.*fix, by its owner or an admin: chmod g\+rwxs $d"
# There a new project gets its maker's own group, not the team's.
as_ok "a project made there" "$a" -- init "$d/q.tingxie"
as_ok "reads" "$a" -- info "$d/q.tingxie"
contains "with a warning" err.txt \
    "warning: .*q.tingxie: the project \(-rw-rw-r-- $a:$a\) is not in group $g like its directory $d \(drwxrwx--- root:$g\), so others in $g cannot write it; fix, by its owner or an admin: chgrp $g $d/q.tingxie .*&& chmod g\+rw $d/q.tingxie .*&& chmod g\+rwxs $d; see doc/sharing.md"
as_fail "and the others are told to give it the team's group" \
    "the project is read-only for you \(-rw-rw-r-- $a:$a\); you \($b\) are not in group $a; fix, by its owner or an admin: chgrp $g $d/q.tingxie && chmod g\+rw $d/q.tingxie; see doc/sharing.md" \
    "$b" -- speakers "$d/q.tingxie" add B3
chmod g+s "$d"

# A -wal file that a member may not write: "attempt to write a readonly
# database" explained.
rm -f "$P-wal" "$P-shm"
: >"$P-wal"
chown root:root "$P-wal"
chmod 644 "$P-wal"
as_fail "an unwritable -wal stops writing" \
    "you cannot write $P-wal \(-rw-r--r-- root:root\), which SQLite needs to write the project \(\"attempt to write a readonly database\"\); you \($a\) are not in group root" \
    "$a" -- speakers "$P" add A3
as_ok "reading works" "$a" -- info "$P"
contains "with a warning" err.txt \
    "warning: .*you cannot write $P-wal \(-rw-r--r-- root:root\): reading works"
chgrp "$g" "$P-wal"
as_fail "the fix is named" "fix, by its owner or an admin: chmod g\+rw $P-wal" \
    "$a" -- speakers "$P" add A3
rm -f "$P-wal"
as_ok "fixed, it writes" "$a" -- speakers "$P" add A3
integrity "$P"

finish
