#!/bin/sh
# review.sh: users, roles, review moves, assignment, leased tasks and the
# history, from the command line as an administrator would drive them:
# root acting as each account with --as. Refusals say why and change
# nothing.
. "$TESTS_SRCDIR/lib.sh"

if [ "$(id -u)" -ne 0 ]; then
	echo "# review.sh acts as other accounts (--as), which needs root"
	exit 77
fi
P=demo.tingxie
sh "$TESTS_SRCDIR/../demo/make-project.sh" "$TINGXIE" "$P" >/dev/null || exit 99
ME=$(id -un)
t() { printf '%s\n' "$@" | tr '|' '\t'; }
dump() { sqlite3 "$P" .dump | md5sum; }
stage() { sqlite3 "$P" "SELECT stage FROM segment WHERE id = $1"; }
# refused NAME PATTERN ARGS...: exit 1, the message, and nothing changed.
refused() {
	name=$1 pattern=$2; shift 2
	d0=$(dump)
	expect_fail "$name" 1 "$pattern" "$@"
	same "$name: nothing changed" "$(dump)" "$d0"
}

# ---- users ----
expect_ok "users list" users "$P" --tsv
same "the creator is the admin" "$(cut -f1,2,6 out.txt)" "$(t \
    "login|role|" "$ME|admin|(you)")"
for u in alice:transcriber dave:transcriber bob:reviewer carol:reviewer \
    lin:linguist; do
	expect_ok "add ${u%%:*}" users "$P" add "${u%%:*}" --role "${u#*:}"
done
contains "add says so" out.txt "^lin added as linguist$"
expect_fail "unknown role" 2 "'boss' is not a role" users "$P" add eve --role boss
expect_fail "add needs a role" 2 "give the new user's --role" users "$P" add eve
refused "add twice" "'bob' is a user already, as reviewer" users "$P" add bob --role linguist
refused "only admins add users" "only admins add users" --as bob users "$P" add eve --role transcriber
refused "the last admin stays" "only admin" users "$P" set-role "$ME" transcriber
refused "unknown user" "'zed' is not a user" users "$P" set-role zed reviewer
expect_ok "users list again" users "$P" --tsv
same "users in order" "$(cut -f1,2 out.txt | tr '\t' :)" "$(t \
    login:role alice:transcriber bob:reviewer carol:reviewer dave:transcriber \
    lin:linguist "$ME:admin")"
# Accounts that are not users are refused, whatever they run.
refused "a stranger" "the account 'ghost' is not a user of this project; ask one of its admins to run 'tingxie users $P add ghost --role ROLE'" \
    --as ghost segments "$P" list
expect_fail "--as needs a name" 2 "is not an account name" --as "" info "$P"
if su nobody -s /bin/sh -c "test -x '$TINGXIE'" 2>/dev/null; then
	su nobody -s /bin/sh -c "'$TINGXIE' --as bob info '$PWD/$P'" >out.txt 2>err.txt
	same "--as is root's only (exit)" "$?" "2"
	contains "--as is root's only" err.txt "only root may act as another account"
fi

# ---- assignment ----
refused "transcribers do not assign" "only reviewers and admins assign" \
    --as alice assign "$P" --to dave --count 1
expect_fail "assign needs --to" 2 "say who with --to" assign "$P" --count 1
expect_fail "assign needs which" 2 "--rec NAME or --count N" assign "$P" --to alice
expect_ok "assign meeting to alice" assign "$P" --to alice --rec meeting
same "three new ones of meeting" "$(cat out.txt)" "3 segment(s) assigned to alice"
same "assigned rows" "$(sqlite3 "$P" "SELECT group_concat(g.id) FROM segment g JOIN user u ON u.id = g.assignee WHERE u.login = 'alice'")" "3,4,5"
same "an assign revision each" "$(sqlite3 "$P" "SELECT count(*) FROM revision WHERE action = 'assign' AND pass = 'manage'")" "3"
refused "nothing left there" "nothing waits for alice there" assign "$P" --to alice --rec meeting
expect_ok "assign one to dave" assign "$P" --to dave --count 1
same "dave gets the first free" "$(sqlite3 "$P" "SELECT id FROM segment WHERE assignee = (SELECT id FROM user WHERE login = 'dave')")" "7"

# ---- tasks ----
expect_ok "alice's queue" --as alice task "$P" count
same "assigned and free new ones" "$(cat out.txt)" "5"
expect_ok "alice's next" --as alice task "$P" next --id
same "her own first" "$(cat out.txt)" "3"
expect_ok "again: the same, leased" --as alice task "$P" next --id
same "still 3" "$(cat out.txt)" "3"
expect_ok "dave's next" --as dave task "$P" next
same "dave's line" "$(cut -f1,2,5 out.txt)" "$(t "7|market|new")"
expect_ok "lin's queue" --as lin task "$P" next --id
same "linguists check transcribed ones" "$(cat out.txt)" "1"

# ---- transcribing and submitting ----
expect_ok "alice types" --as alice segments "$P" set 3 --text "这个数据集有一百个小时。"
same "typing makes it transcribed" "$(stage 3)" "transcribed"
expect_ok "alice submits" --as alice review "$P" submit 3
same "submit line" "$(cat out.txt)" "segment 3: transcribed -> transcribed (version 4)"
refused "nothing to submit" "segment 4 has no text" --as alice review "$P" submit 4
refused "transcribers do not accept" "only reviewers and admins accept" --as alice review "$P" accept 3
refused "linguists do not type" "linguists change speakers, languages and dialects" \
    --as lin segments "$P" set 3 --text x
expect_fail "review needs an action" 2 "unknown action '3'" review "$P" 3
expect_fail "bad id" 2 "'x' is not a segment id" review "$P" accept x

# ---- reviewing ----
expect_ok "bob's next" --as bob task "$P" next --id
same "bob gets the oldest transcribed (lin's lease is another queue's)" "$(cat out.txt)" "1"
expect_ok "bob corrects 3" --as bob segments "$P" set 3 --text "这个数据集有一百小时。"
expect_ok "bob accepts 3" --as bob review "$P" accept 3
same "reviewed" "$(stage 3)" "reviewed"
refused "not twice by bob" "you reviewed this segment; another reviewer accepts it" \
    --as bob review "$P" accept 3
refused "stale version" "changed since you read it" --as carol review "$P" accept 3 --expect 4
expect_ok "carol accepts 3" --as carol review "$P" accept 3 --expect 6
same "accepted" "$(stage 3)" "accepted"
refused "accepted is frozen" "reopen" --as bob segments "$P" set 3 --text y
expect_ok "lin confirms 3" --as lin review "$P" confirm 3
refused "reject needs a comment" "say why with a comment" --as bob review "$P" reject 1
refused "a blank comment is none" "say why with a comment" --as bob review "$P" reject 1 --comment "  "
# A tab or line break in a comment would break 'history --tsv'.
refused "no control characters in a comment" "the comment: text contains control character U.0009" \
    --as bob review "$P" reject 1 --comment "$(printf 'bad\tpunctuation')"
refused "not your own" "you transcribed this segment" review "$P" accept 1
expect_ok "bob rejects 1 and 2" --as bob review "$P" reject 1 2 --comment "标点不对"
same "rejected lines" "$(cat out.txt)" "$(t "segment 1: transcribed -> new (version 2)" \
    "segment 2: transcribed -> new (version 2)")"
same "back to its transcriber" "$(sqlite3 "$P" "SELECT u.login FROM segment g JOIN user u ON u.id = g.assignee WHERE g.id = 1")" "$ME"
expect_ok "reopen" --as carol review "$P" reopen 3 --comment "once more"
same "reopened" "$(stage 3)" "transcribed"
refused "a stranger's move" "not a user" --as ghost review "$P" accept 6
refused "partly bad: one refused" "segment 99: no segment 99|no segment 99" \
    --as bob review "$P" accept 99

# ---- the history ----
expect_ok "history of 3" history "$P" 3 --tsv
same "who, which pass, what" "$(cut -f3-6,8 out.txt)" "$(t \
    "user|pass|action|stage|comment" \
    "$ME|transcribe|create|new|" \
    "$ME|manage|assign|new|" \
    "alice|transcribe|set|transcribed|" \
    "alice|transcribe|submit|transcribed|" \
    "bob|review|set|transcribed|" \
    "bob|review|accept|reviewed|" \
    "carol|review|accept|accepted|" \
    "lin|linguist|confirm|accepted|" \
    "carol|review|reopen|transcribed|once more")"
same "what changed" "$(cut -f7 out.txt | sed -n '4p;6p;7p')" "$(t \
    "stage: new -> transcribed; text: 这个数据集有一百个小时。" \
    "text: 这个数据集有一百小时。" \
    "stage: transcribed -> reviewed")"
expect_ok "history table" history "$P" 1
contains "rejection comment shown" out.txt "bob +review +reject +new +stage: transcribed -> new; assignee: -> $ME|bob +review +reject +new .*标点不对"
expect_fail "no such segment" 1 "no segment 99" history "$P" 99
expect_fail "history needs both" 2 "give the project and a segment ID" history "$P"
# ---- the lease setting ----
expect_fail "lease.minutes is whole minutes" 1 \
    "lease.minutes must be a whole number of minutes from 1 to 1440, not '1.5'" \
    config "$P" lease.minutes 1.5
expect_fail "at most a day" 1 "not '1441'" config "$P" lease.minutes 1441
expect_ok "lease.minutes 5" config "$P" lease.minutes 5
expect_ok "read back" config "$P" lease.minutes
same "lease.minutes is 5" "$(cat out.txt)" "5"
refused "only admins change settings" "only admins change project settings" \
    --as bob config "$P" lease.minutes 10
for c in users review assign task history; do
	expect_ok "$c --help" "$c" --help
	contains "$c --help: usage" out.txt "^usage: tingxie $c"
done
integrity "$P"
finish
