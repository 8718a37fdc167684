/* cmd-check.c: tingxie check PROJECT */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "cmd.h"
#include "i18n.h"
#include "timecode.h"

/* Reads --max-length and --min-length: seconds. */
static int
cmd_check_seconds(const struct cmd_entry *e, const char *name,
    const char *arg, double *out)
{
	char	*cause = NULL;

	if (check_setting_valid(name, arg, &cause) == 0) {
		*out = strtod(arg, NULL);
		return 0;
	}
	free(cause);
	cmd_usage(e, _("--%s takes seconds (0 for none), not '%s'"),
	    name + strlen("check."), arg);
	return -1;
}

static int
cmd_check_exec(const struct cmd_entry *e, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "rec", required_argument, NULL, 'r' },
		{ "max-length", required_argument, NULL, 'M' },
		{ "min-length", required_argument, NULL, 'm' },
		{ "no-words", no_argument, NULL, 'W' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct check_options	 o;
	struct check_report	 r;
	struct checker		*c;
	struct store		*s;
	const char		*recname = NULL, *max = NULL, *min = NULL;
	char			*cause = NULL, a[TIMECODE_BUFSIZE],
				 b[TIMECODE_BUFSIZE];
	int			 ch, words = 1, rc;

	while ((ch = getopt_long(argc, argv, "r:M:m:Wh", opts, NULL)) != -1) {
		switch (ch) {
		case 'r':
			recname = optarg;
			break;
		case 'M':
			max = optarg;
			break;
		case 'm':
			min = optarg;
			break;
		case 'W':
			words = 0;
			break;
		case 'h':
			return cmd_help(e);
		default:
			return cmd_usage(e, NULL);
		}
	}
	if (argc - optind != 1)
		return cmd_usage(e, _("give one project"));
	if ((s = cmd_open(argv[optind], STORE_READ)) == NULL)
		return EXIT_FAIL;
	if (check_options_load(s, &o, &cause) != 0) {
		store_close(s);
		return cmd_fail(cause);
	}
	o.words = words;
	if ((max != NULL && cmd_check_seconds(e, "check.max-length", max,
	    &o.max_length) != 0) || (min != NULL && cmd_check_seconds(e,
	    "check.min-length", min, &o.min_length) != 0)) {
		store_close(s);
		return EXIT_USAGE;
	}
	if (recname != NULL && store_recording_id(s, recname,
	    &o.recording_id, &cause) != 0) {
		store_close(s);
		return cmd_fail(cause);
	}
	c = checker_new(s, NULL);
	if (checker_project(c, &o, &r, &cause) != 0) {
		checker_free(c);
		store_close(s);
		return cmd_fail(cause);
	}
	for (size_t i = 0; i < r.n; i++) {
		const struct segment *g = r.problems[i].segment;

		printf("%s:%s-%s: %s\n", g->recording,
		    timecode_sec(g->start, g->rate, a),
		    timecode_sec(g->end, g->rate, b), r.problems[i].message);
	}
	if (r.n > 0)
		fprintf(stderr, _("tingxie: %zu problem(s) in %zu segment(s) "
		    "checked\n"), r.n, r.nsegs);
	rc = r.n > 0 ? EXIT_FAIL : EXIT_OK;
	check_report_free(&r);
	checker_free(c);
	store_close(s);
	return rc;
}

const struct cmd_entry cmd_check_entry = {
	"check",
	N_("[--rec NAME] [--max-length SEC] [--min-length SEC] [--no-words] "
	   "PROJECT"),
	N_("Find problems in the transcriptions."),
	N_("Options:\n"
	   "  -r, --rec NAME         only this recording\n"
	   "      --max-length SEC   longest segment accepted (default: the\n"
	   "                         project's check.max-length, else 30)\n"
	   "      --min-length SEC   shortest segment accepted (default: the\n"
	   "                         project's check.min-length, else 0.1)\n"
	   "      --no-words         do not look words up in the lexicons\n\n"
	   "Reports markup errors (see doc/markup.md), event tags and\n"
	   "languages the project does not have, retired dialects, transcribed\n"
	   "segments with no text, words not in the lexicon of their language,\n"
	   "segments too long or too short, and segments of one speaker that\n"
	   "overlap. Each problem is one line, RECORDING:START-END: PROBLEM,\n"
	   "with times in seconds. Exits 1 if there is any problem.\n"),
	cmd_check_exec,
	NULL
};
