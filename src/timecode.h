/*
 * timecode.h: times as integer sample frames, and their text forms.
 *
 * Every time inside tingxie is a frame count at the recording's rate. Text
 * comes in as seconds ("12", "12.5"), minutes ("1:02.250") or hours
 * ("1:00:02.5") and is converted exactly, with decimal arithmetic, rounding
 * half up to the nearest frame.
 */
#ifndef TX_TIMECODE_H
#define TX_TIMECODE_H

#include <stdint.h>

#define TIMECODE_BUFSIZE 32

/*
 * Parses a non-negative time. Returns 0, or -1 with *cause set (caller
 * frees) naming the text and what is accepted.
 */
int	 timecode_parse(const char *s, int rate, int64_t *frames, char **cause);
/* frames -> "h:mm:ss.mmm" */
char	*timecode_hms(int64_t frames, int rate, char buf[TIMECODE_BUFSIZE]);
/* frames -> seconds with three decimals, "12.345" */
char	*timecode_sec(int64_t frames, int rate, char buf[TIMECODE_BUFSIZE]);
/* frames -> whole milliseconds, rounded half up */
int64_t	 timecode_ms(int64_t frames, int rate);
/* milliseconds -> frames, rounded half up */
int64_t	 timecode_frames(int64_t ms, int rate);

#endif
