/* audio.c: decoding with libsndfile over checksumming virtual I/O. */
#include "config.h"

#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <sndfile.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "audio.h"
#include "checksum.h"
#include "i18n.h"
#include "peaks.h"
#include "xmalloc.h"

#define AUDIO_SCAN_FRAMES	16384
#define AUDIO_HASH_BLOCK	65536

struct audio_file {
	char		*path;
	int		 fd;
	sf_count_t	 size;
	sf_count_t	 pos;
	SNDFILE		*sf;
	SF_INFO		 sfinfo;
	int		 hashing;
	struct checksum	 ck;
	sf_count_t	 hashed;	/* bytes [0, hashed) are in ck */
	int		 io_errno;
};

/* Feeds file bytes [af->hashed, upto) into the checksum, reading them. */
static void
audio_hash_gap(struct audio_file *af, sf_count_t upto)
{
	unsigned char	buf[AUDIO_HASH_BLOCK];
	ssize_t		n;

	while (af->hashed < upto) {
		size_t	want = (size_t)(upto - af->hashed);

		if (want > sizeof buf)
			want = sizeof buf;
		n = pread(af->fd, buf, want, af->hashed);
		if (n <= 0) {
			af->io_errno = n < 0 ? errno : EIO;
			return;
		}
		checksum_update(&af->ck, buf, (size_t)n);
		af->hashed += n;
	}
}

static sf_count_t
vio_filelen(void *user)
{
	return ((struct audio_file *)user)->size;
}

static sf_count_t
vio_seek(sf_count_t offset, int whence, void *user)
{
	struct audio_file	*af = user;
	sf_count_t		 to;

	switch (whence) {
	case SEEK_SET:
		to = offset;
		break;
	case SEEK_CUR:
		to = af->pos + offset;
		break;
	case SEEK_END:
		to = af->size + offset;
		break;
	default:
		return -1;
	}
	if (to < 0)
		return -1;
	af->pos = to;
	return to;
}

static sf_count_t
vio_read(void *ptr, sf_count_t count, void *user)
{
	struct audio_file	*af = user;
	ssize_t			 n;

	n = pread(af->fd, ptr, (size_t)count, af->pos);
	if (n < 0) {
		af->io_errno = errno;
		return 0;
	}
	if (af->hashing && n > 0 && af->pos + n > af->hashed) {
		if (af->pos > af->hashed)
			audio_hash_gap(af, af->pos);
		if (af->hashed >= af->pos) {
			sf_count_t skip = af->hashed - af->pos;

			checksum_update(&af->ck, (unsigned char *)ptr + skip,
			    (size_t)(n - skip));
			af->hashed = af->pos + n;
		}
	}
	af->pos += n;
	return n;
}

static sf_count_t
vio_write(const void *ptr, sf_count_t count, void *user)
{
	(void)ptr;
	(void)count;
	(void)user;
	return 0;
}

static sf_count_t
vio_tell(void *user)
{
	return ((struct audio_file *)user)->pos;
}

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

static struct audio_file *
audio_open_mode(const char *path, struct audio_info *info, int hashing,
    char **cause)
{
	SF_VIRTUAL_IO		 vio = { vio_filelen, vio_seek, vio_read,
				     vio_write, vio_tell };
	struct audio_file	*af;
	struct stat		 sb;

	af = xcalloc(1, sizeof *af);
	af->path = xstrdup(path);
	af->hashing = hashing;
	checksum_init(&af->ck, 0);
	if ((af->fd = open(path, O_RDONLY | O_CLOEXEC)) < 0) {
		*cause = xprintf(_("%s: cannot open: %s"), path, strerror(errno));
		goto fail;
	}
	if (fstat(af->fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
		*cause = xprintf(_("%s: not a regular file"), path);
		goto fail;
	}
	af->size = sb.st_size;
	if (af->size == 0) {
		*cause = xprintf(_("%s: the file is empty"), path);
		goto fail;
	}
	af->sf = sf_open_virtual(&vio, SFM_READ, &af->sfinfo, af);
	if (af->sf == NULL) {
		*cause = xprintf(_("%s: not an audio file tingxie can read "
		    "(libsndfile says: %s)"), path, sf_strerror(NULL));
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

struct audio_file *
audio_open(const char *path, struct audio_info *info, char **cause)
{
	return audio_open_mode(path, info, 0, cause);
}

int64_t
audio_read(struct audio_file *af, int16_t *buf, int64_t frames, char **cause)
{
	sf_count_t	n = sf_readf_short(af->sf, buf, frames);

	if (af->io_errno != 0) {
		*cause = xprintf(_("%s: read error: %s"), af->path,
		    strerror(af->io_errno));
		return -1;
	}
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
	if (af->fd >= 0)
		close(af->fd);
	free(af->path);
	free(af);
}

int
audio_scan(const char *path, audio_progress_fn progress, void *arg,
    struct audio_scan *out, char **cause)
{
	struct audio_file	*af;
	struct stat		 sb;
	int16_t			*buf = NULL;
	int64_t			 n, done = 0;

	memset(out, 0, sizeof *out);
	if ((af = audio_open_mode(path, &out->info, 1, cause)) == NULL)
		return -1;
	out->peaks = peaks_builder_new(out->info.rate, out->info.channels,
	    out->info.frames, cause);
	if (out->peaks == NULL)
		goto fail;
	buf = xcalloc(AUDIO_SCAN_FRAMES, sizeof *buf * (size_t)out->info.channels);
	while ((n = audio_read(af, buf, AUDIO_SCAN_FRAMES, cause)) > 0) {
		peaks_builder_feed(out->peaks, buf, (size_t)n);
		done += n;
		if (progress != NULL)
			progress(arg, done, out->info.frames);
	}
	if (n < 0)
		goto fail;
	if (done < out->info.frames) {
		*cause = xprintf(_("%s: the file is truncated: its header "
		    "promises %lld frames but only %lld could be read"), path,
		    (long long)out->info.frames, (long long)done);
		goto fail;
	}
	out->info.frames = done;
	audio_hash_gap(af, af->size);
	if (af->io_errno != 0) {
		*cause = xprintf(_("%s: read error: %s"), path,
		    strerror(af->io_errno));
		goto fail;
	}
	if (peaks_builder_finish(out->peaks, cause) != 0)
		goto fail;
	checksum_format(checksum_final(&af->ck), out->checksum);
	fstat(af->fd, &sb);
	out->size = sb.st_size;
	out->mtime = (int64_t)sb.st_mtim.tv_sec * 1000000000 + sb.st_mtim.tv_nsec;
	free(buf);
	audio_close(af);
	return 0;
fail:
	free(buf);
	audio_close(af);
	audio_scan_clear(out);
	return -1;
}

void
audio_scan_clear(struct audio_scan *sc)
{
	peaks_builder_free(sc->peaks);
	sc->peaks = NULL;
}

int
audio_checksum(const char *path, char buf[24], char **cause)
{
	struct audio_file	af;
	struct stat		sb;

	memset(&af, 0, sizeof af);
	checksum_init(&af.ck, 0);
	if ((af.fd = open(path, O_RDONLY | O_CLOEXEC)) < 0 ||
	    fstat(af.fd, &sb) != 0) {
		*cause = xprintf(_("%s: cannot open: %s"), path, strerror(errno));
		if (af.fd >= 0)
			close(af.fd);
		return -1;
	}
	audio_hash_gap(&af, sb.st_size);
	close(af.fd);
	if (af.io_errno != 0) {
		*cause = xprintf(_("%s: read error: %s"), path,
		    strerror(af.io_errno));
		return -1;
	}
	checksum_format(checksum_final(&af.ck), buf);
	return 0;
}
