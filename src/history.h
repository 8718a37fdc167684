/*
 * history.h: undo and redo of a session's changes to segments.
 *
 * Each step is the states of the segments one action touched, before and
 * after it (a segment the action created has a "before" that is deleted).
 * Undoing writes the "before" states back as new revisions, and redoing
 * the "after" ones: nothing in the project is ever removed, and the
 * revision history shows the undo. Both are version-checked, so a step
 * whose segments someone else has changed since is refused, not forced.
 */
#ifndef TX_HISTORY_H
#define TX_HISTORY_H

#include <stddef.h>

#include "store.h"

#define HISTORY_MAX 1000	/* steps kept; the oldest go first */

struct history_step {
	size_t		 n;
	struct segment	*before;
	struct segment	*after;
};

struct history {
	struct history_step	*steps;
	size_t			 n;	/* steps kept */
	size_t			 cur;	/* steps[0..cur) can be undone */
};

void	 history_init(struct history *);
void	 history_free(struct history *);
/*
 * Records a step of n segments (states are copied). A before state with
 * deleted set stands for "did not exist". Drops the steps that could have
 * been redone.
 */
void	 history_record(struct history *, const struct segment *before,
	     const struct segment *after, size_t n);
/*
 * Undoes or redoes one step. Returns 0 when done, 1 when there is nothing
 * to undo or redo, -1 or STORE_CONFLICT with *cause set. *changed (may be
 * NULL) is the id of a segment the step touched, to show the user.
 */
int	 history_undo(struct history *, struct store *, int64_t *changed,
	     char **cause);
int	 history_redo(struct history *, struct store *, int64_t *changed,
	     char **cause);

#endif
