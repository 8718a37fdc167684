#!/bin/sh
# tui.sh: the transcription screen end to end, driven in tmux as a person
# would, with audio captured through ALSA's file plugin.
. "$TESTS_SRCDIR/lib.sh"

. "$TESTS_SRCDIR/tmux.sh"
tsv() { "$TINGXIE" segments demo.tingxie --rec market --tsv | tail -n +2 | cut -f 3-4,9 | tr '\t' ' '; }
row() { tsv | sed -n "$1p"; }

start
wait_for "screen opens" "demo.tingxie +market"
wait_for "list shows the transcribed turn" "早晨！今日啲菜好新鮮。"
wait_for "speaker lanes, with their keys" "^2 SPK4"
wait_for "key hints" "Space play-pause"

# Play the first segment (0.600 s to 3.413 s at 16 kHz): every sample.
rm -f out.raw
keys p
wait_for "playback ends" "0:00:03.413 / 0:00:11.940"
sleep 0.5
"$TXAUDIO" compare out.raw "$DEMO_AUDIO/market.flac" --from 9600 --to 54608 >cmp.txt
same "played segment is bit-exact" "$?" "0"
cat cmp.txt

# Type Chinese and English into the second segment, and commit.
keys j Enter
text "呢個幾多錢 hello"
wait_for "typed text shows" "\[7\] SPK4 yue-Hant-HK/guangzhou: 呢個幾多錢 hello"
keys Enter
same "committed" "$(row 2)" "4.013 5.957 呢個幾多錢 hello"

# Nudge the start later, then undo it.
keys ]
same "nudged" "$(row 2)" "4.063 5.957 呢個幾多錢 hello"
keys u
same "undone" "$(row 2)" "4.013 5.957 呢個幾多錢 hello"
keys U
same "redone" "$(row 2)" "4.063 5.957 呢個幾多錢 hello"
keys u

# Split at 5 s (go to the time, then split).
keys g
text "5"
keys Enter s
same "split left" "$(row 2)" "4.013 5.000 呢個幾多錢 hello"
same "split right" "$(row 3)" "5.000 5.957 "

# A new segment around the playhead after the last one, with text.
keys g
text "11.6"
keys Enter n
text "bye"
keys Enter
same "new segment" "$(row 6)" "11.340 11.940 bye"

keys q
sleep 0.5
same "quit exits 0" "$(cat exit.txt 2>/dev/null)" "EXIT=0"

# kill -9 in the middle of typing: the draft comes back.
start
wait_for "reopened" "demo.tingxie +market"
keys j j j Enter
text "草稿 draft"
sleep 2
signal 9
sleep 0.5
start
wait_for "draft offered back" "unsaved text"
wait_for "draft text in the editor" "草稿 draft"
keys Enter
same "draft committed" "$(row 4)" "6.557 9.017 草稿 draft"
keys q

# SIGTERM saves the draft and exits cleanly.
start
wait_for "reopened again" "demo.tingxie +market"
keys j Enter End
text " 再见"
signal TERM
sleep 1
same "SIGTERM exits 0" "$(cat exit.txt 2>/dev/null)" "EXIT=0"
same "SIGTERM kept a draft" "$(sqlite3 demo.tingxie 'SELECT text FROM draft')" "呢個幾多錢 hello 再见"
start
wait_for "SIGTERM draft offered" "hello 再见"
keys Escape
same "Escape drops the draft" "$(sqlite3 demo.tingxie 'SELECT count(*) FROM draft')" "0"
same "stored text unchanged" "$(row 2)" "4.013 5.000 呢個幾多錢 hello"
keys q

# A filter: only matching segments, named in the header; empty clears it.
start
wait_for "header says no filter" "filter: all"
keys F
text "草稿"
keys Enter
wait_for "header names the filter" "filter: 草稿"
shot
same "only matching segments listed" "$(grep -c '^[> ] *[0-9]*\.[0-9]\{3\} ' screen.txt)" "1"
keys F Enter
wait_for "filter cleared" "filter: all"
keys q

# Another user's change shows up without a restart.
start
wait_for "open for a live change" "demo.tingxie +market"
"$TINGXIE" segments demo.tingxie add --rec market --start 11.5 --end 11.9 \
    --text "from elsewhere 别处" >/dev/null
wait_for "live change appears" "from elsewhere 别处"
keys q

# 8, 16 and 256 colours, and none; an unknown terminal is a clear error.
for term in xterm-256color xterm-16color xterm vt100; do
	start "TERM=$term"
	wait_for "opens with TERM=$term" "早晨！今日啲菜好新鮮。"
	keys q
	sleep 0.3
	same "quits with TERM=$term" "$(cat exit.txt 2>/dev/null)" "EXIT=0"
done

start "TERM=no-such-terminal"
sleep 1
same "unknown terminal exits 1" "$(cat exit.txt 2>/dev/null)" "EXIT=1"
shot
contains "unknown terminal is explained" screen.txt "cannot drive terminal type 'no-such-terminal'"

# SIGHUP (a dropped SSH connection) saves the draft and exits cleanly.
start
wait_for "open before SIGHUP" "demo.tingxie +market"
keys j j j j Enter
text "hangup 挂断"
signal HUP
sleep 1
same "SIGHUP exits 0" "$(cat exit.txt 2>/dev/null)" "EXIT=0"
same "SIGHUP kept a draft" "$(sqlite3 demo.tingxie 'SELECT text FROM draft')" "hangup 挂断"
sqlite3 demo.tingxie 'DELETE FROM draft'

# Two people edit the same segment: the second to save is shown the first's
# text and chooses; nothing is silently overwritten.
start
wait_for "first editor open" "demo.tingxie +market"
T2 new-session -d -x 120 -y 40 -s other \
    "env HOME='$HOME' '$TINGXIE' demo.tingxie market; sleep 600"
sleep 1
keys j j j Enter End
T2 send-keys -t other j j j Enter End; sleep 0.3
T2 send-keys -t other -l " theirs"; sleep 0.3
T2 send-keys -t other Enter; sleep 0.3
text " mine"
same "the other saved first" "$(row 4)" "6.557 9.017 草稿 draft theirs"
keys Enter
wait_for "conflict is explained" "root changed this segment meanwhile \(both versions above\)"
wait_for "their text is shown" "^theirs \(root\): 草稿 draft"
wait_for "and the typed text under it, aligned" "^yours:         草稿 draft"
# Where the texts differ, each row leaves room for the other's characters.
same "their text, gaps aside" "$(grep '^theirs' screen.txt | tr -d ' ')" "theirs(root):草稿drafttheirs"
same "your text, gaps aside" "$(grep '^yours' screen.txt | tr -d ' ')" "yours:草稿draftmine"
same "nothing overwritten yet" "$(row 4)" "6.557 9.017 草稿 draft theirs"
keys Enter
same "second Enter keeps mine" "$(row 4)" "6.557 9.017 草稿 draft mine"
same "both versions are in the history" \
    "$(sqlite3 demo.tingxie "SELECT count(*) FROM revision WHERE text IN ('草稿 draft theirs', '草稿 draft mine')")" "2"
keys q
T2 send-keys -t other q
sleep 0.3
T2 kill-server

# A storm of resizes, down to a size too small to use and back.
start
wait_for "before the storm" "demo.tingxie +market"
for s in 80x24 30x8 300x100 41x12 200x50 39x11 120x40 81x25 100x30 120x40; do
	T resize-window -t tx -x "${s%x*}" -y "${s#*x}" >/dev/null 2>&1
	sleep 0.05
done
T resize-window -t tx -x 30 -y 8 >/dev/null 2>&1
wait_for "too small says so" "terminal too small"
T resize-window -t tx -x 80 -y 24 >/dev/null 2>&1
wait_for "80x24 after the storm" "demo.tingxie +market"
T resize-window -t tx -x 120 -y 40 >/dev/null 2>&1
wait_for "120x40 after the storm" "早晨！今日啲菜好新鮮。"
keys q
sleep 0.5
same "alive after the storm" "$(cat exit.txt 2>/dev/null)" "EXIT=0"

# LANG=C: plain ASCII, CJK shown as '?', and it still works.
start LANG=C LC_ALL=C
wait_for "LANG=C opens" "demo.tingxie +market"
wait_for "LANG=C ASCII waveform" "^[ |+-]+$"
if grep -q "早晨" screen.txt; then fail "LANG=C shows no raw UTF-8"; else pass "LANG=C shows no raw UTF-8"; fi
keys q
sleep 0.5
same "LANG=C quits" "$(cat exit.txt 2>/dev/null)" "EXIT=0"

# No audio device: the screen opens and says so once.
mkdir -p nodev
printf 'pcm.!default { type hw card 99 }\n' >nodev/.asoundrc
HOME="$WORK/nodev" start "HOME='$WORK/nodev'"
wait_for "no audio is said" "No sound"
keys Tab
wait_for "time still moves without sound" "playing|0:00:0[1-9]"
keys q
finish
