/* timecode.c: exact conversions between text times and sample frames. */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "timecode.h"
#include "xmalloc.h"

#define MAX_SECONDS (1000LL * 3600)	/* a thousand hours */

/*
 * Splits "[[H:]M:]S[.F]" into whole seconds and a fraction numerator over a
 * power of ten. Returns 0 on success.
 */
static int
timecode_split(const char *s, int64_t *whole, int64_t *num, int64_t *den)
{
	int64_t	 part[3] = { 0, 0, 0 }, v;
	int	 nparts = 0, digits;
	const char *p = s;

	*num = 0;
	*den = 1;
	for (;;) {
		if (!isdigit((unsigned char)*p))
			return -1;
		for (v = 0, digits = 0; isdigit((unsigned char)*p); p++) {
			if (++digits > 9)
				return -1;
			v = v * 10 + (*p - '0');
		}
		if (nparts == 3)
			return -1;
		part[nparts++] = v;
		if (*p != ':')
			break;
		p++;
	}
	if (*p == '.') {
		p++;
		if (!isdigit((unsigned char)*p))
			return -1;
		for (digits = 0; isdigit((unsigned char)*p); p++) {
			if (++digits > 9)
				return -1;
			*num = *num * 10 + (*p - '0');
			*den *= 10;
		}
	}
	if (*p != '\0')
		return -1;
	if (nparts > 1 && part[nparts - 1] >= 60)
		return -1;
	if (nparts > 2 && part[1] >= 60)
		return -1;
	*whole = 0;
	for (int i = 0; i < nparts; i++)
		*whole = *whole * 60 + part[i];
	return *whole > MAX_SECONDS ? -1 : 0;
}

static char *
timecode_cause(const char *s)
{
	return xprintf(_("'%s' is not a time: give seconds (12.5), "
	    "m:ss.mmm (1:02.250) or h:mm:ss.mmm"), s);
}

int
timecode_parse(const char *s, int rate, int64_t *frames, char **cause)
{
	int64_t	whole, num, den;

	if (rate <= 0 || timecode_split(s, &whole, &num, &den) != 0) {
		*cause = timecode_cause(s);
		return -1;
	}
	*frames = whole * rate + (num * rate * 2 + den) / (2 * den);
	return 0;
}

int64_t
timecode_ms(int64_t frames, int rate)
{
	return (frames * 2000 + rate) / (2 * (int64_t)rate);
}

int64_t
timecode_frames(int64_t ms, int rate)
{
	return (ms * rate * 2 + 1000) / 2000;
}

char *
timecode_hms(int64_t frames, int rate, char buf[TIMECODE_BUFSIZE])
{
	int64_t	ms = timecode_ms(frames, rate);

	snprintf(buf, TIMECODE_BUFSIZE, "%lld:%02lld:%02lld.%03lld",
	    (long long)(ms / 3600000), (long long)(ms / 60000 % 60),
	    (long long)(ms / 1000 % 60), (long long)(ms % 1000));
	return buf;
}

char *
timecode_sec(int64_t frames, int rate, char buf[TIMECODE_BUFSIZE])
{
	int64_t	ms = timecode_ms(frames, rate);

	snprintf(buf, TIMECODE_BUFSIZE, "%lld.%03lld", (long long)(ms / 1000),
	    (long long)(ms % 1000));
	return buf;
}
