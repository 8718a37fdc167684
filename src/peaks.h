/*
 * peaks.h: the waveform peak cache.
 *
 * A recording's peaks are kept in the project at several zoom levels. Level
 * 0 has one bin per power-of-two number of frames close to 10 ms; each
 * further level merges PEAKS_LEVEL_FACTOR bins of the one below, until a
 * level holds no more than PEAKS_TOP_BINS bins. A bin holds, for each
 * channel, the minimum and the maximum sample, each companded to a signed
 * byte (mu-law, so quiet speech keeps its shape). Level data is stored in
 * chunks of PEAKS_CHUNK_BINS bins.
 *
 * The builder takes the samples of one streaming decode and keeps each
 * level's bins in a temporary file, so memory stays flat whatever the
 * recording's length; the store copies them in when the recording is added.
 */
#ifndef TX_PEAKS_H
#define TX_PEAKS_H

#include <stdint.h>
#include <sys/types.h>

#include "store.h"

#define PEAKS_CHUNK_BINS	4096
#define PEAKS_LEVEL_FACTOR	4
#define PEAKS_TOP_BINS		2048
#define PEAKS_MAX_LEVELS	16

/* Companding of one sample value (-32768..32767) to a byte and back. */
int8_t	 peaks_encode(int sample);
float	 peaks_decode(int8_t);	/* -1.0 .. 1.0 */
/* Frames per level-0 bin for a sample rate. */
int64_t	 peaks_base_bin(int rate);

struct peaks_builder;

struct peaks_builder *peaks_builder_new(int rate, int channels, int64_t frames,
		     char **cause);
/* Feeds interleaved 16-bit frames. */
void		 peaks_builder_feed(struct peaks_builder *, const int16_t *,
		     size_t frames);
/* Closes the last partial bins; call once after the last feed. */
int		 peaks_builder_finish(struct peaks_builder *, char **cause);
int		 peaks_builder_levels(const struct peaks_builder *);
void		 peaks_builder_level(const struct peaks_builder *, int level,
		     struct store_peak_level *);
/* Frames per bin of the coarsest level. */
int64_t		 peaks_builder_top_frames(const struct peaks_builder *);
/*
 * Appends what src (finished) built after what dst (not finished) built;
 * dst must end on a bin of every level. Leaves src empty.
 */
int		 peaks_builder_append(struct peaks_builder *dst,
		     struct peaks_builder *src, char **cause);
/* Bytes per bin: two per channel. */
size_t		 peaks_builder_bin_size(const struct peaks_builder *);
/*
 * After finish: reads the next bytes of a level's data, in order. Returns
 * the number of bytes read (0 at the end) or -1 with *cause set.
 */
ssize_t		 peaks_builder_read(struct peaks_builder *, int level,
		     void *buf, size_t len, char **cause);
void		 peaks_builder_free(struct peaks_builder *);

/* One column of a view: the lowest and highest value, -1.0 .. 1.0. */
struct peak_span {
	float	min;
	float	max;
};

/*
 * Fills cols spans covering frames [from, to) of a recording, for one
 * channel (or all channels together when channel is -1), from the coarsest
 * cached level that still has a bin per column. Columns past the end of the
 * recording are zero.
 */
int		 peaks_view(struct store *, const struct store_recording *,
		     int channel, int64_t from, int64_t to, int cols,
		     struct peak_span *out, char **cause);

/*
 * Finds the quietest point within radius frames of frame: the middle of
 * the level-0 bin with the lowest peak (all channels), the nearest one on a
 * tie. For snapping segment boundaries to pauses.
 */
int		 peaks_quiet(struct store *, const struct store_recording *,
		     int64_t frame, int64_t radius, int64_t *out, char **cause);

#endif
