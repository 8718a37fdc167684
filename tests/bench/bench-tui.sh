#!/bin/sh
# bench-tui.sh TINGXIE SRCDIR: bytes tingxie writes to a 120x40 terminal
# during 10 s of playback (what an SSH link carries), next to the bytes of
# one full draw of the same screen. Needs tmux. Audio goes to the silent
# real-time output (--no-audio), so the playhead moves as with a device.
set -u
TINGXIE=$1 SRCDIR=$2
command -v tmux >/dev/null 2>&1 || { echo "bench-tui: tmux not installed: skipped"; exit 0; }
dir=$(mktemp -d)
sock="tingxie-bench-$$"
T() { tmux -L "$sock" -f /dev/null "$@"; }
trap 'T kill-server 2>/dev/null; rm -rf "$dir"' EXIT
cd "$dir" || exit 1
sh "$SRCDIR/demo/make-project.sh" "$TINGXIE" demo.tingxie >/dev/null || exit 1
: >bytes.out
T new-session -d -x 120 -y 40 -s b \
    "sleep 1; env HOME='$dir' '$TINGXIE' --no-audio demo.tingxie meeting; sleep 600" || exit 1
T pipe-pane -t b -o "cat >>'$dir/bytes.out'"
sleep 3
first=$(wc -c <bytes.out)
T send-keys -t b Tab
sleep 10
T send-keys -t b Tab
sleep 0.5
total=$(wc -c <bytes.out)
play=$((total - first))
rate=$((play / 10))
printf '%-44s %12s %12s %8s  %s\n' benchmark measured baseline ratio target
printf '%-44s %9d B/s %10d B %8.3f  %s\n' \
    "screen bytes, 10 s playback at 120x40" "$rate" "$first" \
    "$(awk -v a="$rate" -v b="$first" 'BEGIN { print a / b }')" "< 4096 B/s"
echo "baseline: one full draw of the same 120x40 screen; ratio: playback bytes per second / full draw"
if [ "$rate" -ge 4096 ]; then
	echo "TARGET MISSED: screen bytes during playback"
fi
