/*
 * markup.h: the transcription markup convention (doc/markup.md).
 *
 * Segment text is one line of NFC UTF-8. Words are separated by white space
 * (Zs: ASCII space, U+3000, ...); Chinese and Japanese are written without
 * spaces. On top of that:
 *
 *	[noise]			event tag: 1-32 of a-z 0-9 - _
 *	((words)) (())		unclear speech, best guess or unintelligible
 *	comm-			truncated word: '-' before space, punctuation,
 *				markup or the end
 *	%uh %嗯			filled pause: '%' and one word
 *	<en>words</en>		code-switch span: a BCP 47 tag, not nested,
 *				not empty
 *
 * Any other '[', ']', '(', ')', '<', '>' or '%' is an error (single
 * parentheses included), as are control characters and invalid UTF-8.
 *
 * markup_parse() is the one parser. It never fails: every problem in the
 * line is collected with its byte span, after each one the parser carries
 * on, and the tokens of what could be read are still returned. Every span
 * starts and ends on a UTF-8 character boundary (a run of invalid bytes is
 * one error of its own). Errors are sorted by offset.
 *
 * Tokens, in text order, never overlap; white space is in no token:
 *	WORD		a maximal run of letters, marks, digits, symbols, with
 *			' U+2019 - U+2010 inside ("don't", "e-mail"); a Han
 *			run next to Latin ("去meeting了") is one WORD: the
 *			caller splits by script
 *	TRUNCATED	a word ending in '-'; the span includes the '-'
 *	FILLER		'%' and its word; the span includes the '%'
 *	EVENT		"[noise]" with name "noise"
 *	UNCLEAR_OPEN/CLOSE	"((" and "))"
 *	SWITCH_OPEN/CLOSE	"<en>" and "</en>"
 *	PUNCT		one punctuation character (P*) outside a word
 * lang is the tag of the code-switch span the token is in, as the open
 * tag spells it (the open and close tokens included; closing matches
 * letter case loosely), else default_lang. unclear is 1 for tokens inside
 * (( )), the "((" and "))" tokens included. Event names are reported, not
 * checked against the project's vocabulary: that is the caller's job.
 */
#ifndef TX_MARKUP_H
#define TX_MARKUP_H

#include <stddef.h>

#define MARKUP_NAME_MAX 32	/* longest event tag name */

enum markup_kind {
	MARKUP_WORD,
	MARKUP_TRUNCATED,
	MARKUP_FILLER,
	MARKUP_EVENT,
	MARKUP_UNCLEAR_OPEN,
	MARKUP_UNCLEAR_CLOSE,
	MARKUP_SWITCH_OPEN,
	MARKUP_SWITCH_CLOSE,
	MARKUP_PUNCT
};

struct markup_token {
	enum markup_kind	 kind;
	size_t			 off, len;	/* byte span in the text */
	const char		*lang;	/* span's tag (in struct markup) or
					   default_lang (may be NULL) */
	int			 unclear;	/* inside (( )) */
	char			 name[MARKUP_NAME_MAX + 1];	/* EVENT: "noise" */
};

struct markup_error {
	size_t		 off, len;	/* byte span, len >= 1 */
	char		*message;	/* translated; says what to do */
};

struct markup {
	struct markup_token	*tokens;
	size_t			 ntokens;
	struct markup_error	*errors;
	size_t			 nerrors;
	char			**langs;	/* tags that lang points to */
	size_t			 nlangs;
};

/*
 * Parses NUL-terminated text into *out (whatever it held is overwritten;
 * free it with markup_free()). default_lang is the language of tokens
 * outside code-switch spans and is not copied. Returns out->nerrors.
 */
size_t	 markup_parse(const char *text, const char *default_lang,
	    struct markup *out);
void	 markup_free(struct markup *m);

/* What markup_normalize() does with one construct. */
#define MARKUP_NORM_KEEP 0	/* the zero value: keep (see below) */
#define MARKUP_NORM_DROP 1	/* remove it */
#define MARKUP_NORM_MAP	 2	/* replace it with its map string */

/*
 * Options for exporting text to ASR tools; { 0 } keeps everything. A _MAP
 * whose map string is NULL or "" drops. Code-switch tags are always
 * removed, their words kept.
 */
struct markup_norm {
	int		 events;	/* KEEP "[noise]"; MAP to "<noise>" */
	const char	*event_map;
	int		 unclear;	/* KEEP the words without (( )); DROP
					   or MAP the whole span, (()) too */
	const char	*unclear_map;
	int		 truncated;	/* KEEP "comm-" as it is */
	const char	*truncated_map;
	int		 fillers;	/* KEEP the word without '%' */
	const char	*filler_map;
	int		 punct;		/* KEEP or DROP (MAP drops) */
};

/*
 * Returns text normalised as norm says (caller frees), or NULL with *cause
 * (caller frees) naming the first markup error and how many there are.
 *
 * What is kept is joined with single spaces, except that no space goes
 * between two pieces that had no white space between them in the input
 * (markup that was removed does not count) when the seam is between two
 * unspaced-script (Han, Kana) characters or one piece is punctuation:
 * "今天((天气))很好。" with unclear KEEP gives "今天天气很好。",
 * "Hello, ((world))." gives "Hello, world.". An event tag, or anything a
 * _MAP put in, is always set off by spaces, even from punctuation:
 * "今天[noise]好，" gives "今天 [noise] 好，".
 */
char	*markup_normalize(const char *text, const struct markup_norm *norm,
	    char **cause);

#endif
