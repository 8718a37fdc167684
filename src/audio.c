/* audio.c: decoding with libsndfile over checksumming virtual I/O. */
#include "config.h"

#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <sndfile.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "audio.h"
#include "checksum.h"
#include "i18n.h"
#include "peaks.h"
#include "xmalloc.h"

#define AUDIO_SCAN_FRAMES	65536		/* divides AUDIO_BLOCK_FRAMES */
#define AUDIO_BLOCK_FRAMES	(1 << 20)	/* checksum block */

struct audio_file {
	char		*path;
	SNDFILE		*sf;
	SF_INFO		 sfinfo;
	int		 raw;	/* its bytes are our samples: no conversion */
};

static const char *
audio_format_name(int format)
{
	switch (format & SF_FORMAT_TYPEMASK) {
	case SF_FORMAT_WAV:	return "WAV";
	case SF_FORMAT_WAVEX:	return "WAV";
	case SF_FORMAT_RF64:	return "RF64";
	case SF_FORMAT_W64:	return "W64";
	case SF_FORMAT_AIFF:	return "AIFF";
	case SF_FORMAT_AU:	return "AU";
	case SF_FORMAT_CAF:	return "CAF";
	case SF_FORMAT_FLAC:	return "FLAC";
	case SF_FORMAT_OGG:
		return (format & SF_FORMAT_SUBMASK) == SF_FORMAT_OPUS ?
		    "OPUS" : "OGG";
#ifdef SF_FORMAT_MPEG
	case SF_FORMAT_MPEG:	return "MP3";
#endif
	default:		return "audio";
	}
}

/*
 * Whether the file's samples are stored as 16-bit integers in this
 * machine's byte order, so that reading them raw gives what
 * sf_readf_short() would, without a copy.
 */
static int
audio_is_native16(SNDFILE *sf, int format)
{
	int	endian;

	if ((format & SF_FORMAT_SUBMASK) != SF_FORMAT_PCM_16)
		return 0;
	switch (format & SF_FORMAT_TYPEMASK) {
	case SF_FORMAT_WAV:
	case SF_FORMAT_WAVEX:
	case SF_FORMAT_W64:
	case SF_FORMAT_RF64:
	case SF_FORMAT_AIFF:
	case SF_FORMAT_AU:
	case SF_FORMAT_CAF:
	case SF_FORMAT_RAW:
		break;
	default:
		return 0;
	}
	endian = sf_command(sf, SFC_RAW_DATA_NEEDS_ENDSWAP, NULL, 0);
	return endian == SF_FALSE;
}

/* Says whether libsndfile's log for the file tells of missing data. */
static int
audio_log_truncated(SNDFILE *sf)
{
	char	log[4096];

	sf_command(sf, SFC_GET_LOG_INFO, log, sizeof log);
	return strstr(log, "truncated") != NULL ||
	    strstr(log, "is greater than file length") != NULL ||
	    strstr(log, "should be") != NULL;
}

struct audio_file *
audio_open(const char *path, struct audio_info *info, char **cause)
{
	struct audio_file	*af;
	struct stat		 sb;
	int			 fd;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0) {
		*cause = xprintf(_("%s: cannot open: %s"), path, strerror(errno));
		return NULL;
	}
	if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
		*cause = xprintf(_("%s: not a regular file"), path);
		close(fd);
		return NULL;
	}
	if (sb.st_size == 0) {
		*cause = xprintf(_("%s: the file is empty"), path);
		close(fd);
		return NULL;
	}
	af = xcalloc(1, sizeof *af);
	af->path = xstrdup(path);
	if ((af->sf = sf_open_fd(fd, SFM_READ, &af->sfinfo, SF_TRUE)) == NULL) {
		*cause = xprintf(_("%s: not an audio file tingxie can read "
		    "(libsndfile says: %s)"), path, sf_strerror(NULL));
		close(fd);
		goto fail;
	}
	if (af->sfinfo.frames <= 0 || af->sfinfo.channels <= 0 ||
	    af->sfinfo.samplerate <= 0) {
		*cause = xprintf(_("%s: holds no audio"), path);
		goto fail;
	}
	if (audio_log_truncated(af->sf)) {
		*cause = xprintf(_("%s: the file is truncated (its header "
		    "promises more audio than it holds); re-copy or re-export "
		    "it"), path);
		goto fail;
	}
	/* Float sources come out as full-scale integers, not clipped. */
	sf_command(af->sf, SFC_SET_SCALE_FLOAT_INT_READ, NULL, SF_FALSE);
	af->raw = audio_is_native16(af->sf, af->sfinfo.format);
	info->rate = af->sfinfo.samplerate;
	info->channels = af->sfinfo.channels;
	info->frames = af->sfinfo.frames;
	snprintf(info->format, sizeof info->format, "%s",
	    audio_format_name(af->sfinfo.format));
	return af;
fail:
	audio_close(af);
	return NULL;
}

int64_t
audio_read(struct audio_file *af, int16_t *buf, int64_t frames, char **cause)
{
	sf_count_t	n;

	if (af->raw) {
		n = sf_read_raw(af->sf, buf, frames * af->sfinfo.channels *
		    (sf_count_t)sizeof *buf) / af->sfinfo.channels /
		    (sf_count_t)sizeof *buf;
	} else
		n = sf_readf_short(af->sf, buf, frames);

	if (n < frames && sf_error(af->sf) != SF_ERR_NO_ERROR) {
		*cause = xprintf(_("%s: the audio is damaged (libsndfile says: "
		    "%s)"), af->path, sf_strerror(af->sf));
		return -1;
	}
	return n;
}

int
audio_seek(struct audio_file *af, int64_t frame, char **cause)
{
	if (sf_seek(af->sf, frame, SEEK_SET) < 0) {
		*cause = xprintf(_("%s: cannot seek to frame %lld: %s"),
		    af->path, (long long)frame, sf_strerror(af->sf));
		return -1;
	}
	return 0;
}

void
audio_close(struct audio_file *af)
{
	if (af == NULL)
		return;
	if (af->sf != NULL)
		sf_close(af->sf);
	free(af->path);
	free(af);
}

/* One stretch of a recording decoded by one thread during a scan. */
struct audio_part {
	const char		*path;
	int64_t			 from, to;	/* frames; from is block-aligned */
	struct peaks_builder	*pb;		/* NULL: checksum only */
	uint64_t		*digests;	/* per block, whole recording */
	atomic_int_fast64_t	*done;		/* frames decoded, all parts */
	audio_progress_fn	 progress;	/* only the first part reports */
	void			*arg;
	int64_t			 total;
	int64_t			 got;
	char			*cause;
};

/* Checksums n interleaved samples as little-endian 16-bit values. */
static void
audio_checksum_samples(struct checksum *ck, const int16_t *buf, size_t n)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	uint16_t	le[1024];

	while (n > 0) {
		size_t	m = n < 1024 ? n : 1024;

		for (size_t i = 0; i < m; i++)
			le[i] = __builtin_bswap16((uint16_t)buf[i]);
		checksum_update(ck, le, m * sizeof *le);
		buf += m;
		n -= m;
	}
#else
	checksum_update(ck, buf, n * sizeof *buf);
#endif
}

static void *
audio_part_run(void *arg)
{
	struct audio_part	*p = arg;
	struct audio_info	 info;
	struct audio_file	*af;
	struct checksum		 ck;
	int16_t			*buf = NULL;
	int64_t			 pos = p->from, n, want;

	if ((af = audio_open(p->path, &info, &p->cause)) == NULL)
		return NULL;
	if (p->from > 0 && audio_seek(af, p->from, &p->cause) != 0)
		goto out;
	buf = xcalloc(AUDIO_SCAN_FRAMES, sizeof *buf * (size_t)info.channels);
	while (pos < p->to) {
		want = p->to - pos < AUDIO_SCAN_FRAMES ? p->to - pos :
		    AUDIO_SCAN_FRAMES;
		if ((n = audio_read(af, buf, want, &p->cause)) < 0)
			goto out;
		if (n == 0)
			break;
		if (pos % AUDIO_BLOCK_FRAMES == 0)
			checksum_init(&ck);
		audio_checksum_samples(&ck, buf, (size_t)n * (size_t)info.channels);
		if (p->pb != NULL)
			peaks_builder_feed(p->pb, buf, (size_t)n);
		pos += n;
		if (pos % AUDIO_BLOCK_FRAMES == 0 || pos == p->to)
			p->digests[(pos - 1) / AUDIO_BLOCK_FRAMES] =
			    checksum_final(&ck);
		n = atomic_fetch_add(p->done, n) + n;
		if (p->progress != NULL)
			p->progress(p->arg, n, p->total);
	}
	p->got = pos - p->from;
out:
	free(buf);
	audio_close(af);
	return NULL;
}

/*
 * The recording's checksum: XXH64 over its rate, channels and frame count
 * and the checksum (checksum.h) of each block of AUDIO_BLOCK_FRAMES frames
 * of its samples.
 * Blocks let the halves of a recording be checksummed in parallel.
 */
static void
audio_digest(const struct audio_info *info, const uint64_t *digests,
    int64_t nblocks, char buf[AUDIO_CHECKSUM_SIZE])
{
	struct xxh64	ck;
	uint8_t		le[8];
	uint64_t	head[3] = { (uint64_t)info->rate,
			    (uint64_t)info->channels, (uint64_t)info->frames };

	xxh64_init(&ck, 0);
	for (int64_t i = 0; i < 3 + nblocks; i++) {
		uint64_t v = i < 3 ? head[i] : digests[i - 3];

		for (int b = 0; b < 8; b++)
			le[b] = (uint8_t)(v >> (8 * b));
		xxh64_update(&ck, le, sizeof le);
	}
	snprintf(buf, AUDIO_CHECKSUM_SIZE, "audio-nhx64:%016llx",
	    (unsigned long long)xxh64_final(&ck));
}

/*
 * Decodes the whole recording, in two halves on two threads when it is
 * long enough. The halves meet at a frame that ends a bin at every level
 * of the peak cache and a checksum block, so their results join exactly.
 */
static int
audio_decode_all(const char *path, int with_peaks, audio_progress_fn progress,
    void *arg, struct audio_scan *out, char **cause)
{
	struct audio_part	 part[2];
	struct audio_file	*af;
	atomic_int_fast64_t	 done;
	pthread_t		 thread;
	int64_t			 frames, align, mid, nblocks;
	uint64_t		*digests = NULL;
	int			 nparts = 1, threaded = 0, rc = -1;

	memset(part, 0, sizeof part);
	if ((af = audio_open(path, &out->info, cause)) == NULL)
		return -1;
	audio_close(af);
	frames = out->info.frames;
	nblocks = (frames + AUDIO_BLOCK_FRAMES - 1) / AUDIO_BLOCK_FRAMES;
	digests = xcalloc((size_t)nblocks, sizeof *digests);
	atomic_init(&done, 0);
	align = AUDIO_BLOCK_FRAMES;
	if (with_peaks) {
		out->peaks = peaks_builder_new(out->info.rate,
		    out->info.channels, frames, cause);
		if (out->peaks == NULL)
			goto out;
		if (peaks_builder_top_frames(out->peaks) > align)
			align = peaks_builder_top_frames(out->peaks);
	}
	mid = frames / 2 / align * align;
	for (int i = 0; i < 2; i++) {
		part[i].path = path;
		part[i].digests = digests;
		part[i].done = &done;
		part[i].total = frames;
	}
	part[0].from = 0;
	part[0].to = mid > 0 ? mid : frames;
	part[0].pb = out->peaks;
	part[0].progress = progress;
	part[0].arg = arg;
	if (mid > 0) {
		nparts = 2;
		part[1].from = mid;
		part[1].to = frames;
		if (with_peaks && (part[1].pb = peaks_builder_new(out->info.rate,
		    out->info.channels, frames, cause)) == NULL)
			goto out;
		threaded = pthread_create(&thread, NULL, audio_part_run,
		    &part[1]) == 0;
		if (!threaded)
			audio_part_run(&part[1]);
	}
	audio_part_run(&part[0]);
	if (threaded)
		pthread_join(thread, NULL);
	for (int i = 0; i < nparts; i++) {
		if (part[i].cause != NULL) {
			*cause = part[i].cause;
			part[i].cause = NULL;
			goto out;
		}
		if (part[i].got < part[i].to - part[i].from) {
			*cause = xprintf(_("%s: the file is truncated: its header "
			    "promises %lld frames but only %lld could be read"),
			    path, (long long)frames,
			    (long long)(part[i].from + part[i].got));
			goto out;
		}
	}
	if (with_peaks && (nparts == 2 && (peaks_builder_finish(part[1].pb,
	    cause) != 0 || peaks_builder_append(out->peaks, part[1].pb,
	    cause) != 0)))
		goto out;
	if (with_peaks && peaks_builder_finish(out->peaks, cause) != 0)
		goto out;
	audio_digest(&out->info, digests, nblocks, out->checksum);
	rc = 0;
out:
	for (int i = 0; i < 2; i++)
		free(part[i].cause);
	peaks_builder_free(part[1].pb);
	free(digests);
	return rc;
}

int
audio_scan(const char *path, audio_progress_fn progress, void *arg,
    struct audio_scan *out, char **cause)
{
	struct stat	sb;

	memset(out, 0, sizeof *out);
	if (audio_decode_all(path, 1, progress, arg, out, cause) != 0) {
		audio_scan_clear(out);
		return -1;
	}
	if (stat(path, &sb) != 0) {
		*cause = xprintf(_("%s: cannot open: %s"), path, strerror(errno));
		audio_scan_clear(out);
		return -1;
	}
	out->size = sb.st_size;
	out->mtime = (int64_t)sb.st_mtim.tv_sec * 1000000000 + sb.st_mtim.tv_nsec;
	return 0;
}

void
audio_scan_clear(struct audio_scan *sc)
{
	peaks_builder_free(sc->peaks);
	sc->peaks = NULL;
}

int
audio_checksum(const char *path, char buf[AUDIO_CHECKSUM_SIZE], char **cause)
{
	struct audio_scan	sc;

	memset(&sc, 0, sizeof sc);
	if (audio_decode_all(path, 0, NULL, NULL, &sc, cause) != 0)
		return -1;
	memcpy(buf, sc.checksum, AUDIO_CHECKSUM_SIZE);
	return 0;
}
