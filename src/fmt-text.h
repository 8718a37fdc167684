/*
 * fmt-text.h: what the readers of the plain-text interchange formats
 * (TextGrid, SRT, WebVTT) share: a whole file as UTF-8 with LF line ends,
 * and text made fit for one segment.
 */
#ifndef TX_FMT_TEXT_H
#define TX_FMT_TEXT_H

#include <stddef.h>

/*
 * Reads a whole file. A UTF-8 BOM is dropped; a UTF-16 BOM (big or little
 * endian) has the file converted from UTF-16. Otherwise the file must be
 * UTF-8, or, when legacy is not NULL, is converted from that iconv
 * character set if it is not. CRLF and lone CR become LF. A NUL byte is
 * refused. Returns the NUL-terminated text (caller frees), or NULL with
 * *cause naming the file (and the line) and what to do.
 */
char	*fmt_text_load(const char *path, const char *legacy, size_t *len,
	     char **cause);
/*
 * Makes text one line in place: every run of white space holding a tab
 * or line break becomes one space, and white space at either end goes.
 */
void	 fmt_text_flatten(char *s);
/* Whether s is empty or only ASCII white space. */
int	 fmt_text_blank(const char *s);

#endif
