/* cmd-review.c: tingxie review PROJECT submit|accept|reject|reopen|confirm */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "i18n.h"
#include "xmalloc.h"

/*
 * The stage a segment had before the move that made it seg: revisions
 * never change, so this is right whoever wrote since.
 */
static enum segment_stage
cmd_review_was(struct store *s, const struct segment *seg)
{
	struct store_revision	*revs;
	enum segment_stage	 was = seg->stage;
	size_t			 n;
	char			*cause = NULL;

	if (store_history(s, seg->id, &revs, &n, &cause) != 0) {
		free(cause);
		return was;
	}
	if (seg->version >= 2 && (size_t)seg->version - 1 <= n)
		was = revs[seg->version - 2].state.stage;
	store_history_free(revs, n);
	return was;
}

static int
cmd_review_move(const struct cmd_entry *e, struct store *s, int argc,
    char **argv)
{
	static const struct option opts[] = {
		{ "comment", required_argument, NULL, 'm' },
		{ "expect", required_argument, NULL, 'e' },
		{ NULL, 0, NULL, 0 }
	};
	struct segment	 seg;
	enum store_move	 m;
	const char	*comment = NULL, *name;
	char		*cause = NULL;
	long		 id, expect = 0;
	int		 c, rc = EXIT_OK;

	/* argv[0] is "tingxie review ACTION". */
	name = strrchr(argv[0], ' ') != NULL ? strrchr(argv[0], ' ') + 1 :
	    argv[0];
	if (store_move_parse(name, &m) != 0)
		return cmd_usage(e, _("unknown action '%s'"), name);
	while ((c = getopt_long(argc, argv, "m:e:", opts, NULL)) != -1) {
		switch (c) {
		case 'm':
			comment = optarg;
			break;
		case 'e':
			if (cmd_number(optarg, 1, LONG_MAX, &expect) != 0)
				return cmd_usage(e, _("--expect is a version "
				    "number"));
			break;
		default:
			return cmd_usage(e, NULL);
		}
	}
	if (optind == argc)
		return cmd_usage(e, _("give the segment ID"));
	if (expect != 0 && argc - optind != 1)
		return cmd_usage(e, _("--expect goes with one segment"));
	for (int i = optind; i < argc; i++) {
		if (cmd_number(argv[i], 1, LONG_MAX, &id) != 0)
			return cmd_usage(e, _("'%s' is not a segment id"),
			    argv[i]);
	}
	for (int i = optind; i < argc; i++) {
		cmd_number(argv[i], 1, LONG_MAX, &id);
		if (store_segment_move(s, id, expect, m, comment, &seg,
		    &cause) != 0) {
			if (strncmp(cause, "no segment", 10) == 0)
				cmd_warn(cause);
			else {
				fprintf(stderr, _("tingxie: segment %ld: %s\n"),
				    id, cause);
				free(cause);
			}
			cause = NULL;
			rc = EXIT_FAIL;
			continue;
		}
		printf(_("segment %ld: %s -> %s (version %lld)\n"), id,
		    segment_stage_name(cmd_review_was(s, &seg)),
		    segment_stage_name(seg.stage), (long long)seg.version);
		segment_clear(&seg);
	}
	return rc;
}

static const struct cmd_action cmd_review_actions[] = {
	{ "submit", STORE_WRITE, cmd_review_move },
	{ "accept", STORE_WRITE, cmd_review_move },
	{ "reject", STORE_WRITE, cmd_review_move },
	{ "reopen", STORE_WRITE, cmd_review_move },
	{ "confirm", STORE_WRITE, cmd_review_move },
	{ NULL, STORE_READ, NULL }
};

static int
cmd_review_exec(const struct cmd_entry *e, int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
			return cmd_help(e);
	}
	if (argc >= 2 && argv[1][0] != '-' && (argc < 3 || argv[2][0] == '-'))
		return cmd_usage(e, _("give an action: submit, accept, reject, "
		    "reopen or confirm"));
	return cmd_dispatch(e, cmd_review_actions, argc, argv);
}

const struct cmd_entry cmd_review_entry = {
	"review",
	N_("PROJECT submit|accept|reject|reopen|confirm ID... "
	   "[--comment TEXT]\n"
	   "                [--expect VERSION]"),
	N_("Move segments between stages, as your role allows."),
	N_("Stages: new -> transcribed -> reviewed -> accepted. Each move is a\n"
	   "revision, with its comment, in the segment's history.\n\n"
	   "Actions:\n"
	   "  submit    done transcribing: new -> transcribed (transcribers,\n"
	   "            reviewers, admins; the segment must have text)\n"
	   "  accept    transcribed -> reviewed, then reviewed -> accepted\n"
	   "            (reviewers and admins; not a segment you transcribed,\n"
	   "            and not the one you reviewed yourself to accepted)\n"
	   "  reject    back to new and to its transcriber, with a comment\n"
	   "            saying why (reviewers and admins; not your own)\n"
	   "  reopen    reviewed or accepted -> transcribed, for another\n"
	   "            review (reviewers and admins)\n"
	   "  confirm   a linguist confirms the speaker, language and\n"
	   "            dialect tags as they are (linguists and admins)\n\n"
	   "Options:\n"
	   "  -m, --comment TEXT   why (required by reject)\n"
	   "  -e, --expect V       only if the segment is still at version V\n"
	   "                       (see 'tingxie history'); otherwise nothing\n"
	   "                       changes and the command fails\n"),
	cmd_review_exec,
	NULL
};
