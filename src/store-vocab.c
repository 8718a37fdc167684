/*
 * store-vocab.c: controlled vocabularies (dialect tags, event tags, the
 * project's languages), the words a project adds to its lexicons, and the
 * checks of the tags a person gives a segment.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "names.h"
#include "lang.h"
#include "store-int.h"
#include "text.h"
#include "xmalloc.h"

static const char *const vocab_kinds[VOCAB_NKINDS] = {
	"dialect", "event", "language"
};

const char *
vocab_kind_name(enum vocab_kind k)
{
	return vocab_kinds[k];
}

int
vocab_kind_parse(const char *s, enum vocab_kind *out)
{
	int	i = names_find(vocab_kinds, VOCAB_NKINDS, s);

	if (i >= 0) {
		*out = (enum vocab_kind)i;
		return 0;
	}
	if (strcmp(s, "lang") == 0) {
		*out = VOCAB_LANGUAGE;
		return 0;
	}
	return -1;
}

/* 1 to max bytes of ASCII letters, digits, '-' and '_' (lower only). */
static int
vocab_code_chars(const char *code, size_t max, int lower)
{
	size_t	len = strlen(code);

	if (len == 0 || len > max)
		return 0;
	for (const char *p = code; *p != '\0'; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		    *p == '-' || *p == '_')
			continue;
		if (!lower && ((*p >= 'A' && *p <= 'Z') || *p == '.'))
			continue;
		return 0;
	}
	return 1;
}

/* Checks that code is well formed for its kind (before it is added). */
static int
vocab_code_check(enum vocab_kind kind, const char *code, char **cause)
{
	switch (kind) {
	case VOCAB_DIALECT:
		if (vocab_code_chars(code, 64, 0))
			return 0;
		*cause = xprintf(_("dialect code '%s' must be 1 to 64 ASCII "
		    "letters, digits, '-', '_' or '.' (put the full name in "
		    "the label)"), code);
		return -1;
	case VOCAB_EVENT:
		if (vocab_code_chars(code, 32, 1))
			return 0;
		*cause = xprintf(_("event tag '%s' must be 1 to 32 lower-case "
		    "ASCII letters, digits, '-' or '_', as written in [tag]"),
		    code);
		return -1;
	case VOCAB_LANGUAGE:
		return lang_check(code, cause);
	}
	return -1;
}

static void
vocab_row(sqlite3_stmt *st, void *p)
{
	struct vocab_item	*v = p;
	enum vocab_kind		 k = VOCAB_DIALECT;
	char			*kind = store_column_text(st, 0);

	memset(v, 0, sizeof *v);
	if (kind != NULL)
		(void)vocab_kind_parse(kind, &k);
	free(kind);
	v->kind = k;
	v->code = store_column_text(st, 1);
	v->label = store_column_text(st, 2);
	v->retired = sqlite3_column_int(st, 3);
	v->uses = sqlite3_column_int64(st, 4);
}

void
vocab_list_free(struct vocab_item *list, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(list[i].code);
		free(list[i].label);
	}
	free(list);
}

static void
vocab_release(void *p, size_t n)
{
	vocab_list_free(p, n);
}

int
store_vocab_list(struct store *s, enum vocab_kind kind, int all,
    struct vocab_item **out, size_t *n, char **cause)
{
	static const char sql[] =
	    "SELECT v.kind, v.code, v.label, v.retired, CASE v.kind "
	    "  WHEN 'dialect' THEN (SELECT count(*) FROM segment g "
	    "    WHERE g.dialect = v.code AND NOT g.deleted) "
	    "  WHEN 'language' THEN (SELECT count(*) FROM segment g "
	    "    WHERE g.lang = v.code AND NOT g.deleted) "
	    "  ELSE (SELECT count(*) FROM segment g WHERE NOT g.deleted "
	    "    AND instr(g.text, '[' || v.code || ']') > 0) END "
	    "FROM vocabulary v WHERE v.kind = ? AND (? OR NOT v.retired) "
	    "ORDER BY v.code";
	sqlite3_stmt	*st;

	if ((st = store_stmt(s, sql, cause)) == NULL)
		return -1;
	store_bind_text(st, 1, vocab_kind_name(kind));
	sqlite3_bind_int(st, 2, all != 0);
	return store_collect(s, st, sizeof **out, vocab_row, vocab_release,
	    (void **)out, n, _("listing the vocabulary"), cause);
}

/* Reads an item's retired flag: 1 or 0, or -1 if it is not there. */
static int
vocab_state(struct store *s, enum vocab_kind kind, const char *code,
    char **cause)
{
	static const char sql[] =
	    "SELECT retired FROM vocabulary WHERE kind = ? AND code = ?";
	sqlite3_stmt	*st;
	int		 rc, retired = -1;

	if ((st = store_stmt(s, sql, cause)) == NULL)
		return -2;
	store_bind_text(st, 1, vocab_kind_name(kind));
	store_bind_text(st, 2, code);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		retired = sqlite3_column_int(st, 0) != 0;
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		*cause = store_error(s, _("reading the vocabulary"));
		return -2;
	}
	return retired;
}

/* Whether the project lists any language. */
static int
vocab_has_languages(struct store *s, int *has, char **cause)
{
	static const char sql[] =
	    "SELECT count(*) FROM vocabulary WHERE kind = 'language'";
	sqlite3_stmt	*st;

	if ((st = store_stmt(s, sql, cause)) == NULL)
		return -1;
	*has = sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0) > 0;
	sqlite3_reset(st);
	return 0;
}

int
store_vocab_check(struct store *s, enum vocab_kind kind, const char *code,
    char **cause)
{
	char	*tag = NULL;
	int	 state, has;

	if (kind == VOCAB_LANGUAGE) {
		if (lang_check(code, cause) != 0)
			return -1;
		if (vocab_has_languages(s, &has, cause) != 0)
			return -1;
		if (!has)
			return 0;
		code = tag = lang_canonical(code);
	}
	state = vocab_state(s, kind, code, cause);
	if (state == 0 || state == -2) {
		free(tag);
		return state == 0 ? 0 : -1;
	}
	if (state == 1)
		*cause = xprintf(_("%s '%s' is retired; choose another (see "
		    "'tingxie vocab PROJECT list %s')"), vocab_kind_name(kind),
		    code, vocab_kind_name(kind));
	else
		*cause = xprintf(_("%s '%s' is not in the project's vocabulary; "
		    "add it with 'tingxie vocab PROJECT add %s %s LABEL'"),
		    vocab_kind_name(kind), code, vocab_kind_name(kind), code);
	free(tag);
	return -1;
}

/* Runs one vocabulary statement with its change row in a transaction. */
static int
vocab_write(struct store *s, sqlite3_stmt *st, enum vocab_kind kind,
    const char *code, const char *action, const char *detail, char **cause)
{
	char	*key;
	int	 rc;

	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if ((rc & 0xff) == SQLITE_CONSTRAINT) {
		*cause = xprintf(_("%s '%s' is already in the vocabulary"),
		    vocab_kind_name(kind), detail != NULL && strcmp(action,
		    "rename") == 0 ? detail : code);
		return -1;
	}
	if (rc != SQLITE_DONE) {
		*cause = store_error(s, _("saving the vocabulary"));
		return -1;
	}
	if (sqlite3_changes(s->db) != 1) {
		*cause = xprintf(_("%s '%s' is not in the vocabulary (see "
		    "'tingxie vocab PROJECT list %s')"), vocab_kind_name(kind),
		    code, vocab_kind_name(kind));
		return -1;
	}
	xasprintf(&key, "%s:%s", vocab_kind_name(kind), code);
	rc = store_change(s, "vocabulary", key, action, detail, cause);
	free(key);
	return rc;
}

/* Prepares sql, binds text arguments 1.. and writes it, in a transaction. */
static int
vocab_run(struct store *s, const char *sql, enum vocab_kind kind,
    const char *code, const char *action, const char *detail,
    const char *const *args, int nargs, char **cause)
{
	sqlite3_stmt	*st;

	if (store_begin(s, cause) != 0)
		return -1;
	if ((st = store_stmt(s, sql, cause)) == NULL)
		goto fail;
	for (int i = 0; i < nargs; i++)
		store_bind_text(st, i + 1, args[i]);
	if (vocab_write(s, st, kind, code, action, detail, cause) != 0)
		goto fail;
	return store_commit(s, cause);
fail:
	store_rollback(s);
	return -1;
}

/* The NFC form of a label into *out: NULL when there is none. */
static int
vocab_label(const char *label, char **out, char **cause)
{
	*out = NULL;
	if (label == NULL || *label == '\0')
		return 0;
	return (*out = text_normalize(label, cause)) == NULL ? -1 : 0;
}

int
store_vocab_add(struct store *s, enum vocab_kind kind, const char *code,
    const char *label, char **cause)
{
	static const char sql[] =
	    "INSERT INTO vocabulary (kind, code, label) VALUES (?, ?, ?)";
	const char	*args[3];
	char		*nfc;
	int		 rc;

	char		*tag;

	if (vocab_code_check(kind, code, cause) != 0 ||
	    vocab_label(label, &nfc, cause) != 0)
		return -1;
	tag = kind == VOCAB_LANGUAGE ? lang_canonical(code) : xstrdup(code);
	args[0] = vocab_kind_name(kind);
	args[1] = tag;
	args[2] = nfc;
	rc = vocab_run(s, sql, kind, tag, "add", nfc, args, 3, cause);
	free(nfc);
	free(tag);
	return rc;
}

int
store_vocab_label(struct store *s, enum vocab_kind kind, const char *code,
    const char *label, char **cause)
{
	static const char sql[] =
	    "UPDATE vocabulary SET label = ?3 WHERE kind = ?1 AND code = ?2";
	const char	*args[3];
	char		*nfc;
	int		 rc;

	if (vocab_label(label, &nfc, cause) != 0)
		return -1;
	args[0] = vocab_kind_name(kind);
	args[1] = code;
	args[2] = nfc;
	rc = vocab_run(s, sql, kind, code, "label", nfc, args, 3, cause);
	free(nfc);
	return rc;
}

int
store_vocab_retire(struct store *s, enum vocab_kind kind, const char *code,
    int retired, char **cause)
{
	static const char sql[] =
	    "UPDATE vocabulary SET retired = ?3 WHERE kind = ?1 AND code = ?2";
	const char	*args[3];

	args[0] = vocab_kind_name(kind);
	args[1] = code;
	args[2] = retired ? "1" : "0";
	return vocab_run(s, sql, kind, code, retired ? "retire" : "restore",
	    NULL, args, 3, cause);
}

/* Replaces every occurrence of from by to in *text; returns the count. */
static size_t
vocab_replace(char **text, const char *from, const char *to)
{
	char	*out, *p, *q, *hit;
	size_t	 n = 0, fl = strlen(from), tl = strlen(to);

	for (p = strstr(*text, from); p != NULL; p = strstr(p + fl, from))
		n++;
	if (n == 0)
		return 0;
	out = xmalloc(strlen(*text) + n * tl + 1);
	p = *text;
	q = out;
	while ((hit = strstr(p, from)) != NULL) {
		memcpy(q, p, (size_t)(hit - p));
		q += hit - p;
		memcpy(q, to, tl);
		q += tl;
		p = hit + fl;
	}
	strcpy(q, p);
	free(*text);
	*text = out;
	return n;
}

/* Rewrites one segment's uses of a renamed item; 1 if it changed. */
static int
vocab_rewrite(struct segment *seg, enum vocab_kind kind, const char *code,
    const char *new_code)
{
	char	*from, *to;
	int	 changed = 0;

	if (kind == VOCAB_DIALECT && seg->dialect != NULL &&
	    strcmp(seg->dialect, code) == 0) {
		free(seg->dialect);
		seg->dialect = xstrdup(new_code);
		changed = 1;
	}
	if (kind == VOCAB_LANGUAGE && seg->lang != NULL &&
	    strcmp(seg->lang, code) == 0) {
		free(seg->lang);
		seg->lang = xstrdup(new_code);
		changed = 1;
	}
	if (kind == VOCAB_EVENT) {
		xasprintf(&from, "[%s]", code);
		xasprintf(&to, "[%s]", new_code);
		changed |= vocab_replace(&seg->text, from, to) > 0;
		free(from);
		free(to);
	}
	if (kind == VOCAB_LANGUAGE) {
		xasprintf(&from, "<%s>", code);
		xasprintf(&to, "<%s>", new_code);
		changed |= vocab_replace(&seg->text, from, to) > 0;
		free(from);
		free(to);
		xasprintf(&from, "</%s>", code);
		xasprintf(&to, "</%s>", new_code);
		changed |= vocab_replace(&seg->text, from, to) > 0;
		free(from);
		free(to);
	}
	return changed;
}

/* Rewrites the segments that use an item being renamed. */
static int
vocab_rename_segments(struct store *s, enum vocab_kind kind, const char *code,
    const char *new_code, size_t *rewritten, char **cause)
{
	static const char sql[] =
	    "SELECT id FROM segment WHERE dialect = ?1 OR lang = ?1 OR "
	    "instr(text, ?1) > 0 ORDER BY id";
	struct segment	*segs;
	sqlite3_stmt	*st;
	int64_t		 author;
	size_t		 n;
	int		 rc = 0;

	if (store_author(s, &author, cause) != 0 ||
	    (st = store_stmt(s, sql, cause)) == NULL)
		return -1;
	store_bind_text(st, 1, code);
	if (store_segment_select(s, st, &segs, &n, _("reading the segments"),
	    cause) != 0)
		return -1;
	for (size_t i = 0; i < n && rc == 0; i++) {
		if (!vocab_rewrite(&segs[i], kind, code, new_code))
			continue;
		rc = store_segment_write(s, &segs[i], segs[i].version, author,
		    &(struct store_write){ .action = "vocab-rename", .pass = "manage",
		    .checked = 1 }, cause);
		(*rewritten)++;
	}
	segment_list_free(segs, n);
	return rc;
}

static int
vocab_rename(struct store *s, enum vocab_kind kind, const char *code,
    const char *new_code, size_t *rewritten, char **cause)
{
	static const char item[] =
	    "UPDATE vocabulary SET code = ?3 WHERE kind = ?1 AND code = ?2";
	static const char speakers[] =
	    "UPDATE speaker SET dialect = CASE WHEN ?1 = 'dialect' AND "
	    "  dialect = ?2 THEN ?3 ELSE dialect END, "
	    "native_lang = CASE WHEN ?1 = 'language' AND native_lang = ?2 "
	    "  THEN ?3 ELSE native_lang END";
	static const char recordings[] =
	    "UPDATE recording SET lang = ?3 WHERE ?1 = 'language' AND lang = ?2";
	const char *const sqls[] = { speakers, recordings };
	sqlite3_stmt	*st;

	*rewritten = 0;
	if (vocab_code_check(kind, new_code, cause) != 0)
		return -1;
	if (store_begin(s, cause) != 0)
		return -1;
	if ((st = store_stmt(s, item, cause)) == NULL)
		goto fail;
	store_bind_text(st, 1, vocab_kind_name(kind));
	store_bind_text(st, 2, code);
	store_bind_text(st, 3, new_code);
	if (vocab_write(s, st, kind, code, "rename", new_code, cause) != 0)
		goto fail;
	for (size_t i = 0; i < 2; i++) {
		if ((st = store_stmt(s, sqls[i], cause)) == NULL)
			goto fail;
		store_bind_text(st, 1, vocab_kind_name(kind));
		store_bind_text(st, 2, code);
		store_bind_text(st, 3, new_code);
		if (store_step_done(s, st, _("renaming"), cause) != 0)
			goto fail;
	}
	if (vocab_rename_segments(s, kind, code, new_code, rewritten,
	    cause) != 0)
		goto fail;
	return store_commit(s, cause);
fail:
	*rewritten = 0;
	store_rollback(s);
	return -1;
}

int
store_vocab_rename(struct store *s, enum vocab_kind kind, const char *code,
    const char *new_code, size_t *rewritten, char **cause)
{
	char	*from, *to;
	int	 rc;

	*rewritten = 0;
	if (vocab_code_check(kind, new_code, cause) != 0)
		return -1;
	if (kind != VOCAB_LANGUAGE)
		return vocab_rename(s, kind, code, new_code, rewritten, cause);
	from = lang_canonical(code);
	to = lang_canonical(new_code);
	if (strcmp(from, to) == 0) {
		*cause = xprintf(_("'%s' and '%s' are the same tag (letter case "
		    "does not matter; tags are stored as %s)"), code, new_code,
		    to);
		rc = -1;
	} else
		rc = vocab_rename(s, kind, from, to, rewritten, cause);
	free(from);
	free(to);
	return rc;
}

/* ---- a person's edit of a segment ---- */

/* The dialect of a speaker given by id, or NULL. */
static char *
vocab_speaker_dialect(struct store *s, int64_t speaker_id)
{
	static const char sql[] = "SELECT dialect FROM speaker WHERE id = ?";
	sqlite3_stmt	*st;
	char		*ignored = NULL, *dialect = NULL;

	if (speaker_id == 0 || (st = store_stmt(s, sql, &ignored)) == NULL) {
		free(ignored);
		return NULL;
	}
	sqlite3_bind_int64(st, 1, speaker_id);
	if (sqlite3_step(st) == SQLITE_ROW)
		dialect = store_column_text(st, 0);
	sqlite3_reset(st);
	return dialect;
}

/* Replaces a string field with a copy of value ("" makes it NULL). */
static void
vocab_field(char **field, const char *value)
{
	free(*field);
	*field = *value == '\0' ? NULL : xstrdup(value);
}

/* A speaker's dialect if it may be used now (not retired), or NULL. */
static char *
vocab_speaker_default(struct store *s, int64_t speaker_id)
{
	char	*d = vocab_speaker_dialect(s, speaker_id), *ignored = NULL;

	if (d != NULL && store_vocab_check(s, VOCAB_DIALECT, d,
	    &ignored) != 0) {
		free(ignored);
		free(d);
		d = NULL;
	}
	return d;
}

int
store_segment_speaker(struct store *s, struct segment *seg, const char *code,
    int dialect_given, char **cause)
{
	char	*old_default, *new_default;
	int64_t	 id = 0;

	if (*code != '\0' && store_speaker_ensure(s, code, &id, cause) != 0)
		return -1;
	old_default = vocab_speaker_dialect(s, seg->speaker_id);
	new_default = vocab_speaker_default(s, id);
	vocab_field(&seg->speaker, code);
	seg->speaker_id = id;
	if (!dialect_given && (seg->dialect == NULL || (old_default != NULL &&
	    strcmp(seg->dialect, old_default) == 0))) {
		free(seg->dialect);
		seg->dialect = new_default;
		new_default = NULL;
	}
	free(old_default);
	free(new_default);
	return 0;
}

/* store_segment_set() inside its transaction; clears *out on failure. */
static int
segment_set_locked(struct store *s, int64_t id, int64_t expect,
    const struct segment_edit *ed, struct segment *out, char **cause)
{
	char	*who;
	int	 rc = -1;

	if (store_segment_get(s, id, out, cause) != 0)
		return -1;
	if (out->deleted) {
		*cause = xprintf(_("segment %lld was deleted"), (long long)id);
		goto fail;
	}
	if (expect != 0 && out->version != expect) {
		who = store_segment_author(s, id);
		/* Both versions of the text, so that neither is lost. */
		if (ed->text != NULL && strcmp(ed->text, out->text) != 0)
			*cause = xprintf(_("segment %lld was changed by %s since "
			    "you read it (version %lld, not %lld); nothing was "
			    "overwritten. Its text now: '%s'; yours: '%s'"),
			    (long long)id, who, (long long)out->version,
			    (long long)expect, out->text, ed->text);
		else
			*cause = xprintf(_("segment %lld was changed by %s since "
			    "you read it (version %lld, not %lld); nothing was "
			    "overwritten"), (long long)id, who,
			    (long long)out->version, (long long)expect);
		free(who);
		rc = STORE_CONFLICT;
		goto fail;
	}
	if (ed->speaker != NULL && store_segment_speaker(s, out, ed->speaker,
	    ed->dialect != NULL, cause) != 0)
		goto fail;
	if (ed->lang != NULL) {
		if (*ed->lang != '\0' && store_vocab_check(s, VOCAB_LANGUAGE,
		    ed->lang, cause) != 0)
			goto fail;
		vocab_field(&out->lang, ed->lang);
	}
	if (ed->dialect != NULL) {
		if (*ed->dialect != '\0' && store_vocab_check(s, VOCAB_DIALECT,
		    ed->dialect, cause) != 0)
			goto fail;
		vocab_field(&out->dialect, ed->dialect);
	}
	if (ed->text != NULL) {
		free(out->text);
		out->text = xstrdup(ed->text);
		if (out->stage == STAGE_NEW && *ed->text != '\0')
			out->stage = STAGE_TRANSCRIBED;
	}
	if (ed->start >= 0)
		out->start = ed->start;
	if (ed->end >= 0)
		out->end = ed->end;
	if ((rc = store_segment_update(s, out, "set", cause)) == 0)
		return 0;
fail:
	segment_clear(out);
	return rc;
}

/*
 * The segment is read, changed and written in one transaction: read
 * outside it, a change made meanwhile by someone else would make even an
 * edit that expects no particular version (0) fail as a conflict.
 */
int
store_segment_set(struct store *s, int64_t id, int64_t expect,
    const struct segment_edit *ed, struct segment *out, char **cause)
{
	int	rc;

	memset(out, 0, sizeof *out);
	if (store_begin(s, cause) != 0)
		return -1;
	if ((rc = segment_set_locked(s, id, expect, ed, out, cause)) != 0) {
		store_rollback(s);
		return rc;
	}
	if (store_commit(s, cause) != 0) {
		segment_clear(out);
		return -1;
	}
	return 0;
}

int
store_segment_create(struct store *s, struct segment *seg, char **cause)
{
	char	*code;
	int	 rc = 0, given = seg->dialect != NULL;

	/* A dialect given is checked; one taken from the speaker is active. */
	if (given)
		rc = store_vocab_check(s, VOCAB_DIALECT, seg->dialect, cause);
	if (rc == 0 && seg->speaker != NULL) {
		code = seg->speaker;
		seg->speaker = NULL;
		seg->speaker_id = 0;
		rc = store_segment_speaker(s, seg, code, given, cause);
		free(code);
	}
	if (rc == 0 && seg->lang != NULL)
		rc = store_vocab_check(s, VOCAB_LANGUAGE, seg->lang, cause);
	if (rc != 0)
		return -1;
	return store_segment_add(s, seg, cause);
}

/* ---- words the project adds to its lexicons ---- */

int
store_word_add(struct store *s, const char *lang, const char *word,
    const char *pron, char **cause)
{
	static const char sql[] =
	    "INSERT INTO lexicon_entry (lang, word, pron, added_by, added) "
	    "SELECT ?1, ?2, ?3, ?4, ?5 WHERE NOT EXISTS (SELECT 1 FROM "
	    "lexicon_entry WHERE lang = ?1 AND word = ?2 AND "
	    "(pron IS ?3 OR ?3 IS NULL))";
	sqlite3_stmt	*st;
	int64_t		 author;
	char		*nfc = NULL, *key, *tag = NULL;
	int		 rc = -1;

	if (lang_check(lang, cause) != 0)
		return -1;
	if ((nfc = text_normalize(word, cause)) == NULL)
		return -1;
	lang = tag = lang_canonical(lang);
	if (*nfc == '\0' || strcmp(nfc, word) != 0 ||
	    strpbrk(nfc, " \t") != NULL || strstr(nfc, "\u3000") != NULL) {
		*cause = xprintf(_("'%s' is not one word: a lexicon word has "
		    "no spaces"), word);
		goto out;
	}
	if (pron != NULL && (*pron == '\0' || strchr(pron, '\t') != NULL ||
	    strstr(pron, "  ") != NULL || *pron == ' ' ||
	    pron[strlen(pron) - 1] == ' ')) {
		*cause = xprintf(_("pronunciation '%s' must be phones or "
		    "syllables separated by single spaces"), pron);
		goto out;
	}
	if (store_author(s, &author, cause) != 0 || store_begin(s, cause) != 0)
		goto out;
	if ((st = store_stmt(s, sql, cause)) == NULL)
		goto fail;
	store_bind_text(st, 1, lang);
	store_bind_text(st, 2, nfc);
	store_bind_text(st, 3, pron);
	sqlite3_bind_int64(st, 4, author);
	sqlite3_bind_int64(st, 5, store_now_ms());
	if (store_step_done(s, st, _("adding the word"), cause) != 0)
		goto fail;
	if (sqlite3_changes(s->db) == 0) {
		store_rollback(s);
		rc = 1;
		goto out;
	}
	xasprintf(&key, "%s:%s", lang, nfc);
	rc = store_change(s, "lexicon", key, "add", pron, cause);
	free(key);
	if (rc != 0)
		goto fail;
	rc = store_commit(s, cause);
	goto out;
fail:
	store_rollback(s);
	rc = -1;
out:
	free(nfc);
	free(tag);
	return rc;
}

static void
word_row(sqlite3_stmt *st, void *p)
{
	struct store_word	*w = p;

	w->lang = store_column_text(st, 0);
	w->word = store_column_text(st, 1);
	w->pron = store_column_text(st, 2);
	w->added_by = store_column_text(st, 3);
}

void
store_word_list_free(struct store_word *list, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(list[i].lang);
		free(list[i].word);
		free(list[i].pron);
		free(list[i].added_by);
	}
	free(list);
}

static void
word_release(void *p, size_t n)
{
	store_word_list_free(p, n);
}

int
store_word_list(struct store *s, const char *lang, struct store_word **out,
    size_t *n, char **cause)
{
	static const char sql[] =
	    "SELECT e.lang, e.word, e.pron, u.login FROM lexicon_entry e "
	    "LEFT JOIN user u ON u.id = e.added_by "
	    "WHERE ?1 IS NULL OR e.lang = ?1 ORDER BY e.lang, e.word, e.pron";
	sqlite3_stmt	*st;

	if ((st = store_stmt(s, sql, cause)) == NULL)
		return -1;
	store_bind_text(st, 1, lang);
	return store_collect(s, st, sizeof **out, word_row, word_release,
	    (void **)out, n, _("listing the project's words"), cause);
}
