/* cmd-import.c: tingxie import PROJECT --format F FILE... [--rec NAME] */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "cmd.h"
#include "i18n.h"
#include "import.h"

static int
cmd_import_exec(const struct cmd_entry *e, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "rec", required_argument, NULL, 'r' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const struct fmt_ops	*fmt;
	struct import_report	 r;
	struct store		*s;
	const char		*format = NULL, *rec = NULL;
	char			*cause = NULL;
	int			 c, failed = 0;

	while ((c = getopt_long(argc, argv, "f:r:h", opts, NULL)) != -1) {
		switch (c) {
		case 'f':
			format = optarg;
			break;
		case 'r':
			rec = optarg;
			break;
		case 'h':
			return cmd_help(e);
		default:
			return cmd_usage(e, NULL);
		}
	}
	if (format == NULL || argc - optind < 2)
		return cmd_usage(e, _("give a project, --format and at least "
		    "one file"));
	if ((fmt = fmt_find(format)) == NULL || fmt->read == NULL)
		return cmd_usage(e, _("no input format '%s' (see 'tingxie "
		    "import --help')"), format);
	if ((s = cmd_open(argv[optind], STORE_WRITE)) == NULL)
		return EXIT_FAIL;
	/* One transaction per file: a bad file changes nothing. */
	for (int i = optind + 1; i < argc; i++) {
		if (import_file(s, fmt, argv[i], rec, &r, &cause) != 0) {
			cmd_warn(cause);
			cause = NULL;
			failed++;
			continue;
		}
		printf(_("%s: %zu segment(s) added, %zu already there, %zu "
		    "speaker(s) added\n"), argv[i], r.added, r.already,
		    r.speakers);
		for (size_t k = 0; k < r.nnotes; k++)
			printf("%s: %s\n", argv[i], r.notes[k]);
		import_report_free(&r);
	}
	store_close(s);
	return failed > 0 ? EXIT_FAIL : EXIT_OK;
}

const struct cmd_entry cmd_import_entry = {
	"import",
	N_("PROJECT --format F [--rec NAME] FILE..."),
	N_("Read transcripts made by other tools into the project."),
	N_("Formats:\n"
	   "  textgrid  Praat TextGrid (long or short, UTF-8 or UTF-16): each\n"
	   "            interval tier is a speaker, '-' none\n"
	   "  eaf       ELAN: alignable tiers, participants, languages, the\n"
	   "            dialect vocabulary\n"
	   "  trs       Transcriber: speakers and turns\n"
	   "  srt, vtt  subtitles; 'NAME: text' (SRT) and <v NAME> (WebVTT)\n"
	   "            give speakers\n"
	   "  kaldi     a Kaldi data directory (give the directory)\n"
	   "  nemo      NeMo manifest (JSON lines), ASR output\n"
	   "  whisper   Whisper's JSON output\n\n"
	   "Options:\n"
	   "  -f, --format F   the format of the files\n"
	   "  -r, --rec NAME   the recording the segments belong to (default:\n"
	   "                   the one the file names, by recording id or by\n"
	   "                   its audio file's name)\n\n"
	   "Each file is one transaction: a malformed file is reported with\n"
	   "its line (or element) and nothing of it is imported. Speakers the\n"
	   "project lacks are added. Segments already there (same recording,\n"
	   "times, speaker and text) are not added again. NeMo and Whisper\n"
	   "output is marked as machine-made and stays at stage 'new', for\n"
	   "people to correct; other imports with text are 'transcribed'.\n"),
	cmd_import_exec,
	NULL
};
