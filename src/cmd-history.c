/* cmd-history.c: tingxie history PROJECT SEGMENT */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cmd.h"
#include "i18n.h"
#include "table.h"
#include "text.h"
#include "timecode.h"
#include "xmalloc.h"

/* Appends "field: old -> new" to a list of changes separated by "; ". */
static void
history_add(char **out, const char *field, const char *from, const char *to)
{
	char	*prev = *out;

	*out = xprintf("%s%s%s: %s%s%s", prev != NULL ? prev : "",
	    prev != NULL ? "; " : "", field, from != NULL ? from : "",
	    from != NULL ? " -> " : "", to != NULL ? to : _("(none)"));
	free(prev);
}

/* A tag's change, if it changed (NULL: none). */
static void
history_tag(char **out, const char *field, const char *from, const char *to)
{
	if (text_differs(from, to))
		history_add(out, field, from, to);
}

/* What changed from revision a (NULL for the first) to b. */
static char *
history_changes(const struct store_revision *a, const struct store_revision *b)
{
	const struct segment	*x = a != NULL ? &a->state : NULL,
				*y = &b->state;
	char			 t1[TIMECODE_BUFSIZE], t2[TIMECODE_BUFSIZE],
				 t3[TIMECODE_BUFSIZE], t4[TIMECODE_BUFSIZE];
	char			*out = NULL, *from, *to;

	if (x == NULL || x->start != y->start || x->end != y->end) {
		to = xprintf("%s-%s", timecode_sec(y->start, y->rate, t1),
		    timecode_sec(y->end, y->rate, t2));
		from = x == NULL ? NULL : xprintf("%s-%s",
		    timecode_sec(x->start, x->rate, t3),
		    timecode_sec(x->end, x->rate, t4));
		history_add(&out, _("time"), from, to);
		free(from);
		free(to);
	}
	history_tag(&out, _("speaker"), x != NULL ? x->speaker : NULL,
	    y->speaker);
	history_tag(&out, _("language"), x != NULL ? x->lang : NULL, y->lang);
	history_tag(&out, _("dialect"), x != NULL ? x->dialect : NULL,
	    y->dialect);
	if (x != NULL && x->stage != y->stage)
		history_add(&out, _("stage"), segment_stage_name(x->stage),
		    segment_stage_name(y->stage));
	if (x != NULL && text_differs(a->assignee, b->assignee))
		history_add(&out, _("assignee"), a->assignee, b->assignee);
	if (x != NULL && x->deleted != y->deleted)
		history_add(&out, _("deleted"), NULL, y->deleted ? _("yes") :
		    _("no"));
	if (x == NULL ? *y->text != '\0' : text_differs(x->text, y->text))
		history_add(&out, _("text"), NULL, y->text);
	return out;
}

static int
cmd_history_exec(const struct cmd_entry *e, int argc, char **argv)
{
	const char *headers[] = { _(">v"), _("time"), _("user"), _("pass"),
	    _("action"), _("stage"), _("changes"), _("comment") };
	struct store_revision	*revs;
	struct store		*s;
	struct table		*t;
	size_t			 n;
	char			*cause = NULL, v[24], when[32];
	long			 id;
	int			 rc, tsv = 0;

	if ((rc = cmd_tsv_option(e, argc, argv, &tsv)) >= 0)
		return rc;
	if (argc - optind != 2)
		return cmd_usage(e, _("give the project and a segment ID"));
	if (cmd_number(argv[optind + 1], 1, LONG_MAX, &id) != 0)
		return cmd_usage(e, _("'%s' is not a segment id"),
		    argv[optind + 1]);
	if ((s = cmd_open(argv[optind], STORE_READ)) == NULL)
		return EXIT_FAIL;
	if (store_history(s, id, &revs, &n, &cause) != 0) {
		store_close(s);
		return cmd_fail(cause);
	}
	store_close(s);
	t = table_new(8, headers);
	for (size_t i = 0; i < n; i++) {
		const struct store_revision	*r = &revs[i];
		const char			*cells[8];
		char				*changes, *action = NULL;
		time_t				 secs = (time_t)(r->time / 1000);
		struct tm			 tm;

		snprintf(v, sizeof v, "%lld", (long long)r->version);
		if (localtime_r(&secs, &tm) == NULL ||
		    strftime(when, sizeof when, "%Y-%m-%d %H:%M:%S", &tm) == 0)
			when[0] = '\0';
		changes = history_changes(i > 0 ? &revs[i - 1] : NULL, r);
		if (strcmp(r->origin, "human") != 0)
			action = xprintf("%s (%s)", r->action, r->origin);
		cells[0] = v;
		cells[1] = when;
		cells[2] = r->author;
		cells[3] = r->pass;
		cells[4] = action != NULL ? action : r->action;
		cells[5] = segment_stage_name(r->state.stage);
		cells[6] = changes;
		cells[7] = r->comment;
		table_add(t, cells);
		free(changes);
		free(action);
	}
	table_print(t, stdout, tsv);
	table_free(t);
	store_history_free(revs, n);
	return EXIT_OK;
}

const struct cmd_entry cmd_history_entry = {
	"history",
	N_("PROJECT SEGMENT [--tsv]"),
	N_("Show every change to a segment: who, when, in which pass."),
	N_("One line per revision, oldest first: its version, local time,\n"
	   "user, pass (transcribe, review, linguist, qa, manage), action\n"
	   "(create, edit, submit, accept, reject, assign, ...; machine-made\n"
	   "ones say so), the stage after it, what changed, and the comment.\n"
	   "Revisions are never changed or removed.\n\n"
	   "Options:\n"
	   "  -t, --tsv   tab-separated, with a header line, for scripts\n"),
	cmd_history_exec,
	NULL
};
