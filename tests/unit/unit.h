/* unit.h: what tingxie's cmocka unit tests share. */
#ifndef TX_UNIT_H
#define TX_UNIT_H

#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <math.h>
#include <sndfile.h>

/* A fresh directory for one test (under $TMPDIR); caller frees. */
static inline char *
unit_tmpdir(void)
{
	const char	*base = getenv("TMPDIR");
	char		*dir;

	if (base == NULL)
		base = "/tmp";
	if (asprintf(&dir, "%s/tx-unit-XXXXXX", base) < 0 || mkdtemp(dir) == NULL)
		abort();
	return dir;
}

static inline void
unit_rmtree(const char *dir)
{
	char	*cmd;

	if (asprintf(&cmd, "rm -rf '%s'", dir) >= 0) {
		if (system(cmd) != 0)
			fprintf(stderr, "could not remove %s\n", dir);
		free(cmd);
	}
}

/*
 * Writes a 16-bit test signal: channel c carries a sine of freq * (c + 1)
 * Hz at half scale. format is an SF_FORMAT_* major type.
 */
static inline void
unit_write_tone(const char *path, int format, int rate, int channels,
    int64_t frames, double freq)
{
	SF_INFO	 info = { 0 };
	SNDFILE	*sf;
	int16_t	*buf;

	info.samplerate = rate;
	info.channels = channels;
	info.format = format | SF_FORMAT_PCM_16;
	if ((sf = sf_open(path, SFM_WRITE, &info)) == NULL)
		fail_msg("%s: %s", path, sf_strerror(NULL));
	buf = calloc((size_t)channels, sizeof *buf);
	for (int64_t i = 0; i < frames; i++) {
		for (int c = 0; c < channels; c++)
			buf[c] = (int16_t)lrint(16383 * sin(2 * M_PI * freq *
			    (c + 1) * (double)i / rate));
		sf_writef_short(sf, buf, 1);
	}
	free(buf);
	sf_close(sf);
}

#endif
