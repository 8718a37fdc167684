/* cmd-task.c: tingxie task PROJECT [next|count|release] */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>

#include "cmd.h"
#include "i18n.h"
#include "timecode.h"

/* Parses --rec, --lang, --dialect into f; -1 on a bad option. */
static int
cmd_task_filter(const struct cmd_entry *e, struct store *s, int argc,
    char **argv, struct task_filter *f, int *ids)
{
	static const struct option opts[] = {
		{ "rec", required_argument, NULL, 'r' },
		{ "lang", required_argument, NULL, 'l' },
		{ "dialect", required_argument, NULL, 'd' },
		{ "id", no_argument, NULL, 'i' },
		{ NULL, 0, NULL, 0 }
	};
	char	*cause = NULL;
	int	 c;

	while ((c = getopt_long(argc, argv, "r:l:d:i", opts, NULL)) != -1) {
		switch (c) {
		case 'r':
			if (store_recording_id(s, optarg, &f->recording_id,
			    &cause) != 0) {
				cmd_warn(cause);
				return EXIT_FAIL;
			}
			break;
		case 'l':
			f->lang = optarg;
			break;
		case 'd':
			f->dialect = optarg;
			break;
		case 'i':
			if (ids == NULL)
				return cmd_usage(e, NULL);
			*ids = 1;
			break;
		default:
			return cmd_usage(e, NULL);
		}
	}
	if (optind != argc)
		return cmd_usage(e, _("unexpected '%s'"), argv[optind]);
	return EXIT_OK;
}

static int
cmd_task_next(const struct cmd_entry *e, struct store *s, int argc,
    char **argv)
{
	struct task_filter	 f = { 0 };
	struct segment		 seg;
	char			*cause = NULL, a[TIMECODE_BUFSIZE],
				 b[TIMECODE_BUFSIZE];
	int			 rc, id_only = 0;

	if ((rc = cmd_task_filter(e, s, argc, argv, &f, &id_only)) != EXIT_OK)
		return rc;
	if ((rc = store_task_next(s, &f, &seg, &cause)) < 0)
		return cmd_fail(cause);
	if (rc == 1) {
		fprintf(stderr, _("tingxie: nothing waits for you\n"));
		return EXIT_FAIL;
	}
	if (id_only)
		printf("%lld\n", (long long)seg.id);
	else
		printf("%lld\t%s\t%s\t%s\t%s\t%s\n", (long long)seg.id,
		    seg.recording, timecode_sec(seg.start, seg.rate, a),
		    timecode_sec(seg.end, seg.rate, b),
		    segment_stage_name(seg.stage), seg.text);
	segment_clear(&seg);
	return EXIT_OK;
}

static int
cmd_task_count(const struct cmd_entry *e, struct store *s, int argc,
    char **argv)
{
	struct task_filter	 f = { 0 };
	char			*cause = NULL;
	size_t			 n;
	int			 rc;

	if ((rc = cmd_task_filter(e, s, argc, argv, &f, NULL)) != EXIT_OK)
		return rc;
	if (store_task_count(s, &f, &n, &cause) != 0)
		return cmd_fail(cause);
	printf("%zu\n", n);
	return EXIT_OK;
}

static int
cmd_task_release(const struct cmd_entry *e, struct store *s, int argc,
    char **argv)
{
	char	*cause = NULL;
	long	 id = 0;

	if (argc > 2 || (argc == 2 && cmd_number(argv[1], 1, LONG_MAX,
	    &id) != 0))
		return cmd_usage(e, _("task release takes one segment ID, or "
		    "none for all of yours"));
	if (store_task_release(s, id, &cause) != 0)
		return cmd_fail(cause);
	return EXIT_OK;
}

static const struct cmd_action cmd_task_actions[] = {
	{ "next", STORE_WRITE, cmd_task_next },
	{ "count", STORE_READ, cmd_task_count },
	{ "release", STORE_WRITE, cmd_task_release },
	{ NULL, STORE_READ, NULL }
};

const struct cmd_entry cmd_task_entry = {
	"task",
	N_("PROJECT [next] [--rec NAME] [--lang TAG] [--dialect CODE] [--id]\n"
	   "       tingxie task PROJECT count [--rec NAME] [--lang TAG] "
	   "[--dialect CODE]\n"
	   "       tingxie task PROJECT release [ID]"),
	N_("Take the next segment of your queue, with a lease on it."),
	N_("Your queue depends on your role: new segments for transcribers\n"
	   "(those sent back first), transcribed ones you did not transcribe\n"
	   "for reviewers and admins (sampled ones first, then reviewed ones\n"
	   "waiting for acceptance), and transcribed or later ones you have\n"
	   "not checked for linguists. Segments assigned to you come before\n"
	   "unassigned ones.\n\n"
	   "The segment taken is leased to you for the setting lease.minutes\n"
	   "(default 30): nobody else's next task is the same segment while\n"
	   "the lease lasts. Taking another task, or a review move on the\n"
	   "segment, ends it.\n\n"
	   "Actions:\n"
	   "  next      print the segment: id, recording, start, end, stage\n"
	   "            and text, tab-separated (--id: the id only); exits 1\n"
	   "            when nothing waits\n"
	   "  count     how many segments wait in your queue\n"
	   "  release   end your lease on a segment, or on all of yours\n\n"
	   "Filters:\n"
	   "  -r, --rec NAME       one recording's segments\n"
	   "  -l, --lang TAG       a language and the tags under it\n"
	   "  -d, --dialect CODE   one dialect\n"),
	NULL,
	cmd_task_actions
};
