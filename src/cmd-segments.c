/* cmd-segments.c: tingxie segments PROJECT [list|add] */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "i18n.h"
#include "table.h"
#include "timecode.h"
#include "xmalloc.h"

static int
cmd_segments_list(const struct cmd_entry *e, struct store *s, int argc,
    char **argv)
{
	static const struct option opts[] = {
		{ "rec", required_argument, NULL, 'r' },
		{ "tsv", no_argument, NULL, 't' },
		{ NULL, 0, NULL, 0 }
	};
	const char *headers[] = { _(">id"), _("recording"), _(">start"),
	    _(">end"), _("speaker"), _("language"), _("dialect"), _("stage"),
	    _("text") };
	struct segment_filter	 f = { 0 };
	struct segment		*segs;
	struct table		*t;
	size_t			 n;
	char			*cause = NULL, id[24], a[TIMECODE_BUFSIZE],
				 b[TIMECODE_BUFSIZE];
	int			 c, tsv = 0;

	while ((c = getopt_long(argc, argv, "r:t", opts, NULL)) != -1) {
		switch (c) {
		case 'r':
			if (store_recording_id(s, optarg, &f.recording_id,
			    &cause) != 0)
				return cmd_fail(cause);
			break;
		case 't':
			tsv = 1;
			break;
		default:
			return cmd_usage(e, NULL);
		}
	}
	if (optind != argc)
		return cmd_usage(e, _("unexpected '%s'"), argv[optind]);
	if (store_segment_list(s, &f, &segs, &n, &cause) != 0)
		return cmd_fail(cause);
	t = table_new(9, headers);
	for (size_t i = 0; i < n; i++) {
		const struct segment *g = &segs[i];
		const char *cells[9];

		snprintf(id, sizeof id, "%lld", (long long)g->id);
		cells[0] = id;
		cells[1] = g->recording;
		cells[2] = timecode_sec(g->start, g->rate, a);
		cells[3] = timecode_sec(g->end, g->rate, b);
		cells[4] = g->speaker;
		cells[5] = g->lang;
		cells[6] = g->dialect;
		cells[7] = segment_stage_name(g->stage);
		cells[8] = g->text;
		table_add(t, cells);
	}
	table_print(t, stdout, tsv);
	table_free(t);
	segment_list_free(segs, n);
	return EXIT_OK;
}

static int
cmd_segments_add(const struct cmd_entry *e, struct store *s, int argc,
    char **argv)
{
	static const struct option opts[] = {
		{ "rec", required_argument, NULL, 'r' },
		{ "start", required_argument, NULL, 's' },
		{ "end", required_argument, NULL, 'e' },
		{ "text", required_argument, NULL, 't' },
		{ "speaker", required_argument, NULL, 'p' },
		{ "lang", required_argument, NULL, 'l' },
		{ "dialect", required_argument, NULL, 'd' },
		{ "channel", required_argument, NULL, 'c' },
		{ NULL, 0, NULL, 0 }
	};
	const char		*recname = NULL, *start = NULL, *end = NULL;
	struct store_recording	 rec;
	struct segment		 seg;
	char			*cause = NULL;
	long			 channel = 0;
	int			 c, rc = EXIT_FAIL;

	memset(&seg, 0, sizeof seg);
	while ((c = getopt_long(argc, argv, "r:s:e:t:p:l:d:c:", opts,
	    NULL)) != -1) {
		switch (c) {
		case 'r':
			recname = optarg;
			break;
		case 's':
			start = optarg;
			break;
		case 'e':
			end = optarg;
			break;
		case 't':
			free(seg.text);
			seg.text = xstrdup(optarg);
			break;
		case 'p':
			free(seg.speaker);
			seg.speaker = xstrdup(optarg);
			break;
		case 'l':
			free(seg.lang);
			seg.lang = xstrdup(optarg);
			break;
		case 'd':
			free(seg.dialect);
			seg.dialect = xstrdup(optarg);
			break;
		case 'c':
			if (cmd_number(optarg, 1, 64, &channel) != 0) {
				segment_clear(&seg);
				return cmd_usage(e, _("--channel takes a "
				    "channel number from 1"));
			}
			channel--;
			break;
		default:
			segment_clear(&seg);
			return cmd_usage(e, NULL);
		}
	}
	if (recname == NULL || start == NULL || end == NULL || optind != argc) {
		segment_clear(&seg);
		return cmd_usage(e, _("segments add needs --rec, --start and "
		    "--end"));
	}
	if (store_recording_find(s, recname, &rec, &cause) != 0) {
		segment_clear(&seg);
		return cmd_fail(cause);
	}
	seg.recording_id = rec.id;
	seg.channel = (int)channel;
	/* A segment given its text has been transcribed. */
	seg.stage = seg.text != NULL && *seg.text != '\0' ? STAGE_TRANSCRIBED :
	    STAGE_NEW;
	if (timecode_parse(start, rec.rate, &seg.start, &cause) != 0 ||
	    timecode_parse(end, rec.rate, &seg.end, &cause) != 0) {
		cmd_warn(cause);
		rc = EXIT_USAGE;
		goto out;
	}
	if (store_segment_create(s, &seg, &cause) != 0) {
		rc = cmd_fail(cause);
		goto out;
	}
	printf("%lld\n", (long long)seg.id);
	rc = EXIT_OK;
out:
	store_recording_clear(&rec);
	segment_clear(&seg);
	return rc;
}

static int
cmd_segments_set(const struct cmd_entry *e, struct store *s, int argc,
    char **argv)
{
	static const struct option opts[] = {
		{ "start", required_argument, NULL, 's' },
		{ "end", required_argument, NULL, 'e' },
		{ "text", required_argument, NULL, 't' },
		{ "speaker", required_argument, NULL, 'p' },
		{ "lang", required_argument, NULL, 'l' },
		{ "dialect", required_argument, NULL, 'd' },
		{ "expect", required_argument, NULL, 'x' },
		{ NULL, 0, NULL, 0 }
	};
	struct segment_edit	 ed = { NULL, NULL, NULL, NULL, -1, -1 };
	struct store_recording	 rec;
	struct segment		 seg;
	const char		*start = NULL, *end = NULL;
	char			*cause = NULL;
	long			 id, expect = 0;
	int			 c, rc;

	while ((c = getopt_long(argc, argv, "s:e:t:p:l:d:", opts,
	    NULL)) != -1) {
		switch (c) {
		case 's':
			start = optarg;
			break;
		case 'e':
			end = optarg;
			break;
		case 't':
			ed.text = optarg;
			break;
		case 'p':
			ed.speaker = optarg;
			break;
		case 'l':
			ed.lang = optarg;
			break;
		case 'd':
			ed.dialect = optarg;
			break;
		case 'x':
			if (cmd_number(optarg, 1, LONG_MAX, &expect) != 0)
				return cmd_usage(e, _("--expect is a version "
				    "number"));
			break;
		default:
			return cmd_usage(e, NULL);
		}
	}
	if (argc - optind != 1 || cmd_number(argv[optind], 1, LONG_MAX,
	    &id) != 0)
		return cmd_usage(e, _("segments set needs one segment ID"));
	if (ed.text == NULL && ed.speaker == NULL && ed.lang == NULL &&
	    ed.dialect == NULL && start == NULL && end == NULL)
		return cmd_usage(e, _("segments set needs something to change: "
		    "--text, --speaker, --lang, --dialect, --start or --end"));
	if (start != NULL || end != NULL) {
		if (store_segment_get(s, id, &seg, &cause) != 0)
			return cmd_fail(cause);
		rc = store_recording_get(s, seg.recording_id, &rec, &cause);
		segment_clear(&seg);
		if (rc != 0)
			return cmd_fail(cause);
		rc = (start != NULL && timecode_parse(start, rec.rate,
		    &ed.start, &cause) != 0) || (end != NULL &&
		    timecode_parse(end, rec.rate, &ed.end, &cause) != 0);
		store_recording_clear(&rec);
		if (rc != 0) {
			cmd_warn(cause);
			return EXIT_USAGE;
		}
	}
	if (store_segment_set(s, id, expect, &ed, &seg, &cause) != 0)
		return cmd_fail(cause);
	printf(_("segment %ld: version %lld\n"), id, (long long)seg.version);
	segment_clear(&seg);
	return EXIT_OK;
}

static const struct cmd_action cmd_segments_actions[] = {
	{ "list", STORE_READ, cmd_segments_list },
	{ "add", STORE_WRITE, cmd_segments_add },
	{ "set", STORE_WRITE, cmd_segments_set },
	{ NULL, STORE_READ, NULL }
};

const struct cmd_entry cmd_segments_entry = {
	"segments",
	N_("PROJECT [list] [--rec NAME] [--tsv]\n"
	   "       tingxie segments PROJECT add --rec NAME --start SEC --end SEC\n"
	   "                [--text T] [--speaker S] [--lang TAG] [--dialect D]\n"
	   "                [--channel N]\n"
	   "       tingxie segments PROJECT set ID [--text T] [--speaker S]\n"
	   "                [--lang TAG] [--dialect D] [--start SEC] [--end SEC]\n"
	   "                [--expect VERSION]"),
	N_("List segments, add one, or change one."),
	N_("Listing options:\n"
	   "  -r, --rec NAME     only the segments of this recording\n"
	   "      --tsv          tab-separated output with a header line\n\n"
	   "Adding options:\n"
	   "  -r, --rec NAME     the recording (name or id)\n"
	   "  -s, --start TIME   start; seconds (12.5), m:ss.mmm or h:mm:ss.mmm\n"
	   "  -e, --end TIME     end, after the start and inside the recording\n"
	   "  -t, --text T       the transcription (UTF-8, stored as NFC)\n"
	   "  -p, --speaker S    speaker code (see 'tingxie speakers')\n"
	   "  -l, --lang TAG     language (BCP 47, e.g. cmn-Hans, yue-Hant-HK),\n"
	   "                     one of the project's if it lists any\n"
	   "  -d, --dialect D    dialect tag from the project's vocabulary\n"
	   "                     (default: the speaker's dialect)\n"
	   "  -c, --channel N    channel of the recording (default 1)\n\n"
	   "Changing: 'set' takes the same options and writes one revision;\n"
	   "an empty --speaker, --lang or --dialect clears it. A new speaker\n"
	   "brings their dialect unless --dialect is given. It prints the\n"
	   "segment's new version.\n"
	   "      --expect V     only if the segment is still at version V\n"
	   "                     (see 'tingxie history'); otherwise nothing\n"
	   "                     changes and the command fails\n\n"
	   "Listing shows id, recording, start and end in seconds, speaker,\n"
	   "language, dialect, stage and text. 'add' prints the new id.\n"),
	NULL,
	cmd_segments_actions
};
