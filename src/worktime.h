/*
 * worktime.h: how long a person worked on something, from what they did.
 *
 * The screen starts a clock when a segment becomes the current one and
 * touches it on every key and, while audio plays, on every tick. The time
 * between two touches counts when it is at most WORKTIME_IDLE_MS (five
 * minutes), and not at all when it is longer: the person was away, and a
 * lunch break is not work. What is counted goes with the next change
 * written (store_set_work_ms), and the clock starts again.
 *
 * Times are milliseconds of a monotonic clock; no I/O here.
 */
#ifndef TX_WORKTIME_H
#define TX_WORKTIME_H

#include <stdint.h>

#define WORKTIME_IDLE_MS	((int64_t)5 * 60 * 1000)

struct worktime {
	int64_t	subject;	/* what is worked on (a segment id); 0 none */
	int64_t	last;		/* the last touch */
	int64_t	counted;	/* time counted up to it */
};

/* Starts counting for subject at now, from zero. */
void	 worktime_start(struct worktime *, int64_t subject, int64_t now);
/* The person did something at now. */
void	 worktime_touch(struct worktime *, int64_t now);
/*
 * The time counted for subject up to now (the gap since the last touch
 * included, under the same rule), or 0 when the clock is not on subject.
 */
int64_t	 worktime_ms(const struct worktime *, int64_t subject, int64_t now);

#endif
