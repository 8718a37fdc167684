#!/bin/sh
# crash-safety.sh: a tingxie killed at any moment leaves a project that
# opens, passes PRAGMA integrity_check, and holds whole changes only.
. "$TESTS_SRCDIR/lib.sh"

"$TXAUDIO" tone big.wav --seconds 120 --rate 44100 --channels 2
"$TXAUDIO" tone small.wav --seconds 5 --rate 16000
"$TINGXIE" init p.tingxie >/dev/null || exit 99
"$TINGXIE" add p.tingxie small.wav >/dev/null || exit 99

# Each round kills, at a different moment, an add of a large file and a
# burst of segment adds (its own process group, so one signal reaches the
# loop and the tingxie it is running), waits until every writer is gone,
# then checks the file.
bad=0
i=0
while [ $i -lt 12 ]; do
	"$TINGXIE" add --name "big$i" p.tingxie big.wav >/dev/null 2>&1 &
	pid=$!
	setsid sh -c '
		j=0
		while [ $j -lt 200 ]; do
			"$1" segments p.tingxie add --rec small --start 0 \
			    --end 1 --text "t$2.$j" >/dev/null 2>&1
			j=$((j + 1))
		done' burst "$TINGXIE" "$i" &
	burst=$!
	sleep "0.$(( (i * 37) % 10 ))$(( i % 10 ))"
	kill -9 "$pid" 2>/dev/null
	kill -9 -- "-$burst" 2>/dev/null
	wait
	while pgrep -g "$burst" >/dev/null 2>&1; do sleep 0.05; done
	r=$(sqlite3 -cmd '.timeout 10000' p.tingxie 'PRAGMA integrity_check' 2>&1)
	if [ "$r" != "ok" ]; then
		fail "integrity after kill $i" "$r"
		bad=$((bad + 1))
	fi
	i=$((i + 1))
done
[ "$bad" -eq 0 ] && pass "integrity after each of 12 kills"

expect_ok "project still opens" info p.tingxie
# Whole changes only: every segment has its revision, every recording its
# complete peak cache.
same "each segment has one revision" \
    "$(sqlite3 p.tingxie 'SELECT count(*) FROM segment s WHERE (SELECT count(*) FROM revision r WHERE r.segment_id = s.id) != 1')" "0"
same "no revision without a segment" \
    "$(sqlite3 p.tingxie 'SELECT count(*) FROM revision r LEFT JOIN segment s ON s.id = r.segment_id WHERE s.id IS NULL')" "0"
same "every recording has its peaks" \
    "$(sqlite3 p.tingxie 'SELECT count(*) FROM recording r WHERE NOT EXISTS (SELECT 1 FROM peak_level l WHERE l.recording_id = r.id AND l.level = 0 AND l.bins * l.chunk_bins > 0 AND (SELECT count(*) FROM peak_chunk c WHERE c.recording_id = r.id AND c.level = 0) = (l.bins + l.chunk_bins - 1) / l.chunk_bins)')" "0"
expect_ok "writing still works" segments p.tingxie add --rec small --start 1 --end 2
finish
