/* tingxie.c: the program's entry point. */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "i18n.h"

static void
usage(FILE *f)
{
	fprintf(f, _("usage: tingxie [--as LOGIN] COMMAND [ARGS...]\n"
	    "       tingxie COMMAND --help\n"
	    "       tingxie --version\n\n"
	    "Transcribe recorded speech into training data for speech "
	    "recognition.\n\nCommands:\n"));
	for (int i = 0; cmd_table[i] != NULL; i++) {
		fprintf(f, "  %-10s %s\n", cmd_table[i]->name,
		    _(cmd_table[i]->summary));
	}
	fprintf(f, _("\n--as LOGIN: act as another account of the project "
	    "(root only).\nSee tingxie(1) for the whole manual.\n"));
}

int
main(int argc, char **argv)
{
	const struct cmd_entry	*e;
	char			*cause = NULL;

	setlocale(LC_ALL, "");
#ifdef ENABLE_NLS
	bindtextdomain(PACKAGE, LOCALEDIR);
	textdomain(PACKAGE);
#endif
	/* Root acts as another account: tingxie --as LOGIN COMMAND ... */
	if (argc >= 2 && (strcmp(argv[1], "--as") == 0 ||
	    strncmp(argv[1], "--as=", 5) == 0)) {
		const char *login = argv[1][4] == '=' ? argv[1] + 5 : argv[2];
		int skip = argv[1][4] == '=' ? 1 : 2;

		if (login == NULL) {
			usage(stderr);
			return EXIT_USAGE;
		}
		if (store_act_as(login, &cause) != 0) {
			fprintf(stderr, "tingxie: %s\n", cause);
			free(cause);
			return EXIT_USAGE;
		}
		argv[skip] = argv[0];
		argc -= skip;
		argv += skip;
	}
	if (argc < 2) {
		usage(stderr);
		return EXIT_USAGE;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
	    strcmp(argv[1], "help") == 0) {
		if (argc > 2 && (e = cmd_find(argv[2])) != NULL)
			return cmd_help(e);
		usage(stdout);
		return EXIT_OK;
	}
	if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0) {
		printf("tingxie %s\n", PACKAGE_VERSION);
		return EXIT_OK;
	}
	/* "tingxie PROJECT [RECORDING]" opens the screen. */
	if (cmd_find(argv[1]) == NULL && (access(argv[1], F_OK) == 0 ||
	    argv[1][0] == '-')) {
		argv[0] = (char *)"open";
		e = cmd_find("open");
		return cmd_run(e, argc, argv);
	}
	if ((e = cmd_find(argv[1])) == NULL) {
		fprintf(stderr, _("tingxie: '%s' is not a command; see "
		    "'tingxie --help'\n"), argv[1]);
		return EXIT_USAGE;
	}
	return cmd_run(e, argc - 1, argv + 1);
}
