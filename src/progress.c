/* progress.c: progress bar for long command-line jobs. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "progress.h"
#include "text.h"
#include "xmalloc.h"

#define PROGRESS_BAR 30

static int64_t
progress_now_ms(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void
progress_start(struct progress *p, const char *label)
{
	p->label = label;
	p->tty = isatty(STDERR_FILENO);
	p->start_ms = progress_now_ms();
	p->last_ms = 0;
	p->drawn = 0;
}

void
progress_update(void *arg, int64_t done, int64_t total)
{
	struct progress	*p = arg;
	int64_t		 now;
	int		 fill, pct;
	char		 bar[PROGRESS_BAR + 1], *label;

	if (!p->tty || total <= 0)
		return;
	now = progress_now_ms();
	if (now - p->last_ms < 100 && done < total)
		return;
	p->last_ms = now;
	pct = (int)(done * 100 / total);
	fill = (int)(done * PROGRESS_BAR / total);
	for (int i = 0; i < PROGRESS_BAR; i++)
		bar[i] = i < fill ? '#' : ' ';
	bar[PROGRESS_BAR] = '\0';
	label = text_truncate(p->label, 30, 0);
	fprintf(stderr, "\r%s [%s] %3d%%", label, bar, pct);
	free(label);
	fflush(stderr);
	p->drawn = 1;
}

void
progress_end(struct progress *p)
{
	if (p->drawn)
		fprintf(stderr, "\r\033[K");
	p->drawn = 0;
}
