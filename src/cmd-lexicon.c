/* cmd-lexicon.c: tingxie lexicon PROJECT [list|add|oov|info] */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "cmd.h"
#include "i18n.h"
#include "lexicon.h"
#include "table.h"
#include "timecode.h"
#include "xmalloc.h"

static int
cmd_lexicon_add(const struct cmd_entry *e, struct store *s, int argc,
    char **argv)
{
	static const struct option opts[] = {
		{ "lang", required_argument, NULL, 'l' },
		{ "pron", required_argument, NULL, 'p' },
		{ NULL, 0, NULL, 0 }
	};
	const char	*lang = NULL, *pron = NULL;
	char		*cause = NULL;
	int		 c, rc;

	while ((c = getopt_long(argc, argv, "l:p:", opts, NULL)) != -1) {
		switch (c) {
		case 'l':
			lang = optarg;
			break;
		case 'p':
			pron = optarg;
			break;
		default:
			return cmd_usage(e, NULL);
		}
	}
	if (argc - optind != 1 || lang == NULL)
		return cmd_usage(e, _("lexicon add needs one WORD and --lang"));
	if ((rc = store_word_add(s, lang, argv[optind], pron, &cause)) < 0)
		return cmd_fail(cause);
	if (rc == 1)
		printf(_("'%s' is already in the project's %s words\n"),
		    argv[optind], lang);
	return EXIT_OK;
}

/* Parses --lang TAG and --tsv (and --rec NAME when rec is not NULL). */
static int
cmd_lexicon_opts(const struct cmd_entry *e, struct store *s, int argc,
    char **argv, const char **lang, int *tsv, int64_t *rec)
{
	static const struct option opts[] = {
		{ "lang", required_argument, NULL, 'l' },
		{ "rec", required_argument, NULL, 'r' },
		{ "tsv", no_argument, NULL, 't' },
		{ NULL, 0, NULL, 0 }
	};
	char			*cause = NULL;
	int			 c;

	while ((c = getopt_long(argc, argv, "l:r:t", opts, NULL)) != -1) {
		switch (c) {
		case 'l':
			*lang = optarg;
			break;
		case 'r':
			if (rec == NULL)
				return cmd_usage(e, NULL);
			if (store_recording_id(s, optarg, rec, &cause) != 0)
				return cmd_fail(cause);
			break;
		case 't':
			*tsv = 1;
			break;
		default:
			return cmd_usage(e, NULL);
		}
	}
	if (optind != argc)
		return cmd_usage(e, _("unexpected '%s'"), argv[optind]);
	return EXIT_OK;
}

static int
cmd_lexicon_list(const struct cmd_entry *e, struct store *s, int argc,
    char **argv)
{
	const char *headers[] = { _("language"), _("word"), _("pronunciation"),
	    _("added by") };
	struct store_word	*w;
	struct table		*t;
	const char		*lang = NULL;
	size_t			 n;
	char			*cause = NULL;
	int			 tsv = 0, rc;

	if ((rc = cmd_lexicon_opts(e, s, argc, argv, &lang, &tsv, NULL)) != 0)
		return rc;
	if (store_word_list(s, lang, &w, &n, &cause) != 0)
		return cmd_fail(cause);
	t = table_new(4, headers);
	for (size_t i = 0; i < n; i++) {
		const char *cells[4] = { w[i].lang, w[i].word, w[i].pron,
		    w[i].added_by };

		table_add(t, cells);
	}
	table_print(t, stdout, tsv);
	table_free(t);
	store_word_list_free(w, n);
	return EXIT_OK;
}

/* An unknown word, how often it occurs, and where first. */
struct oov {
	char			*word;
	char			*lang;
	size_t			 count;
	const struct segment	*example;
};

static int
oov_cmp(const void *a, const void *b)
{
	const struct oov	*x = a, *y = b;
	int			 c;

	if (x->count != y->count)
		return x->count > y->count ? -1 : 1;
	if ((c = strcmp(x->lang, y->lang)) != 0)
		return c;
	return strcmp(x->word, y->word);
}

/* Counts one unknown word (linear: the list is of distinct words). */
static void
oov_count(struct oov **list, size_t *n, const char *word, const char *lang,
    const struct segment *g)
{
	for (size_t i = 0; i < *n; i++) {
		if (strcmp((*list)[i].word, word) == 0 &&
		    strcmp((*list)[i].lang, lang) == 0) {
			(*list)[i].count++;
			return;
		}
	}
	*list = xreallocarray(*list, *n + 1, sizeof **list);
	(*list)[*n].word = xstrdup(word);
	(*list)[*n].lang = xstrdup(lang);
	(*list)[*n].count = 1;
	(*list)[*n].example = g;
	(*n)++;
}

static int
cmd_lexicon_oov(const struct cmd_entry *e, struct store *s, int argc,
    char **argv)
{
	const char *headers[] = { _("word"), _("language"), _(">count"),
	    _("example") };
	struct segment_filter	 f = { 0 };
	struct segment		*segs;
	struct check_span	*spans;
	struct checker		*c;
	struct oov		*list = NULL;
	struct table		*t;
	const char		*lang = NULL;
	size_t			 nsegs, n = 0, ns;
	char			*cause = NULL, *word, *example, a[TIMECODE_BUFSIZE];
	int			 tsv = 0, rc;

	if ((rc = cmd_lexicon_opts(e, s, argc, argv, &lang, &tsv,
	    &f.recording_id)) != 0)
		return rc;
	if (store_segment_list(s, &f, &segs, &nsegs, &cause) != 0)
		return cmd_fail(cause);
	c = checker_new(s, NULL);
	for (size_t i = 0; i < nsegs; i++) {
		const struct segment *g = &segs[i];

		if (g->lang != NULL && checker_lexicon(c, g->lang,
		    &cause) == NULL && cause != NULL) {
			checker_free(c);
			segment_list_free(segs, nsegs);
			return cmd_fail(cause);
		}
		ns = checker_line(c, g->text, g->lang, &spans);
		for (size_t j = 0; j < ns; j++) {
			if (spans[j].kind != CHECK_OOV || (lang != NULL &&
			    strcmp(spans[j].lang, lang) != 0))
				continue;
			word = xstrndup(g->text + spans[j].off, spans[j].len);
			oov_count(&list, &n, word, spans[j].lang, g);
			free(word);
		}
		check_spans_free(spans, ns);
	}
	if (n > 1)
		qsort(list, n, sizeof *list, oov_cmp);
	t = table_new(4, headers);
	for (size_t i = 0; i < n; i++) {
		char count[24];
		const char *cells[4];

		snprintf(count, sizeof count, "%zu", list[i].count);
		xasprintf(&example, "%lld %s:%s %s", (long long)
		    list[i].example->id, list[i].example->recording,
		    timecode_sec(list[i].example->start, list[i].example->rate,
		    a), list[i].example->text);
		cells[0] = list[i].word;
		cells[1] = list[i].lang;
		cells[2] = count;
		cells[3] = example;
		table_add(t, cells);
		free(example);
		free(list[i].word);
		free(list[i].lang);
	}
	table_print(t, stdout, tsv);
	table_free(t);
	free(list);
	checker_free(c);
	segment_list_free(segs, nsegs);
	return EXIT_OK;
}

/* Adds a tag to a list of distinct tags. */
static void
cmd_lexicon_tag(char ***tags, size_t *n, const char *tag)
{
	if (tag == NULL)
		return;
	for (size_t i = 0; i < *n; i++) {
		if (strcmp((*tags)[i], tag) == 0)
			return;
	}
	*tags = xreallocarray(*tags, *n + 1, sizeof **tags);
	(*tags)[(*n)++] = xstrdup(tag);
}

static int
cmd_lexicon_info(const struct cmd_entry *e, struct store *s, int argc,
    char **argv)
{
	const char *headers[] = { _("language"), _(">words"), _("file") };
	struct vocab_item	*v;
	struct segment		*segs;
	struct checker		*c;
	struct lexicon		*lex;
	struct table		*t;
	const char		*lang = NULL;
	char			**tags = NULL, *cause = NULL, *dirs, *path,
				 words[24], *last = NULL;
	size_t			 ntags = 0, nv, nsegs;
	int			 tsv = 0, rc;

	if ((rc = cmd_lexicon_opts(e, s, argc, argv, &lang, &tsv, NULL)) != 0)
		return rc;
	if (lang != NULL)
		cmd_lexicon_tag(&tags, &ntags, lang);
	else {
		if (store_vocab_list(s, VOCAB_LANGUAGE, 0, &v, &nv,
		    &cause) != 0)
			return cmd_fail(cause);
		for (size_t i = 0; i < nv; i++)
			cmd_lexicon_tag(&tags, &ntags, v[i].code);
		vocab_list_free(v, nv);
		if (store_segment_list(s, NULL, &segs, &nsegs, &cause) != 0)
			return cmd_fail(cause);
		for (size_t i = 0; i < nsegs; i++)
			cmd_lexicon_tag(&tags, &ntags, segs[i].lang);
		segment_list_free(segs, nsegs);
	}
	dirs = check_lexicon_path(s);
	if (!tsv)
		printf(_("search path: %s\n"), dirs);
	c = checker_new(s, dirs);
	t = table_new(3, headers);
	rc = EXIT_OK;
	for (size_t i = 0; i < ntags; i++) {
		const char *cells[3];

		cause = NULL;
		lex = checker_lexicon(c, tags[i], &cause);
		path = lexicon_find(dirs, tags[i]);
		snprintf(words, sizeof words, "%zu", lex != NULL ?
		    lexicon_size(lex) : 0);
		cells[0] = tags[i];
		cells[1] = words;
		cells[2] = path != NULL ? path : _("(none: words are not "
		    "checked)");
		if (cause != NULL) {
			/* Tags sharing a broken file say so once. */
			if (last == NULL || strcmp(last, cause) != 0)
				fprintf(stderr, "tingxie: %s\n", cause);
			free(last);
			last = cause;
			rc = EXIT_FAIL;
		}
		table_add(t, cells);
		free(path);
		free(tags[i]);
	}
	table_print(t, stdout, tsv);
	table_free(t);
	free(tags);
	free(last);
	checker_free(c);
	free(dirs);
	return rc;
}

static const struct cmd_action cmd_lexicon_actions[] = {
	{ "info", STORE_READ, cmd_lexicon_info },
	{ "list", STORE_READ, cmd_lexicon_list },
	{ "add", STORE_WRITE, cmd_lexicon_add },
	{ "oov", STORE_READ, cmd_lexicon_oov },
	{ NULL, STORE_READ, NULL }
};

const struct cmd_entry cmd_lexicon_entry = {
	"lexicon",
	N_("PROJECT [info] [--lang TAG] [--tsv]\n"
	   "       tingxie lexicon PROJECT list [--lang TAG] [--tsv]\n"
	   "       tingxie lexicon PROJECT add WORD --lang TAG [--pron P]\n"
	   "       tingxie lexicon PROJECT oov [--lang TAG] [--rec NAME] "
	   "[--tsv]"),
	N_("The lexicons words are checked against, and the project's words."),
	N_("Actions:\n"
	   "  info   each language of the project, the lexicon file found for\n"
	   "         it on the search path and its number of words\n"
	   "  list   the words the project added to the lexicons\n"
	   "  add    add a word (no spaces) for a language, with an optional\n"
	   "         pronunciation (phones or syllables separated by spaces:\n"
	   "         Jyutping for Cantonese, pinyin for Mandarin, ARPAbet for\n"
	   "         English)\n"
	   "  oov    words not in the lexicon of their language, most frequent\n"
	   "         first, with an example segment\n\n"
	   "Lexicons are UTF-8 files named by language tag (cmn-Hans.tsv,\n"
	   "yue-Hant.tsv, en.tsv; format in lexicons/README.md), looked up in\n"
	   "$TINGXIE_LEXICONS, 'lexicons' beside the project,\n"
	   "$XDG_DATA_HOME/tingxie/lexicons and the installed lexicons. A tag\n"
	   "falls back by subtags: yue-Hant-HK uses yue-Hant.tsv if there is no\n"
	   "yue-Hant-HK.tsv.\n"),
	NULL,
	cmd_lexicon_actions
};
