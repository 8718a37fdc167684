/*
 * audio.h: reading recordings with libsndfile.
 *
 * Samples are handed out as interleaved 16-bit integers: what the peak cache
 * and the player need, and bit-exact for 16-bit sources. audio_scan() is
 * the one streaming pass made when a recording is added: it decodes every
 * frame into the peak builder and checksums the file's bytes as libsndfile
 * reads them, so the file is read once.
 */
#ifndef TX_AUDIO_H
#define TX_AUDIO_H

#include <stdint.h>

/* "audio-nhx64:" and 16 hex digits, and the NUL. */
#define AUDIO_CHECKSUM_SIZE 32

struct peaks_builder;

struct audio_info {
	int		rate;
	int		channels;
	int64_t		frames;
	char		format[16];	/* "WAV", "FLAC", "OGG", "MP3", ... */
};

struct audio_file;

/* Opens a file for decoding; NULL with *cause naming the file and why. */
struct audio_file	*audio_open(const char *path, struct audio_info *,
			     char **cause);
/* Reads up to frames frames; returns the count (0 at the end) or -1. */
int64_t			 audio_read(struct audio_file *, int16_t *buf,
			     int64_t frames, char **cause);
int			 audio_seek(struct audio_file *, int64_t frame,
			     char **cause);
void			 audio_close(struct audio_file *);

/* Called now and then during a scan with frames done and the total. */
typedef void (*audio_progress_fn)(void *arg, int64_t done, int64_t total);

struct audio_scan {
	struct audio_info	 info;
	char			 checksum[AUDIO_CHECKSUM_SIZE];
	int64_t			 size;
	int64_t			 mtime;	/* nanoseconds since the epoch */
	struct peaks_builder	*peaks;	/* owned; audio_scan_clear frees */
};

/*
 * Decodes the whole file once (two halves on two threads when it is long):
 * fills info, checksum, size and mtime, and builds its peak cache. A
 * corrupt, truncated, empty or unreadable file fails with *cause naming the
 * file and the problem.
 *
 * The checksum is of the decoded audio (rate, channels, frames and
 * samples), so the same audio is recognised whatever the file's tags, and a
 * change to the samples is always seen.
 */
int	 audio_scan(const char *path, audio_progress_fn, void *arg,
	     struct audio_scan *, char **cause);
void	 audio_scan_clear(struct audio_scan *);
/* The checksum audio_scan() gives, without building peaks. */
int	 audio_checksum(const char *path, char buf[AUDIO_CHECKSUM_SIZE],
	     char **cause);

#endif
