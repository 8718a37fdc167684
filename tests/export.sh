#!/bin/sh
# export.sh: corpus export and transcript import as a data engineer runs
# them: every format, audio cut and checked, splits, hostile names, round
# trips, and bad input.
. "$TESTS_SRCDIR/lib.sh"

DEMO="$TESTS_SRCDIR/../demo"
TINGXIE_LEXICONS="$TESTS_SRCDIR/../lexicons"; export TINGXIE_LEXICONS
TINGXIE_EXPORT_DATE=2026-01-02T03:04:05Z; export TINGXIE_EXPORT_DATE
have() { command -v "$1" >/dev/null 2>&1; }
lines() { wc -l <"$1" | tr -d ' '; }

# The demo, every turn transcribed.
P=demo.tingxie
sh "$DEMO/make-project.sh" "$TINGXIE" "$P" >/dev/null || exit 99
tail -n +2 "$DEMO/segments.tsv" | cut -f 7 >texts.txt
i=0
while IFS= read -r t; do
	i=$((i + 1))
	"$TINGXIE" segments "$P" set "$i" --text "$t" || exit 99
done <texts.txt

# A new project with the same recordings and vocabularies, no segments.
fresh() {
	rm -f "$1"
	"$TINGXIE" init "$1" >/dev/null &&
	"$TINGXIE" add --lang cmn-Hans "$1" "$DEMO/audio/meeting.flac" >/dev/null &&
	"$TINGXIE" add --lang yue-Hant-HK "$1" "$DEMO/audio/market.flac" >/dev/null || exit 99
	for l in cmn-Hans yue-Hant-HK en en-GB; do
		"$TINGXIE" vocab "$1" add language "$l" || exit 99
	done
	"$TINGXIE" vocab "$1" add dialect beijing "Beijing Mandarin" &&
	"$TINGXIE" vocab "$1" add dialect taiwan "Taiwan Mandarin" &&
	"$TINGXIE" vocab "$1" add dialect hongkong "Hong Kong Cantonese" &&
	"$TINGXIE" vocab "$1" add dialect guangzhou "Guangzhou Cantonese" ||
	    exit 99
}

# ---- Kaldi, audio by reference ----
expect_ok "kaldi" export "$P" --format kaldi --out kaldi
contains "summary" out.txt "^exported 9 segment\(s\), 0\.0[0-9]+ hours, at stage transcribed"
for f in wav.scp segments text utt2spk spk2utt spk2gender utt2lang reco2file_and_channel; do
	[ -s "kaldi/$f" ] && pass "kaldi/$f written" || fail "kaldi/$f written"
done
same "nine utterances" "$(lines kaldi/text)" "9"
same "two recordings" "$(lines kaldi/wav.scp)" "2"
expect_ok "validate kaldi" validate --format kaldi kaldi
same "keys in C order" "$(cut -d' ' -f1 kaldi/text | LC_ALL=C sort -c && echo sorted)" "sorted"
contains "utterance ids start with the speaker" kaldi/utt2spk "^SPK1-meeting-000000600-000007213 SPK1$"
contains "Chinese text as typed" kaldi/text "^SPK1-meeting-000000600-000007213 大家好，今天我们讨论语音识别的数据。$"
contains "a pronunciation lexicon" kaldi/lexicon.txt "^the DH"
if have sox; then
	cmd=$(grep '^market ' kaldi/wav.scp | cut -d' ' -f2-)
	sh -c "${cmd%|}" >market.wav 2>/dev/null
	same "the wav.scp pipe gives the recording" "$(soxi -s market.wav 2>/dev/null)" "$(soxi -s "$DEMO/audio/market.flac")"
fi

# ---- Kaldi with cut audio, ASR text, words, splits ----
expect_ok "kaldi cut + splits" export "$P" --format kaldi --out cut \
    --audio cut --text asr --words --split train=50,test=50 --seed 3
contains "split summary" out.txt "^train +[0-9]+ +0\.[0-9]+$"
for s in train test; do
	expect_ok "validate $s" validate --format kaldi "cut/$s"
done
n=$(cat cut/train/text cut/test/text | wc -l | tr -d ' ')
same "every utterance in one split" "$n" "9"
same "one cut file per utterance" "$(ls cut/train/audio cut/test/audio | grep -c '\.wav$')" "9"
cut -d' ' -f2 cut/train/utt2spk | sort -u >spk-train.txt
cut -d' ' -f2 cut/test/utt2spk | sort -u >spk-test.txt
same "no speaker in two splits" "$(comm -12 spk-train.txt spk-test.txt)" ""
grep -hq " 大家 好 今天 我们 讨论 语音识别 的 数据$" cut/*/text &&
    pass "ASR text, words separated by the lexicon" ||
    fail "ASR text, words separated by the lexicon" "$(cat cut/*/text)"
if have soxi; then
	u=$(head -1 cut/train/wav.scp)
	f=${u#* }
	id=${u%% *}
	s=$(grep "^$id " cut/train/segments 2>/dev/null)
	same "cut files are 16 kHz mono" "$(soxi -r "$f") $(soxi -c "$f")" "16000 1"
	ms=$(echo "$id" | awk -F- '{ print $(NF) - $(NF-1) }')
	same "a cut file is as long as its segment" "$(soxi -s "$f")" "$((ms * 16))"
fi
expect_ok "the same seed again" export "$P" --format kaldi --out cut2 \
    --audio cut --text asr --words --split train=50,test=50 --seed 3
same "the same splits" "$(cd cut && cat */text | md5sum)" "$(cd cut2 && cat */text | md5sum)"

# ---- the other corpora ----
expect_ok "nemo" export "$P" --format nemo --out nemo
same "nine manifest lines" "$(lines nemo/manifest.json)" "9"
if have jq; then
	same "the manifest is JSON lines" "$(jq -c .duration nemo/manifest.json | wc -l | tr -d ' ')" "9"
	same "offsets into the recordings" "$(jq -r 'select(.text == "好的。我先说一下上周的进度。") | .offset' nemo/manifest.json)" "7.813"
fi
expect_ok "hf (audio cut by default)" export "$P" --format hf --out hf
same "a row per segment" "$(($(lines hf/metadata.csv) - 1))" "9"
if have python3; then
	same "metadata.csv is CSV with audio beside it" "$(cd hf && python3 -c '
import csv, os
rows = list(csv.DictReader(open("metadata.csv", encoding="utf-8")))
print(len(rows), all(os.path.exists(r["file_name"]) for r in rows))')" "9 True"
fi
expect_ok "lhotse" export "$P" --format lhotse --out lhotse
same "supervisions" "$(lines lhotse/supervisions.jsonl)" "9"

# ---- interchange formats ----
for f in textgrid eaf trs srt vtt; do
	expect_ok "$f" export "$P" --format "$f" --out "$f"
	same "$f: a file per recording" "$(ls "$f" | wc -l | tr -d ' ')" "2"
done
expect_ok "stm" export "$P" --format stm --out stm
expect_ok "rttm" export "$P" --format rttm --out rttm
SCHEMA="$TESTS_SRCDIR/../../shared/reference/EAFv3.0.xsd"
if have xmllint && [ -r "$SCHEMA" ]; then
	xmllint --noout --schema "$SCHEMA" eaf/*.eaf 2>xmllint.txt &&
	    pass "EAF is valid against EAFv3.0.xsd" ||
	    fail "EAF is valid against EAFv3.0.xsd" "$(cat xmllint.txt)"
fi
if have ffmpeg; then
	ffmpeg -v error -i srt/meeting.srt -f srt - >/dev/null 2>ff.txt &&
	    pass "ffmpeg reads the SRT" || fail "ffmpeg reads the SRT" "$(cat ff.txt)"
	ffmpeg -v error -i vtt/market.vtt -f webvtt - >/dev/null 2>ff.txt &&
	    pass "ffmpeg reads the WebVTT" || fail "ffmpeg reads the WebVTT" "$(cat ff.txt)"
fi

# ---- filters and refusals ----
expect_ok "--lang yue takes yue-Hant-HK" export "$P" --format kaldi --out yue --lang yue
same "only Cantonese" "$(cut -d' ' -f2 yue/utt2lang | sort -u)" "yue-Hant-HK"
expect_ok "--speaker" export "$P" --format srt --out spk3 --speaker SPK3
same "only SPK3's turns" "$(grep -c '^SPK3: ' spk3/market.srt)" "2"
expect_fail "a non-empty directory" 1 "kaldi is not empty; choose a new directory, or --force" \
    export "$P" --format kaldi --out kaldi
expect_ok "--force writes into it" export "$P" --format kaldi --out kaldi --force
expect_fail "splits of interchange files" 1 "--split is for corpus formats" \
    export "$P" --format textgrid --out x1 --split a=50,b=50
expect_fail "a bad split" 2 "add up to 100" export "$P" --format kaldi --out x2 --split a=50,b=40
expect_fail "a split no speaker is left for" 1 "split '[bc]' would be empty" \
    export "$P" --format nemo --out x6 --split a=98,b=1,c=1
expect_fail "an unknown format" 2 "no output format 'praat'" export "$P" --format praat --out x3
expect_fail "nothing matches" 1 "no segment to export" export "$P" --format kaldi --out x4 --lang fr
expect_fail "accepted segments only" 1 "no segment to export" export "$P" --format kaldi --out x5 --stage accepted
for d in x1 x2 x3 x4 x5 x6; do
	[ -e "$d" ] && fail "no $d left behind" || pass "no $d left behind"
done
same "no temporary directories left" "$(ls -a | grep -c '^\.tingxie-export')" "0"

# ---- hostile names ----
H=hostile.tingxie
mkdir -p "sub dir"
"$TINGXIE" init "$H" >/dev/null || exit 99
cp "$DEMO/audio/market.flac" "sub dir/it's \"market\".flac"
"$TINGXIE" add --name "../a b/..\\\"c\"" "$H" "sub dir/it's \"market\".flac" >/dev/null || exit 99
for s in "../x" "阿芳" "o'k" "a-b" "a"; do
	"$TINGXIE" speakers "$H" add "$s" || exit 99
done
k=0
for s in "../x" "阿芳" "o'k" "a-b" "a"; do
	"$TINGXIE" segments "$H" add --rec 1 --start "$k" --end "$((k + 1))" \
	    --speaker "$s" --text "第$k句" >/dev/null || exit 99
	k=$((k + 2))
done
# An ideographic space (U+3000) in text: Kaldi text takes ASCII spaces.
"$TINGXIE" segments "$H" add --rec 1 --start 10.5 --end 11.5 --speaker a \
    --text "$(printf 'Thank\343\200\200you')" >/dev/null || exit 99
ls -a >before.txt
for f in kaldi textgrid eaf trs srt vtt stm rttm nemo lhotse hf; do
	mkdir -p "out $f"
	expect_ok "hostile names: $f" export "$H" --format "$f" --out "out $f/d"
done
expect_ok "hostile names: kaldi cut" export "$H" --format kaldi --out "out cut" --audio cut
expect_ok "hostile names: validate" validate --format kaldi "out cut"
contains "Unicode spaces become ASCII in Kaldi text" "out cut/text" " Thank you$"
ls -a >after.txt
same "nothing written beside the outputs" "$(comm -13 before.txt after.txt | grep -v -e '^out ' -e '^after.txt$' -e '^hostile.tingxie-' | tr '\n' ' ')" ""
same "every output file is inside its directory" "$(find . -newer before.txt -type f ! -path './out *' ! -name '*.txt' ! -name 'hostile.tingxie*' | wc -l | tr -d ' ')" "0"

# ---- round trips: export, import into a new project, export again ----
for f in textgrid eaf trs srt vtt kaldi; do
	fresh "rt-$f.tingxie"
	if [ "$f" = kaldi ]; then
		expect_ok "import kaldi" import "rt-$f.tingxie" --format kaldi kaldi
	else
		expect_ok "import $f" import "rt-$f.tingxie" --format "$f" "$f"/*
	fi
	expect_ok "export $f again" export "rt-$f.tingxie" --format "$f" --out "again-$f"
	if diff -r "$f" "again-$f" >diff.txt; then
		pass "$f: export, import, export gives the same files"
	else
		fail "$f: export, import, export gives the same files" "$(head -20 diff.txt)"
	fi
	expect_ok "import $f twice adds nothing" import "rt-$f.tingxie" --format "$f" "$( [ $f = kaldi ] && echo kaldi || echo "$f/meeting.$(ls "$f" | head -1 | sed 's/.*\.//')")"
	contains "$f: nothing added twice" out.txt "0 segment\(s\) added"
done

# ---- ASR output as pre-annotation ----
cat >whisper.json <<'JSON'
{"text": " Thank you.", "language": "en", "segments": [
 {"id": 0, "start": 9.62, "end": 11.34, "text": " Thank you, see you tomorrow."}]}
JSON
W=asr.tingxie
fresh "$W"
expect_ok "import whisper" import "$W" --format whisper --rec market whisper.json
contains "one segment" out.txt "1 segment\(s\) added"
same "machine-made, stage new" "$(sqlite3 "$W" "SELECT r.origin, g.stage, g.start FROM revision r JOIN segment g ON g.id = r.segment_id")" "machine|new|153920"

# ---- bad input: the line, and nothing imported ----
printf 'File type = "ooTextFile"\nObject class = "TextGrid"\n\nxmin = 0\nxmax = 2\ntiers? <exists>\nsize = 1\nitem []:\n    item [1]:\n        class = "IntervalTier"\n        name = "A"\n        xmin = 0\n        xmax = 2\n        intervals: size = 1\n        intervals [1]:\n            xmin = 0\n            xmax = 1\n            text = "unterminated\n' >bad.TextGrid
B=bad.tingxie
fresh "$B"
expect_fail "a malformed TextGrid" 1 "bad\.TextGrid:[0-9]+:" import "$B" --format textgrid --rec market bad.TextGrid
same "nothing of it imported" "$(sqlite3 "$B" 'SELECT count(*) FROM segment')" "0"
expect_fail "an unknown recording" 1 "no recording 'nope'" import "$B" --format srt --rec nope srt/market.srt
expect_fail "an output-only format" 2 "no input format 'stm'" import "$B" --format stm stm/corpus.stm

for p in "$P" "$H" "$W" "$B"; do
	integrity "$p"
done
finish
