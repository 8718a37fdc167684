/*
 * lang.h: language tags (BCP 47, RFC 5646).
 *
 * lang_check() tests a tag for well-formedness against RFC 5646's grammar,
 * including its grandfathered tags; it does not consult the subtag
 * registry, so "xx-YY" is well formed even if no such language exists.
 */
#ifndef TX_LANG_H
#define TX_LANG_H

/* Returns 0 if tag is well formed, or -1 with *cause saying why. */
int	 lang_check(const char *tag, char **cause);
/*
 * The tag in RFC 5646's letter case (tags are case-insensitive; this is
 * how they are written and stored): language and extensions lower case,
 * script title case, region upper case, as in "yue-Hant-HK". Caller frees.
 */
char	*lang_canonical(const char *tag);
/*
 * Whether tag covers language lang: equal, or a prefix of it ending at a
 * subtag boundary ("yue" covers "yue-Hant-HK"), ignoring letter case.
 * lang may be NULL (covered by nothing).
 */
int	 lang_covers(const char *tag, const char *lang);

#endif
