# tmux.sh: driving the screen in tmux, for the screen tests (sourced after
# lib.sh). Builds the demo project; start [ENV...] opens it on "market".
if ! command -v tmux >/dev/null 2>&1; then
	echo "# tmux is not installed: skipped"
	exit 77
fi
SOCK="tingxie-test-$$"
T() { tmux -L "$SOCK" -f /dev/null "$@"; }
# The other user of the conflict test has a tmux server of their own.
T2() { tmux -L "$SOCK-2" -f /dev/null "$@"; }
trap 'T kill-server 2>/dev/null; T2 kill-server 2>/dev/null' EXIT

capture_audio "$WORK/out.raw"
sh "$TESTS_SRCDIR/../demo/make-project.sh" "$TINGXIE" demo.tingxie >/dev/null || exit 99
DEMO_AUDIO="$TESTS_SRCDIR/../demo/audio"
# The shipped lexicons, whatever is installed on this machine.
TINGXIE_LEXICONS="$TESTS_SRCDIR/../lexicons"; export TINGXIE_LEXICONS

# start [ENV...]: opens the screen on the demo's market recording.
start() {
	rm -f exit.txt
	T kill-server 2>/dev/null
	while T list-sessions >/dev/null 2>&1; do sleep 0.1; done
	T new-session -d -x 120 -y 40 -s tx \
	    "env HOME='$HOME' $* '$TINGXIE' demo.tingxie market; echo EXIT=\$? >exit.txt; sleep 600"
	T set-option -g window-size manual >/dev/null 2>&1
}
shot() { T capture-pane -p -t tx >screen.txt; }
# wait_for NAME PATTERN: the screen shows PATTERN within 5 s.
wait_for() {
	n=0
	while [ $n -lt 50 ]; do
		shot
		if grep -Eq -- "$2" screen.txt; then pass "$1"; return 0; fi
		sleep 0.1
		n=$((n + 1))
	done
	fail "$1" "screen lacks /$2/:" "$(cat screen.txt)"
	return 1
}
keys() { T send-keys -t tx "$@"; sleep 0.3; }
# signal SIG: sends SIG to the tingxie running in the pane (only that one).
signal() {
	pane=$(T display-message -p -t tx '#{pane_pid}')
	pkill "-$1" -P "$pane" -x tingxie
}
text() { T send-keys -t tx -l "$1"; sleep 0.3; }
