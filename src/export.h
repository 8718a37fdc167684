/*
 * export.h: writing a project's segments as a corpus or interchange files.
 *
 * export_run() selects the segments the options ask for, gives every
 * recording, speaker and utterance a safe id (letters, digits, '.', '_'
 * and, in utterance ids, '-'), prepares the text (as transcribed, or
 * normalised for ASR and optionally word-segmented with the lexicons),
 * assigns speakers to splits, cuts audio when asked, and has the format
 * (fmt.h) write each directory. Nothing is written outside the output
 * directory. A new output directory is built under a temporary name next
 * to it and renamed into place at the end, so it exists complete or not
 * at all; with force, files are written into an existing directory one by
 * one (each whole or not at all).
 */
#ifndef TX_EXPORT_H
#define TX_EXPORT_H

#include <stddef.h>

#include "fmt.h"

/* A count in the summary: segments and seconds under one key. */
struct export_count {
	char	*key;
	size_t	 n;
	double	 seconds;
};

struct export_counts {
	struct export_count	*v;
	size_t			 n;
};

struct export_summary {
	struct export_counts	 splits;	/* "" when there are none */
	struct export_counts	 langs;
	struct export_counts	 dialects;
	struct export_counts	 skipped;	/* by reason */
	size_t			 nsegs;
	double			 seconds;
	int			 stage;		/* the minimum stage used */
};

/* Called as segments are done (for a progress bar). */
typedef void (*export_progress)(void *arg, size_t done, size_t total);

/*
 * Parses "train=80,dev=10,test=10" into opt's splits (percentages summing
 * to 100, names of [a-z0-9_-], no repeats).
 */
int	 export_parse_splits(struct export_options *, const char *spec,
	     char **cause);
/* A safe id for a recording or speaker code (caller frees). */
char	*export_id(const char *s);
int	 export_run(struct store *, const struct fmt_ops *,
	     const struct export_options *, export_progress, void *arg,
	     struct export_summary *, char **cause);
void	 export_summary_free(struct export_summary *);

#endif
