/* cmd-vocab.c: tingxie vocab PROJECT [list|add|label|rename|retire|restore] */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "i18n.h"
#include "table.h"

static int
vocab_kind_arg(const struct cmd_entry *e, const char *arg,
    enum vocab_kind *kind)
{
	if (vocab_kind_parse(arg, kind) == 0)
		return 0;
	cmd_usage(e, _("'%s' is not a vocabulary: use dialect, event or "
	    "language"), arg);
	return -1;
}

static int
cmd_vocab_list(const struct cmd_entry *e, struct store *s, int argc,
    char **argv)
{
	static const struct option opts[] = {
		{ "all", no_argument, NULL, 'a' },
		{ "tsv", no_argument, NULL, 't' },
		{ NULL, 0, NULL, 0 }
	};
	const char *headers[] = { _("kind"), _("code"), _("label"), _(">uses"),
	    _("status") };
	struct vocab_item	*items;
	struct table		*t;
	enum vocab_kind		 kind;
	size_t			 n;
	char			*cause = NULL, uses[24];
	int			 c, tsv = 0, all = 0, k, first = 0,
				 last = VOCAB_NKINDS - 1;

	while ((c = getopt_long(argc, argv, "at", opts, NULL)) != -1) {
		switch (c) {
		case 'a':
			all = 1;
			break;
		case 't':
			tsv = 1;
			break;
		default:
			return cmd_usage(e, NULL);
		}
	}
	if (argc - optind > 1)
		return cmd_usage(e, _("vocab list takes at most one KIND"));
	if (argc - optind == 1) {
		if (vocab_kind_arg(e, argv[optind], &kind) != 0)
			return EXIT_USAGE;
		first = last = (int)kind;
	}
	t = table_new(5, headers);
	for (k = first; k <= last; k++) {
		if (store_vocab_list(s, (enum vocab_kind)k, all, &items, &n,
		    &cause) != 0) {
			table_free(t);
			return cmd_fail(cause);
		}
		for (size_t i = 0; i < n; i++) {
			const char *cells[5];

			snprintf(uses, sizeof uses, "%lld",
			    (long long)items[i].uses);
			cells[0] = vocab_kind_name(items[i].kind);
			cells[1] = items[i].code;
			cells[2] = items[i].label;
			cells[3] = uses;
			cells[4] = items[i].retired ? _("retired") : _("active");
			table_add(t, cells);
		}
		vocab_list_free(items, n);
	}
	table_print(t, stdout, tsv);
	table_free(t);
	return EXIT_OK;
}

/* The actions that take KIND CODE [ARG]: nargs counts KIND and CODE. */
static int
vocab_args(const struct cmd_entry *e, int argc, char **argv, int min, int max,
    enum vocab_kind *kind)
{
	if (argc - 1 < min || argc - 1 > max)
		return cmd_usage(e, _("vocab %s needs %s"), argv[0],
		    max == 2 ? _("KIND CODE") : min == 3 ? _("KIND CODE NEW") :
		    _("KIND CODE [LABEL]"));
	if (vocab_kind_arg(e, argv[1], kind) != 0)
		return EXIT_USAGE;
	return 0;
}

static int
cmd_vocab_add(const struct cmd_entry *e, struct store *s, int argc,
    char **argv)
{
	enum vocab_kind	 kind;
	char		*cause = NULL;
	int		 rc;

	if ((rc = vocab_args(e, argc, argv, 2, 3, &kind)) != 0)
		return rc;
	if (store_vocab_add(s, kind, argv[2], argc > 3 ? argv[3] : NULL,
	    &cause) != 0)
		return cmd_fail(cause);
	return EXIT_OK;
}

static int
cmd_vocab_label(const struct cmd_entry *e, struct store *s, int argc,
    char **argv)
{
	enum vocab_kind	 kind;
	char		*cause = NULL;
	int		 rc;

	if ((rc = vocab_args(e, argc, argv, 3, 3, &kind)) != 0)
		return rc;
	if (store_vocab_label(s, kind, argv[2], argv[3], &cause) != 0)
		return cmd_fail(cause);
	return EXIT_OK;
}

static int
cmd_vocab_rename(const struct cmd_entry *e, struct store *s, int argc,
    char **argv)
{
	enum vocab_kind	 kind;
	size_t		 n;
	char		*cause = NULL;
	int		 rc;

	if ((rc = vocab_args(e, argc, argv, 3, 3, &kind)) != 0)
		return rc;
	if (store_vocab_rename(s, kind, argv[2], argv[3], &n, &cause) != 0)
		return cmd_fail(cause);
	printf(_("%s %s renamed to %s: %zu segment(s) rewritten\n"),
	    vocab_kind_name(kind), argv[2], argv[3], n);
	return EXIT_OK;
}

static int
vocab_retire(const struct cmd_entry *e, struct store *s, int argc,
    char **argv, int retired)
{
	enum vocab_kind	 kind;
	char		*cause = NULL;
	int		 rc;

	if ((rc = vocab_args(e, argc, argv, 2, 2, &kind)) != 0)
		return rc;
	if (store_vocab_retire(s, kind, argv[2], retired, &cause) != 0)
		return cmd_fail(cause);
	return EXIT_OK;
}

static int
cmd_vocab_retire(const struct cmd_entry *e, struct store *s, int argc,
    char **argv)
{
	return vocab_retire(e, s, argc, argv, 1);
}

static int
cmd_vocab_restore(const struct cmd_entry *e, struct store *s, int argc,
    char **argv)
{
	return vocab_retire(e, s, argc, argv, 0);
}

static const struct cmd_action cmd_vocab_actions[] = {
	{ "list", STORE_READ, cmd_vocab_list },
	{ "add", STORE_WRITE, cmd_vocab_add },
	{ "label", STORE_WRITE, cmd_vocab_label },
	{ "rename", STORE_WRITE, cmd_vocab_rename },
	{ "retire", STORE_WRITE, cmd_vocab_retire },
	{ "restore", STORE_WRITE, cmd_vocab_restore },
	{ NULL, STORE_READ, NULL }
};

const struct cmd_entry cmd_vocab_entry = {
	"vocab",
	N_("PROJECT [list [KIND]] [--all] [--tsv]\n"
	   "       tingxie vocab PROJECT add KIND CODE [LABEL]\n"
	   "       tingxie vocab PROJECT label KIND CODE LABEL\n"
	   "       tingxie vocab PROJECT rename KIND CODE NEW-CODE\n"
	   "       tingxie vocab PROJECT retire|restore KIND CODE"),
	N_("Manage the controlled vocabularies: dialects, events, languages."),
	N_("Kinds:\n"
	   "  dialect    dialect tags for segments and speakers (codes of ASCII\n"
	   "             letters, digits, '-', '_', '.': e.g. yue-guangzhou)\n"
	   "  event      event tags written in text as [tag] (lower case:\n"
	   "             noise, laugh, ...); new projects start with a set\n"
	   "  language   the project's languages (BCP 47 tags); while the list\n"
	   "             is empty any well-formed tag is accepted\n\n"
	   "Actions:\n"
	   "  list       items with their label, number of uses and status;\n"
	   "             --all includes retired items, --tsv for scripts\n"
	   "  add        a new item, with an optional label\n"
	   "  label      set an item's label\n"
	   "  rename     change an item's code and rewrite every use of it\n"
	   "             (segments, speakers, recordings), a revision for each\n"
	   "             segment changed\n"
	   "  retire     keep an item in old data but refuse it for new uses;\n"
	   "             'tingxie check' reports segments that still use it\n"
	   "  restore    undo a retire\n"),
	NULL,
	cmd_vocab_actions
};
