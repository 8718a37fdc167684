/* xmalloc.c: allocation wrappers (see xmalloc.h). */
#include "config.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "xmalloc.h"

static void __attribute__((noreturn))
xmalloc_fatal(const char *what, size_t a, size_t b)
{
	fprintf(stderr, _("tingxie: %s of %zu x %zu bytes failed: %s\n"),
	    what, a, b, strerror(errno ? errno : ENOMEM));
	abort();
}

void *
xmalloc(size_t size)
{
	void	*p;

	if (size == 0)
		xmalloc_fatal("malloc", 0, 0);
	if ((p = malloc(size)) == NULL)
		xmalloc_fatal("malloc", 1, size);
	return p;
}

void *
xcalloc(size_t nmemb, size_t size)
{
	void	*p;

	if (nmemb == 0 || size == 0 || SIZE_MAX / nmemb < size)
		xmalloc_fatal("calloc", nmemb, size);
	if ((p = calloc(nmemb, size)) == NULL)
		xmalloc_fatal("calloc", nmemb, size);
	return p;
}

void *
xreallocarray(void *ptr, size_t nmemb, size_t size)
{
	void	*p;

	if (nmemb == 0 || size == 0 || SIZE_MAX / nmemb < size)
		xmalloc_fatal("realloc", nmemb, size);
	if ((p = realloc(ptr, nmemb * size)) == NULL)
		xmalloc_fatal("realloc", nmemb, size);
	return p;
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
	char	*p;

	p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

int
xvasprintf(char **ret, const char *fmt, va_list ap)
{
	int	 n;

	if ((n = vasprintf(ret, fmt, ap)) < 0 || *ret == NULL)
		xmalloc_fatal("vasprintf", 1, 0);
	return n;
}

int
xasprintf(char **ret, const char *fmt, ...)
{
	va_list	 ap;
	int	 n;

	va_start(ap, fmt);
	n = xvasprintf(ret, fmt, ap);
	va_end(ap);
	return n;
}

char *
xprintf(const char *fmt, ...)
{
	va_list	 ap;
	char	*s;

	va_start(ap, fmt);
	xvasprintf(&s, fmt, ap);
	va_end(ap);
	return s;
}
