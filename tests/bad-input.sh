#!/bin/sh
# bad-input.sh: every kind of bad input gets one clear line and changes
# nothing.
. "$TESTS_SRCDIR/lib.sh"

"$TXAUDIO" tone good.wav --seconds 2 --rate 16000
"$TINGXIE" init p.tingxie >/dev/null || exit 99
before=$(sqlite3 p.tingxie .dump | md5sum)

# Audio that cannot be added.
: >empty.wav
head -c 5000 /dev/urandom >garbage.wav
"$TXAUDIO" tone long.wav --seconds 3 --rate 16000
head -c 40000 long.wav >truncated.wav
"$TXAUDIO" tone long.flac --seconds 3 --rate 16000
head -c "$(($(wc -c <long.flac) / 2))" long.flac >truncated.flac
expect_fail "empty file" 1 "empty.wav: the file is empty" add p.tingxie empty.wav
expect_fail "garbage file" 1 "garbage.wav: not an audio file" add p.tingxie garbage.wav
expect_fail "truncated wav" 1 "truncated.wav: the file is truncated" add p.tingxie truncated.wav
expect_fail "truncated flac" 1 "truncated.flac: .*(truncated|damaged)" add p.tingxie truncated.flac
expect_fail "missing file" 1 "nowhere.wav: No such file" add p.tingxie nowhere.wav
mkdir adir
expect_fail "directory" 1 "adir" add p.tingxie adir
same "nothing was added" "$(sqlite3 p.tingxie .dump | md5sum)" "$before"

# One bad file among good ones: the good one is added, exit 1.
expect_fail "mixed batch" 1 "1 of 2 files not added" add p.tingxie good.wav garbage.wav
same "good one added" "$(sqlite3 p.tingxie 'SELECT name FROM recording')" "good"
expect_ok "same file twice is a notice" add p.tingxie good.wav
contains "duplicate reported" err.txt "already in the project as 'good'"
cp good.wav copy.wav
expect_ok "same audio under another name" add p.tingxie copy.wav
contains "same content reported" err.txt "same audio is already in the project as 'good'"
mkdir other && cp long.wav other/good.wav
expect_fail "name clash" 1 "named 'good' exists already.*--name" add p.tingxie other/good.wav
expect_ok "--name resolves it" add --name good2 p.tingxie other/good.wav
same "two recordings" "$(sqlite3 p.tingxie 'SELECT count(*) FROM recording')" "2"

# Projects that cannot be opened.
expect_fail "missing project" 1 "nope.tingxie: no such project" info nope.tingxie
echo "just text" >text.tingxie
expect_fail "not a project" 1 "text.tingxie: not a tingxie project" info text.tingxie
same "text file untouched" "$(cat text.tingxie)" "just text"
sqlite3 other.db 'CREATE TABLE t(x)'
expect_fail "another database" 1 "other.db: not a tingxie project" add other.db good.wav
cp p.tingxie newer.tingxie
sqlite3 newer.tingxie 'PRAGMA user_version = 999'
expect_fail "newer project" 1 "newer.tingxie: made by a newer tingxie" info newer.tingxie
expect_fail "init over a file" 1 "p.tingxie: already exists" init p.tingxie

# A read-only project: reading works, writing is refused with a reason.
if [ "$(id -u)" -ne 0 ]; then
	chmod 444 p.tingxie
	expect_ok "read-only project reads" info p.tingxie
	expect_fail "read-only project refuses writes" 1 "read-only" \
	    segments p.tingxie add --rec good --start 0 --end 1
	chmod 644 p.tingxie
elif su nobody -s /bin/sh -c "test -x '$TINGXIE'" 2>/dev/null; then
	# root writes anything: act as nobody on a copy in a fresh directory.
	ro=$(mktemp -d /tmp/tx-ro-XXXXXX)
	chmod 755 "$ro"
	"$TINGXIE" users p.tingxie add nobody --role transcriber >/dev/null
	cp p.tingxie "$ro/"
	chmod 644 "$ro/p.tingxie"
	su nobody -s /bin/sh -c "'$TINGXIE' info '$ro/p.tingxie'" >out.txt 2>err.txt
	same "read-only project reads (as nobody)" "$?" "0"
	su nobody -s /bin/sh -c "'$TINGXIE' segments '$ro/p.tingxie' add --rec good --start 0 --end 1" >out.txt 2>err.txt
	contains "read-only project refuses writes (as nobody)" err.txt "read-only"
	rm -rf "$ro"
else
	echo "# skipped read-only checks: nobody cannot run $TINGXIE"
fi

# Bad segment arguments.
expect_fail "end before start" 1 "must be after its start" segments p.tingxie add --rec good --start 1.5 --end 1
expect_fail "past the end" 1 "past the end of 'good'" segments p.tingxie add --rec good --start 1 --end 2.5
expect_fail "bad time" 2 "'1,5' is not a time" segments p.tingxie add --rec good --start 1,5 --end 2
expect_fail "bad language" 1 "'en_GB' is not a well-formed BCP 47" segments p.tingxie add --rec good --start 0 --end 1 --lang en_GB
expect_fail "bad channel" 1 "channel 2 does not exist" segments p.tingxie add --rec good --start 0 --end 1 --channel 2
expect_fail "a recording name with a line break" 1 "must be one line of text" \
    add --name "$(printf 'a\nb')" p.tingxie good.wav
expect_fail "unknown recording" 1 "no recording 'zzz'" segments p.tingxie add --rec zzz --start 0 --end 1
expect_fail "invalid UTF-8" 1 "not valid UTF-8" segments p.tingxie add --rec good --start 0 --end 1 --text "$(printf 'ab\377')"
expect_fail "newline in text" 1 "control character U\+000A" segments p.tingxie add --rec good --start 0 --end 1 --text "$(printf 'a\nb')"
expect_fail "missing --end" 2 "needs --rec, --start and --end" segments p.tingxie add --rec good --start 0
same "no segment was written" "$(sqlite3 p.tingxie 'SELECT count(*) FROM segment')" "0"

# Play: bad arguments are usage errors.
expect_fail "speed out of range" 2 "--speed takes a number from 0.5 to 2.0" play p.tingxie good --speed 3
expect_fail "from past the end" 2 "past the end" play p.tingxie good --from 10
expect_fail "to before from" 2 "after --from" play p.tingxie good --from 1 --to 0.5

# A recording whose file moved or changed is reported.
mv good.wav moved.wav
expect_ok "info with a missing file" info p.tingxie
contains "missing is marked" out.txt "good .*missing"
contains "missing is explained" err.txt "missing or changed"
"$TXAUDIO" tone good.wav --seconds 2 --rate 16000 --freq 300
expect_ok "info with a changed file" info p.tingxie
contains "changed is marked" out.txt "good .*changed"
cp moved.wav good.wav
touch -d '2001-01-01' good.wav
expect_ok "info with a touched but same file" info p.tingxie
if grep -Eq "good .*(changed|missing)" out.txt; then fail "touched file is fine"; else pass "touched file is fine"; fi

integrity p.tingxie
finish
