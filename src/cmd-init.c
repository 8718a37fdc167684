/* cmd-init.c: tingxie init PROJECT */
#include "config.h"

#include <stdio.h>

#include "cmd.h"
#include "i18n.h"

static int
cmd_init_exec(const struct cmd_entry *e, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct store	*s;
	char		*cause = NULL;
	int		 c;

	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		if (c == 'h')
			return cmd_help(e);
		return cmd_usage(e, NULL);
	}
	if (argc - optind != 1)
		return cmd_usage(e, _("give one project file to create"));
	if ((s = store_create(argv[optind], &cause)) == NULL)
		return cmd_fail(cause);
	printf(_("created project %s (admin: %s)\n"), store_path(s),
	    store_login(s));
	store_close(s);
	return EXIT_OK;
}

const struct cmd_entry cmd_init_entry = {
	"init",
	N_("PROJECT"),
	N_("Create a new, empty project file."),
	N_("The account that creates the project becomes its admin. Add "
	   "recordings\nwith 'tingxie add'.\n"),
	cmd_init_exec,
	NULL
};
