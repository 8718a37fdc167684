/*
 * fmt-xml.h: what the XML formats (fmt-eaf.c, fmt-trs.c) share: escaped
 * output, the export date, and reading with libxml2 with errors that name
 * the file, the line and the element.
 */
#ifndef TX_FMT_XML_H
#define TX_FMT_XML_H

#include <stdint.h>
#include <stdio.h>

#include <libxml/tree.h>

/*
 * The time an export says it was made, in UTC: $TINGXIE_EXPORT_DATE when
 * set ("2024-05-01T08:30:00Z", so that a file can be made again exactly),
 * else now.
 */
struct fmt_xml_date {
	int	year, month, day, hour, min, sec;
};

int	 fmt_xml_date(struct fmt_xml_date *, char **cause);

/*
 * Whether s is UTF-8 that XML 1.0 can hold: no control characters but
 * tab, newline and carriage return, no surrogates, U+FFFE or U+FFFF.
 */
int	 fmt_xml_ok(const char *s);
/* Whether s can be an xsd:ID (an NCName) made of ASCII. */
int	 fmt_xml_ncname(const char *s);
/* Writes s escaped as character data. */
void	 fmt_xml_text(FILE *, const char *s);
/* Writes ' name="value"', the value escaped. */
void	 fmt_xml_attr(FILE *, const char *name, const char *value);

/*
 * Parses a file (no network, no external entities, no DTD); its root
 * element must be called root, else it is not what ("an ELAN file").
 * NULL with *cause naming the file and line.
 */
xmlDoc	*fmt_xml_parse(const char *path, const char *root, const char *what,
	     char **cause);
/* Whether n is an element called name. */
int	 fmt_xml_is(const xmlNode *n, const char *name);
/* An attribute's value (caller frees), or NULL when it is not there. */
char	*fmt_xml_prop(const xmlNode *n, const char *name);
/* An element's text, all of it (caller frees; never NULL). */
char	*fmt_xml_content(const xmlNode *n);
/* s with each run of XML white space one space, trimmed (caller frees). */
char	*fmt_xml_collapse(const char *s);
/* "path:line: <ELEMENT> " followed by the message: for *cause. */
char	*fmt_xml_error(const char *path, const xmlNode *n,
	     const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/*
 * Parses decimal seconds ("12", "12.5", "0.125") into nanoseconds, for
 * comparing times that are kept as written. -1 if malformed.
 */
int	 fmt_xml_seconds(const char *s, int64_t *ns);

#endif
