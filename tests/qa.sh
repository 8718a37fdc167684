#!/bin/sh
# qa.sh: the measures of review work as the project's people make them.
# alice and bob transcribe Chinese and English, rev reviews and corrects,
# lin1 and lin2 tag dialects (each acting through root's --as); then exact
# report figures (worked by hand below), reproducible samples, verdicts
# that accept and return batches (with their revisions), Cohen's kappa on
# a constructed case, and bad input that says why and changes nothing.
. "$TESTS_SRCDIR/lib.sh"

if [ "$(id -u)" -ne 0 ]; then
	echo "# skipped: acting as other users (--as) needs root"
	exit 77
fi

P=qa.tingxie
# t LINE...: the lines, with '|' standing for a TAB.
t() { printf '%s\n' "$@" | tr '|' '\t'; }
# as LOGIN ARGS...: tingxie as another user of the project.
as() { who=$1; shift; "$TINGXIE" --as "$who" "$@" >/dev/null 2>err.txt ||
	fail "as $who: $*" "$(cat err.txt)"; }
dump() { sqlite3 "$1" .dump | md5sum; }
revs() { sqlite3 "$P" 'SELECT count(*) FROM revision'; }
stage() { sqlite3 "$P" "SELECT stage FROM segment WHERE id = $1"; }
# last ID: the segment's latest revision as "pass|action|stage|comment".
last() { sqlite3 "$P" "SELECT pass, action, stage, comment FROM revision
	WHERE segment_id = $1 ORDER BY version DESC LIMIT 1"; }

mkdir audio
"$TXAUDIO" tone audio/zh.wav --seconds 20 --rate 16000 || exit 99
"$TXAUDIO" tone audio/en.wav --seconds 20 --rate 16000 --freq 300 || exit 99
expect_ok "init" init "$P"
expect_ok "add recordings" add "$P" audio/zh.wav audio/en.wav
for u in alice:transcriber bob:transcriber rev:reviewer lin1:linguist \
    lin2:linguist; do
	expect_ok "users add ${u%%:*}" users "$P" add "${u%%:*}" --role "${u#*:}"
done
expect_ok "dialect beijing" vocab "$P" add dialect beijing
expect_ok "dialect taiwan" vocab "$P" add dialect taiwan

# Segments 1-4 of zh (Chinese) for alice, 5-7 of en for bob, 8 for rev.
for s in 0 2 4 6; do
	expect_ok "zh segment at $s" segments "$P" add --rec zh --start $s \
	    --end $((s + 2)) --lang cmn-Hans
done
for s in 0 2 4 6; do
	expect_ok "en segment at $s" segments "$P" add --rec en --start $s \
	    --end $((s + 2)) --lang en
done
same "eight segments" "$(sqlite3 "$P" 'SELECT group_concat(id) FROM segment')" \
    "1,2,3,4,5,6,7,8"

as alice segments "$P" set 1 --text "今天天气很好"
as alice segments "$P" set 2 --text "我们开个meting吧"
as alice segments "$P" set 3 --text "你好"
as alice segments "$P" set 4 --text "谢谢大家"
as bob segments "$P" set 5 --text "the cat sit on mat"
as bob segments "$P" set 6 --text "good morning"
as bob segments "$P" set 7 --text "hello world"
# A reviewer transcribing is a transcriber of that segment; root reviews.
as rev segments "$P" set 8 --text "thank you"
as root review "$P" accept 8

# rev: 很 -> 真 (1 of 6 characters), meting -> meeting (1 of 6 tokens:
# 我 们 开 个 meeting 吧), 你好 right; sit -> sat and "the" put back (2 of
# 6 words), "good morning" right. 4 and 7 are not reviewed yet.
as rev segments "$P" set 1 --text "今天天气真好"
as rev segments "$P" set 2 --text "我们开个meeting吧"
as rev segments "$P" set 5 --text "the cat sat on the mat"
as rev review "$P" accept 1 2 3 5 6

# Linguists on 1-4 (b = beijing, t = taiwan):
#   lin1  b b t b       lin2  b t t t  (confirms 1 and 3, re-tags 2 and 4)
as lin1 segments "$P" set 1 --dialect beijing
as lin1 segments "$P" set 2 --dialect beijing
as lin1 segments "$P" set 3 --dialect taiwan
as lin1 segments "$P" set 4 --dialect beijing
as lin2 review "$P" confirm 1
as lin2 segments "$P" set 2 --dialect taiwan
as lin2 review "$P" confirm 3
as lin2 segments "$P" set 4 --dialect taiwan

# ---- throughput ----
# Reviewed: 1 2 3 5 6 8 (2 s each); transcribed: 4 7.
expect_ok "report --throughput --tsv" report "$P" --throughput --tsv
same "throughput tables" "$(cat out.txt)" "$(t \
    "# throughput-stage" \
    "stage|segments|seconds" \
    "new|0|0.000" \
    "transcribed|2|4.000" \
    "reviewed|6|12.000" \
    "accepted|0|0.000" \
    "(all)|8|16.000" \
    "" \
    "# throughput-user" \
    "user|role|transcribed|transcribed_seconds|transcribe_rtf|reviewed|reviewed_seconds|review_rtf|checked|checked_seconds" \
    "alice|transcriber|4|8.000||0|0.000||0|0.000" \
    "bob|transcriber|3|6.000||0|0.000||0|0.000" \
    "lin1|linguist|0|0.000||0|0.000||4|8.000" \
    "lin2|linguist|0|0.000||0|0.000||4|8.000" \
    "rev|reviewer|1|2.000||5|10.000||0|0.000" \
    "root|admin|0|0.000||1|2.000||0|0.000")"

# ---- accuracy ----
# alice (1 2 3): 14 characters, 2 errors: CER 2/14 = 14.3%; 2 of 3
#   segments wrong: SER 66.7%.
# bob (5 6): 8 words, 2 errors: WER 2/8 = 25.0%; SER 1/2 = 50.0%.
# rev (8): 2 words, none wrong.
# all: CER 2/14, WER 2/10 = 20.0%, SER 3/6 = 50.0%, 12 s.
expect_ok "report --accuracy" report "$P" --accuracy --by user
same "accuracy by transcriber" "$(cat out.txt)" \
"Accuracy by transcriber
transcriber  segments        audio    CER  chars    WER  words    SER
alice               3  0:00:06.000  14.3%     14      -      0  66.7%
bob                 2  0:00:04.000      -      0  25.0%      8  50.0%
rev                 1  0:00:02.000      -      0   0.0%      2   0.0%
(all)               6  0:00:12.000  14.3%     14  20.0%     10  50.0%"
expect_ok "report --accuracy --tsv" report "$P" --accuracy --by user --tsv
same "accuracy TSV has the counts" "$(cat out.txt)" "$(t \
    "# accuracy-transcriber" \
    "transcriber|segments|seconds|char_segments|chars|char_errors|cer|word_segments|words|word_errors|wer|wrong_segments|ser" \
    "alice|3|6.000|3|14|2|0.1429|0|0|0||2|0.6667" \
    "bob|2|4.000|0|0|0||2|8|2|0.2500|1|0.5000" \
    "rev|1|2.000|0|0|0||1|2|0|0.0000|0|0.0000" \
    "(all)|6|12.000|3|14|2|0.1429|3|10|2|0.2000|3|0.5000")"
# Dialects now: 1 beijing, 2 3 taiwan (5 6 8 none). beijing: 1 of 6
# characters (16.7%), 1 segment of 1; taiwan: 1 of 8 (12.5%), 1 of 2.
expect_ok "report --by recording,dialect" report "$P" --accuracy \
    --by recording,dialect,lang
same "accuracy by recording, language, dialect" "$(cat out.txt)" \
"Accuracy by recording
recording  segments        audio    CER  chars    WER  words    SER
en                3  0:00:06.000      -      0  20.0%     10  33.3%
zh                3  0:00:06.000  14.3%     14      -      0  66.7%
(all)             6  0:00:12.000  14.3%     14  20.0%     10  50.0%

Accuracy by language
language  segments        audio    CER  chars    WER  words    SER
cmn-Hans         3  0:00:06.000  14.3%     14      -      0  66.7%
en               3  0:00:06.000      -      0  20.0%     10  33.3%
(all)            6  0:00:12.000  14.3%     14  20.0%     10  50.0%

Accuracy by dialect
dialect  segments        audio    CER  chars    WER  words     SER
beijing         1  0:00:02.000  16.7%      6      -      0  100.0%
taiwan          2  0:00:04.000  12.5%      8      -      0   50.0%
-               3  0:00:06.000      -      0  20.0%     10   33.3%
(all)           6  0:00:12.000  14.3%     14  20.0%     10   50.0%"
expect_ok "report --rec zh" report "$P" --accuracy --by user --rec zh --tsv
same "--rec: one recording's" "$(tail -n 2 out.txt | cut -f1,2,5,6)" "$(t \
    "alice|3|14|2" "(all)|3|14|2")"

# ---- agreement ----
# lin1 b b t b, lin2 b t t t: agree on 1 and 3, po = 2/4 = 0.5. lin1
# says b 3 times, t once; lin2 b once, t 3 times: pe = 3/4 * 1/4 + 1/4 *
# 3/4 = 0.375. kappa = (0.5 - 0.375) / (1 - 0.375) = 0.2.
expect_ok "report --agreement" report "$P" --agreement
same "agreement and confusion table" "$(cat out.txt)" \
"Agreement on dialect tags (Cohen's kappa)
linguist  linguist  segments  observed  expected  kappa
lin1      lin2             4     0.500     0.375  0.200

Dialect tags of lin1 (down) against lin2 (across)
lin1 \\ lin2  beijing  taiwan
beijing            1       2
taiwan             0       1"
expect_ok "report --agreement --tsv" report "$P" --agreement --tsv \
    --linguists lin2,lin1
same "agreement TSV, the pair as given" "$(cat out.txt)" "$(t \
    "# agreement" "a|b|segments|observed|expected|kappa" \
    "lin2|lin1|4|0.500|0.375|0.200" "" \
    "# confusion" "a|b|label_a|label_b|segments" \
    "lin2|lin1|beijing|beijing|1" "lin2|lin1|beijing|taiwan|0" \
    "lin2|lin1|taiwan|beijing|2" "lin2|lin1|taiwan|taiwan|1")"
expect_ok "the whole report" report "$P"
# two of throughput, four of accuracy, agreement and its confusion table
same "whole report: every table" "$(grep -c '^[A-Z]' out.txt)" 8
cp out.txt report.txt

# ---- sampling ----
# Transcribed or later: all 8. Batches: en/bob (5 6 7), en/rev (8),
# zh/alice (1-4). 50% per transcriber: 2 + 1 + 2 = 5.
items() { sqlite3 "$P" "SELECT group_concat(segment_id, ' ') FROM
	(SELECT segment_id FROM qa_item WHERE sample_id = $1 ORDER BY 1)"; }
r0=$(revs)
expect_ok "sample 50% seed 11" --as rev qa "$P" sample --rate 50% \
    --per transcriber --seed 11
contains "sample line" out.txt "^sample 1: 50% per transcriber, seed 11: 5 of 8 segment\(s\) drawn$"
same "per batch counts" "$(tail -n +3 out.txt | awk '{ print $1, $2, $3, $4 }')" \
"bob en 3 2
rev en 1 1
alice zh 4 2"
tail -n +2 out.txt >s1.txt
same "5 items kept" "$(items 1 | wc -w)" 5
same "the draw is logged" "$(sqlite3 "$P" "SELECT key, action, detail FROM change WHERE kind = 'qa'")" \
    "sample 1|draw|rate=50% per=transcriber seed=11 drawn=5 of 8"
expect_ok "same seed again" --as rev qa "$P" sample --rate 50% \
    --per transcriber --seed 11
tail -n +2 out.txt >s2.txt
same "same seed, same sample" "$(cat s2.txt)" "$(cat s1.txt)"
same "same seed, same ids kept" "$(items 2)" "$(items 1)"
expect_ok "another seed" --as rev qa "$P" sample --rate 50% \
    --per transcriber --seed 12
if [ "$(items 3)" != "$(items 1)" ]; then pass "another seed, another sample"
else fail "another seed, another sample" "both: $(items 1)"; fi
expect_ok "25%" --as rev qa "$P" sample --rate 25% --per transcriber --seed 11
expect_ok "75%" --as rev qa "$P" sample --rate 75% --per transcriber --seed 11
# 25%: 1 + 1 + 1; 75%: 3 + 1 + 3; what 25% took, 75% took too.
same "25% draws 3" "$(items 4 | wc -w)" 3
same "75% draws 7" "$(items 5 | wc -w)" 7
same "a larger rate keeps the smaller one's" "$(sqlite3 "$P" \
    'SELECT count(*) FROM qa_item a WHERE a.sample_id = 4 AND NOT EXISTS
     (SELECT 1 FROM qa_item b WHERE b.sample_id = 5 AND b.segment_id = a.segment_id)')" 0
expect_ok "--per all" --as rev qa "$P" sample --rate 50% --seed 11 --rec en
contains "all of en: 2 of 4" out.txt "^sample 6: 50% per all, seed 11: 2 of 4 segment\(s\) drawn$"
same "only en's segments" "$(sqlite3 "$P" 'SELECT count(*) FROM qa_item WHERE sample_id = 6 AND segment_id < 5')" 0
expect_ok "a seed is chosen and shown" --as rev qa "$P" sample --rate 10%
same "the chosen seed is kept" "$(sed -n 's/.*seed \([0-9]*\):.*/\1/p' out.txt)" \
    "$(sqlite3 "$P" 'SELECT seed FROM qa_sample WHERE id = 7')"
expect_ok "qa list" qa "$P" list --tsv
same "seven samples listed" "$(cut -f1,4,5,6,7 out.txt | sed -n '1,2p;7p')" "$(t \
    "id|rate|per|seed|sampled" "1|50%|transcriber|11|5" "6|50%|all|11|2")"
same "samples change no segment" "$(revs)" "$r0"

# ---- verdicts ----
# All 8 sampled. 4 and 7 are not inspected yet; 8 was, by root.
expect_ok "sample 100%" --as rev qa "$P" sample --rate 100% --per transcriber --seed 1
r0=$(revs)
tx --as rev qa "$P" verdict --threshold 85%
same "verdict exits 1 for rev's own batch" "$RC" 1
# Verdicts use character accuracy whatever the script (spaces are not
# characters). bob so far: 5 "thecatsatonthemat" (17) against
# "thecatsitonmat": sit for sat and "the" missing, 4 errors; 6 "goodmorning"
# (11) right: 24 of 28 = 85.7%. alice: 1 今天天气真好 (6), 1 error; 2
# 我们开个meeting吧 (12), one e missing; 3 你好 (2): 18 of 20 = 90.0%.
same "waiting batches, rev's refused" "$(tail -n +2 out.txt)" \
"transcriber  recording  sampled  inspected  accuracy  verdict  why
bob          en               3          2     85.7%  wait     1 of 3 sampled not inspected yet
rev          en               1          1    100.0%  refused  you transcribed this batch; another reviewer gives its verdict
alice        zh               4          3     90.0%  wait     1 of 4 sampled not inspected yet
batches: 2 waiting for 2 sampled segment(s) to be inspected, 1 refused"
contains "the sample and threshold" out.txt "^sample 8 \(100% per transcriber, drawn .* by rev\), threshold 85%$"
same "waiting changes nothing" "$(revs)" "$r0"

as rev review "$P" accept 4 7
# Now alice: 谢谢大家 (4) right too, 22 of 24 = 91.6% (rounded down); bob:
# "helloworld" (10) right, 34 of 38 = 89.4% (89.47..., rounded down).
r0=$(revs)
tx --as rev qa "$P" verdict --threshold 89.4% --dry-run --tsv
same "dry run: 89.47% passes 89.4%" "$(cut -f1,5,6,7 out.txt)" "$(t \
    "transcriber|accuracy|verdict|why" \
    "bob|89.4%|accept|89.4% >= 89.4%: would accept 3 segment(s)" \
    "rev|100.0%|refused|you transcribed this batch; another reviewer gives its verdict" \
    "alice|91.6%|accept|91.6% >= 89.4%: would accept 4 segment(s)")"
same "a dry run changes nothing" "$(revs)" "$r0"

tx --as rev qa "$P" verdict --threshold 90%
same "verdict 90%: exit 1 (rev's batch)" "$RC" 1
same "accept and return" "$(tail -n +3 out.txt)" \
"bob          en               3          3     89.4%  return   89.4% < 90%: 3 segment(s) returned
rev          en               1          1    100.0%  refused  you transcribed this batch; another reviewer gives its verdict
alice        zh               4          4     91.6%  accept   91.6% >= 90%: 4 segment(s) accepted
batches: 1 accepted, 1 returned, 1 refused"
same "seven revisions" "$(revs)" "$((r0 + 7))"
same "alice's are accepted" "$(stage 1) $(stage 2) $(stage 3) $(stage 4)" \
    "accepted accepted accepted accepted"
same "bob's are back" "$(stage 5) $(stage 6) $(stage 7)" "new new new"
same "... and his" "$(sqlite3 "$P" 'SELECT DISTINCT u.login FROM segment g JOIN user u ON u.id = g.assignee WHERE g.id IN (5, 6, 7)')" bob
same "rev's is not moved" "$(stage 8)" reviewed
same "the accept revision" "$(last 4)" \
    "qa|qa-accept|accepted|batch passed QA: 91.6% >= 90% on 4 sampled segments"
same "the return revision" "$(last 5)" \
    "qa|qa-return|new|batch failed QA: 89.4% < 90% on 3 sampled segments"
expect_ok "history shows it" history "$P" 5
contains "history: qa-return" out.txt "rev +qa +qa-return +new .*assignee: bob +batch failed QA: 89.4% < 90% on 3 sampled segments$"
same "verdicts are logged" "$(sqlite3 "$P" "SELECT detail FROM change WHERE action = 'verdict' ORDER BY id")" \
"bob/en qa-return: batch failed QA: 89.4% < 90% on 3 sampled segments, 3 moved
alice/zh qa-accept: batch passed QA: 91.6% >= 90% on 4 sampled segments, 4 moved"

# root (an admin, not its transcriber) judges rev's batch; the others
# were judged since the sample was drawn.
expect_ok "root's verdict" --as root qa "$P" verdict --threshold 85% --tsv
same "done, accepted, done" "$(cut -f1,6,7 out.txt)" "$(t \
    "transcriber|verdict|why" \
    "bob|done|judged since the sample was drawn" \
    "rev|accept|100.0% >= 85%: 1 segment(s) accepted" \
    "alice|done|judged since the sample was drawn")"
same "rev's is accepted" "$(stage 8)" accepted
r0=$(revs)
expect_ok "judged: not again" qa "$P" verdict --threshold 0%
contains "all done" out.txt "^batches: 3 judged before$"
same "nothing moves again" "$(revs)" "$r0"
expect_ok "an older sample" qa "$P" verdict --threshold 0% --sample 1 -n
contains "sample 1 judged too" out.txt "^batches: 3 judged before \(dry run: nothing changed\)$"

# The report after QA: verdicts are not reviews (the figures stand), the
# returned segments keep their review's text.
expect_ok "report after QA" report "$P" --accuracy --by user
same "accuracy after QA: 4 and 7 reviewed too" "$(sed -n '3,4p;6p' out.txt)" \
"alice               4  0:00:08.000  11.1%     18      -      0  50.0%
bob                 3  0:00:06.000      -      0  20.0%     10  33.3%
(all)               8  0:00:16.000  11.1%     18  16.7%     12  37.5%"

# ---- bad input: a clear message, nothing changed ----
d0=$(dump "$P")
expect_fail "--rate 150%" 2 "--rate must be more than 0% and at most 100%, not 150%" \
    --as rev qa "$P" sample --rate 150%
expect_fail "--rate abc" 2 "--rate 'abc' is not a share: write a percentage such as 10%" \
    --as rev qa "$P" sample --rate abc
expect_fail "--rate 10 (10% or 1000%?)" 2 "--rate '10' is not a share" \
    --as rev qa "$P" sample --rate 10
expect_fail "--rate 0%" 2 "--rate must be more than 0%" --as rev qa "$P" sample --rate 0%
expect_fail "--rate -5%" 2 "is not a share" --as rev qa "$P" sample --rate -5%
expect_fail "no --rate" 2 "say how much to draw with --rate" --as rev qa "$P" sample
expect_fail "--per speaker" 2 "--per is transcriber, recording or all, not 'speaker'" \
    --as rev qa "$P" sample --rate 10% --per speaker
expect_fail "--seed -1" 2 "--seed is a whole number" --as rev qa "$P" sample --rate 10% --seed -1
expect_fail "--rec nowhere" 1 "no recording 'nowhere'" --as rev qa "$P" sample --rate 10% --rec nowhere
expect_fail "a transcriber samples" 1 "you are a transcriber in this project: only reviewers and admins run quality inspection" \
    --as alice qa "$P" sample --rate 10%
expect_fail "a linguist judges" 1 "only reviewers and admins run quality inspection" \
    --as lin1 qa "$P" verdict --threshold 90%
expect_fail "unknown user" 1 "the account 'nobody' is not a user of this project" \
    --as nobody qa "$P" sample --rate 10%
expect_fail "--threshold 101%" 2 "--threshold must be from 0% to 100%, not 101%" \
    --as rev qa "$P" verdict --threshold 101%
expect_fail "no --threshold" 2 "give the accuracy a batch must reach with --threshold" \
    --as rev qa "$P" verdict
expect_fail "--sample 999" 1 "there is no QA sample 999" \
    --as rev qa "$P" verdict --threshold 90% --sample 999
expect_fail "--sample x" 2 "--sample is a sample's id" \
    --as rev qa "$P" verdict --threshold 90% --sample x
expect_fail "report --by speaker" 2 "--by takes user, recording, language or dialect" \
    report "$P" --by speaker
expect_fail "report --linguists one" 2 "--linguists takes two different logins" \
    report "$P" --linguists lin1
expect_fail "report --linguists lin1,lin1" 2 "--linguists takes two different logins" \
    report "$P" --linguists lin1,lin1
expect_fail "report --linguists unknown" 1 "'nobody' is not a user of this project" \
    report "$P" --linguists lin1,nobody
same "... and prints nothing" "$(cat out.txt)" ""
expect_fail "report --linguists no common" 1 "lin1 and rev have not both checked any segment" \
    report "$P" --linguists lin1,rev
expect_fail "qa unknown action" 2 "unknown action 'judge'" qa "$P" judge
same "bad input changed nothing" "$(dump "$P")" "$d0"

# No linguists, no samples, nothing transcribed.
expect_ok "empty project" init empty.tingxie
d0=$(dump empty.tingxie)
expect_fail "no linguists: --agreement" 1 "no linguist has checked a segment yet" \
    report empty.tingxie --agreement
expect_fail "no samples: verdict" 1 "no QA sample has been drawn yet; draw one with 'tingxie qa empty.tingxie sample --rate 10%'" \
    qa empty.tingxie verdict --threshold 90%
expect_fail "nothing to sample" 1 "no segment is transcribed yet: there is nothing to sample" \
    qa empty.tingxie sample --rate 10%
expect_ok "report of an empty project" report empty.tingxie --tsv --by dialect
same "empty report: zeros, no agreement" "$(grep -c '^#' out.txt) $(tail -n 1 out.txt)" \
    "3 $(t "(all)|0|0.000|0|0|0||0|0|0||0|")"
same "nothing changed in the empty project" "$(dump empty.tingxie)" "$d0"
integrity "$P"

finish
