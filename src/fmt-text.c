/* fmt-text.c: reading the plain-text interchange formats (fmt-text.h). */
#include "config.h"

#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fmt-text.h"
#include "i18n.h"
#include "text.h"
#include "xmalloc.h"

#define FMT_TEXT_MAX	((off_t)256 << 20)	/* no transcript is larger */

/* Reads a whole file into a NUL-terminated buffer. */
static char *
fmt_text_read(const char *path, size_t *len, char **cause)
{
	struct stat	 sb;
	char		*buf;
	size_t		 size = 65536, used = 0;
	ssize_t		 n;
	int		 fd;

	if ((fd = open(path, O_RDONLY)) == -1) {
		*cause = xprintf(_("%s: cannot open: %s"), path,
		    strerror(errno));
		return NULL;
	}
	if (fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode)) {
		if (sb.st_size > FMT_TEXT_MAX) {
			*cause = xprintf(_("%s: the file is too large for a "
			    "transcript (more than 256 MiB)"), path);
			close(fd);
			return NULL;
		}
		size = (size_t)sb.st_size + 2;
	}
	buf = xmalloc(size);
	for (;;) {
		if (size - used < 2) {
			size *= 2;
			buf = xreallocarray(buf, 1, size);
		}
		n = read(fd, buf + used, size - used - 1);
		if (n == -1 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		used += (size_t)n;
	}
	close(fd);
	if (n == -1) {
		*cause = xprintf(_("%s: cannot read: %s"), path,
		    strerror(errno));
		free(buf);
		return NULL;
	}
	buf[used] = '\0';
	*len = used;
	return buf;
}

/* The line (from 1) that byte off of s is on. */
static long
fmt_text_line(const char *s, size_t off)
{
	long	line = 1;

	for (size_t i = 0; i < off; i++) {
		if (s[i] == '\n' || (s[i] == '\r' && s[i + 1] != '\n'))
			line++;
	}
	return line;
}

/*
 * Converts len bytes of in from charset to UTF-8. Returns the new text, or
 * NULL with *bad set to the offset of the first byte that could not be
 * converted.
 */
static char *
fmt_text_convert(const char *charset, const char *in, size_t len,
    size_t *outlen, size_t *bad)
{
	iconv_t	 cd;
	char	*out, *src = (char *)in, *dst;
	size_t	 left = len, room = len * 3 + 4, rc;

	if ((cd = iconv_open("UTF-8", charset)) == (iconv_t)-1) {
		*bad = 0;
		return NULL;
	}
	out = dst = xmalloc(room);
	rc = iconv(cd, &src, &left, &dst, &room);
	iconv_close(cd);
	if (rc == (size_t)-1 || left != 0 || room == 0) {
		*bad = len - left;
		free(out);
		return NULL;
	}
	*dst = '\0';
	*outlen = (size_t)(dst - out);
	return out;
}

/* Turns CRLF and lone CR into LF, in place. */
static size_t
fmt_text_lf(char *s, size_t len)
{
	size_t	i, j;

	for (i = j = 0; i < len; i++) {
		if (s[i] == '\r') {
			if (i + 1 < len && s[i + 1] == '\n')
				continue;
			s[j++] = '\n';
		} else
			s[j++] = s[i];
	}
	s[j] = '\0';
	return j;
}

/* Converts a file from UTF-16 (BOM dropped) or a legacy charset. */
static char *
fmt_text_recode(const char *path, const char *charset, char *raw,
    size_t skip, size_t *len, char **cause)
{
	char	*text;
	size_t	 bad = 0;

	text = fmt_text_convert(charset, raw + skip, *len - skip, len, &bad);
	if (text == NULL) {
		*cause = xprintf(_("%s: not valid %s (byte offset %zu); save "
		    "the file as UTF-8"), path, charset, bad + skip);
	}
	free(raw);
	return text;
}

char *
fmt_text_load(const char *path, const char *legacy, size_t *len,
    char **cause)
{
	const unsigned char	*u;
	char			*raw;
	size_t			 n;
	long			 bad;

	if ((raw = fmt_text_read(path, &n, cause)) == NULL)
		return NULL;
	u = (const unsigned char *)raw;
	if (n >= 2 && u[0] == 0xfe && u[1] == 0xff)
		raw = fmt_text_recode(path, "UTF-16BE", raw, 2, &n, cause);
	else if (n >= 2 && u[0] == 0xff && u[1] == 0xfe)
		raw = fmt_text_recode(path, "UTF-16LE", raw, 2, &n, cause);
	else {
		if (n >= 3 && u[0] == 0xef && u[1] == 0xbb && u[2] == 0xbf) {
			memmove(raw, raw + 3, n - 3 + 1);
			n -= 3;
		}
		if ((bad = text_invalid_offset(raw, n)) >= 0) {
			if (legacy == NULL) {
				*cause = xprintf(_("%s:%ld: not valid UTF-8 "
				    "(byte 0x%02x); save the file as UTF-8"),
				    path, fmt_text_line(raw, (size_t)bad),
				    (unsigned char)raw[bad]);
				free(raw);
				return NULL;
			}
			raw = fmt_text_recode(path, legacy, raw, 0, &n, cause);
		}
	}
	if (raw == NULL)
		return NULL;
	if (strlen(raw) != n) {
		*cause = xprintf(_("%s:%ld: a NUL byte: this is not a text "
		    "file"), path, fmt_text_line(raw, strlen(raw)));
		free(raw);
		return NULL;
	}
	*len = fmt_text_lf(raw, n);
	return raw;
}

void
fmt_text_flatten(char *s)
{
	char	*src = s, *dst = s, *run;
	int	 breaks;

	while (*src == ' ' || (*src >= '\t' && *src <= '\r'))
		src++;
	while (*src != '\0') {
		if (*src != ' ' && !(*src >= '\t' && *src <= '\r')) {
			*dst++ = *src++;
			continue;
		}
		run = src;
		for (breaks = 0; *src == ' ' || (*src >= '\t' && *src <= '\r');
		    src++) {
			if (*src != ' ')
				breaks = 1;
		}
		if (*src == '\0')
			break;
		if (breaks)
			*dst++ = ' ';
		else {
			memmove(dst, run, (size_t)(src - run));
			dst += src - run;
		}
	}
	*dst = '\0';
}

int
fmt_text_blank(const char *s)
{
	for (; *s != '\0'; s++) {
		if (*s != ' ' && !(*s >= '\t' && *s <= '\r'))
			return 0;
	}
	return 1;
}
