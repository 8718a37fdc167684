#!/bin/sh
# tui-tags.sh: speakers, languages and dialects given in the screen, and
# the editor's checks (unknown words, markup), completion and add-word,
# driven in tmux as a transcriber would.
. "$TESTS_SRCDIR/lib.sh"
. "$TESTS_SRCDIR/tmux.sh"

# id, speaker, language, dialect, text of segment N of the market.
seg() {
	"$TINGXIE" segments demo.tingxie --rec market --tsv | tail -n +2 |
	    sed -n "$1p" | cut -f 1,5-7,9 | tr '\t' ' '
}
revisions() { sqlite3 demo.tingxie "SELECT count(*) FROM revision WHERE segment_id = $1"; }

start
wait_for "screen opens" "demo.tingxie +market"
wait_for "lanes show keys 1 and 2" "^1 SPK3"

# Keys 1-9: the recording's speakers in order of appearance.
keys j
keys 1
wait_for "key 1 says what it did" "Speaker set: speaker SPK3"
same "key 1 gives SPK3, with SPK3's dialect" "$(seg 2)" "7 SPK3 yue-Hant-HK hongkong "
same "one revision for it" "$(revisions 7)" "2"
keys 2
same "key 2 gives SPK4; the dialect follows" "$(seg 2)" "7 SPK4 yue-Hant-HK guangzhou "
keys 9
wait_for "a key past the speakers explains" "There is no speaker 9"

# The speaker picker: type to filter, Enter takes; a new code adds one.
keys w
wait_for "speaker picker opens" "Speaker \(type to filter"
wait_for "it lists names and dialects" "SPK1 +Chair +\[beijing\]"
text "stall"
wait_for "typing filters by name" "> SPK3 +Stallholder"
shot
same "only the match is left" "$(grep -c '^[> ] SPK[0-9]' screen.txt | tr -d ' ')" "1"
keys Enter
same "picked SPK3" "$(seg 2)" "7 SPK3 yue-Hant-HK hongkong "
keys w
text "阿芳"
wait_for "no match offers to add" "Enter adds it as a new one"
keys Enter
wait_for "new speaker added" "New speaker: speaker 阿芳"
same "segment has the new speaker; SPK3's dialect went with SPK3" "$(seg 2)" "7 阿芳 yue-Hant-HK  "
"$TINGXIE" speakers demo.tingxie --tsv | cut -f 1 >spk.txt
contains "speakers lists 阿芳" spk.txt "^阿芳$"
keys w Escape
same "Escape changes nothing" "$(seg 2)" "7 阿芳 yue-Hant-HK  "

# The dialect picker lists the vocabulary; (none) clears.
keys v
wait_for "dialect picker" "guangzhou +Guangzhou Cantonese"
text "guang"
keys Enter
same "dialect picked" "$(seg 2)" "7 阿芳 yue-Hant-HK guangzhou "
keys v Enter
same "(none) clears the dialect" "$(seg 2)" "7 阿芳 yue-Hant-HK  "
keys v
text "shanghai"
wait_for "no new dialects from the screen" "No match\.$"
keys Enter Escape
same "nothing changed" "$(seg 2)" "7 阿芳 yue-Hant-HK  "

# The language picker: the project's languages.
keys t
wait_for "language picker" "en-GB +English \(British\)"
text "en-gb"
keys Enter
same "language picked" "$(seg 2)" "7 阿芳 en-GB  "

# Undo takes back a tag change like any other.
keys u
same "undo restores the language" "$(seg 2)" "7 阿芳 yue-Hant-HK  "

# The editor checks as you type: unknown words, unknown tags, markup.
keys Enter
text "呢個幾多錢 [noize]"
wait_for "unknown event tag explained" "event 'noize' is not in the project's vocabulary"
T capture-pane -e -p -t tx >attr.txt
grep -a '\[noize\]' attr.txt | grep -aq "$(printf '\033')\[[0-9;]*41m" &&
    pass "the bad tag is marked in red" ||
    fail "the bad tag is marked in red" "$(grep -a noize attr.txt | od -c | head)"
text " ((好"
wait_for "markup error explained" "unclosed '\(\(': add '\)\)' after the unclear words"
keys BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace
text "芒果 tingxie"
wait_for "unknown word explained, with the add-word key" "'tingxie' is not in the yue-Hant-HK lexicon \(another language\? <en>tingxie</en>\) \[M-o: add it; 1 "
T capture-pane -e -p -t tx >attr.txt
e=$(printf '\033')
grep -aEq "$e\[4m($e\[[0-9;]*m)*tingxie" attr.txt &&
    pass "the unknown word is underlined" ||
    fail "the unknown word is underlined" "$(grep -a 'tingxie$' attr.txt | od -c | head -20)"
keys M-o
wait_for "add-word adds it" "'tingxie' added to the project's yue-Hant-HK words"
shot
if grep -q "is not in the yue-Hant-HK lexicon" screen.txt; then
	fail "the word is no longer unknown" "$(cat screen.txt)"
else
	pass "the word is no longer unknown"
fi
"$TINGXIE" lexicon demo.tingxie list --tsv | tail -n +2 | cut -f 1,2 | tr '\t' ' ' >words.txt
same "the project has the word" "$(cat words.txt)" "yue-Hant-HK tingxie"

# M-1 while typing gives speaker 1 and keeps the text being typed.
keys M-1
wait_for "M-1 while typing" "Speaker set: speaker SPK3"
keys Enter
same "text and speaker both kept" "$(seg 2)" "7 SPK3 yue-Hant-HK hongkong 呢個幾多錢 芒果 tingxie"

# Completion from the lexicon: C-n inserts candidates in turn, then what
# was typed.
keys j Enter C-u
text "早晨，多"
keys C-n
wait_for "completions listed" "Completions: \[多[^] ]+\]"
shot
first=$(sed -n 's/.*Completions: \[\([^]]*\)\].*/\1/p' screen.txt)
wait_for "the first candidate is in the line" "yue-Hant-HK/hongkong: 早晨，$first\$"
keys C-n
wait_for "C-n moves to the next" "Completions: $first \[多"
keys Escape
keys q
sleep 0.5
same "quits cleanly" "$(cat exit.txt 2>/dev/null)" "EXIT=0"
integrity demo.tingxie
finish
