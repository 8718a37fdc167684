/* ui-input.c: terminal input to keys, and keys to editing or actions. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "i18n.h"
#include "ui.h"

/* Curses' codes for special keys and ours. */
static const struct {
	int		curses;
	key_code	key;
} ui_keys[] = {
	{ KEY_UP, KEYC_UP },
	{ KEY_DOWN, KEYC_DOWN },
	{ KEY_LEFT, KEYC_LEFT },
	{ KEY_RIGHT, KEYC_RIGHT },
	{ KEY_HOME, KEYC_HOME },
	{ KEY_END, KEYC_END },
	{ KEY_PPAGE, KEYC_PPAGE },
	{ KEY_NPAGE, KEYC_NPAGE },
	{ KEY_IC, KEYC_IC },
	{ KEY_DC, KEYC_DC },
	{ KEY_BACKSPACE, KEYC_BSPACE },
	{ KEY_ENTER, KEYC_ENTER },
	{ KEY_BTAB, KEYC_BTAB },
};

/* A character from the terminal as a key: control codes become C-x. */
static key_code
ui_char_key(wint_t c)
{
	switch (c) {
	case 9:
		return KEYC_TAB;
	case 10:
	case 13:
		return KEYC_ENTER;
	case 27:
		return KEYC_ESCAPE;
	case 0x7f:
	case 8:
		return KEYC_BSPACE;
	case 0:
		return KEYC_CTRL | ' ';
	case 0x1f:
		return KEYC_CTRL | '_';
	}
	if (c <= 26)
		return KEYC_CTRL | (key_code)('a' + c - 1);
	if (c < 0x20)
		return KEYC_CTRL | (key_code)(c + 0x40);	/* C-\ C-] C-^ */
	return (key_code)c;
}

static key_code
ui_special_key(wint_t c)
{
	if (c >= (wint_t)KEY_F(1) && c <= (wint_t)KEY_F(12))
		return KEYC_F1 + (key_code)(c - KEY_F(1));
	for (size_t i = 0; i < sizeof ui_keys / sizeof ui_keys[0]; i++) {
		if ((wint_t)ui_keys[i].curses == c)
			return ui_keys[i].key;
	}
	return KEYC_NONE;
}

/*
 * Reads one key without waiting: KEYC_NONE when there is none. Escape
 * followed at once by another key is Meta with that key.
 */
key_code
ui_read_key(struct tui *t, int *resized)
{
	wint_t	c, c2;
	int	rc;
	key_code key;

	(void)t;
	*resized = 0;
	nodelay(stdscr, TRUE);
	rc = get_wch(&c);
	if (rc == ERR)
		return KEYC_NONE;
	if (rc == KEY_CODE_YES) {
		if (c == KEY_RESIZE) {
			*resized = 1;
			return KEYC_NONE;
		}
		return ui_special_key(c);
	}
	if (c != 27)
		return ui_char_key(c);
	rc = get_wch(&c2);
	if (rc == ERR)
		return KEYC_ESCAPE;
	key = rc == KEY_CODE_YES ? ui_special_key(c2) : ui_char_key(c2);
	return key == KEYC_NONE ? KEYC_NONE : key | KEYC_META;
}

/* Keys the text editor keeps for itself while editing. */
int
ui_edit_key(struct editline *l, key_code key)
{
	switch (key) {
	case KEYC_LEFT:
	case KEYC_CTRL | 'b':
		editline_left(l);
		break;
	case KEYC_RIGHT:
	case KEYC_CTRL | 'f':
		editline_right(l);
		break;
	case KEYC_HOME:
	case KEYC_CTRL | 'a':
		editline_home(l);
		break;
	case KEYC_END:
	case KEYC_CTRL | 'e':
		editline_end(l);
		break;
	case KEYC_META | 'b':
	case KEYC_META | KEYC_LEFT:
		editline_word_left(l);
		break;
	case KEYC_META | 'f':
	case KEYC_META | KEYC_RIGHT:
		editline_word_right(l);
		break;
	case KEYC_BSPACE:
		editline_backspace(l);
		break;
	case KEYC_DC:
	case KEYC_CTRL | 'd':
		editline_delete(l);
		break;
	case KEYC_CTRL | 'w':
	case KEYC_META | KEYC_BSPACE:
		editline_delete_word_back(l);
		break;
	case KEYC_META | 'd':
		editline_delete_word_forward(l);
		break;
	case KEYC_CTRL | 'k':
		editline_kill_to_end(l);
		break;
	case KEYC_CTRL | 'u':
		editline_kill_to_start(l);
		break;
	default:
		if (key >= 0x20 && key <= 0x10ffff) {
			char	buf[8];
			int	n = (int)wcrtomb(buf, (wchar_t)key, NULL);

			if (n <= 0)
				return 1;	/* cannot be typed here */
			editline_insert(l, buf, (size_t)n);
			break;
		}
		return 0;
	}
	return 1;
}

static void
ui_prompt_key(struct tui *t, key_code key)
{
	struct ui_prompt	*p = &t->prompt;
	char			*text;

	if (key == KEYC_ESCAPE || key == (KEYC_CTRL | 'g')) {
		p->active = 0;
		curs_set(t->editing ? 1 : 0);
	} else if (key == KEYC_ENTER) {
		p->active = 0;
		text = strdup(editline_text(&p->line));
		p->done(t, text);
		free(text);
	} else
		ui_edit_key(&p->line, key);
	t->dirty |= UI_STATUS | UI_EDITOR;
}

void
ui_key(struct tui *t, key_code key)
{
	enum action	acts[4];
	size_t		n;

	worktime_touch(&t->work, ui_now_ms());
	if (t->prompt.active) {
		ui_prompt_key(t, key);
		return;
	}
	if (t->pick.active) {
		ui_pick_key(t, key);
		return;
	}
	if (t->help) {
		if (key == KEYC_DOWN || key == 'j' || key == KEYC_NPAGE)
			t->help_top += key == KEYC_NPAGE ? 10 : 1;
		else if (key == KEYC_UP || key == 'k' || key == KEYC_PPAGE)
			t->help_top -= key == KEYC_PPAGE ? 10 : 1;
		else
			t->help = 0;
		if (t->help_top < 0)
			t->help_top = 0;
		t->dirty |= UI_ALL;
		return;
	}
	n = keymap_lookup(t->keys, key, acts, 4);
	if (t->comp_active && (n == 0 || acts[0] != ACTION_COMPLETE))
		ui_complete_reset(t);
	if (t->editing) {
		if (ui_edit_key(&t->line, key)) {
			t->typed_ms = ui_now_ms();
			t->dirty |= UI_EDITOR;
			return;
		}
	}
	for (size_t i = 0; i < n; i++) {
		/* Enter means edit when not editing and commit when editing. */
		if (acts[i] == ACTION_EDIT && t->editing)
			continue;
		if (acts[i] == ACTION_COMMIT && !t->editing)
			continue;
		ui_action(t, acts[i]);
		return;
	}
	if (n == 0 && !t->editing && key < 0x110000 && key >= 0x20)
		ui_message(t, _("That key does nothing here; ? lists the keys, "
		    "Enter edits the text."));
}
