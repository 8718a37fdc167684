/*
 * progress.h: a progress bar on standard error, drawn only when standard
 * error is a terminal, at most ten times a second.
 */
#ifndef TX_PROGRESS_H
#define TX_PROGRESS_H

#include <stdint.h>

struct progress {
	const char	*label;
	int		 tty;
	int64_t		 last_ms;
	int64_t		 start_ms;
	int		 drawn;
};

void	progress_start(struct progress *, const char *label);
/* Usable as an audio_progress_fn with the struct progress as arg. */
void	progress_update(void *progress, int64_t done, int64_t total);
/* Clears the bar. */
void	progress_end(struct progress *);

#endif
