/* cmd-export.c: tingxie export PROJECT --format F --out DIR */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "export.h"
#include "i18n.h"
#include "progress.h"
#include "table.h"
#include "xmalloc.h"

enum {
	OPT_EVENTS = 1000,
	OPT_UNCLEAR,
	OPT_TRUNCATED,
	OPT_FILLERS,
	OPT_PUNCT,
	OPT_SEED
};

/* keep, drop or map=TOKEN, for --events and the like. */
static int
cmd_export_norm(const char *arg, int *how, const char **map)
{
	if (strcmp(arg, "keep") == 0)
		*how = MARKUP_NORM_KEEP;
	else if (strcmp(arg, "drop") == 0)
		*how = MARKUP_NORM_DROP;
	else if (strncmp(arg, "map=", 4) == 0 && arg[4] != '\0' &&
	    strpbrk(arg + 4, " \t") == NULL) {
		*how = MARKUP_NORM_MAP;
		*map = arg + 4;
	} else
		return -1;
	return 0;
}

static void
cmd_export_progress(void *arg, size_t done, size_t total)
{
	progress_update(arg, (int64_t)done, (int64_t)total);
}

static void
cmd_export_table(const char *title, const struct export_counts *c)
{
	const char *headers[] = { title, _(">segments"), _(">hours") };
	struct table	*t;
	char		 n[24], h[24];

	if (c->n == 0)
		return;
	t = table_new(3, headers);
	for (size_t i = 0; i < c->n; i++) {
		const char *cells[3];

		snprintf(n, sizeof n, "%zu", c->v[i].n);
		snprintf(h, sizeof h, "%.3f", c->v[i].seconds / 3600);
		cells[0] = *c->v[i].key != '\0' ? c->v[i].key : _("(all)");
		cells[1] = n;
		cells[2] = h;
		table_add(t, cells);
	}
	fputc('\n', stdout);
	table_print(t, stdout, 0);
	table_free(t);
}

static void
cmd_export_summary(const struct export_options *o,
    const struct export_summary *sum)
{
	printf(_("exported %zu segment(s), %.3f hours, at stage %s or later, "
	    "to %s\n"), sum->nsegs, sum->seconds / 3600,
	    segment_stage_name((enum segment_stage)sum->stage), o->out);
	if (o->nsplits > 0)
		cmd_export_table(_("split"), &sum->splits);
	cmd_export_table(_("language"), &sum->langs);
	cmd_export_table(_("dialect"), &sum->dialects);
	cmd_export_table(_("skipped"), &sum->skipped);
}

/*
 * Parses the options into o; returns EXIT_OK to go on, -1 when --help was
 * shown, or an exit code.
 */
static int
cmd_export_options(const struct cmd_entry *e, int argc, char **argv,
    struct export_options *o)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "out", required_argument, NULL, 'o' },
		{ "force", no_argument, NULL, 'F' },
		{ "stage", required_argument, NULL, 's' },
		{ "lang", required_argument, NULL, 'l' },
		{ "dialect", required_argument, NULL, 'd' },
		{ "speaker", required_argument, NULL, 'p' },
		{ "rec", required_argument, NULL, 'r' },
		{ "audio", required_argument, NULL, 'a' },
		{ "rate", required_argument, NULL, 'R' },
		{ "flac", no_argument, NULL, 'L' },
		{ "pad", required_argument, NULL, 'P' },
		{ "text", required_argument, NULL, 't' },
		{ "words", no_argument, NULL, 'w' },
		{ "split", required_argument, NULL, 'S' },
		{ "seed", required_argument, NULL, OPT_SEED },
		{ "events", required_argument, NULL, OPT_EVENTS },
		{ "unclear", required_argument, NULL, OPT_UNCLEAR },
		{ "truncated", required_argument, NULL, OPT_TRUNCATED },
		{ "fillers", required_argument, NULL, OPT_FILLERS },
		{ "punct", required_argument, NULL, OPT_PUNCT },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	enum segment_stage	 st;
	char			*cause = NULL, *end;
	long			 n;
	double			 pad;
	int			 c, audio_set = 0;

	memset(o, 0, sizeof *o);
	o->stage = -1;
	o->rate = 16000;
	/* For --text asr: events and broken words out, words kept. */
	o->norm.events = MARKUP_NORM_DROP;
	o->norm.truncated = MARKUP_NORM_DROP;
	o->norm.punct = MARKUP_NORM_DROP;
	while ((c = getopt_long(argc, argv, "f:o:Fs:l:d:p:r:a:R:LP:t:wS:h",
	    opts, NULL)) != -1) {
		switch (c) {
		case 'f':
			o->format = optarg;
			break;
		case 'o':
			o->out = optarg;
			break;
		case 'F':
			o->force = 1;
			break;
		case 's':
			if (segment_stage_parse(optarg, &st) != 0)
				return cmd_usage(e, _("--stage is new, "
				    "transcribed, reviewed or accepted"));
			o->stage = (int)st;
			break;
		case 'l':
			o->lang = optarg;
			break;
		case 'd':
			o->dialect = optarg;
			break;
		case 'p':
			o->speaker = optarg;
			break;
		case 'r':
			o->rec = optarg;
			break;
		case 'a':
			if (strcmp(optarg, "ref") == 0)
				o->audio = EXPORT_AUDIO_REF;
			else if (strcmp(optarg, "cut") == 0)
				o->audio = EXPORT_AUDIO_CUT;
			else
				return cmd_usage(e, _("--audio is ref or cut"));
			audio_set = 1;
			break;
		case 'R':
			if (cmd_number(optarg, 8000, 192000, &n) != 0)
				return cmd_usage(e, _("--rate takes a sample "
				    "rate from 8000 to 192000"));
			o->rate = (int)n;
			break;
		case 'L':
			o->flac = 1;
			break;
		case 'P':
			pad = strtod(optarg, &end);
			if (end == optarg || *end != '\0' || !(pad >= 0 &&
			    pad <= 10))
				return cmd_usage(e, _("--pad takes 0 to 10 "
				    "seconds"));
			o->pad = pad;
			break;
		case 't':
			if (strcmp(optarg, "markup") == 0)
				o->text = EXPORT_TEXT_MARKUP;
			else if (strcmp(optarg, "asr") == 0)
				o->text = EXPORT_TEXT_ASR;
			else
				return cmd_usage(e, _("--text is markup or "
				    "asr"));
			break;
		case 'w':
			o->words = 1;
			break;
		case 'S':
			if (export_parse_splits(o, optarg, &cause) != 0) {
				cmd_warn(cause);
				return EXIT_USAGE;
			}
			break;
		case OPT_SEED:
			o->seed = strtoull(optarg, &end, 10);
			if (end == optarg || *end != '\0')
				return cmd_usage(e, _("--seed takes a whole "
				    "number"));
			break;
		case OPT_EVENTS:
		case OPT_UNCLEAR:
		case OPT_TRUNCATED:
		case OPT_FILLERS:
		case OPT_PUNCT: {
			int		*how[] = { &o->norm.events,
					    &o->norm.unclear,
					    &o->norm.truncated,
					    &o->norm.fillers, &o->norm.punct };
			const char	**map[] = { &o->norm.event_map,
					    &o->norm.unclear_map,
					    &o->norm.truncated_map,
					    &o->norm.filler_map, NULL };
			const char	*ignored;
			int		 k = c - OPT_EVENTS;

			if (cmd_export_norm(optarg, how[k], map[k] != NULL ?
			    map[k] : &ignored) != 0 || (map[k] == NULL &&
			    *how[k] == MARKUP_NORM_MAP))
				return cmd_usage(e, _("'%s' is not keep, drop "
				    "or map=TOKEN"), optarg);
			break;
		}
		case 'h':
			cmd_help(e);
			return -1;	/* done: nothing to export */
		default:
			return cmd_usage(e, NULL);
		}
	}
	if (argc - optind != 1 || o->format == NULL || o->out == NULL)
		return cmd_usage(e, _("give one project, --format and --out"));
	/* Audio folders hold audio: cut it unless told otherwise. */
	if (!audio_set && strcmp(o->format, "hf") == 0)
		o->audio = EXPORT_AUDIO_CUT;
	return EXIT_OK;
}

static int
cmd_export_exec(const struct cmd_entry *e, int argc, char **argv)
{
	struct export_options	 o;
	struct export_summary	 sum;
	const struct fmt_ops	*fmt;
	struct progress		 pr;
	struct store		*s;
	char			*cause = NULL;
	int			 rc;

	if ((rc = cmd_export_options(e, argc, argv, &o)) != EXIT_OK)
		return rc == -1 ? EXIT_OK : rc;
	if ((fmt = fmt_find(o.format)) == NULL || fmt->write == NULL)
		return cmd_usage(e, _("no output format '%s' (see 'tingxie "
		    "export --help')"), o.format);
	if ((s = cmd_open(argv[optind], STORE_READ)) == NULL)
		return EXIT_FAIL;
	progress_start(&pr, _("exporting"));
	rc = export_run(s, fmt, &o, cmd_export_progress, &pr, &sum, &cause);
	progress_end(&pr);
	store_close(s);
	if (rc != 0)
		return cmd_fail(cause);
	cmd_export_summary(&o, &sum);
	export_summary_free(&sum);
	return EXIT_OK;
}

const struct cmd_entry cmd_export_entry = {
	"export",
	N_("PROJECT --format F --out DIR [--force] [filters] [options]"),
	N_("Write segments as an ASR corpus or as interchange files."),
	N_("Formats:\n"
	   "  kaldi     Kaldi data directory (wav.scp, segments, text, utt2spk,\n"
	   "            spk2utt, spk2gender, utt2lang, reco2file_and_channel,\n"
	   "            lexicon.txt, oov.txt), checked by Kaldi's rules\n"
	   "  nemo      NeMo manifest (manifest.json, JSON lines)\n"
	   "  hf        Hugging Face audiofolder (metadata.csv and audio)\n"
	   "  lhotse    Lhotse recordings.jsonl and supervisions.jsonl\n"
	   "  textgrid  Praat TextGrid, one per recording, a tier per speaker\n"
	   "  eaf       ELAN 3.0, one per recording, a tier per speaker\n"
	   "  trs       Transcriber, one per recording\n"
	   "  srt, vtt  subtitles, one per recording\n"
	   "  stm, rttm NIST scoring references, one file\n\n"
	   "Which segments:\n"
	   "  -s, --stage S     at least this stage (default: accepted once any\n"
	   "                    segment is reviewed, else transcribed)\n"
	   "  -l, --lang TAG    this language (yue also takes yue-Hant-HK)\n"
	   "  -d, --dialect D   this dialect (the segment's, else its speaker's)\n"
	   "  -p, --speaker S   this speaker\n"
	   "  -r, --rec NAME    this recording\n\n"
	   "Audio (corpus formats):\n"
	   "  -a, --audio ref   point at the recordings with offsets (default;\n"
	   "                    hf: cut)\n"
	   "  -a, --audio cut   one mono file per segment in DIR/audio\n"
	   "  -R, --rate N      sample rate of cut files (default 16000)\n"
	   "  -L, --flac        cut files are FLAC (default WAV)\n"
	   "  -P, --pad SEC     seconds of audio added before and after\n\n"
	   "Text:\n"
	   "  -t, --text markup   as transcribed, markup kept (default)\n"
	   "  -t, --text asr      normalised for training: code-switch tags\n"
	   "                      removed, and by default events, broken-off\n"
	   "                      words and punctuation dropped, unclear words\n"
	   "                      and fillers kept (without the markup)\n"
	   "      --events, --unclear, --truncated, --fillers  keep, drop or\n"
	   "                      map=TOKEN (e.g. --events map='<noise>')\n"
	   "      --punct keep|drop\n"
	   "  -w, --words         separate Chinese (and other unspaced) words\n"
	   "                      with spaces, using the lexicons\n\n"
	   "Splits (corpus formats):\n"
	   "  -S, --split train=80,dev=10,test=10   one directory per split,\n"
	   "                    by speaker (no speaker in two), balanced by\n"
	   "                    duration\n"
	   "      --seed N      the same seed gives the same splits\n\n"
	   "Output:\n"
	   "  -o, --out DIR     a new or empty directory, built aside and put\n"
	   "                    in place when complete\n"
	   "  -F, --force       write into a non-empty DIR (files of the same\n"
	   "                    name are replaced, each whole)\n\n"
	   "Ids are made of letters, digits, '.', '_' (and '-' in utterance\n"
	   "ids), whatever the names; a name that had other characters gets a\n"
	   "short hash so ids stay distinct. A summary says how many segments\n"
	   "and hours went where, and what was skipped and why.\n"),
	cmd_export_exec,
	NULL
};
