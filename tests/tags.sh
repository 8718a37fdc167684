#!/bin/sh
# tags.sh: speakers, vocab, segments set, check, lexicon and config as a
# user types them, on the demo project: exact values, one revision per
# change, and refusals that say why and change nothing.
. "$TESTS_SRCDIR/lib.sh"

LEX="$TESTS_SRCDIR/../lexicons"
TINGXIE_LEXICONS=$LEX
export TINGXIE_LEXICONS
P=demo.tingxie
sh "$TESTS_SRCDIR/../demo/make-project.sh" "$TINGXIE" "$P" >/dev/null || exit 99
# Copies of the fresh demo for the parts that would disturb the others.
cp "$P" merge.tingxie
cp "$P" order.tingxie
cp "$P" words.tingxie
ME=$(sqlite3 "$P" 'SELECT login FROM user WHERE id = 1')

# t LINE...: the lines, with '|' standing for a TAB.
t() { printf '%s\n' "$@" | tr '|' '\t'; }
dump() { sqlite3 "$1" .dump | md5sum; }
revs() { sqlite3 "${1:-$P}" 'SELECT count(*) FROM revision'; }
# row ID [PROJECT]: a segment's line of 'segments --tsv'.
row() { "$TINGXIE" segments "${2:-$P}" --tsv | grep "^$1	"; }
seg() { sqlite3 "$P" "SELECT * FROM segment WHERE id = $1"; }

# one_rev NAME ARGS...: tingxie must succeed and add exactly one revision.
one_rev() {
	r0=$(revs)
	expect_ok "$@"
	same "$1: one revision" "$(revs)" "$((r0 + 1))"
}

# kept SEGMENT NAME CODE PATTERN ARGS...: a refused 'segments set' leaves
# the segment (version too) and the revisions as they were.
kept() {
	id=$1; shift
	b0="$(seg "$id")/$(revs)"
	expect_fail "$@"
	same "$1: segment $id unchanged" "$(seg "$id")/$(revs)" "$b0"
}

# ---- the lexicons the tests use ----
expect_ok "lexicon info" lexicon "$P" info
contains "info shows the search path" out.txt "^search path: $LEX:"
expect_ok "lexicon info --tsv" lexicon "$P" info --tsv
same "info languages and files" "$(cut -f1,3 out.txt)" "$(t \
    "language|file" "cmn-Hans|$LEX/cmn-Hans.tsv" "en|$LEX/en.tsv" \
    "en-GB|$LEX/en.tsv" "yue-Hant-HK|$LEX/yue-Hant.tsv")"
same "info counts are all > 0" \
    "$(tail -n +2 out.txt | awk -F'\t' '$2 + 0 > 0' | wc -l)" "4"
same "en-GB falls back to en" "$(awk -F'\t' '$1 == "en" || $1 == "en-GB" { print $2 }' out.txt | sort -u | wc -l)" "1"

# ---- 1. speakers ----
expect_ok "speakers --tsv" speakers "$P" --tsv
same "speakers list" "$(cat out.txt)" "$(t \
    "code|name|gender|language|dialect|segments|duration|notes" \
    "SPK1|Chair|f|cmn-Hans|beijing|3|0:00:17.323|" \
    "SPK2|Engineer|m|cmn-Hans||2|0:00:08.003|" \
    "SPK3|Stallholder|f|yue-Hant-HK|hongkong|2|0:00:05.273|" \
    "SPK4|Customer|m|yue-Hant-HK|guangzhou|2|0:00:03.667|")"
expect_ok "speakers --rec meeting" speakers "$P" --rec meeting --tsv
same "--rec counts that recording only" "$(cut -f1,6 out.txt | tail -n +2)" \
    "$(t "SPK1|3" "SPK2|2" "SPK3|0" "SPK4|0")"
# SPK4 speaks first in the market now: first appearance, not the code.
expect_ok "segment before SPK3" segments order.tingxie add --rec market \
    --start 0.1 --end 0.5 --speaker SPK4
expect_ok "speakers --rec market" speakers order.tingxie --rec market --tsv
same "--rec in order of first appearance" "$(cut -f1,6 out.txt | tail -n +2)" \
    "$(t "SPK4|3" "SPK3|2" "SPK1|0" "SPK2|0")"

expect_ok "speakers add, every field" speakers "$P" add 李伟 --name "李伟 老师" \
    --gender female --lang cmn-Hans --dialect taiwan --notes "joined in May"
same "out of add is empty" "$(cat out.txt err.txt)" ""
expect_ok "list after add" speakers "$P" --tsv
same "new speaker's row" "$(grep '^李伟' out.txt)" \
    "$(t "李伟|李伟 老师|f|cmn-Hans|taiwan|0|0:00:00.000|joined in May")"
same "add is logged" "$(sqlite3 "$P" "SELECT action, detail FROM change WHERE kind = 'speaker' AND key = '李伟'")" \
    "add|name=李伟 老师 gender=f lang=cmn-Hans dialect=taiwan notes=joined in May"

expect_ok "speakers set --code, clear notes" speakers "$P" set 李伟 --code li_wei \
    --notes "" --gender m
expect_ok "list after set" speakers "$P" --tsv
same "renamed row" "$(grep '^li_wei' out.txt)" \
    "$(t "li_wei|李伟 老师|m|cmn-Hans|taiwan|0|0:00:00.000|")"
same "old code gone" "$(grep -c '^李伟' out.txt)" "0"
expect_ok "speakers set clears name and dialect" speakers "$P" set li_wei \
    --name "" --dialect ""
expect_ok "list after clearing" speakers "$P" --tsv
same "cleared row" "$(grep '^li_wei' out.txt)" \
    "$(t "li_wei||m|cmn-Hans||0|0:00:00.000|")"
same "set is logged with the new code" "$(sqlite3 "$P" "SELECT action, detail FROM change WHERE kind = 'speaker' AND key = '李伟' AND action = 'set'")" \
    "set|code=li_wei name=李伟 老师 gender=m lang=cmn-Hans dialect=taiwan notes="
# Renaming a speaker with segments: the segments show the new code, and
# no segment gets a revision (they refer to the speaker, not the code).
r0=$(revs)
expect_ok "rename SPK1" speakers "$P" set SPK1 --code CHAIR
same "segments show the new code" "$("$TINGXIE" segments "$P" --rec meeting --tsv | cut -f1,5 | tail -n +2)" \
    "$(t "1|CHAIR" "2|SPK2" "3|CHAIR" "4|SPK2" "5|CHAIR")"
expect_ok "rename back" speakers "$P" set CHAIR --code SPK1
same "a speaker's rename is no segment revision" "$(revs)" "$r0"

before=$(dump "$P")
expect_fail "duplicate code" 1 "speaker 'SPK1' already exists" speakers "$P" add SPK1
expect_fail "code with a space" 1 "speaker code 'Li Wei' must have no spaces" \
    speakers "$P" add "Li Wei"
expect_fail "bad gender" 1 "gender 'q' is not one of f, m, o" \
    speakers "$P" add X --gender q
expect_fail "malformed --lang" 1 "'en_GB' is not a well-formed BCP 47" \
    speakers "$P" add X --lang en_GB
expect_fail "dialect not in the vocabulary" 1 "dialect 'shanghai' is not in the project's vocabulary" \
    speakers "$P" add X --dialect shanghai
expect_fail "language not in the project" 1 "language 'fr' is not in the project's vocabulary" \
    speakers "$P" add X --lang fr
expect_fail "set to a taken code" 1 "speaker 'SPK2' already exists" \
    speakers "$P" set SPK1 --code SPK2
expect_fail "set --code empty" 2 "--code cannot be empty" speakers "$P" set SPK1 --code ""
expect_fail "set an unknown speaker" 1 "no speaker 'NOPE' in the project" \
    speakers "$P" set NOPE --name x
expect_fail "set a bad gender" 1 "gender 'x' is not one of" speakers "$P" set SPK1 --gender x
expect_fail "merge into itself" 1 "cannot merge speaker 'SPK1' into itself" \
    speakers "$P" merge SPK1 SPK1
expect_fail "merge into nobody" 1 "no speaker 'NOPE'" speakers "$P" merge SPK1 NOPE
same "refusals changed nothing" "$(dump "$P")" "$before"

# Merge (on a copy of the demo): SPK4's two market segments go to SPK3.
M=merge.tingxie
expect_ok "speakers merge" speakers "$M" merge SPK4 SPK3
same "merge reports" "$(cat out.txt)" "SPK4 merged into SPK3: 2 segment(s) moved"
same "one revision each, 'speaker-merge'" \
    "$(sqlite3 "$M" "SELECT r.segment_id, r.version, r.action, s.code FROM revision r JOIN speaker s ON s.id = r.speaker_id WHERE r.id > 9 ORDER BY r.id")" \
    "$(printf '%s\n' "7|2|speaker-merge|SPK3" "9|2|speaker-merge|SPK3")"
same "no other revision" "$(revs "$M")" "11"
same "market is all SPK3" "$("$TINGXIE" segments "$M" --rec market --tsv | cut -f1,5 | tail -n +2)" \
    "$(t "6|SPK3" "7|SPK3" "8|SPK3" "9|SPK3")"
expect_ok "list after merge" speakers "$M" --tsv
same "merged speaker is gone" "$(cut -f1,6,7 out.txt | tail -n +2)" \
    "$(t "SPK1|3|0:00:17.323" "SPK2|2|0:00:08.003" "SPK3|4|0:00:08.940")"
same "merge is logged" "$(sqlite3 "$M" "SELECT action, detail FROM change WHERE kind = 'speaker' AND key = 'SPK4' AND action = 'merge'")" "merge|SPK3"
before=$(dump "$M")
expect_fail "merge again refused" 1 "speaker 'SPK4' was merged into 'SPK3'" \
    speakers "$M" merge SPK4 SPK3
expect_fail "set of a merged speaker refused" 1 "'SPK4' was merged into 'SPK3'" \
    speakers "$M" set SPK4 --name x
expect_fail "segment to a merged speaker refused" 1 "'SPK4' was merged into 'SPK3'; use 'SPK3'" \
    segments "$M" set 6 --speaker SPK4
expect_fail "new segment of a merged speaker refused" 1 "'SPK4' was merged into 'SPK3'" \
    segments "$M" add --rec market --start 1 --end 2 --speaker SPK4
same "refused merges changed nothing" "$(dump "$M")" "$before"

# ---- 2. vocab ----
expect_ok "vocab list" vocab "$P" list --tsv
same "vocab header" "$(head -1 out.txt)" "$(t "kind|code|label|uses|status")"
same "default event tags" "$(awk -F'\t' '$1 == "event" { print $2 }' out.txt | tr '\n' ' ')" \
    "breath cough laugh lipsmack music noise overlap silence "
same "the demo's dialects" "$(grep '^dialect' out.txt)" "$(t \
    "dialect|beijing|Beijing Mandarin|3|active" \
    "dialect|guangzhou|Guangzhou Cantonese|2|active" \
    "dialect|hongkong|Hong Kong Cantonese|2|active" \
    "dialect|taiwan|Taiwan Mandarin|0|active")"
same "the demo's languages" "$(grep '^language' out.txt | cut -f2,4)" \
    "$(t "cmn-Hans|4" "en|1" "en-GB|1" "yue-Hant-HK|3")"

expect_ok "add dialect" vocab "$P" add dialect shanghai "上海话"
expect_ok "add event" vocab "$P" add event door-slam
expect_ok "add language" vocab "$P" add language fr French
expect_ok "label" vocab "$P" label dialect shanghai "Shanghainese 上海话"
expect_ok "list after adding" vocab "$P" list --tsv
contains "dialect with its label" out.txt "^dialect	shanghai	Shanghainese 上海话	0	active$"
contains "event without a label" out.txt "^event	door-slam		0	active$"
contains "language" out.txt "^language	fr	French	0	active$"
same "adds and label are logged" "$(sqlite3 "$P" "SELECT key, action, coalesce(detail, '') FROM change WHERE kind = 'vocabulary' AND id > 12 ORDER BY id")" \
    "$(printf '%s\n' "dialect:shanghai|add|上海话" "event:door-slam|add|" "language:fr|add|French" "dialect:shanghai|label|Shanghainese 上海话")"

r0=$(revs)
expect_ok "rename dialect" vocab "$P" rename dialect beijing bj
same "rename reports the count" "$(cat out.txt)" "dialect beijing renamed to bj: 3 segment(s) rewritten"
same "segments rewritten" "$("$TINGXIE" segments "$P" --tsv | awk -F'\t' '$7 == "bj" { print $1 }' | tr '\n' ' ')" "1 3 5 "
same "a revision per segment" "$(sqlite3 "$P" "SELECT segment_id || ':' || action || ':' || dialect FROM revision WHERE id > $r0 ORDER BY id" | tr '\n' ' ')" \
    "1:vocab-rename:bj 3:vocab-rename:bj 5:vocab-rename:bj "
expect_ok "speakers after the rename" speakers "$P" --tsv
same "speaker's dialect renamed" "$(grep '^SPK1' out.txt | cut -f5)" "bj"
expect_ok "vocab after the rename" vocab "$P" list dialect --tsv
same "old code gone, new one used" "$(cut -f2,4 out.txt | grep -E '^(beijing|bj)')" "$(t "bj|3")"

one_rev "events in a text" segments "$P" set 5 --text "[noise]很好，[noise]那我们下周开始审核。"
r0=$(revs)
expect_ok "rename event" vocab "$P" rename event noise bg-noise
same "event rename reports" "$(cat out.txt)" "event noise renamed to bg-noise: 1 segment(s) rewritten"
same "[noise] became [bg-noise]" "$(row 5 | cut -f9)" "[bg-noise]很好，[bg-noise]那我们下周开始审核。"
same "one revision for it" "$(sqlite3 "$P" "SELECT segment_id, action FROM revision WHERE id > $r0")" "5|vocab-rename"
expect_ok "events after the rename" vocab "$P" list event --tsv
same "bg-noise used once, noise gone" "$(cut -f2,4 out.txt | grep noise)" "$(t "bg-noise|1")"

expect_ok "retire" vocab "$P" retire dialect taiwan
expect_ok "list hides retired" vocab "$P" list dialect --tsv
same "taiwan not listed" "$(grep -c taiwan out.txt)" "0"
expect_ok "list --all" vocab "$P" list dialect --all --tsv
contains "--all shows it retired" out.txt "^dialect	taiwan	Taiwan Mandarin	0	retired$"
kept 2 "retired dialect refused" 1 "dialect 'taiwan' is retired" segments "$P" set 2 --dialect taiwan
expect_ok "restore" vocab "$P" restore dialect taiwan
one_rev "restored dialect accepted" segments "$P" set 2 --dialect taiwan
same "segment 2 in taiwan" "$(row 2 | cut -f7)" "taiwan"
same "retire and restore are logged" "$(sqlite3 "$P" "SELECT action FROM change WHERE key = 'dialect:taiwan' AND action IN ('retire', 'restore') ORDER BY id" | tr '\n' ' ')" "retire restore "

before=$(dump "$P")
expect_fail "bad kind" 2 "'colour' is not a vocabulary: use dialect, event or language" \
    vocab "$P" add colour red
expect_fail "bad kind in list" 2 "'colour' is not a vocabulary" vocab "$P" list colour
expect_fail "dialect code with a space" 1 "dialect code 'shang hai' must be 1 to 64 ASCII" \
    vocab "$P" add dialect "shang hai"
expect_fail "dialect code in Han" 1 "dialect code '上海' must be" vocab "$P" add dialect 上海
expect_fail "event in capitals" 1 "event tag 'Noise' must be 1 to 32 lower-case" \
    vocab "$P" add event Noise
expect_fail "malformed language" 1 "'en_GB' is not a well-formed BCP 47" \
    vocab "$P" add language en_GB
expect_fail "duplicate dialect" 1 "dialect 'shanghai' is already in the vocabulary" \
    vocab "$P" add dialect shanghai
expect_fail "rename onto another" 1 "dialect 'hongkong' is already in the vocabulary" \
    vocab "$P" rename dialect taiwan hongkong
expect_fail "rename to a bad code" 1 "dialect code 'tai wan' must be" \
    vocab "$P" rename dialect taiwan "tai wan"
expect_fail "rename an unknown" 1 "dialect 'nope' is not in the vocabulary" \
    vocab "$P" rename dialect nope x
expect_fail "retire an unknown" 1 "dialect 'nope' is not in the vocabulary" \
    vocab "$P" retire dialect nope
expect_fail "add without a code" 2 "vocab add needs KIND CODE" vocab "$P" add dialect
same "vocab refusals changed nothing" "$(dump "$P")" "$before"

# ---- 3. segments set ----
one_rev "set --text" segments "$P" set 3 --text "我们已经转写了三十个小时的录音。"
same "text makes it transcribed" "$(row 3)" \
    "$(t "3|meeting|13.728|19.623|SPK1|cmn-Hans|bj|transcribed|我们已经转写了三十个小时的录音。")"
same "version 3 (create, rename, set)" "$(sqlite3 "$P" 'SELECT version FROM segment WHERE id = 3')" "3"
one_rev "set --speaker" segments "$P" set 4 --speaker SPK1
same "speaker brings their dialect" "$(row 4 | cut -f5,7)" "$(t "SPK1|bj")"
one_rev "set --speaker again" segments "$P" set 4 --speaker SPK3
same "dialect follows the speaker" "$(row 4 | cut -f5,7)" "$(t "SPK3|hongkong")"
one_rev "set --speaker \"\"" segments "$P" set 4 --speaker ""
same "no speaker, no dialect" "$(row 4 | cut -f5,7)" "$(t "|")"
one_rev "set --lang" segments "$P" set 4 --lang en-GB
one_rev "set --dialect" segments "$P" set 4 --dialect shanghai
one_rev "set --start --end" segments "$P" set 4 --start 20.5 --end 0:22.75
same "segment 4 changed" "$(row 4)" "$(t "4|meeting|20.500|22.750||en-GB|shanghai|new|")"
same "exact frames" "$(sqlite3 "$P" 'SELECT start, "end", version FROM segment WHERE id = 4')" "328000|364000|7"
one_rev "\"\" clears lang and dialect" segments "$P" set 4 --lang "" --dialect ""
same "cleared" "$(row 4)" "$(t "4|meeting|20.500|22.750||||new|")"
one_rev "all fields at once" segments "$P" set 4 --speaker SPK2 --lang en \
    --start 20.223 --end 22.911
same "segment 4 as in the demo" "$(row 4)" "$(t "4|meeting|20.223|22.911|SPK2|en||new|")"
same "revisions of segment 4" "$(sqlite3 "$P" "SELECT version || ':' || action || ':' || coalesce(lang, '-') || ':' || coalesce(dialect, '-') FROM revision WHERE segment_id = 4 ORDER BY version" | tr '\n' ' ')" \
    "1:create:en:- 2:set:en:bj 3:set:en:hongkong 4:set:en:- 5:set:en-GB:- 6:set:en-GB:shanghai 7:set:en-GB:shanghai 8:set:-:- 9:set:en:- "

kept 4 "unknown speaker" 1 "no speaker 'NOPE' in the project" segments "$P" set 4 --speaker NOPE
kept 4 "malformed tag" 1 "'en_GB' is not a well-formed BCP 47" segments "$P" set 4 --lang en_GB
kept 4 "language not in the project" 1 "language 'de' is not in the project's vocabulary" \
    segments "$P" set 4 --lang de
kept 4 "dialect outside the vocabulary" 1 "dialect 'wu' is not in the project's vocabulary" \
    segments "$P" set 4 --dialect wu
kept 4 "end past the recording" 1 "segment end 40.000 is past the end of 'meeting' \(28.927\)" \
    segments "$P" set 4 --end 40
kept 4 "end before start" 1 "must be after its start" segments "$P" set 4 --start 23
kept 4 "bad time" 2 "'1,5' is not a time" segments "$P" set 4 --start 1,5
kept 4 "bad text" 1 "not valid UTF-8" segments "$P" set 4 --text "$(printf 'ab\377')"
kept 4 "unknown id" 1 "no segment 99" segments "$P" set 99 --text x
kept 4 "non-numeric id" 2 "segments set needs one segment ID" segments "$P" set abc --text x
kept 4 "id 0" 2 "segments set needs one segment ID" segments "$P" set 0 --text x
# --expect: only from the version given; set prints the new one.
T3="我们已经转写了三十个小时的录音。"
one_rev "set --expect the current version" segments "$P" set 3 --text "$T3" --expect 3
same "set prints the new version" "$(cat out.txt)" "segment 3: version 4"
kept 3 "set --expect a stale version: both texts shown" 1 "segment 3 was changed by [^ ]+ since you read it \(version 4, not 3\); nothing was overwritten\. Its text now: '$T3'; yours: 'x'\$" \
    segments "$P" set 3 --text "x" --expect 3
kept 3 "a stale tag change" 1 "since you read it \(version 4, not 3\); nothing was overwritten\$" \
    segments "$P" set 3 --dialect beijing --expect 3
kept 3 "--expect 0" 2 "--expect is a version number" segments "$P" set 3 --text x --expect 0
same "versions match the revisions" "$(sqlite3 "$P" 'SELECT count(*) FROM segment s WHERE version != (SELECT count(*) FROM revision r WHERE r.segment_id = s.id) OR version != (SELECT max(version) FROM revision r WHERE r.segment_id = s.id)')" "0"

# ---- 4. check ----
expect_ok "check passes" check "$P"
same "check is silent" "$(cat out.txt err.txt)" ""
C=check.tingxie
cp "$P" "$C"
expect_ok "markup error" segments "$C" set 3 --text "我们已经转写了((三十个小时的录音。"
expect_ok "unknown event" segments "$C" set 5 --text "很好[bang]，那我们下周开始审核。"
expect_ok "unknown word" segments "$C" set 4 --text "The English part of the corpus is almost dne."
expect_ok "overlap" segments "$C" add --rec market --start 5 --end 6.2 --speaker SPK4
same "overlap's id" "$(cat out.txt)" "10"
expect_ok "empty transcribed text" segments "$C" set 1 --text ""
same "stage stays transcribed" "$(row 1 "$C" | cut -f8,9)" "$(t "transcribed|")"
expect_fail "check finds them" 1 "^tingxie: 5 problem\(s\) in 10 segment\(s\) checked$" check "$C"
same "the problems, in order" "$(cat out.txt)" "$(printf '%s\n' \
    "market:5.000-6.200: overlaps segment 7 (4.013-5.957) of the same speaker SPK4; one speaker says one thing at a time" \
    "meeting:0.600-7.213: is transcribed but has no text" \
    "meeting:13.728-19.623: unclosed '((': add '))' after the unclear words" \
    "meeting:20.223-22.911: 'dne' is not in the en lexicon" \
    "meeting:23.511-28.326: event 'bang' is not in the project's vocabulary; add it with 'tingxie vocab PROJECT add event bang LABEL'")"
expect_ok "config max-length 3" config "$C" check.max-length 3
expect_fail "check with max-length 3" 1 "9 problem" check "$C"
same "too long: four segments" "$(grep -E '^meeting:[0-9.]+-[0-9.]+: is [0-9.]+ s long, longer than the maximum of 3 s$' out.txt | cut -d: -f2 | tr '\n' ' ')" \
    "0.600-7.213 7.813-13.128 13.728-19.623 23.511-28.326 "
contains "exact length" out.txt "^meeting:0.600-7.213: is 6.613 s long, longer than the maximum of 3 s$"
expect_fail "check --no-words" 1 "8 problem" check --no-words "$C"
same "--no-words drops the word" "$(grep -c dne out.txt)" "0"
expect_fail "--max-length overrides" 1 "4 problem" check --no-words --max-length 0 "$C"
same "no length problems" "$(grep -c 'long' out.txt)" "0"
expect_fail "--max-length 6 --min-length 1.5" 1 "6 problem" check --no-words \
    --max-length 6 --min-length 1.5 "$C"
contains "too long at 6" out.txt "^meeting:0.600-7.213: is 6.613 s long, longer than the maximum of 6 s$"
contains "too short at 1.5" out.txt "^market:5.000-6.200: is 1.200 s long, shorter than the minimum of 1.5 s$"
expect_fail "check --rec" 1 "1 problem\(s\) in 5 segment\(s\)" check --rec market "$C"
same "only the market" "$(cut -d: -f1 out.txt)" "market"
expect_fail "bad --max-length" 2 "max-length takes seconds \(0 for none\), not 'x'" \
    check --max-length x "$C"
expect_fail "unknown --rec" 1 "no recording 'nope'" check --rec nope "$C"
# Segment 2 has dialect taiwan (section 2): retiring it makes a problem.
expect_ok "retire taiwan again" vocab "$P" retire dialect taiwan
expect_fail "check reports a retired dialect" 1 "1 problem" check "$P"
same "retired dialect line" "$(cat out.txt)" \
    "meeting:7.813-13.128: dialect 'taiwan' is retired; choose another (see 'tingxie vocab PROJECT list dialect')"
expect_ok "restore taiwan" vocab "$P" restore dialect taiwan

# ---- 5. lexicon ----
W=words.tingxie
expect_ok "words in en" segments "$W" set 4 --text "The corpus is almost dne, dne, zorblax."
expect_ok "words in en-GB" segments "$W" set 9 --text "Thank you, dne see you tomorrow."
expect_ok "lexicon oov" lexicon "$W" oov --tsv
same "oov: most frequent first, with an example" "$(cat out.txt)" "$(t \
    "word|language|count|example" \
    "dne|en|2|4 meeting:20.223 The corpus is almost dne, dne, zorblax." \
    "zorblax|en|1|4 meeting:20.223 The corpus is almost dne, dne, zorblax." \
    "dne|en-GB|1|9 market:9.617 Thank you, dne see you tomorrow.")"
expect_ok "oov --lang" lexicon "$W" oov --tsv --lang en-GB
same "oov of en-GB" "$(tail -n +2 out.txt | cut -f1-3)" "$(t "dne|en-GB|1")"
expect_ok "oov --rec" lexicon "$W" oov --tsv --rec meeting
same "oov of the meeting" "$(tail -n +2 out.txt | cut -f1 | tr '\n' ' ')" "dne zorblax "
expect_fail "check reports them, a word twice in one segment once" 1 "3 problem" check "$W"
expect_ok "lexicon add" lexicon "$W" add dne --lang en --pron "D IY1 N"
same "add is quiet" "$(cat out.txt err.txt)" ""
expect_ok "lexicon add again" lexicon "$W" add dne --lang en --pron "D IY1 N"
same "duplicate says already" "$(cat out.txt)" "'dne' is already in the project's en words"
expect_ok "lexicon list" lexicon "$W" list --tsv
same "the project's words" "$(cat out.txt)" "$(t "language|word|pronunciation|added by" "en|dne|D IY1 N|$ME")"
same "add is logged" "$(sqlite3 "$W" "SELECT key, action, detail FROM change WHERE kind = 'lexicon'")" "en:dne|add|D IY1 N"
expect_ok "oov after add" lexicon "$W" oov --tsv
same "dne no longer oov (en-GB too)" "$(tail -n +2 out.txt | cut -f1,2)" "$(t "zorblax|en")"
expect_fail "check after add" 1 "1 problem" check "$W"
same "check no longer reports dne" "$(cat out.txt)" "meeting:20.223-22.911: 'zorblax' is not in the en lexicon"
before=$(dump "$W")
expect_fail "add with a space" 1 "'a b' is not one word" lexicon "$W" add "a b" --lang en
expect_fail "add a bad pron" 1 "pronunciation 'D  IY1' must be" lexicon "$W" add dee --lang en --pron "D  IY1"
expect_fail "add a bad tag" 1 "'en_GB' is not a well-formed" lexicon "$W" add dee --lang en_GB
expect_fail "add without --lang" 2 "needs one WORD and --lang" lexicon "$W" add dee
same "lexicon refusals changed nothing" "$(dump "$W")" "$before"

mkdir badlex
printf '# a broken lexicon\nhello\tHH AH0 L OW1\nbad word\tB AE1 D\nthe\n' >badlex/en.tsv
TINGXIE_LEXICONS=$PWD/badlex
expect_fail "malformed lexicon: info" 1 "badlex/en.tsv:3: the word 'bad word' contains a space" \
    lexicon "$W" info
expect_fail "malformed lexicon: check" 1 "badlex/en.tsv:3: .*contains a space" check "$W"
expect_fail "malformed lexicon: oov" 1 "badlex/en.tsv:3:" lexicon "$W" oov
expect_ok "--no-words needs no lexicon" check --no-words "$W"
TINGXIE_LEXICONS=$LEX

# ---- 6. config ----
expect_ok "config list" config "$P"
contains "max-length default" out.txt "^check.max-length +- +longest segment"
contains "min-length default" out.txt "^check.min-length +- +shortest segment"
expect_ok "config set" config "$P" check.max-length 12.5
expect_ok "config get" config "$P" check.max-length
same "value read back" "$(cat out.txt)" "12.5"
expect_ok "config list after set" config "$P"
contains "list shows it" out.txt "^check.max-length +12.5 +longest"
same "set is logged" "$(sqlite3 "$P" "SELECT kind, key, action, detail FROM change ORDER BY id DESC LIMIT 1")" \
    "setting|check.max-length|set|12.5"
before=$(dump "$P")
expect_fail "not a number" 1 "check.max-length must be a number of seconds from 0 to 86400, not 'abc'" \
    config "$P" check.max-length abc
expect_fail "too large" 1 "not '90000'" config "$P" check.max-length 90000
expect_fail "hex" 1 "not '0x10'" config "$P" check.max-length 0x10
expect_fail "exponent" 1 "not '1e1'" config "$P" check.max-length 1e1
expect_fail "spaces" 1 "not ' 5'" config "$P" check.max-length " 5"
expect_fail "unknown key set" 1 "no setting 'nope.key'" config "$P" nope.key 3
expect_fail "unknown key get" 1 "no setting 'nope.key' \(see 'tingxie config PROJECT'\)" config "$P" nope.key
expect_fail "too many arguments" 2 "give a project" config "$P" check.max-length 1 2
same "config refusals changed nothing" "$(dump "$P")" "$before"
expect_ok "an empty value puts the default back" config "$P" check.max-length ""
expect_ok "config get of a default" config "$P" check.max-length
same "the default reads as an empty line" "$(cat out.txt)" ""
same "reset is logged" "$(sqlite3 "$P" "SELECT kind, key, action FROM change ORDER BY id DESC LIMIT 1")" \
    "setting|check.max-length|unset"

# ---- 7. help ----
for c in speakers vocab lexicon check config; do
	expect_ok "$c --help" "$c" --help
	contains "$c --help has usage" out.txt "^usage: tingxie $c"
done

# ---- 8. language tags are case-insensitive, stored in their usual case ----
K=case.tingxie
sh "$TESTS_SRCDIR/../demo/make-project.sh" "$TINGXIE" "$K" >/dev/null || exit 99
expect_ok "set --lang EN-gb" segments "$K" set 4 --lang EN-gb
same "stored as en-GB" "$(sqlite3 "$K" 'SELECT lang FROM segment WHERE id = 4')" "en-GB"
expect_fail "a duplicate in another case is refused" 1 "language 'en-GB' is already" \
    vocab "$K" add language EN-gb
expect_ok "code-switch tags in any case" segments "$K" set 3 --text "我们开个<EN>meeting</EN>吧。"
expect_ok "and check accepts them" check "$K"
expect_ok "speakers add --lang YUE-hant-hk" speakers "$K" add SPK5 --lang YUE-hant-hk
contains "stored as yue-Hant-HK" /dev/stdin "^yue-Hant-HK$" <<EOF2
$(sqlite3 "$K" "SELECT native_lang FROM speaker WHERE code = 'SPK5'")
EOF2

expect_fail "renaming a tag to itself in another case" 1 "are the same tag" \
    vocab "$K" rename language en-gb EN-GB
"$TXAUDIO" tone again.wav --seconds 1 --rate 16000
expect_fail "add --lang outside the project's languages" 1 "language 'fr' is not in the project's vocabulary" \
    add --lang fr "$K" again.wav
expect_ok "add --lang in another case" add --lang EN-gb --name again "$K" again.wav
same "the recording's language is stored as en-GB" "$(sqlite3 "$K" "SELECT lang FROM recording WHERE name = 'again'")" "en-GB"

# A speaker's retired dialect is not forced on new segments.
expect_ok "retire beijing" vocab "$K" retire dialect beijing
expect_ok "a new segment of SPK1 is still accepted" segments "$K" add --rec meeting \
    --start 28.4 --end 28.9 --speaker SPK1
same "without the retired dialect" "$(sqlite3 "$K" "SELECT coalesce(dialect, '-') FROM segment ORDER BY id DESC LIMIT 1")" "-"
expect_ok "SPK1's other fields can still change" speakers "$K" set SPK1 --name "Chair person"
expect_fail "set with nothing to change" 2 "needs something to change" segments "$K" set 4
expect_ok "merge SPK4 into SPK3" speakers "$K" merge SPK4 SPK3
expect_fail "a merged code is named" 1 "speaker 'SPK4' was merged into 'SPK3'" speakers "$K" add SPK4
expect_fail "getopt's messages name the command" 2 "tingxie segments set: invalid option" segments "$K" set -x 4

# ---- 9. the projects are sound ----
for p in "$P" "$M" order.tingxie "$W" "$C" "$K"; do
	integrity "$p"
done
finish
