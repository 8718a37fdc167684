/* fmt-xml.c: what the XML formats share: escaping, the date, parsing. */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include "fmt-xml.h"
#include "i18n.h"
#include "xmalloc.h"

#define FMT_XML_DATE_ENV "TINGXIE_EXPORT_DATE"

static int
fmt_xml_mdays(int year, int month)
{
	static const int	days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30,
				    31, 30, 31 };
	int			leap;

	leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
	return days[month - 1] + (month == 2 && leap);
}

/* Reads n digits at s into *v; 0 or -1. */
static int
fmt_xml_digits(const char *s, int n, int *v)
{
	*v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		*v = *v * 10 + (s[i] - '0');
	}
	return 0;
}

/* "YYYY-MM-DDTHH:MM:SSZ" exactly, and a real time. */
static int
fmt_xml_date_parse(const char *s, struct fmt_xml_date *d)
{
	if (strlen(s) != 20 || s[4] != '-' || s[7] != '-' || s[10] != 'T' ||
	    s[13] != ':' || s[16] != ':' || s[19] != 'Z')
		return -1;
	if (fmt_xml_digits(s, 4, &d->year) != 0 ||
	    fmt_xml_digits(s + 5, 2, &d->month) != 0 ||
	    fmt_xml_digits(s + 8, 2, &d->day) != 0 ||
	    fmt_xml_digits(s + 11, 2, &d->hour) != 0 ||
	    fmt_xml_digits(s + 14, 2, &d->min) != 0 ||
	    fmt_xml_digits(s + 17, 2, &d->sec) != 0)
		return -1;
	if (d->year < 1 || d->month < 1 || d->month > 12 || d->day < 1 ||
	    d->day > fmt_xml_mdays(d->year, d->month) || d->hour > 23 ||
	    d->min > 59 || d->sec > 59)
		return -1;
	return 0;
}

int
fmt_xml_date(struct fmt_xml_date *d, char **cause)
{
	const char	*env = getenv(FMT_XML_DATE_ENV);
	struct tm	 tm;
	time_t		 now;

	if (env != NULL && *env != '\0') {
		if (fmt_xml_date_parse(env, d) == 0)
			return 0;
		*cause = xprintf(_("%s='%s' is not a UTC time written as "
		    "2024-05-01T08:30:00Z: fix it or unset it"),
		    FMT_XML_DATE_ENV, env);
		return -1;
	}
	now = time(NULL);
	if (gmtime_r(&now, &tm) == NULL) {
		*cause = xprintf(_("the clock gives no date: %s"),
		    strerror(errno));
		return -1;
	}
	d->year = tm.tm_year + 1900;
	d->month = tm.tm_mon + 1;
	d->day = tm.tm_mday;
	d->hour = tm.tm_hour;
	d->min = tm.tm_min;
	d->sec = tm.tm_sec > 59 ? 59 : tm.tm_sec;
	return 0;
}

/* Decodes one UTF-8 character at s; its length, or 0 when invalid. */
static size_t
fmt_xml_utf8(const unsigned char *s, uint32_t *cp)
{
	size_t		n, i;
	uint32_t	c = s[0], min;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if ((c & 0xe0) == 0xc0) {
		n = 2;
		c &= 0x1f;
		min = 0x80;
	} else if ((c & 0xf0) == 0xe0) {
		n = 3;
		c &= 0x0f;
		min = 0x800;
	} else if ((c & 0xf8) == 0xf0) {
		n = 4;
		c &= 0x07;
		min = 0x10000;
	} else
		return 0;
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3f);
	}
	if (c < min || c > 0x10ffff)
		return 0;
	*cp = c;
	return n;
}

int
fmt_xml_ok(const char *s)
{
	const unsigned char	*p = (const unsigned char *)s;
	uint32_t		 c;
	size_t			 n;

	while (*p != '\0') {
		if ((n = fmt_xml_utf8(p, &c)) == 0)
			return 0;
		if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
			return 0;
		if ((c >= 0xd800 && c <= 0xdfff) || c == 0xfffe ||
		    c == 0xffff)
			return 0;
		p += n;
	}
	return 1;
}

int
fmt_xml_ncname(const char *s)
{
	if (!((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') ||
	    *s == '_'))
		return 0;
	for (s++; *s != '\0'; s++) {
		if (!((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') ||
		    (*s >= '0' && *s <= '9') || *s == '_' || *s == '-' ||
		    *s == '.'))
			return 0;
	}
	return 1;
}

/* Escapes s; attr also escapes quotes and white space but spaces. */
static void
fmt_xml_escape(FILE *f, const char *s, int attr)
{
	for (; *s != '\0'; s++) {
		switch (*s) {
		case '&':
			fputs("&amp;", f);
			break;
		case '<':
			fputs("&lt;", f);
			break;
		case '>':
			fputs("&gt;", f);
			break;
		case '\r':
			fputs("&#13;", f);
			break;
		case '"':
			fputs(attr ? "&quot;" : "\"", f);
			break;
		case '\t':
			fputs(attr ? "&#9;" : "\t", f);
			break;
		case '\n':
			fputs(attr ? "&#10;" : "\n", f);
			break;
		default:
			fputc(*s, f);
		}
	}
}

void
fmt_xml_text(FILE *f, const char *s)
{
	fmt_xml_escape(f, s, 0);
}

void
fmt_xml_attr(FILE *f, const char *name, const char *value)
{
	fprintf(f, " %s=\"", name);
	fmt_xml_escape(f, value, 1);
	fputc('"', f);
}

/* The whole file, or NULL with *cause. */
static char *
fmt_xml_slurp(const char *path, size_t *len, char **cause)
{
	FILE	*f;
	char	*buf = NULL;
	size_t	 size = 0, n;

	if ((f = fopen(path, "rb")) == NULL) {
		*cause = xprintf(_("%s: %s"), path, strerror(errno));
		return NULL;
	}
	*len = 0;
	for (;;) {
		if (*len == size) {
			size = size == 0 ? 65536 : size * 2;
			buf = xreallocarray(buf, size, 1);
		}
		if ((n = fread(buf + *len, 1, size - *len, f)) == 0)
			break;
		*len += n;
	}
	if (ferror(f)) {
		*cause = xprintf(_("%s: %s"), path, strerror(errno));
		free(buf);
		buf = NULL;
	}
	fclose(f);
	return buf;
}

/* The first error is the one to show: later ones follow from it. */
struct fmt_xml_first {
	char	*message;
	int	 line;
};

#if LIBXML_VERSION >= 21200
static void
fmt_xml_on_error(void *arg, const xmlError *e)
#else
static void
fmt_xml_on_error(void *arg, xmlErrorPtr e)
#endif
{
	xmlParserCtxt		*ctxt = arg;
	struct fmt_xml_first	*first = ctxt->_private;
	size_t			 n;

	if (first->message != NULL || e->level < XML_ERR_ERROR)
		return;
	first->message = xstrdup(e->message != NULL ? e->message : "?");
	first->line = e->line;
	n = strlen(first->message);
	while (n > 0 && (first->message[n - 1] == '\n' ||
	    first->message[n - 1] == ' '))
		first->message[--n] = '\0';
}

xmlDoc *
fmt_xml_parse(const char *path, const char *root, const char *what,
    char **cause)
{
	struct fmt_xml_first	 first = { NULL, 0 };
	xmlParserCtxt		*ctxt;
	xmlDoc			*doc;
	xmlNode			*top;
	char			*buf;
	size_t			 len;

	if ((buf = fmt_xml_slurp(path, &len, cause)) == NULL)
		return NULL;
	if (len > INT32_MAX) {
		*cause = xprintf(_("%s: too big for an XML file"), path);
		free(buf);
		return NULL;
	}
	if ((ctxt = xmlNewParserCtxt()) == NULL) {
		*cause = xprintf(_("%s: out of memory"), path);
		free(buf);
		return NULL;
	}
	ctxt->_private = &first;
	ctxt->sax->serror = fmt_xml_on_error;
	doc = xmlCtxtReadMemory(ctxt, buf, (int)len, path, NULL,
	    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
	    XML_PARSE_BIG_LINES);
	free(buf);
	xmlFreeParserCtxt(ctxt);
	if (doc == NULL) {
		*cause = xprintf(_("%s:%d: not well-formed XML: %s"), path,
		    first.line, first.message != NULL ? first.message :
		    _("cannot be read"));
		free(first.message);
		return NULL;
	}
	free(first.message);
	top = xmlDocGetRootElement(doc);
	if (top == NULL || !fmt_xml_is(top, root)) {
		*cause = xprintf(_("%s:%ld: the root element is <%s>, not "
		    "<%s>: this is not %s"), path,
		    top != NULL ? xmlGetLineNo(top) : 0L,
		    top != NULL ? (const char *)top->name : "", root, what);
		xmlFreeDoc(doc);
		return NULL;
	}
	return doc;
}

int
fmt_xml_is(const xmlNode *n, const char *name)
{
	return n != NULL && n->type == XML_ELEMENT_NODE &&
	    strcmp((const char *)n->name, name) == 0;
}

char *
fmt_xml_prop(const xmlNode *n, const char *name)
{
	xmlChar	*v;
	char	*s;

	if ((v = xmlGetNoNsProp(n, (const xmlChar *)name)) == NULL)
		return NULL;
	s = xstrdup((const char *)v);
	xmlFree(v);
	return s;
}

char *
fmt_xml_content(const xmlNode *n)
{
	xmlChar	*v;
	char	*s;

	if ((v = xmlNodeGetContent(n)) == NULL)
		return xstrdup("");
	s = xstrdup((const char *)v);
	xmlFree(v);
	return s;
}

char *
fmt_xml_error(const char *path, const xmlNode *n, const char *fmt, ...)
{
	va_list	 ap;
	char	*msg, *s;

	va_start(ap, fmt);
	xvasprintf(&msg, fmt, ap);
	va_end(ap);
	xasprintf(&s, "%s:%ld: <%s> %s", path, xmlGetLineNo(n),
	    (const char *)n->name, msg);
	free(msg);
	return s;
}

char *
fmt_xml_collapse(const char *s)
{
	char	*out = xmalloc(strlen(s) + 1), *q = out;
	int	 space = 0;

	for (; *s != '\0'; s++) {
		if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') {
			space = q != out;
			continue;
		}
		if (space)
			*q++ = ' ';
		space = 0;
		*q++ = *s;
	}
	*q = '\0';
	return out;
}

int
fmt_xml_seconds(const char *s, int64_t *ns)
{
	int64_t	sec = 0, frac = 0, scale = 100000000;
	int	digits = 0;

	for (; *s >= '0' && *s <= '9'; s++, digits++) {
		if (sec > (INT64_MAX / 1000000000 - 9) / 10)
			return -1;
		sec = sec * 10 + (*s - '0');
	}
	if (*s == '.') {
		for (s++; *s >= '0' && *s <= '9'; s++, digits++) {
			frac += (*s - '0') * scale;
			scale /= 10;
		}
	}
	if (*s != '\0' || digits == 0)
		return -1;
	*ns = sec * 1000000000 + frac;
	return 0;
}
