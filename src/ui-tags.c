/*
 * ui-tags.c: a segment's speaker, language and dialect from the screen:
 * keys 1-9 give it one of the recording's first nine speakers at once,
 * and pickers choose from the project's speakers and vocabularies.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "ui.h"
#include "xmalloc.h"

/* The recording's speakers first, in order of appearance (keys 1-9). */
void
ui_speakers_reload(struct tui *t)
{
	struct speaker	*list;
	size_t		 n;
	char		*cause = NULL;

	if (t->nrecs == 0)
		return;
	if (store_speaker_list(t->store, t->recs[t->rec].id, &list, &n,
	    &cause) != 0) {
		ui_error(t, cause);
		return;
	}
	speaker_list_free(t->speakers, t->nspeakers);
	t->speakers = list;
	t->nspeakers = n;
}

static int
ui_tag_same(const char *now, const char *given)
{
	return given == NULL || strcmp(now != NULL ? now : "", given) == 0;
}

/* Applies an edit of the current segment's tags, with undo; 0 if done. */
static int
ui_tag_apply(struct tui *t, const struct segment_edit *ed, const char *what)
{
	struct segment	*g = ui_current(t), before, after;
	char		*cause = NULL;
	int		 rc;

	if (g == NULL) {
		ui_message(t, _("No segment here yet: n makes one around the "
		    "playhead."));
		return -1;
	}
	/* Choosing what is there already writes nothing. */
	if (ui_tag_same(g->speaker, ed->speaker) && ui_tag_same(g->lang,
	    ed->lang) && ui_tag_same(g->dialect, ed->dialect)) {
		ui_message(t, _("It is so already."));
		return 0;
	}
	if (store_segment_get(t->store, g->id, &before, &cause) != 0) {
		ui_error(t, cause);
		return -1;
	}
	ui_work_note(t, g->id);
	rc = store_segment_set(t->store, g->id, g->version, ed, &after, &cause);
	ui_work_done(t, g->id, rc == 0);
	if (rc != 0) {
		ui_error(t, cause);
		segment_clear(&before);
		ui_reload(t, g->id);
		return -1;
	}
	history_record(&t->hist, &before, &after, 1);
	/* The text being typed was based on the text, which did not change. */
	if (t->editing && t->edit_id == after.id)
		t->edit_version = after.version;
	ui_message(t, _("%s: speaker %s, language %s, dialect %s."), what,
	    after.speaker != NULL ? after.speaker : "-",
	    after.lang != NULL ? after.lang : "-",
	    after.dialect != NULL ? after.dialect : "-");
	ui_reload(t, after.id);
	segment_clear(&before);
	segment_clear(&after);
	return 0;
}

void
ui_tag_speaker(struct tui *t, size_t index)
{
	struct segment_edit	ed = { NULL, NULL, NULL, NULL, -1, -1 };

	if (index >= t->nspeakers) {
		ui_message(t, _("There is no speaker %zu (the project has %zu); "
		    "the pick-speaker key chooses or adds one."), index + 1,
		    t->nspeakers);
		return;
	}
	ed.speaker = t->speakers[index].code;
	ui_tag_apply(t, &ed, _("Speaker set"));
}

static void
ui_speaker_done(struct tui *t, const char *code, int is_new)
{
	struct segment_edit	 ed = { NULL, NULL, NULL, NULL, -1, -1 };
	struct speaker		 sp;
	char			*cause = NULL;

	if (is_new) {
		memset(&sp, 0, sizeof sp);
		sp.code = xstrdup(code);
		if (store_speaker_add(t->store, &sp, &cause) != 0) {
			speaker_clear(&sp);
			ui_error(t, cause);
			return;
		}
		speaker_clear(&sp);
	}
	ed.speaker = code;
	ui_tag_apply(t, &ed, is_new ? _("New speaker") : _("Speaker set"));
	ui_speakers_reload(t);
}

/* A list starting with "(none)". */
static struct ui_pick_item *
ui_items(size_t n)
{
	struct ui_pick_item	*items = xcalloc(n + 1, sizeof *items);

	items[0].code = xstrdup("");
	return items;
}

void
ui_pick_speaker(struct tui *t)
{
	struct ui_pick_item	*items = ui_items(t->nspeakers);

	for (size_t i = 0; i < t->nspeakers; i++) {
		const struct speaker *sp = &t->speakers[i];

		items[i + 1].code = xstrdup(sp->code);
		xasprintf(&items[i + 1].label, "%s%s%s%s",
		    sp->name != NULL ? sp->name : "",
		    sp->dialect != NULL ? "  [" : "",
		    sp->dialect != NULL ? sp->dialect : "",
		    sp->dialect != NULL ? "]" : "");
	}
	ui_pick_begin(t, _("Speaker (type to filter; a new code adds one):"),
	    items, t->nspeakers + 1, 1, ui_speaker_done);
}

static void
ui_language_done(struct tui *t, const char *code, int is_new)
{
	struct segment_edit	ed = { NULL, NULL, NULL, NULL, -1, -1 };

	(void)is_new;
	ed.lang = code;
	if (ui_tag_apply(t, &ed, _("Language set")) == 0)
		ui_retagged(t, VOCAB_LANGUAGE);
}

struct ui_pick_item *
ui_vocab_items(struct tui *t, enum vocab_kind kind, size_t *n)
{
	struct ui_pick_item	*items;
	struct vocab_item	*v;
	size_t			 nv;
	char			*cause = NULL;

	if (store_vocab_list(t->store, kind, 0, &v, &nv, &cause) != 0) {
		ui_error(t, cause);
		nv = 0;
		v = NULL;
	}
	items = ui_items(nv);
	for (size_t i = 0; i < nv; i++) {
		items[i + 1].code = v[i].code;
		items[i + 1].label = v[i].label;
	}
	free(v);
	*n = nv + 1;
	return items;
}

void
ui_pick_language(struct tui *t)
{
	struct ui_pick_item	*items;
	size_t			 n;

	items = ui_vocab_items(t, VOCAB_LANGUAGE, &n);
	/* With no list in the project, any well-formed tag can be typed. */
	ui_pick_begin(t, n > 1 ? _("Language:") :
	    _("Language (type a BCP 47 tag, e.g. yue-Hant-HK):"), items, n,
	    n == 1, ui_language_done);
}

static void
ui_dialect_done(struct tui *t, const char *code, int is_new)
{
	struct segment_edit	ed = { NULL, NULL, NULL, NULL, -1, -1 };

	(void)is_new;
	ed.dialect = code;
	if (ui_tag_apply(t, &ed, _("Dialect set")) == 0)
		ui_retagged(t, VOCAB_DIALECT);
}

void
ui_pick_dialect(struct tui *t)
{
	struct ui_pick_item	*items;
	size_t			 n;

	items = ui_vocab_items(t, VOCAB_DIALECT, &n);
	if (n == 1)
		ui_message(t, _("The project has no dialect tags yet: add them "
		    "with 'tingxie vocab PROJECT add dialect CODE LABEL'."));
	ui_pick_begin(t, _("Dialect:"), items, n, 0, ui_dialect_done);
}
