/*
 * fmt-corpus.h: what the ASR corpus formats (fmt-kaldi.c, fmt-nemo.c,
 * fmt-hf.c, fmt-lhotse.c) share: an item's times in milliseconds, what a
 * cut file holds, absolute paths, decimal seconds.
 *
 * Times of segments are written as whole milliseconds (fmt_ms()), and a
 * segment's duration is end - start in milliseconds, so that offset +
 * duration is the end as written, in every format alike.
 *
 * A cut file (EXPORT_AUDIO_CUT) is taken to hold the item's frames padded
 * by opt->pad seconds each side (pad frames rounded half up), within the
 * recording, resampled to the cut rate: round(frames * cut rate / rate)
 * samples, half up.
 */
#ifndef TX_FMT_CORPUS_H
#define TX_FMT_CORPUS_H

#include <stddef.h>
#include <stdint.h>

#include "fmt.h"

#define CORPUS_RATE	16000	/* cut files when opt->rate is 0 */
#define CORPUS_NUMLEN	48	/* room for any number written here */

/* An item's start and end in whole milliseconds. */
void	 corpus_item_ms(const struct export_item *, int64_t *start,
	     int64_t *end);
/* Milliseconds as seconds with 3 decimals: "12.345". */
char	*corpus_ms_str(int64_t ms, char *buf, size_t len);
/*
 * num / den (den > 0) as an exact decimal, rounded half up at 15 places,
 * trailing zeros dropped but one decimal kept: "120.0", "1.5005".
 */
char	*corpus_ratio_str(int64_t num, int64_t den, char *buf, size_t len);

/* The sample rate of cut files. */
int	 corpus_cut_rate(const struct export_set *);
/* The recording's frames [*from, *to) that an item's cut file holds. */
void	 corpus_cut_span(const struct export_set *, const struct export_item *,
	     int64_t *from, int64_t *to);
/* The number of samples of an item's cut file. */
int64_t	 corpus_cut_samples(const struct export_set *,
	     const struct export_item *);

/* set->dir as an absolute path (caller frees), or NULL with *cause. */
char	*corpus_abs_dir(const struct export_set *, char **cause);
/*
 * The absolute path of an item's cut file, dir being corpus_abs_dir()
 * (caller frees), or NULL with *cause when the item has none.
 */
char	*corpus_cut_path(const struct export_item *, const char *dir,
	     char **cause);
/*
 * Checks that s is UTF-8 without control characters, so that it can be
 * a field of a line; *cause says it is the what ("path") of who (an id).
 */
int	 corpus_field_ok(const char *s, const char *who, const char *what,
	     char **cause);
/* Whether an item's recording has more than one channel. */
int	 corpus_multichannel(const struct export_item *);

#endif
