#!/bin/sh
# tui-review.sh: review passes in the screen, played by several people in
# tmux: a reviewer takes tasks, sees the transcriber's text against the
# current one, accepts, rejects with a comment, edits and accepts in one
# key; an edit that meets someone else's shows both versions; a
# transcriber cannot accept; a linguist filters, confirms and re-tags.
# Acting as other accounts (tingxie --as) needs root: skipped otherwise.
. "$TESTS_SRCDIR/lib.sh"
if [ "$(id -u)" -ne 0 ]; then
	echo "# tingxie --as needs root: skipped"
	exit 77
fi
. "$TESTS_SRCDIR/tmux.sh"

P=review.tingxie
e=$(printf '\033')

# open_as LOGIN [ARGS...]: the screen on the project as LOGIN.
open_as() {
	login=$1
	shift
	rm -f exit.txt
	T kill-server 2>/dev/null
	while T list-sessions >/dev/null 2>&1; do sleep 0.1; done
	T new-session -d -x 120 -y 40 -s tx \
	    "env HOME='$HOME' '$TINGXIE' --as $login $P $*; echo EXIT=\$? >exit.txt; sleep 600"
	T set-option -g window-size manual >/dev/null 2>&1
}
quit() {
	keys q
	sleep 0.5
	same "$1 quits cleanly" "$(cat exit.txt 2>/dev/null)" "EXIT=0"
}
attrs() { T capture-pane -e -p -t tx >attr.txt; }
# history ID: version, user, pass, action, stage and comment of each revision.
history() { "$TINGXIE" history $P "$1" --tsv | tail -n +2 | cut -f 1,3-6,8 | tr '\t' ' '; }
text_of() { "$TINGXIE" segments $P --tsv | awk -F '\t' -v id="$1" '$1 == id { print $9 }'; }
drafts() { sqlite3 $P "SELECT count(*) FROM draft"; }

# The project: two recordings, three people besides its admin (root).
expect_ok "init" init $P
for l in cmn-Hans yue-Hant-HK en-GB; do expect_ok "language $l" vocab $P add language $l; done
for d in beijing hongkong guangzhou; do expect_ok "dialect $d" vocab $P add dialect $d; done
expect_ok "speaker SPK1" speakers $P add SPK1 --lang cmn-Hans --dialect beijing
expect_ok "speaker SPK3" speakers $P add SPK3 --lang yue-Hant-HK --dialect hongkong
expect_ok "alice transcribes" users $P add alice --role transcriber
expect_ok "bob reviews" users $P add bob --role reviewer
expect_ok "lin checks tags" users $P add lin --role linguist
expect_ok "add market" add --lang yue-Hant-HK $P "$DEMO_AUDIO/market.flac"
expect_ok "add meeting" add --lang cmn-Hans $P "$DEMO_AUDIO/meeting.flac"
for s in 0.600-3.413 4.013-5.957 6.557-9.017; do
	expect_ok "segment $s" segments $P add --rec market --start "${s%-*}" \
	    --end "${s#*-}" --speaker SPK3 --lang yue-Hant-HK
done
expect_ok "segment 4" segments $P add --rec market --start 9.617 --end 11.340 --speaker SPK3 --lang en-GB
expect_ok "segment 5" segments $P add --rec meeting --start 0.600 --end 7.213 --speaker SPK1 --lang cmn-Hans

# alice transcribes four of them and submits them.
expect_ok "alice types 1" --as alice segments $P set 1 --text "早晨！今日啲菜好新鮮。"
expect_ok "alice types 2" --as alice segments $P set 2 --text "呢個幾多錢一斤呀？"
expect_ok "alice types 3" --as alice segments $P set 3 --text "十蚊一斤，買兩斤平啲。"
expect_ok "alice types 5" --as alice segments $P set 5 --text "大家好，今天我们讨论语音识别的数据。"
expect_ok "alice submits" --as alice review $P submit 1 2 3 5

expect_fail "--mode names a mode" 2 "--mode is transcribe, review or linguist, not 'boss'" open --mode boss $P

# bob opens the screen: review mode is his by default, his queue listed.
open_as bob market
wait_for "header: bob, his role, review mode" "review\.tingxie  market  .*bob \(reviewer\)  review  filter: all"
shot
same "the list is his queue in this recording (not the new one)" \
    "$(grep -c '^[> ] *[0-9]*\.[0-9]\{3\} ' screen.txt)" "3"
wait_for "key hints of review mode" "T next-task  p play-segment  i edit  a accept  x reject"

# Next task: the first of the queue, played at once (every sample).
rm -f out.raw
keys T
wait_for "the task is said, with the queue" "Task: segment 1 of market, transcribed, transcribed by alice\. 4 segments wait in your queue\."
wait_for "the header shows its stage" "\[1: transcribed\]"
sleep 0.5
"$TXAUDIO" compare out.raw "$DEMO_AUDIO/market.flac" --from 9600 --to 54608 >cmp.txt
same "it played at once, bit-exact" "$?" "0"
wait_for "the transcriber's text above" "^alice: 早晨！今日啲菜好新鮮。$"
wait_for "the current text under it" "^now:   早晨！今日啲菜好新鮮。$"

# bob edits: the diff follows his typing; a wide character's gap is two
# columns, so what follows still lines up.
keys Enter End BSpace
text "呀。"
wait_for "the insertion is in the current row" "^now:   早晨！今日啲菜好新鮮呀。$"
wait_for "the transcriber's row leaves room for it" "^alice: 早晨！今日啲菜好新鮮  。$"
attrs
grep -a '^.*now:' attr.txt | grep -aEq "$e\[[0-9;]*32m($e\[[0-9;]*m)*呀" &&
    pass "the insertion is green" ||
    fail "the insertion is green" "$(grep -a 'now:' attr.txt | od -c | head -20)"
grep -a '^.*now:' attr.txt | grep -aEq "$e\[[0-9;]*1;4m($e\[[0-9;]*m)*呀" &&
    pass "and bold and underlined" ||
    fail "and bold and underlined" "$(grep -a 'now:' attr.txt | od -c | head -20)"
keys Enter
same "the edit is saved" "$(text_of 1)" "早晨！今日啲菜好新鮮呀。"
wait_for "after saving, the diff stays" "^now:   早晨！今日啲菜好新鮮呀。$"

# Accept is one key, and the next task follows.
keys a
wait_for "accepted, then the next task" "Segment 1 accepted: reviewed\. Task: segment 2 of market"

# Reject: a comment on the status line, then the next task.
keys x
wait_for "reject asks why" "Why send it back\? \(the transcriber reads this\)"
text "聽唔清楚，再聽下"
keys Enter
wait_for "sent back, then the next task" "Segment 2 sent back to alice\. Task: segment 3 of market"

# Edit and accept in one key: a deletion and an insertion.
keys Enter Home Right Right Right Right Right C-d End Left
text "啦"
wait_for "the deletion leaves a gap in the current row" "^now:   十蚊一斤，  兩斤平啲啦。$"
wait_for "the transcriber's row has it, and a gap for the insertion" "^alice: 十蚊一斤，買兩斤平啲  。$"
attrs
grep -a 'alice:' attr.txt | grep -aEq "$e\[[0-9;]*41m($e\[[0-9;]*m)*買" &&
    pass "the deletion is red" ||
    fail "the deletion is red" "$(grep -a 'alice:' attr.txt | od -c | head -20)"
keys M-y
wait_for "edited, accepted, and the next task in another recording" "Segment 3 accepted: reviewed\. Task: segment 5 of meeting"
wait_for "the screen is on that recording" "review\.tingxie  meeting  "

# Someone changes the segment while bob types: both versions, his text
# kept as a draft until he chooses; Enter keeps his, on top of theirs.
keys Enter End BSpace
text "吧。"
"$TINGXIE" --as alice segments $P set 5 --text "大家好，今天我们讨论语音识别的数据集。" >/dev/null
sleep 1
keys Enter
wait_for "the conflict is said" "alice changed this segment meanwhile \(both versions above\): Enter keeps yours"
wait_for "theirs is shown" "^theirs \(alice\): 大家好，今天我们讨论语音识别的数据集。$"
wait_for "yours under it" "^yours:          大家好，今天我们讨论语音识别的数据吧。$"
same "nothing is overwritten yet" "$(text_of 5)" "大家好，今天我们讨论语音识别的数据集。"
same "his text is kept as a draft" "$(sqlite3 $P 'SELECT text FROM draft')" "大家好，今天我们讨论语音识别的数据吧。"
keys Enter
wait_for "keeping his is said" "Yours is saved, on top of theirs"
same "his text is stored" "$(text_of 5)" "大家好，今天我们讨论语音识别的数据吧。"
same "the draft is gone" "$(drafts)" "0"

# Again, and this time Escape takes theirs.
keys Enter End
text "！"
"$TINGXIE" --as alice segments $P set 5 --text "大家好。" >/dev/null
sleep 1
keys Enter
wait_for "the second conflict shows theirs" "^theirs \(alice\): 大家好"
keys Escape
wait_for "taking theirs is said" "Their text is kept; yours is dropped\."
same "theirs is stored" "$(text_of 5)" "大家好。"
same "no draft left" "$(drafts)" "0"

# A move on a segment changed since it was read is refused and shown anew.
keys x
wait_for "reject asks why again" "Why send it back\?"
"$TINGXIE" --as alice segments $P set 5 --text "大家好！" >/dev/null
text "太短"
keys Enter
wait_for "the change meanwhile is said" "alice changed segment 5 meanwhile; it is shown as it is now"
same "nothing was sent back" "$("$TINGXIE" segments $P --tsv | awk -F '\t' '$1 == 5 { print $8 }')" "transcribed"
wait_for "the text shown is the new one" "^now:   大家好！$"
keys a
wait_for "the last one accepted, the queue empty" "Segment 5 accepted: reviewed\. Nothing waits for you: your queue is empty\."

# Refusals are said on the status line: he accepted it; another must.
keys R
wait_for "R shows all segments" "All segments of the recording\."
shot
if grep -q "  review  filter" screen.txt; then fail "the header leaves review mode"; else pass "the header leaves review mode"; fi
keys a
wait_for "his own review is not his to accept" "you reviewed this segment; another reviewer accepts it"
# Typing, then accepting what may not be accepted, saves nothing.
keys Enter End
text "X"
wait_for "he types" "大家好！X"
keys M-y
sleep 1
same "a refused accept does not save the edit first" "$(text_of 5)" "大家好！"
wait_for "the text stays in the editor" "大家好！X"
keys Escape
wait_for "and is dropped on Escape" "Edit cancelled"
quit "bob's screen"

same "segment 1: edited, then accepted" "$(history 1)" "1 root transcribe create new 
2 alice transcribe set transcribed 
3 alice transcribe submit transcribed 
4 bob review edit transcribed 
5 bob review accept reviewed "
same "segment 2: sent back with the comment" "$(history 2)" "1 root transcribe create new 
2 alice transcribe set transcribed 
3 alice transcribe submit transcribed 
4 bob review reject new 聽唔清楚，再聽下"
same "segment 2 is alice's again" "$(sqlite3 $P "SELECT u.login FROM segment g JOIN user u ON u.id = g.assignee WHERE g.id = 2")" "alice"
same "segment 3: edit and accept, in that order" "$(history 3)" "1 root transcribe create new 
2 alice transcribe set transcribed 
3 alice transcribe submit transcribed 
4 bob review edit transcribed 
5 bob review accept reviewed "
same "segment 3's edit" "$(sqlite3 $P "SELECT text FROM revision WHERE segment_id = 3 AND version = 4")" "十蚊一斤，兩斤平啲啦。"
same "segment 5: both conflicts in the history" "$(history 5)" "1 root transcribe create new 
2 alice transcribe set transcribed 
3 alice transcribe submit transcribed 
4 alice transcribe set transcribed 
5 bob review edit transcribed 
6 alice transcribe set transcribed 
7 alice transcribe set transcribed 
8 bob review accept reviewed "
same "bob's edits and reject carry the time he worked" \
    "$(sqlite3 $P "SELECT count(*) FROM revision r JOIN user u ON u.id = r.author WHERE u.login = 'bob' AND r.action IN ('edit', 'reject') AND r.work_ms BETWEEN 1 AND 300000")" "4"

# alice, a transcriber, cannot accept or reject; her next task is the one
# sent back, with why.
before=$(sqlite3 $P "SELECT count(*) FROM revision")
open_as alice market
wait_for "header: alice and her role, all segments" "alice \(transcriber\)  filter: all"
keys a
wait_for "accepting is refused, with why" "you are a transcriber in this project: only reviewers and admins accept segments"
keys x
wait_for "rejecting too" "only reviewers and admins reject segments"
same "nothing was written" "$(sqlite3 $P "SELECT count(*) FROM revision")" "$before"
keys T
wait_for "her task is the one sent back, with bob's comment" "Task: segment 2 of market, new, transcribed by alice\. bob sent it back: 聽唔清楚，再聽下"
wait_for "and it is current" "\[2: new\]"
wait_for "below her line, why it came back" "^ +bob sent it back: 聽唔清楚，再聽下 *$"
quit "alice's screen"

# lin, a linguist: tasks in Cantonese only; confirm one, re-tag another.
open_as lin market
wait_for "header: lin, linguist mode" "lin \(linguist\)  linguist  filter: all"
keys f
wait_for "the tasks' language is asked" "Tasks in the language \(\(none\): any\):"
text "yue"
keys Enter
wait_for "then their dialect" "Tasks of the dialect"
keys Enter
wait_for "the queue is said" "Tasks: language yue-Hant-HK, dialect any\. 2 segments wait in your queue\."
wait_for "the header names the filter" "linguist yue-Hant-HK/any  filter: all"
keys T
wait_for "her task" "Task: segment 1 of market, reviewed, transcribed by alice\."
keys c
wait_for "confirmed, then the next" "Tags of segment 1 confirmed\. Task: segment 3 of market"
keys t
text "yue"
keys Enter
wait_for "the same language writes nothing and asks the dialect" "^> hongkong"
keys C-u
text "guang"
keys Enter
wait_for "re-tagged, and her queue is empty" "Dialect set: speaker SPK3, language yue-Hant-HK, dialect guangzhou\. Nothing waits for you"
quit "lin's screen"
same "segment 1 confirmed by lin" "$(history 1 | tail -1)" "6 lin linguist confirm reviewed "
same "segment 3 re-tagged by lin, one revision" "$(sqlite3 -separator ' ' $P "SELECT r.pass, r.action, r.dialect FROM revision r JOIN user u ON u.id = r.author WHERE r.segment_id = 3 AND u.login = 'lin'")" "linguist set guangzhou"
integrity $P
finish
