#!/bin/sh
# play-alsa.sh: tingxie play through real PortAudio and ALSA, with no sound
# hardware: ALSA's default PCM is a file plugin over the null device, so
# every sample played lands in a raw file that is compared with the source.
. "$TESTS_SRCDIR/lib.sh"

capture_audio "$WORK/out.raw"

mkdir audio
"$TXAUDIO" tone audio/tone.wav --seconds 2 --rate 16000 --freq 440
"$TXAUDIO" tone audio/stereo.flac --seconds 3 --rate 44100 --channels 2 --freq 440
"$TINGXIE" init p.tingxie >/dev/null || exit 99
"$TINGXIE" add p.tingxie audio/tone.wav audio/stereo.flac >/dev/null || exit 99

play() {
	rm -f out.raw
	expect_ok "$1" play p.tingxie "$2" ${3+"$@"}
}

# 1.0x: bit-exact, and nothing from ALSA or JACK on the terminal.
rm -f out.raw
expect_ok "play mono wav" play p.tingxie tone
same "no chatter on stderr" "$(cat err.txt)" ""
"$TXAUDIO" compare out.raw audio/tone.wav >cmp.txt
same "mono wav is bit-exact" "$?" "0"
cat cmp.txt

rm -f out.raw
expect_ok "play stereo flac" play p.tingxie stereo
"$TXAUDIO" compare out.raw audio/stereo.flac >cmp.txt
same "stereo flac is bit-exact" "$?" "0"
cat cmp.txt

# One channel, as mono: channel 2 carries 880 Hz.
rm -f out.raw
expect_ok "play channel 2" play p.tingxie stereo --channel 2
"$TXAUDIO" compare out.raw audio/stereo.flac --channel 2 >cmp.txt
same "channel 2 is bit-exact" "$?" "0"

# A stretch: 0.5 s to 1.5 s is 16000 samples.
rm -f out.raw
expect_ok "play a stretch" play p.tingxie tone --from 0.5 --to 1.5
m=$("$TXAUDIO" measure out.raw --rate 16000)
echo "# stretch: $m"
case "$m" in seconds=0.99*|seconds=1.00*) pass "stretch lasts 1 s" ;; *) fail "stretch lasts 1 s" "$m" ;; esac

# 0.5x: twice as long (within 2%), same pitch (within 5 Hz).
for speed in 0.5 2.0; do
	rm -f out.raw
	expect_ok "play at ${speed}x" play p.tingxie tone --speed "$speed"
	m=$("$TXAUDIO" measure out.raw --rate 16000)
	echo "# ${speed}x: $m"
	secs=${m#seconds=}; secs=${secs%% *}
	freq=${m#*freq=}
	want=$(awk -v s="$speed" 'BEGIN { print 2 / s }')
	if awk -v a="$secs" -v w="$want" 'BEGIN { d = a / w - 1; exit !(d < 0.02 && d > -0.02) }'; then
		pass "${speed}x lasts ${want} s (${secs})"
	else
		fail "${speed}x lasts ${want} s" "measured $secs"
	fi
	if awk -v f="$freq" 'BEGIN { exit !(f > 435 && f < 445) }'; then
		pass "${speed}x keeps 440 Hz (${freq})"
	else
		fail "${speed}x keeps 440 Hz" "measured $freq"
	fi
done

# No device at all: one line, exit 3. (ALSA's default names a card that
# does not exist.)
mkdir nodev
printf 'pcm.!default { type hw card 99 }\n' >nodev/.asoundrc
HOME="$WORK/nodev" "$TINGXIE" play p.tingxie tone >out.txt 2>err.txt
same "no device exits 3" "$?" "3"
same "no device says so in one line" "$(wc -l <err.txt)" "1"
contains "no device message" err.txt "no audio output device"

# A missing recording file is a clear error, not a crash.
mv audio/tone.wav audio/gone.wav
expect_fail "missing file" 1 "tone.wav: cannot open" play p.tingxie tone
finish
