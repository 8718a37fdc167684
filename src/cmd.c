/* cmd.c: the command table and helpers shared by the subcommands. */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "i18n.h"
#include "xmalloc.h"

extern const struct cmd_entry cmd_init_entry;
extern const struct cmd_entry cmd_add_entry;
extern const struct cmd_entry cmd_info_entry;
extern const struct cmd_entry cmd_open_entry;
extern const struct cmd_entry cmd_keys_entry;
extern const struct cmd_entry cmd_play_entry;
extern const struct cmd_entry cmd_segments_entry;
extern const struct cmd_entry cmd_check_entry;
extern const struct cmd_entry cmd_export_entry;
extern const struct cmd_entry cmd_import_entry;
extern const struct cmd_entry cmd_validate_entry;
extern const struct cmd_entry cmd_config_entry;
extern const struct cmd_entry cmd_lexicon_entry;
extern const struct cmd_entry cmd_speakers_entry;
extern const struct cmd_entry cmd_vocab_entry;
extern const struct cmd_entry cmd_users_entry;
extern const struct cmd_entry cmd_review_entry;
extern const struct cmd_entry cmd_assign_entry;
extern const struct cmd_entry cmd_task_entry;
extern const struct cmd_entry cmd_history_entry;
extern const struct cmd_entry cmd_qa_entry;
extern const struct cmd_entry cmd_report_entry;

const struct cmd_entry *const cmd_table[] = {
	&cmd_init_entry,
	&cmd_add_entry,
	&cmd_info_entry,
	&cmd_open_entry,
	&cmd_segments_entry,
	&cmd_speakers_entry,
	&cmd_vocab_entry,
	&cmd_lexicon_entry,
	&cmd_users_entry,
	&cmd_assign_entry,
	&cmd_task_entry,
	&cmd_review_entry,
	&cmd_history_entry,
	&cmd_qa_entry,
	&cmd_report_entry,
	&cmd_check_entry,
	&cmd_export_entry,
	&cmd_import_entry,
	&cmd_validate_entry,
	&cmd_config_entry,
	&cmd_play_entry,
	&cmd_keys_entry,
	NULL
};

const struct cmd_entry *
cmd_find(const char *name)
{
	for (int i = 0; cmd_table[i] != NULL; i++) {
		if (strcmp(cmd_table[i]->name, name) == 0)
			return cmd_table[i];
	}
	return NULL;
}

int
cmd_run(const struct cmd_entry *e, int argc, char **argv)
{
	if (e->exec != NULL)
		return e->exec(e, argc, argv);
	return cmd_dispatch(e, e->actions, argc, argv);
}

int
cmd_help(const struct cmd_entry *e)
{
	printf(_("usage: tingxie %s %s\n"), e->name, _(e->usage));
	printf("\n%s\n", _(e->summary));
	if (e->help != NULL && *e->help != '\0')
		printf("\n%s", _(e->help));
	return EXIT_OK;
}

int
cmd_usage(const struct cmd_entry *e, const char *fmt, ...)
{
	va_list	ap;

	if (fmt != NULL) {
		fprintf(stderr, "tingxie %s: ", e->name);
		va_start(ap, fmt);
		vfprintf(stderr, fmt, ap);
		va_end(ap);
		fputc('\n', stderr);
	}
	fprintf(stderr, _("usage: tingxie %s %s\n"), e->name, _(e->usage));
	fprintf(stderr, _("Try 'tingxie %s --help' for more.\n"), e->name);
	return EXIT_USAGE;
}

void
cmd_warn(char *cause)
{
	fprintf(stderr, "tingxie: %s\n", cause);
	free(cause);
}

int
cmd_fail(char *cause)
{
	cmd_warn(cause);
	return EXIT_FAIL;
}

void
cmd_warnings(struct store *s)
{
	const char *const	*w;
	size_t			 n;

	w = store_warnings(s, &n);
	for (size_t i = 0; i < n; i++)
		fprintf(stderr, _("tingxie: warning: %s\n"), w[i]);
}

struct store *
cmd_open(const char *path, enum store_mode mode)
{
	struct store	*s;
	char		*cause = NULL;

	if ((s = store_open(path, mode, &cause)) == NULL)
		cmd_warn(cause);
	else
		cmd_warnings(s);
	return s;
}

int
cmd_tsv_option(const struct cmd_entry *e, int argc, char **argv, int *tsv)
{
	static const struct option opts[] = {
		{ "tsv", no_argument, NULL, 't' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	int	c;

	*tsv = 0;
	while ((c = getopt_long(argc, argv, "th", opts, NULL)) != -1) {
		switch (c) {
		case 't':
			*tsv = 1;
			break;
		case 'h':
			return cmd_help(e);
		default:
			return cmd_usage(e, NULL);
		}
	}
	return -1;
}

int
cmd_number(const char *s, long lo, long hi, long *out)
{
	char	*end;
	long	 v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0' || v < lo || v > hi)
		return -1;
	*out = v;
	return 0;
}

int
cmd_share(const char *s, int64_t *ppm)
{
	size_t	 digits = strspn(s, "0123456789.");
	char	*end;
	double	 v;

	/* digits and a point only: no sign, blanks, "inf" or hex */
	if (digits == 0 || strchr(s, '.') != strrchr(s, '.'))
		return -1;
	if (!(s[digits] == '\0' || (s[digits] == '%' && s[digits + 1] == '\0')))
		return -1;
	if (s[digits] == '\0' && strchr(s, '.') == NULL)
		return -1;	/* "10": 10% or 1000%? */
	errno = 0;
	v = strtod(s, &end);
	if (errno != 0 || end != s + digits || v > 1e9)
		return -1;
	*ppm = llround(s[digits] == '%' ? v * 10000 : v * 1000000);
	return 0;
}

char **
cmd_split(char *list, size_t *n)
{
	char	**items = xcalloc(strlen(list) + 2, sizeof *items), *p;

	*n = 0;
	while ((p = strsep(&list, ",")) != NULL)
		items[(*n)++] = p;
	return items;
}

int
cmd_dispatch(const struct cmd_entry *e, const struct cmd_action *actions,
    int argc, char **argv)
{
	const struct cmd_action	*a = &actions[0];
	struct store		*s;
	char			**av, *saved;
	int			 ac, rc;

	for (int i = 1; i < argc && strcmp(argv[i], "--") != 0; i++) {
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
			return cmd_help(e);
	}
	if (argc < 2 || argv[1][0] == '-')
		return cmd_usage(e, _("give the project first"));
	/* No action, or options straight after the project: the first. */
	if (argc >= 3 && argv[2][0] != '-') {
		for (a = actions; a->name != NULL; a++) {
			if (strcmp(a->name, argv[2]) == 0)
				break;
		}
		if (a->name == NULL)
			return cmd_usage(e, _("unknown action '%s'"), argv[2]);
		ac = argc - 2;
		av = argv + 2;
	} else {
		/* Make room for the action's name as its argv[0]. */
		ac = argc - 1;
		av = argv + 1;
	}
	if ((s = cmd_open(argv[1], a->mode)) == NULL)
		return EXIT_FAIL;
	/* getopt's messages name "tingxie speakers set". */
	saved = av[0];
	xasprintf(&av[0], "tingxie %s %s", e->name, a->name);
	optind = 1;
	rc = a->exec(e, s, ac, av);
	free(av[0]);
	av[0] = saved;
	store_close(s);
	return rc;
}

char *
cmd_optional(const char *arg)
{
	return *arg == '\0' ? NULL : xstrdup(arg);
}
