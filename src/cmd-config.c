/* cmd-config.c: tingxie config PROJECT [KEY [VALUE]] */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "cmd.h"
#include "i18n.h"
#include "xmalloc.h"

static int
cmd_config_exec(const struct cmd_entry *e, int argc, char **argv)
{
	struct store	*s;
	const char	*value;
	char		*cause = NULL, *v;
	int		 c, rc = EXIT_OK;

	while ((c = getopt_long(argc, argv, "h", (const struct option []){
	    { "help", no_argument, NULL, 'h' }, { NULL, 0, NULL, 0 } },
	    NULL)) != -1) {
		if (c == 'h')
			return cmd_help(e);
		return cmd_usage(e, NULL);
	}
	if (argc - optind < 1 || argc - optind > 3)
		return cmd_usage(e, _("give a project, then optionally KEY and "
		    "VALUE"));
	if (argc - optind == 3) {
		value = argv[optind + 2];
		/* An empty value puts the default back. */
		if (check_setting_valid(argv[optind + 1], *value != '\0' ?
		    value : NULL, &cause) != 0)
			return cmd_fail(cause);
		if ((s = cmd_open(argv[optind], STORE_WRITE)) == NULL)
			return EXIT_FAIL;
		if (store_setting_set(s, argv[optind + 1], *value != '\0' ?
		    value : NULL, &cause) != 0)
			rc = cmd_fail(cause);
		store_close(s);
		return rc;
	}
	if ((s = cmd_open(argv[optind], STORE_READ)) == NULL)
		return EXIT_FAIL;
	for (size_t i = 0; check_settings[i].key != NULL; i++) {
		const char *key = check_settings[i].key;

		if (argc - optind == 2 && strcmp(argv[optind + 1], key) != 0)
			continue;
		if (store_setting_get(s, key, &v, &cause) != 0) {
			store_close(s);
			return cmd_fail(cause);
		}
		if (argc - optind == 2)
			printf("%s\n", v != NULL ? v : "");
		else
			printf("%-20s %-8s %s\n", key, v != NULL ? v : "-",
			    _(check_settings[i].help));
		free(v);
		if (argc - optind == 2) {
			store_close(s);
			return EXIT_OK;
		}
	}
	store_close(s);
	if (argc - optind == 2)
		return cmd_fail(xprintf(_("no setting '%s' (see 'tingxie "
		    "config PROJECT')"), argv[optind + 1]));
	return EXIT_OK;
}

const struct cmd_entry cmd_config_entry = {
	"config",
	N_("PROJECT [KEY [VALUE]]"),
	N_("Show or change the project's settings."),
	N_("With no KEY, lists every setting with its value ('-': the\n"
	   "default) and what it does; with KEY, prints its value (an empty\n"
	   "line: the default); with KEY and VALUE, sets it, and an empty\n"
	   "VALUE puts the default back. Changes are logged.\n"),
	cmd_config_exec,
	NULL
};
