#!/bin/sh
# make-audio.sh: regenerates the demo's recordings with espeak-ng and sox.
#
# Maintainers run this by hand (apt-get install espeak-ng sox flac); its
# output, audio/*.flac and segments.tsv, is committed so that building
# and testing never need a speech synthesiser. Each recording is a few
# turns by two voices with silences between them; segments.tsv records
# where each turn lies, its speaker, language and words.
set -eu
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
RATE=16000
GAP=0.6

printf 'recording\tstart\tend\tspeaker\tlang\ttranscribed\ttext\n' >segments.tsv

# turn RECORDING SPEAKER VOICE LANG TRANSCRIBED TEXT
turn() {
	rec=$1 spk=$2 voice=$3 lang=$4 done=$5 text=$6
	n=$(ls "$tmp/$rec".*.wav 2>/dev/null | wc -l)
	espeak-ng -v "$voice" -s 150 -w "$tmp/raw.wav" "$text"
	sox -q "$tmp/raw.wav" -r $RATE -c 1 -b 16 "$tmp/$rec.$(printf %02d "$n").wav" \
	    silence 1 0.02 0.5% reverse silence 1 0.02 0.5% reverse pad "$GAP" 0
	start=$(cat "$tmp/$rec.pos" 2>/dev/null || echo 0)
	len=$(soxi -D "$tmp/$rec.$(printf %02d "$n").wav")
	s=$(awk -v a="$start" -v g="$GAP" 'BEGIN { printf "%.3f", a + g }')
	e=$(awk -v a="$start" -v l="$len" 'BEGIN { printf "%.3f", a + l }')
	echo "$e" >"$tmp/$rec.pos"
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$rec" "$s" "$e" "$spk" "$lang" "$done" "$text" >>segments.tsv
}

finish() {
	rec=$1
	sox -q "$tmp/$rec".*.wav "$tmp/$rec.wav" pad 0 "$GAP"
	sox -q "$tmp/$rec.wav" -C 8 "audio/$rec.flac"
}

mkdir -p audio
# Mandarin with an English switch: a male and a female voice.
turn meeting SPK1 cmn cmn-Hans yes "大家好，今天我们讨论语音识别的数据。"
turn meeting SPK2 cmn+f3 cmn-Hans yes "好的。我先说一下上周的进度。"
turn meeting SPK1 cmn cmn-Hans no "我们已经转写了三十个小时的录音。"
turn meeting SPK2 en-us+f3 en no "The English part of the corpus is almost done."
turn meeting SPK1 cmn cmn-Hans no "很好，那我们下周开始审核。"
finish meeting

# Cantonese: two voices at a market, then a greeting in English.
turn market SPK3 yue yue-Hant-HK yes "早晨！今日啲菜好新鮮。"
turn market SPK4 yue+f2 yue-Hant-HK no "呢個幾多錢一斤呀？"
turn market SPK3 yue yue-Hant-HK no "十蚊一斤，買兩斤平啲。"
turn market SPK4 en-gb+f2 en-GB no "Thank you, see you tomorrow."
finish market
