/*
 * xmalloc.h: allocation that never returns NULL.
 *
 * Every function aborts the program with a message on exhaustion, on a zero
 * size and on a size that would overflow. Callers free with free(3).
 */
#ifndef TX_XMALLOC_H
#define TX_XMALLOC_H

#include <stdarg.h>
#include <stddef.h>

void	*xmalloc(size_t size);
void	*xcalloc(size_t nmemb, size_t size);
void	*xreallocarray(void *ptr, size_t nmemb, size_t size);
char	*xstrdup(const char *s);
char	*xstrndup(const char *s, size_t n);
int	 xasprintf(char **ret, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
int	 xvasprintf(char **ret, const char *fmt, va_list ap)
	    __attribute__((format(printf, 2, 0)));
/* Like xasprintf but returns the string: for building error causes. */
char	*xprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
