#!/bin/sh
# cli-basic.sh: init, add, info and segments as a user types them.
. "$TESTS_SRCDIR/lib.sh"

mkdir audio
"$TXAUDIO" tone audio/mono.wav --seconds 2 --rate 16000
"$TXAUDIO" tone audio/stereo.flac --seconds 3 --rate 44100 --channels 2
"$TXAUDIO" tone "audio/语音 录音.ogg" --seconds 1.5 --rate 22050

expect_ok "init" init p.tingxie
contains "init names the admin" out.txt "admin: "
expect_ok "add three formats" add p.tingxie audio/mono.wav audio/stereo.flac "audio/语音 录音.ogg"
contains "add reports the WAV" out.txt "added mono: 0:00:02.000, WAV, 16000 Hz, 1 channel"
contains "add reports the FLAC" out.txt "added stereo: 0:00:03.000, FLAC, 44100 Hz, 2 channel"

expect_ok "info" info p.tingxie
contains "info lists 3" out.txt "3 recording"
contains "info shows duration" out.txt "stereo +0:00:03.000 +44100 +2 +0 +FLAC"
contains "info shows the CJK name" out.txt "语音 录音"

expect_ok "info --tsv" info --tsv p.tingxie
same "info tsv header" "$(head -1 out.txt)" "$(printf 'name\tduration\trate\tchannels\tsegments\tformat\tstatus')"
same "info tsv row" "$(grep '^mono' out.txt)" "$(printf 'mono\t0:00:02.000\t16000\t1\t0\tWAV\t')"

# Paths are stored relative to the project, so the pair can move.
same "relative path" "$(sqlite3 p.tingxie "SELECT path FROM recording WHERE name='mono'")" "audio/mono.wav"

# Segments: text in several scripts, NFC on the way in, exact frames.
expect_fail "unknown speaker refused" 1 "no speaker 'A' in the project; add it" \
    segments p.tingxie add --rec mono --start 0.5 --end 1.25 --speaker A
expect_ok "speaker A" speakers p.tingxie add A
expect_ok "speaker B" speakers p.tingxie add B
expect_ok "segment add cmn" segments p.tingxie add --rec mono --start 0.5 \
    --end 1.25 --text "你好，世界 hello" --speaker A --lang cmn-Hans
same "add prints the id" "$(cat out.txt)" "1"
expect_ok "segment add combining" segments p.tingxie add --rec stereo \
    --start 0:01.5 --end 0:02.75 --text "cafe$(printf '\314\201') crème" \
    --speaker B --lang fr --channel 2
expect_ok "segment add no text" segments p.tingxie add --rec "语音 录音" \
    --start 0 --end 1.5
same "frames are exact" "$(sqlite3 p.tingxie 'SELECT start, "end", channel FROM segment WHERE id = 2')" "66150|121275|1"
same "text is NFC" "$(sqlite3 p.tingxie 'SELECT hex(text) FROM segment WHERE id = 2')" \
    "$(printf 'caf\303\251 cr\303\250me' | od -An -tx1 | tr -d ' \n' | tr a-f A-F)"
same "one revision per change" "$(sqlite3 p.tingxie 'SELECT count(*) FROM revision')" "3"

expect_ok "segments --tsv" segments p.tingxie --tsv
same "tsv header" "$(head -1 out.txt)" "$(printf 'id\trecording\tstart\tend\tspeaker\tlanguage\tdialect\tstage\ttext')"
same "tsv row 1" "$(sed -n 2p out.txt)" "$(printf '1\tmono\t0.500\t1.250\tA\tcmn-Hans\t\ttranscribed\t你好，世界 hello')"
same "tsv row 3 stage new" "$(grep '^3' out.txt | cut -f2,3,4,8)" "$(printf '语音 录音\t0.000\t1.500\tnew')"
expect_ok "segments --rec" segments p.tingxie --rec stereo --tsv
same "filtered count" "$(wc -l <out.txt)" "2"

expect_ok "segments table" segments p.tingxie
# The table pads by display width: the text column starts at the same
# column on every row although the recording names differ in width.
col() { awk -v s="$1" '{ i = index($0, s); if (i) print i }' out.txt; }
w1=$(grep 'hello' out.txt | sed 's/你好.*//' | wc -m)
w2=$(grep 'crème' out.txt | sed 's/café.*//' | wc -m)
same "aligned columns" "$w1" "$w2"

# Help for every command, and the top-level usage.
for c in init add info segments play; do
	expect_ok "$c --help" "$c" --help
	contains "$c --help has usage" out.txt "^usage: tingxie $c"
done
expect_ok "--help" --help
contains "--help lists commands" out.txt "segments"
expect_ok "--version" --version
expect_fail "unknown command" 2 "'frobnicate' is not a command" frobnicate
expect_fail "no arguments" 2 "usage" 

finish
