/*
 * check.h: what is wrong with transcriptions.
 *
 * A checker looks at text the way the editor shows it while it is typed,
 * and at a whole project the way 'tingxie check' does. One line is parsed
 * with markup_parse() (markup.h); its event tags are checked against the
 * project's event vocabulary, its code-switch languages against the
 * project's languages, and its words against the lexicon of their language
 * (lexicon.h): unspaced scripts are first segmented into words with the
 * same lexicon.
 *
 * Lexicons are found on a search path of directories (see
 * check_lexicon_path()) by language tag, falling back by subtags
 * (yue-Hant-HK, yue-Hant, yue), and loaded on first use. The words a
 * project added (store_word_add()) are added to the lexicon of their
 * language. A language with no lexicon file is not checked for unknown
 * words: a handful of project words is no lexicon.
 */
#ifndef TX_CHECK_H
#define TX_CHECK_H

#include <stddef.h>
#include <stdint.h>

#include "store.h"

struct checker;
struct lexicon;

enum check_kind {
	CHECK_MARKUP,		/* a markup error */
	CHECK_EVENT,		/* an event tag the project does not have */
	CHECK_LANG,		/* a code-switch language not the project's */
	CHECK_OOV		/* a word not in its language's lexicon */
};

struct check_span {
	enum check_kind	 kind;
	size_t		 off, len;	/* bytes of the text */
	char		*message;	/* for the user */
	char		*lang;		/* CHECK_OOV: the word's language */
};

/*
 * The lexicon search path for a project, colon-separated: the directories
 * in $TINGXIE_LEXICONS, "lexicons" beside the project file,
 * $XDG_DATA_HOME/tingxie/lexicons (~/.local/share/...), then the installed
 * lexicons. Caller frees.
 */
char		*check_lexicon_path(struct store *);

/* A checker over a project; dirs NULL means check_lexicon_path(). */
struct checker	*checker_new(struct store *, const char *dirs);
void		 checker_free(struct checker *);
/*
 * The lexicon of a language (its file and the project's words), loaded
 * on first use. NULL when there is none; then *cause is set if a file
 * could not be read ("PATH:LINE: ...").
 */
struct lexicon	*checker_lexicon(struct checker *, const char *lang,
		     char **cause);
/*
 * The problems of one line of text in language lang (may be NULL), in
 * order of offset. Returns their number; *out is freed with
 * check_spans_free(). A lexicon that cannot be read is reported as a
 * span over the whole line.
 */
size_t		 checker_line(struct checker *, const char *text,
		     const char *lang, struct check_span **out);
void		 check_spans_free(struct check_span *, size_t n);

/* ---- a whole project ---- */

struct check_options {
	double		 max_length;	/* seconds; 0: no maximum */
	double		 min_length;	/* seconds; 0: no minimum */
	int		 words;		/* check words against lexicons */
	int64_t		 recording_id;	/* 0: all */
};

struct check_problem {
	int64_t		 segment_id;
	const struct segment *segment;	/* valid until the list is freed */
	char		*message;
};

struct check_report {
	struct segment		*segs;
	size_t			 nsegs;
	struct check_problem	*problems;
	size_t			 n;
};

/*
 * Lints every segment: markup errors, unknown event tags and languages,
 * retired or unknown dialects, empty text on a transcribed segment,
 * unknown words, segments longer or shorter than the options allow, and
 * segments of one speaker that overlap. Problems come in recording and
 * time order. Returns 0, or -1 with *cause when the project or a lexicon
 * cannot be read.
 */
/*
 * The project's settings for the checks ("check.max-length", default 30
 * seconds; "check.min-length", default 0.1), with words checked and all
 * recordings.
 */
int		 check_options_load(struct store *, struct check_options *,
		     char **cause);
/* A project setting (tingxie config): a number within a range. */
struct check_setting {
	const char	*key;
	const char	*help;		/* N_() */
	int		 whole;		/* whole minutes; else seconds */
	double		 min;
	double		 max;
};
/* The project's settings, up to one with a NULL key. */
extern const struct check_setting check_settings[];
/* Checks a value for one of those settings (NULL: the key only). */
int		 check_setting_valid(const char *key, const char *value,
		     char **cause);
int		 checker_project(struct checker *, const struct check_options *,
		     struct check_report *, char **cause);
void		 check_report_free(struct check_report *);

#endif
