/* cmd-add.c: tingxie add PROJECT FILE... */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audio.h"
#include "cmd.h"
#include "i18n.h"
#include "lang.h"
#include "progress.h"
#include "timecode.h"
#include "xmalloc.h"

/* The default name of a recording: its file name without the extension. */
static char *
cmd_add_name(const char *path)
{
	const char	*base = strrchr(path, '/');
	const char	*dot;

	base = base != NULL ? base + 1 : path;
	dot = strrchr(base, '.');
	if (dot == NULL || dot == base)
		return xstrdup(base);
	return xstrndup(base, (size_t)(dot - base));
}

/* Adds one file; returns 0, 1 when it was there already, -1 on failure. */
static int
cmd_add_one(struct store *s, const char *path, const char *name,
    const char *lang)
{
	struct store_recording	 rec;
	struct audio_scan	 scan;
	struct progress		 pr;
	int64_t			 existing;
	char			*cause = NULL, hms[TIMECODE_BUFSIZE];
	int			 rc = -1;

	memset(&rec, 0, sizeof rec);
	if ((rec.path = store_relativize(s, path, &cause)) == NULL)
		goto fail;
	progress_start(&pr, path);
	rc = audio_scan(path, progress_update, &pr, &scan, &cause);
	progress_end(&pr);
	if (rc != 0)
		goto fail;
	rec.name = name != NULL ? xstrdup(name) : cmd_add_name(path);
	rec.checksum = xstrdup(scan.checksum);
	rec.size = scan.size;
	rec.mtime = scan.mtime;
	rec.format = xstrdup(scan.info.format);
	rec.rate = scan.info.rate;
	rec.channels = scan.info.channels;
	rec.frames = scan.info.frames;
	rec.lang = lang != NULL ? xstrdup(lang) : NULL;
	rc = store_recording_add(s, &rec, scan.peaks, &existing, &cause);
	audio_scan_clear(&scan);
	if (rc != 0) {
		rc = existing != 0 ? 1 : -1;
		goto fail;
	}
	printf(_("added %s: %s, %s, %d Hz, %d channel(s)\n"), rec.name,
	    timecode_hms(rec.frames, rec.rate, hms), rec.format, rec.rate,
	    rec.channels);
	store_recording_clear(&rec);
	return 0;
fail:
	cmd_warn(cause);
	store_recording_clear(&rec);
	return rc;
}

static int
cmd_add_exec(const struct cmd_entry *e, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "name", required_argument, NULL, 'n' },
		{ "lang", required_argument, NULL, 'l' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char	*name = NULL, *lang = NULL;
	struct store	*s;
	char		*cause = NULL;
	int		 c, failed = 0;

	while ((c = getopt_long(argc, argv, "n:l:h", opts, NULL)) != -1) {
		switch (c) {
		case 'n':
			name = optarg;
			break;
		case 'l':
			lang = optarg;
			break;
		case 'h':
			return cmd_help(e);
		default:
			return cmd_usage(e, NULL);
		}
	}
	if (argc - optind < 2)
		return cmd_usage(e, _("give a project and at least one file"));
	if (name != NULL && argc - optind != 2)
		return cmd_usage(e, _("--name names one file only"));
	if (lang != NULL && lang_check(lang, &cause) != 0)
		return cmd_fail(cause);
	if ((s = cmd_open(argv[optind], STORE_WRITE)) == NULL)
		return EXIT_FAIL;
	if (lang != NULL && store_vocab_check(s, VOCAB_LANGUAGE, lang,
	    &cause) != 0) {
		store_close(s);
		return cmd_fail(cause);
	}
	for (int i = optind + 1; i < argc; i++) {
		if (cmd_add_one(s, argv[i], name, lang) < 0)
			failed++;
	}
	store_close(s);
	if (failed > 0 && argc - optind > 2)
		fprintf(stderr, _("tingxie: %d of %d files not added\n"), failed,
		    argc - optind - 1);
	return failed ? EXIT_FAIL : EXIT_OK;
}

const struct cmd_entry cmd_add_entry = {
	"add",
	N_("[--name NAME] [--lang TAG] PROJECT FILE..."),
	N_("Register recordings and build their waveform cache."),
	N_("Options:\n"
	   "  -n, --name NAME  name of the recording (default: the file name\n"
	   "                   without its extension); only with one FILE\n"
	   "  -l, --lang TAG   default language of the recordings (BCP 47)\n\n"
	   "Reads WAV, FLAC, Ogg Vorbis, Opus, MP3 and whatever else the\n"
	   "installed libsndfile reads. Paths are stored relative to the\n"
	   "project file. A file already in the project is reported and\n"
	   "skipped; a file that cannot be read is reported and nothing of\n"
	   "it is added. Exits 1 if any file could not be added.\n"),
	cmd_add_exec,
	NULL
};
