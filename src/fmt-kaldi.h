/*
 * fmt-kaldi.h: the parts of the Kaldi format (formats.md §1) that its
 * writer (fmt-kaldi.c), reader (fmt-kaldi-read.c) and validator
 * (fmt-kaldi-validate.c) share.
 *
 * A Kaldi file is lines of fields separated by runs of blanks (space,
 * tab); field 1 is the key. kaldi_file_load() reads a whole file and splits
 * it in place: each line's key and the rest of the line after the blanks
 * that follow the key.
 */
#ifndef TX_FMT_KALDI_H
#define TX_FMT_KALDI_H

#include <stddef.h>

#include "fmt.h"

struct kaldi_line {
	char		*key;		/* "" for a blank line */
	char		*rest;		/* after the key and its blanks */
	long		 lineno;
};

struct kaldi_file {
	char			*path;		/* dir/name, for messages */
	const char		*name;
	int			 present;
	int			 newline;	/* empty, or ends in '\n' */
	char			*buf;
	struct kaldi_line	*lines;
	size_t			 n;
};

/*
 * Loads dir/name. A missing file is not an error: present is 0. Fails
 * with *cause naming the file when it cannot be read or holds a NUL.
 */
int	 kaldi_file_load(struct kaldi_file *, const char *dir,
	     const char *name, char **cause);
void	 kaldi_file_free(struct kaldi_file *);
/* The number of blank-separated fields of s. */
size_t	 kaldi_nfields(const char *s);
/* Copies field i (0-based) of s into a new string, or NULL. */
char	*kaldi_field(const char *s, size_t i);

/* Whether s is a decimal number "12", "12.5", ".5" (no sign). */
int	 kaldi_decimal(const char *s);
/* Compares two kaldi_decimal() numbers exactly: <0, 0, >0. */
int	 kaldi_decimal_cmp(const char *a, const char *b);
/* s as a canonical decimal: "007.50" gives "7.50", ".5" "0.5". */
char	*kaldi_decimal_canon(const char *s);

/*
 * Why a transcript cannot be the rest of a line of Kaldi's text file
 * (utils/validate_text.pl): not UTF-8, a CR or other control character
 * (tab is white space), a Unicode space other than the ASCII one, or one
 * of the words <s> </s> #0. Returns the reason (caller frees) or NULL.
 */
char	*kaldi_text_problem(const char *s);

int	 kaldi_read(const char *, struct import_doc *, char **);
int	 kaldi_validate(const char *, char **);

#endif
