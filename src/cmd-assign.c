/* cmd-assign.c: tingxie assign PROJECT --to USER (--rec NAME | --count N) */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>

#include "cmd.h"
#include "i18n.h"

static int
cmd_assign_exec(const struct cmd_entry *e, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "to", required_argument, NULL, 't' },
		{ "rec", required_argument, NULL, 'r' },
		{ "count", required_argument, NULL, 'n' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct store	*s;
	const char	*to = NULL, *rec = NULL, *project;
	char		*cause = NULL;
	int64_t		 rec_id = 0;
	size_t		 n;
	long		 count = 0;
	int		 c;

	while ((c = getopt_long(argc, argv, "t:r:n:h", opts, NULL)) != -1) {
		switch (c) {
		case 't':
			to = optarg;
			break;
		case 'r':
			rec = optarg;
			break;
		case 'n':
			if (cmd_number(optarg, 1, LONG_MAX, &count) != 0)
				return cmd_usage(e, _("--count is a number of "
				    "segments, 1 or more"));
			break;
		case 'h':
			return cmd_help(e);
		default:
			return cmd_usage(e, NULL);
		}
	}
	if (argc - optind != 1)
		return cmd_usage(e, _("give the project"));
	if (to == NULL)
		return cmd_usage(e, _("say who with --to USER"));
	if (rec == NULL && count == 0)
		return cmd_usage(e, _("say which with --rec NAME or --count N"));
	project = argv[optind];
	if ((s = cmd_open(project, STORE_WRITE)) == NULL)
		return EXIT_FAIL;
	if ((rec != NULL && store_recording_id(s, rec, &rec_id, &cause) != 0) ||
	    store_assign(s, to, rec_id, (size_t)count, &n, &cause) != 0) {
		store_close(s);
		return cmd_fail(cause);
	}
	store_close(s);
	printf(_("%zu segment(s) assigned to %s\n"), n, to);
	if (n == 0) {
		fprintf(stderr, _("tingxie: nothing waits for %s there: "
		    "segments already assigned to others, or at another stage, "
		    "are not taken\n"), to);
		return EXIT_FAIL;
	}
	return EXIT_OK;
}

const struct cmd_entry cmd_assign_entry = {
	"assign",
	N_("PROJECT --to USER (--rec NAME | --count N)"),
	N_("Hand segments to a user, for the work of their role."),
	N_("Segments are taken in recording order from those that wait for\n"
	   "the user's role and nobody has yet: new ones for a transcriber,\n"
	   "transcribed ones (not their own) for a reviewer, transcribed or\n"
	   "later ones for a linguist. Each assignment is a revision. The\n"
	   "screen's next-task key (n) takes assigned segments first.\n"
	   "Reviewers and admins assign.\n\n"
	   "Options:\n"
	   "  -t, --to USER      the user (see 'tingxie users')\n"
	   "  -r, --rec NAME     the recording's segments (all that wait)\n"
	   "  -n, --count N      at most N segments (with --rec: of it)\n\n"
	   "Exits 1 when nothing was assigned.\n"),
	cmd_assign_exec,
	NULL
};
