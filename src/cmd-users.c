/* cmd-users.c: tingxie users PROJECT [list|add|set-role] */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cmd.h"
#include "i18n.h"
#include "role.h"
#include "table.h"
#include "xmalloc.h"

static int
cmd_users_list(const struct cmd_entry *e, struct store *s, int argc,
    char **argv)
{
	const char *headers[] = { _("login"), _("role"), _(">uid"),
	    _("since"), _(">revisions"), "" };
	struct store_user	*list;
	struct table		*t;
	size_t			 n;
	char			*cause = NULL, uid[24], revs[24], since[32];
	int			 rc, tsv = 0;

	if ((rc = cmd_tsv_option(e, argc, argv, &tsv)) >= 0)
		return rc;
	if (optind != argc)
		return cmd_usage(e, _("unexpected '%s'"), argv[optind]);
	if (store_user_list(s, &list, &n, &cause) != 0)
		return cmd_fail(cause);
	t = table_new(6, headers);
	for (size_t i = 0; i < n; i++) {
		const char	*cells[6];
		time_t		 when = (time_t)(list[i].created / 1000);
		struct tm	 tm;

		if (list[i].uid >= 0)
			snprintf(uid, sizeof uid, "%lld",
			    (long long)list[i].uid);
		else
			uid[0] = '\0';
		snprintf(revs, sizeof revs, "%lld", (long long)list[i].revisions);
		if (localtime_r(&when, &tm) == NULL ||
		    strftime(since, sizeof since, "%Y-%m-%d", &tm) == 0)
			since[0] = '\0';
		cells[0] = list[i].login;
		cells[1] = role_name(list[i].role);
		cells[2] = uid;
		cells[3] = since;
		cells[4] = revs;
		cells[5] = strcmp(list[i].login, store_login(s)) == 0 ?
		    _("(you)") : NULL;
		table_add(t, cells);
	}
	table_print(t, stdout, tsv);
	table_free(t);
	store_user_list_free(list, n);
	return EXIT_OK;
}

static int
cmd_users_role(const struct cmd_entry *e, const char *name, enum role *role)
{
	if (role_parse(name, role) == 0)
		return 0;
	cmd_usage(e, _("'%s' is not a role: transcriber, reviewer, linguist "
	    "or admin"), name);
	return -1;
}

static int
cmd_users_add(const struct cmd_entry *e, struct store *s, int argc,
    char **argv)
{
	static const struct option opts[] = {
		{ "role", required_argument, NULL, 'r' },
		{ NULL, 0, NULL, 0 }
	};
	enum role	 role = ROLE_TRANSCRIBER;
	char		*cause = NULL;
	int		 c, have = 0;

	while ((c = getopt_long(argc, argv, "r:", opts, NULL)) != -1) {
		if (c != 'r')
			return cmd_usage(e, NULL);
		if (cmd_users_role(e, optarg, &role) != 0)
			return EXIT_USAGE;
		have = 1;
	}
	if (argc - optind != 1)
		return cmd_usage(e, _("users add needs one LOGIN"));
	if (!have)
		return cmd_usage(e, _("give the new user's --role"));
	if (store_user_add(s, argv[optind], role, &cause) != 0)
		return cmd_fail(cause);
	printf(_("%s added as %s\n"), argv[optind], role_name(role));
	return EXIT_OK;
}

static int
cmd_users_set_role(const struct cmd_entry *e, struct store *s, int argc,
    char **argv)
{
	enum role	 role;
	char		*cause = NULL;

	if (argc != 3)
		return cmd_usage(e, _("users set-role needs LOGIN and ROLE"));
	if (cmd_users_role(e, argv[2], &role) != 0)
		return EXIT_USAGE;
	if (store_user_set_role(s, argv[1], role, &cause) != 0)
		return cmd_fail(cause);
	printf(_("%s is now %s\n"), argv[1], role_name(role));
	return EXIT_OK;
}

static const struct cmd_action cmd_users_actions[] = {
	{ "list", STORE_READ, cmd_users_list },
	{ "add", STORE_WRITE, cmd_users_add },
	{ "set-role", STORE_WRITE, cmd_users_set_role },
	{ NULL, STORE_READ, NULL }
};

const struct cmd_entry cmd_users_entry = {
	"users",
	N_("PROJECT [list] [--tsv]\n"
	   "       tingxie users PROJECT add LOGIN --role ROLE\n"
	   "       tingxie users PROJECT set-role LOGIN ROLE"),
	N_("List the project's users, add one, or change a role."),
	N_("Users are the operating-system accounts that run tingxie on this\n"
	   "machine, each with a role in the project. The account that made\n"
	   "the project is its first admin; any other account is refused\n"
	   "until an admin adds it.\n\n"
	   "Actions:\n"
	   "  list       login, role, uid, since when, revisions written\n"
	   "  add        let an account in (admins only)\n"
	   "  set-role   change a user's role (admins only; a project keeps\n"
	   "             at least one admin)\n\n"
	   "Roles:\n"
	   "  transcriber   transcribes and submits segments\n"
	   "  reviewer      also reviews others' work: accept, correct,\n"
	   "                reject, reopen; assigns work; runs QA\n"
	   "  linguist      checks speakers, languages and dialect tags;\n"
	   "                keeps the vocabularies\n"
	   "  admin         all of it, and users and settings\n\n"
	   "Nobody reviews or accepts a segment they transcribed.\n"),
	NULL,
	cmd_users_actions
};
