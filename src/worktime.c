/* worktime.c: time worked, with long pauses left out (see worktime.h). */
#include "config.h"

#include "worktime.h"

void
worktime_start(struct worktime *w, int64_t subject, int64_t now)
{
	w->subject = subject;
	w->last = now;
	w->counted = 0;
}

/* The part of a gap that counts: all of it, or none when too long. */
static int64_t
worktime_gap(int64_t from, int64_t to)
{
	int64_t	gap = to - from;

	return gap > 0 && gap <= WORKTIME_IDLE_MS ? gap : 0;
}

void
worktime_touch(struct worktime *w, int64_t now)
{
	if (w->subject == 0)
		return;
	w->counted += worktime_gap(w->last, now);
	if (now > w->last)
		w->last = now;
}

int64_t
worktime_ms(const struct worktime *w, int64_t subject, int64_t now)
{
	if (subject == 0 || w->subject != subject)
		return 0;
	return w->counted + worktime_gap(w->last, now);
}
