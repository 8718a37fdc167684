/* cmd-speakers.c: tingxie speakers PROJECT [list|add|set|merge] */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "i18n.h"
#include "table.h"
#include "timecode.h"
#include "xmalloc.h"

static const struct option speaker_opts[] = {
	{ "code", required_argument, NULL, 'c' },
	{ "name", required_argument, NULL, 'n' },
	{ "gender", required_argument, NULL, 'g' },
	{ "lang", required_argument, NULL, 'l' },
	{ "dialect", required_argument, NULL, 'd' },
	{ "notes", required_argument, NULL, 'N' },
	{ NULL, 0, NULL, 0 }
};

/* "female" -> "f" and so on; anything else is kept for the check. */
static char *
speaker_gender(const char *arg)
{
	static const char *const long_names[] = { "female", "male", "other" };

	for (size_t i = 0; i < 3; i++) {
		if (strcmp(arg, long_names[i]) == 0)
			return xstrndup(arg, 1);
	}
	return cmd_optional(arg);
}

/* Applies --name, --gender ... to sp; returns 0, or -1 on a bad option. */
static int
speaker_options(struct speaker *sp, int allow_code, int argc, char **argv)
{
	char	**field;
	int	  c;

	while ((c = getopt_long(argc, argv, "c:n:g:l:d:N:", speaker_opts,
	    NULL)) != -1) {
		switch (c) {
		case 'c':
			if (!allow_code)
				return -1;
			field = &sp->code;
			break;
		case 'n':
			field = &sp->name;
			break;
		case 'g':
			free(sp->gender);
			sp->gender = speaker_gender(optarg);
			continue;
		case 'l':
			field = &sp->native_lang;
			break;
		case 'd':
			field = &sp->dialect;
			break;
		case 'N':
			field = &sp->notes;
			break;
		default:
			return -1;
		}
		free(*field);
		*field = cmd_optional(optarg);
		if (field == &sp->code && sp->code == NULL)
			return -1;
	}
	return 0;
}

static int
cmd_speakers_list(const struct cmd_entry *e, struct store *s, int argc,
    char **argv)
{
	static const struct option opts[] = {
		{ "rec", required_argument, NULL, 'r' },
		{ "tsv", no_argument, NULL, 't' },
		{ NULL, 0, NULL, 0 }
	};
	const char *headers[] = { _("code"), _("name"), _("gender"),
	    _("language"), _("dialect"), _(">segments"), _(">duration"),
	    _("notes") };
	struct speaker		*list;
	struct table		*t;
	size_t			 n;
	int64_t			 rec_id = 0;
	char			*cause = NULL, nseg[24], dur[TIMECODE_BUFSIZE];
	int			 c, tsv = 0;

	while ((c = getopt_long(argc, argv, "r:t", opts, NULL)) != -1) {
		switch (c) {
		case 'r':
			if (store_recording_id(s, optarg, &rec_id, &cause) != 0)
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
	if (store_speaker_list(s, rec_id, &list, &n, &cause) != 0)
		return cmd_fail(cause);
	t = table_new(8, headers);
	for (size_t i = 0; i < n; i++) {
		const char *cells[8];

		snprintf(nseg, sizeof nseg, "%lld", (long long)list[i].nsegments);
		cells[0] = list[i].code;
		cells[1] = list[i].name;
		cells[2] = list[i].gender;
		cells[3] = list[i].native_lang;
		cells[4] = list[i].dialect;
		cells[5] = nseg;
		cells[6] = timecode_hms((int64_t)(list[i].seconds * 1000 + 0.5),
		    1000, dur);
		cells[7] = list[i].notes;
		table_add(t, cells);
	}
	table_print(t, stdout, tsv);
	table_free(t);
	speaker_list_free(list, n);
	return EXIT_OK;
}

static int
cmd_speakers_add(const struct cmd_entry *e, struct store *s, int argc,
    char **argv)
{
	struct speaker	sp;
	char		*cause = NULL;
	int		 rc;

	memset(&sp, 0, sizeof sp);
	if (speaker_options(&sp, 0, argc, argv) != 0) {
		speaker_clear(&sp);
		return cmd_usage(e, NULL);
	}
	if (argc - optind != 1) {
		speaker_clear(&sp);
		return cmd_usage(e, _("speakers add needs one CODE"));
	}
	sp.code = xstrdup(argv[optind]);
	rc = store_speaker_add(s, &sp, &cause) == 0 ? EXIT_OK : cmd_fail(cause);
	speaker_clear(&sp);
	return rc;
}

static int
cmd_speakers_set(const struct cmd_entry *e, struct store *s, int argc,
    char **argv)
{
	struct speaker	sp;
	char		*cause = NULL;
	int		 rc;

	/* Options may come before or after the code: find the code first. */
	optind = 0;
	opterr = 0;
	while (getopt_long(argc, argv, "c:n:g:l:d:N:", speaker_opts,
	    NULL) != -1)
		;
	opterr = 1;
	if (argc - optind != 1)
		return cmd_usage(e, _("speakers set needs one CODE"));
	if (store_speaker_get(s, argv[optind], &sp, &cause) != 0)
		return cmd_fail(cause);
	optind = 0;
	if (speaker_options(&sp, 1, argc, argv) != 0) {
		speaker_clear(&sp);
		return cmd_usage(e, _("--code cannot be empty"));
	}
	rc = store_speaker_update(s, &sp, argv[optind], &cause) == 0 ?
	    EXIT_OK : cmd_fail(cause);
	speaker_clear(&sp);
	return rc;
}

static int
cmd_speakers_merge(const struct cmd_entry *e, struct store *s, int argc,
    char **argv)
{
	size_t	 moved;
	char	*cause = NULL;

	if (argc != 3)
		return cmd_usage(e, _("speakers merge needs FROM and INTO"));
	if (store_speaker_merge(s, argv[1], argv[2], &moved, &cause) != 0)
		return cmd_fail(cause);
	printf(_("%s merged into %s: %zu segment(s) moved\n"), argv[1], argv[2],
	    moved);
	return EXIT_OK;
}

static const struct cmd_action cmd_speakers_actions[] = {
	{ "list", STORE_READ, cmd_speakers_list },
	{ "add", STORE_WRITE, cmd_speakers_add },
	{ "set", STORE_WRITE, cmd_speakers_set },
	{ "merge", STORE_WRITE, cmd_speakers_merge },
	{ NULL, STORE_READ, NULL }
};

const struct cmd_entry cmd_speakers_entry = {
	"speakers",
	N_("PROJECT [list] [--rec NAME] [--tsv]\n"
	   "       tingxie speakers PROJECT add CODE [--name N] [--gender G]\n"
	   "                [--lang TAG] [--dialect CODE] [--notes TEXT]\n"
	   "       tingxie speakers PROJECT set CODE [--code NEW] [--name N] ...\n"
	   "       tingxie speakers PROJECT merge FROM INTO"),
	N_("List, add, change or merge the project's speakers."),
	N_("Actions:\n"
	   "  list     code, name, gender, native language, dialect, number\n"
	   "           of segments and their duration; with --rec, the\n"
	   "           recording's speakers in order of appearance first (the\n"
	   "           order of keys 1-9 in the screen); --tsv for scripts\n"
	   "  add      a new speaker; CODE has no spaces (e.g. SPK1, li_wei)\n"
	   "  set      change a speaker's fields; an empty value clears one\n"
	   "  merge    give all of FROM's segments to INTO (a revision each)\n"
	   "           and retire FROM; old revisions keep FROM's code\n\n"
	   "Fields:\n"
	   "  -c, --code NEW       a new code (set only)\n"
	   "  -n, --name N         full name or description\n"
	   "  -g, --gender G       f, m or o (female, male, other)\n"
	   "  -l, --lang TAG       native language (BCP 47, e.g. yue-Hant-HK)\n"
	   "  -d, --dialect CODE   dialect tag from the project's vocabulary;\n"
	   "                       the default for the speaker's segments\n"
	   "  -N, --notes TEXT     free notes\n"),
	NULL,
	cmd_speakers_actions
};
