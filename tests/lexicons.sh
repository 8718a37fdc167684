#!/bin/sh
# lexicons.sh: the shipped lexicons are well-formed and cover the demo's
# words; build-lexicons rebuilds them, and the full ones, from the Debian
# packages when those are installed.
. "$TESTS_SRCDIR/lib.sh"

TOP="$TESTS_SRCDIR/.."
LEX="$TOP/lexicons"
BUILD="$LEX/build-lexicons"
FILES="en cmn-Hans yue-Hant"

# check NAME CMD...: the command must succeed; its output explains a failure.
check() {
	name=$1; shift
	if "$@" >check.out 2>&1; then pass "$name"; else fail "$name" "$(head -n 8 check.out)"; fi
}

# entries FILE: the lines that are neither comments nor blank.
entries() { grep -v -e '^#' -e '^$' "$1"; }

# bad_lines FILE: entries with no word, more than 3 fields, a space in the
# word, a pron with stray spaces, or a freq that is not an integer.
bad_lines() {
	entries "$1" | awk -F'\t' '
		NF > 3 || $1 == "" || $1 ~ /[ ]/ { print; next }
		NF >= 2 && ($2 ~ /^ / || $2 ~ / $/ || $2 ~ /  /) { print; next }
		NF == 3 && $3 !~ /^[0-9]+$/ { print }'
}

# none CMD...: the command prints nothing (and succeeds).
none() {
	out=$("$@") || return 1
	[ -z "$out" ] || { printf '%s\n' "$out" | head -n 5; return 1; }
}

# between LOW HIGH N
between() { [ "$3" -ge "$1" ] && [ "$3" -le "$2" ] || { echo "$3 not in $1..$2"; return 1; }; }

have_python=yes
command -v python3 >/dev/null 2>&1 || have_python=no

# ---- the shipped files ----
for l in $FILES; do
	f="$LEX/$l.tsv"
	check "$l.tsv is valid UTF-8" iconv -f UTF-8 -t UTF-8 -o /dev/null "$f"
	check "$l.tsv has 1-3 fields, no spaces in words, integer freqs" none bad_lines "$f"
	check "$l.tsv has no duplicate (word, pron)" none sh -c \
	    "grep -v -e '^#' -e '^\$' '$f' | cut -f1,2 | LC_ALL=C sort | uniq -d"
	words=$(entries "$f" | cut -f1 | LC_ALL=C sort -u | wc -l)
	check "$l.tsv has about 20000 words ($words)" between 19900 20500 "$words"
	bytes=$(wc -c <"$f")
	check "$l.tsv is under 1 MB ($bytes bytes)" between 1 1000000 "$bytes"
	check "$l.tsv names its source, licence and command" sh -c \
	    "grep -q '^# Source: Debian package ' '$f' && grep -q '^# Licen' '$f' &&
	     grep -q '^# Made by: lexicons/build-lexicons --starter 20000 DIR $l\$' '$f'"
done
check "yue-Hant.tsv prons are Jyutping" none sh -c \
    "grep -v '^#' '$LEX/yue-Hant.tsv' | awk -F'\t' 'NF >= 2 && \$2 != \"\" && \$2 !~ /^[a-z]+[1-6]( [a-z]+[1-6])*\$/'"
check "en.tsv prons are ARPAbet with stress" none sh -c \
    "grep -v '^#' '$LEX/en.tsv' | awk -F'\t' 'NF < 2 || \$2 !~ /^([A-Z][A-Z]?[0-2]?)( [A-Z][A-Z]?[0-2]?)*\$/'"
check "en.tsv has hello as in CMUdict" sh -c "grep -qx 'hello	HH AH0 L OW1' '$LEX/en.tsv'"
check "cmn-Hans.tsv has 的 with its count" sh -c "grep -q '^的		[0-9][0-9]*\$' '$LEX/cmn-Hans.tsv'"
check "yue-Hant.tsv has 你 nei5" sh -c "grep -q '^你	nei5	[0-9]' '$LEX/yue-Hant.tsv'"

# The demo's words, as a person would segment them.
demo_words() {
	want=$1 f="$LEX/$2.tsv" missing=
	for w in $want; do
		entries "$f" | cut -f1 | grep -qxF -- "$w" || missing="$missing $w"
	done
	[ -z "$missing" ] || { echo "missing:$missing"; return 1; }
}
check "cmn-Hans.tsv has the demo's words" demo_words \
    "大家 好 今天 我们 讨论 语音识别 语音 识别 的 数据 我 先 说 一下 上周 进度 已经 转写 了 三十 个 小时 录音 很 那 下周 开始 审核" cmn-Hans
check "yue-Hant.tsv has the demo's words" demo_words \
    "早晨 今日 啲 菜 好 新鮮 呢個 呢 個 幾多 錢 一 斤 呀 十 蚊 買 兩 平" yue-Hant
check "en.tsv has the demo's words" demo_words \
    "the english part of corpus is almost done thank you see tomorrow" en

if [ "$have_python" = yes ]; then
	for l in $FILES; do
		check "$l.tsv is NFC" python3 -c '
import sys, unicodedata
bad = [n for n, line in enumerate(open(sys.argv[1], encoding="utf-8"), 1)
       if unicodedata.normalize("NFC", line) != line]
if bad:
    sys.exit("not NFC: lines %s" % bad[:10])' "$LEX/$l.tsv"
	done
	# Each demo turn, segmented with the lexicon of its language (found by
	# dropping subtags: yue-Hant-HK -> yue-Hant), gives words that are all
	# in it: Chinese by the most probable path through the lexicon's words
	# (freq as weight), English by spaces and punctuation.
	python3 - "$TOP/demo/segments.tsv" "$LEX" >segment.txt 2>&1 <<'PY'
import math, os, re, sys, unicodedata

def load(path):
    lex = {}
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line or line.startswith("#"):
            continue
        f = line.split("\t")
        freq = int(f[2]) if len(f) > 2 and f[2] else 0
        lex[f[0]] = max(lex.get(f[0], 0), freq)
    return lex

def find(tag, lexdir):
    parts = tag.split("-")
    while parts:
        p = os.path.join(lexdir, "-".join(parts) + ".tsv")
        if os.path.exists(p):
            return p
        parts.pop()
    return None

def segment(text, lex):
    total = sum(lex.values()) + len(lex)
    longest = max(len(w) for w in lex)
    words = []
    clean = "".join(c if unicodedata.category(c)[0] in "LN" else " " for c in text)
    for run in clean.split():
        n = len(run)
        best = [None] * n + [(0.0, n)]
        for i in range(n - 1, -1, -1):
            paths = []
            for j in range(i + 1, min(n, i + longest) + 1):
                w = run[i:j]
                if w in lex or j == i + 1:
                    p = math.log(lex.get(w, 0) + 1) - math.log(total)
                    paths.append((p + best[j][0], j))
            best[i] = max(paths)
        i = 0
        while i < n:
            words.append(run[i:best[i][1]])
            i = best[i][1]
    return words

demo, lexdir = sys.argv[1], sys.argv[2]
cache = {}
for row in list(open(demo, encoding="utf-8"))[1:]:
    f = row.rstrip("\n").split("\t")
    rec, start, tag, text = f[0], f[1], f[4], f[6]
    path = find(tag, lexdir)
    if path is None:
        print("not ok - demo %s %s (%s): no lexicon" % (rec, start, tag))
        continue
    lex = cache.setdefault(path, load(path))
    if tag.startswith("en"):
        words = re.findall(r"[A-Za-z']+", text)
        out = [w for w in words if w not in lex and w.lower() not in lex]
    else:
        words = segment(text, lex)
        out = [w for w in words if w not in lex]
    name = "demo %s %s (%s) segments into %s's words" % (
        rec, start, tag, os.path.basename(path))
    if out:
        print("not ok - %s" % name)
        print("  segmented: %s; missing: %s" % (" ".join(words), " ".join(out)))
    else:
        print("ok - %s: %s" % (name, " ".join(words)))
PY
	cat segment.txt
	PASSED=$((PASSED + $(grep -c '^ok - ' segment.txt)))
	FAILED=$((FAILED + $(grep -c '^not ok - ' segment.txt)))
	if ! grep -q '^ok - \|^not ok - ' segment.txt; then
		fail "demo segmentation ran" "$(cat segment.txt)"
	fi
else
	echo "# python3 is not installed: skipped the NFC and segmentation checks"
fi

# ---- build-lexicons ----
check "build-lexicons rejects an unknown language" sh -c \
    "! sh '$BUILD' out xx-Latn 2>err.txt && grep -q 'unknown language' err.txt"

need=
[ "$have_python" = yes ] || need="$need python3"
[ -r /usr/lib/python3/dist-packages/jieba/dict.txt ] || need="$need python3-jieba"
[ -r /usr/share/rime-data/jyut6ping3.words.dict.yaml ] || need="$need rime-data-jyut6ping3"
[ -r /usr/share/festival/dicts/cmu/cmudict-0.4.out ] || need="$need festlex-cmu"
[ -d /usr/share/dict/scowl ] || need="$need scowl"
if [ -n "$need" ]; then
	echo "# skipped the build checks: install the Debian packages$need (build-aux/install-deps)"
	finish
fi

check "build-lexicons --starter 20000 runs" sh "$BUILD" --starter 20000 starter
for l in $FILES; do
	# The entries, not the header (it names the packages' versions).
	grep -v '^#' "$LEX/$l.tsv" >"shipped-$l.txt"
	grep -v '^#' "starter/$l.tsv" >"built-$l.txt"
	check "--starter 20000 reproduces the shipped $l.tsv entries (else rerun: sh lexicons/build-lexicons --starter 20000 lexicons)" \
	    cmp "shipped-$l.txt" "built-$l.txt"
done

check "build-lexicons (full) runs" sh "$BUILD" full1
check "build-lexicons (full) runs again" sh "$BUILD" full2 $FILES
for l in $FILES; do
	check "full $l.tsv is deterministic" cmp "full1/$l.tsv" "full2/$l.tsv"
	check "full $l.tsv is well-formed" none bad_lines "full1/$l.tsv"
done
lines() { entries "full1/$1.tsv" | wc -l; }
check "full cmn-Hans.tsv has >300,000 lines ($(lines cmn-Hans))" between 300001 400000 "$(lines cmn-Hans)"
check "full yue-Hant.tsv has >400,000 lines ($(lines yue-Hant))" between 400001 600000 "$(lines yue-Hant)"
check "full en.tsv has >100,000 lines ($(lines en))" between 100001 150000 "$(lines en)"
check "full files say how they were made" sh -c \
    "grep -q '^# Made by: lexicons/build-lexicons DIR cmn-Hans\$' full1/cmn-Hans.tsv"
check "no temporary files are left" none sh -c "ls -A full1 | grep -v '^[a-zA-Z-]*\.tsv\$' || true"

# A missing source names the Debian package to install, and leaves no file.
missing_source() {
	var=$1 package=$2 lang=$3; shift 3
	rm -rf miss
	if env "$var=/nonexistent" sh "$BUILD" "$@" miss "$lang" 2>err.txt; then
		echo "exit 0"; return 1
	fi
	grep -q "install the Debian package $package" err.txt || { cat err.txt; return 1; }
	[ ! -e "miss/$lang.tsv" ] || { echo "miss/$lang.tsv was written"; return 1; }
}
check "no jieba: the error names python3-jieba" missing_source TX_JIEBA_DICT python3-jieba cmn-Hans
check "no Rime data: the error names rime-data-jyut6ping3" missing_source TX_RIME_DIR rime-data-jyut6ping3 yue-Hant
check "no CMU dictionary: the error names festlex-cmu" missing_source TX_CMU_DIR festlex-cmu en
check "no SCOWL: --starter en names scowl" missing_source TX_SCOWL_DIR scowl en --starter 100

finish
