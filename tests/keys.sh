#!/bin/sh
# keys.sh: tingxie keys, with and without a key file.
. "$TESTS_SRCDIR/lib.sh"

TAB=$(printf '\t')

expect_ok "keys" keys
same "53 actions" "$(wc -l <out.txt | tr -d ' ')" "53"
same "play-pause line" "$(grep '^play-pause' out.txt)" \
    "play-pause${TAB}Tab Space${TAB}Play or pause"
same "first line" "$(head -1 out.txt | cut -f1)" "play-pause"
same "last line" "$(tail -1 out.txt | cut -f1,2)" "quit${TAB}C-c q"
same "edit and commit share Enter" "$(grep -E '^(edit|commit)' out.txt | cut -f2)" \
    "$(printf 'Enter i\nEnter')"
cp out.txt defaults.txt

# A key file under XDG_CONFIG_HOME.
mkdir -p config/tingxie
cat >config/tingxie/keys <<'KEYS'
# F4 plays too
play-pause Tab F4
delete-segment none
search C-f /
KEYS
XDG_CONFIG_HOME="$PWD/config"
export XDG_CONFIG_HOME
expect_ok "keys with a key file" keys
same "rebound" "$(grep '^play-pause' out.txt | cut -f2)" "Tab F4"
same "unbound" "$(grep '^delete-segment' out.txt | cut -f1,2)" "delete-segment${TAB}"
same "search" "$(grep '^search' out.txt | cut -f2)" "C-f /"
same "others unchanged" "$(grep '^quit' out.txt)" "$(grep '^quit' defaults.txt)"

expect_ok "keys --defaults" keys --defaults
same "--defaults ignores the file" "$(cat out.txt)" "$(cat defaults.txt)"

# Without XDG_CONFIG_HOME the file is under ~/.config.
unset XDG_CONFIG_HOME
mkdir -p home/.config/tingxie
echo "quit C-q" >home/.config/tingxie/keys
expect_ok "keys from ~/.config" keys
same "~/.config is read" "$(grep '^quit' out.txt | cut -f2)" "C-q"

# --file names another file, which must exist.
printf 'help F2\n' >other-keys
expect_ok "keys --file" keys --file other-keys
same "--file is read" "$(grep '^help' out.txt | cut -f2)" "F2"
same "--file replaces the usual file" "$(grep '^quit' out.txt | cut -f2)" "C-c q"
expect_fail "--file missing" 1 "no-such-file: " keys --file no-such-file

# A broken file: the message names the file and line; exit 1.
XDG_CONFIG_HOME="$PWD/config"
export XDG_CONFIG_HOME
printf '# broken\npaly-pause Tab\n' >config/tingxie/keys
expect_fail "unknown action" 1 "config/tingxie/keys:2: unknown action 'paly-pause'" keys
same "nothing on stdout" "$(cat out.txt)" ""
printf 'play-pause Tab\nreplay F5\n' >config/tingxie/keys
expect_fail "key on two actions" 1 "keys:2: F5 is already bound to play-segment" keys
printf '\nplay-pause C-\n' >config/tingxie/keys
expect_fail "bad key name" 1 "keys:2: 'C-' is not a key name" keys
expect_ok "--defaults with a broken file" keys --defaults

expect_fail "no arguments" 2 "usage: tingxie keys" keys extra
expect_fail "--defaults with --file" 2 "not both" keys --defaults --file x
expect_ok "keys --help" keys --help
contains "--help has usage" out.txt "^usage: tingxie keys"
contains "--help documents the file" out.txt "ACTION KEY"
contains "--help documents key names" out.txt "BSpace"
expect_ok "--help lists keys" --help
contains "top-level help has keys" out.txt "keys"

finish
