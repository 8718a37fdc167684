#!/bin/sh
# make-project.sh TINGXIE PROJECT: builds the demo project from the
# committed recordings (audio/*.flac) and segments.tsv. Turns marked as
# transcribed get their words; the others are left for you to type.
set -eu
tingxie=$1 project=$2
here=$(cd "$(dirname "$0")" && pwd)
tab=$(printf '\t')

if [ -e "$project" ]; then
	echo "make-project.sh: $project exists; remove it first" >&2
	exit 1
fi
"$tingxie" init "$project" >/dev/null
# The project's languages, dialect tags and speakers.
for l in "cmn-Hans Mandarin (simplified)" "yue-Hant-HK Cantonese (Hong Kong)" \
    "en English" "en-GB English (British)"; do
	"$tingxie" vocab "$project" add language "${l%% *}" "${l#* }"
done
"$tingxie" vocab "$project" add dialect beijing "Beijing Mandarin"
"$tingxie" vocab "$project" add dialect taiwan "Taiwan Mandarin"
"$tingxie" vocab "$project" add dialect hongkong "Hong Kong Cantonese"
"$tingxie" vocab "$project" add dialect guangzhou "Guangzhou Cantonese"
"$tingxie" speakers "$project" add SPK1 --name "Chair" --gender f \
    --lang cmn-Hans --dialect beijing
"$tingxie" speakers "$project" add SPK2 --name "Engineer" --gender m \
    --lang cmn-Hans
"$tingxie" speakers "$project" add SPK3 --name "Stallholder" --gender f \
    --lang yue-Hant-HK --dialect hongkong
"$tingxie" speakers "$project" add SPK4 --name "Customer" --gender m \
    --lang yue-Hant-HK --dialect guangzhou
"$tingxie" add --lang cmn-Hans "$project" "$here/audio/meeting.flac" >/dev/null
"$tingxie" add --lang yue-Hant-HK "$project" "$here/audio/market.flac" >/dev/null
tail -n +2 "$here/segments.tsv" |
while IFS=$tab read -r rec start end spk lang done text; do
	[ "$done" = yes ] || text=
	"$tingxie" segments "$project" add --rec "$rec" --start "$start" \
	    --end "$end" --speaker "$spk" --lang "$lang" --text "$text" >/dev/null
done
echo "demo project: $project"
