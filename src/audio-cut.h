/*
 * audio-cut.h: cutting segments out of a recording for a corpus.
 *
 * A cutter holds one recording open and writes pieces of it as mono files
 * at a chosen sample rate (libsoxr's high quality resampler), WAV (16-bit
 * PCM) or FLAC (16-bit). Pieces of one recording are best cut in order of
 * their start: the cutter reads forward and seeks only when it must.
 * Memory does not depend on the length of the recording or of a piece.
 */
#ifndef TX_AUDIO_CUT_H
#define TX_AUDIO_CUT_H

#include <stdint.h>

struct audio_cutter;

/* Opens a recording; out_rate is the rate of every piece written. */
struct audio_cutter	*audio_cutter_new(const char *path, int out_rate,
			     int flac, char **cause);
/*
 * Writes frames [from, to) of the recording (at its own rate) to path:
 * channel ch (0-based), or all channels mixed to mono when ch is -1. The
 * file is written under a temporary name and renamed into place. Returns
 * 0, or -1 with *cause naming the file.
 */
int			 audio_cut(struct audio_cutter *, int64_t from,
			     int64_t to, int ch, const char *path,
			     char **cause);
void			 audio_cutter_free(struct audio_cutter *);

/* One piece of many: src's frames [from, to) of channel ch to dst. */
struct audio_piece {
	const char	*src;
	int64_t		 from;
	int64_t		 to;
	int		 ch;
	const char	*dst;
};

typedef void (*audio_cut_progress)(void *arg, size_t done, size_t total);

/*
 * Cuts many pieces, sorted by source and then start, on up to threads
 * threads (0: one per processor): each takes a run of consecutive pieces
 * with cutters of its own, so every source is still read forward. With
 * direct, pieces are written straight to their names rather than under a
 * temporary one renamed into place: for a directory no one else sees
 * until it is complete (an export being built). progress (may be NULL) is called from the calling thread with the
 * pieces done so far. Returns 0, or -1 with *cause from the first piece
 * that failed (the others stop soon after).
 */
int			 audio_cut_many(const struct audio_piece *, size_t n,
			     int out_rate, int flac, int direct, int threads,
			     audio_cut_progress, void *arg, char **cause);

#endif
