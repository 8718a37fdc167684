/* history.c: undo and redo as new revisions. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "history.h"
#include "xmalloc.h"

void
history_init(struct history *h)
{
	memset(h, 0, sizeof *h);
}

static void
history_step_free(struct history_step *st)
{
	segment_list_free(st->before, st->n);
	segment_list_free(st->after, st->n);
	memset(st, 0, sizeof *st);
}

void
history_free(struct history *h)
{
	for (size_t i = 0; i < h->n; i++)
		history_step_free(&h->steps[i]);
	free(h->steps);
	memset(h, 0, sizeof *h);
}

static struct segment *
history_copy(const struct segment *src, size_t n)
{
	struct segment	*dst = xcalloc(n, sizeof *dst);

	for (size_t i = 0; i < n; i++)
		segment_copy(&dst[i], &src[i]);
	return dst;
}

/*
 * Every snapshot of a segment carries the latest version this session
 * wrote of it: what a later undo or redo must find in the project.
 */
static void
history_bump(struct history *h, int64_t id, int64_t version)
{
	for (size_t i = 0; i < h->n; i++) {
		struct history_step *st = &h->steps[i];

		for (size_t j = 0; j < st->n; j++) {
			if (st->before[j].id == id)
				st->before[j].version = version;
			if (st->after[j].id == id)
				st->after[j].version = version;
		}
	}
}

void
history_record(struct history *h, const struct segment *before,
    const struct segment *after, size_t n)
{
	struct history_step	*st;

	while (h->n > h->cur)
		history_step_free(&h->steps[--h->n]);
	if (h->n == HISTORY_MAX) {
		history_step_free(&h->steps[0]);
		memmove(&h->steps[0], &h->steps[1],
		    (HISTORY_MAX - 1) * sizeof h->steps[0]);
		h->n--;
		h->cur--;
	}
	h->steps = xreallocarray(h->steps, h->n + 1, sizeof *h->steps);
	st = &h->steps[h->n++];
	st->n = n;
	st->before = history_copy(before, n);
	st->after = history_copy(after, n);
	/* "before" of a created segment is that segment, deleted. */
	for (size_t i = 0; i < n; i++) {
		if (st->before[i].id == 0)
			st->before[i].id = st->after[i].id;
	}
	h->cur = h->n;
	for (size_t i = 0; i < n; i++)
		history_bump(h, st->after[i].id, st->after[i].version);
}

/* Writes a step's states, expecting the versions the session last wrote. */
static int
history_apply(struct history *h, struct store *s, struct segment *states,
    size_t n, const char *action, int64_t *changed, char **cause)
{
	struct segment	*w = history_copy(states, n);
	int64_t		*expect = xcalloc(n, sizeof *expect);
	int		 rc;

	for (size_t i = 0; i < n; i++)
		expect[i] = states[i].version;
	rc = store_segment_apply(s, w, expect, n, action, cause);
	if (rc == 0) {
		for (size_t i = 0; i < n; i++)
			history_bump(h, w[i].id, w[i].version);
		if (changed != NULL)
			*changed = w[0].id;
	}
	segment_list_free(w, n);
	free(expect);
	return rc;
}

int
history_undo(struct history *h, struct store *s, int64_t *changed,
    char **cause)
{
	struct history_step	*st;
	int			 rc;

	if (h->cur == 0)
		return 1;
	st = &h->steps[h->cur - 1];
	rc = history_apply(h, s, st->before, st->n, "undo", changed, cause);
	if (rc == 0)
		h->cur--;
	return rc;
}

int
history_redo(struct history *h, struct store *s, int64_t *changed,
    char **cause)
{
	struct history_step	*st;
	int			 rc;

	if (h->cur == h->n)
		return 1;
	st = &h->steps[h->cur];
	rc = history_apply(h, s, st->after, st->n, "redo", changed, cause);
	if (rc == 0)
		h->cur++;
	return rc;
}
