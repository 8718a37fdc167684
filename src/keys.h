/*
 * keys.h: keys, actions and the key map of the transcription screen.
 *
 * No curses here: the screen turns what the terminal sends into key codes
 * (ui-input.c) and asks the key map which actions a key is bound to.
 *
 * A key code is a Unicode code point for a character key ('a', 0x4F60),
 * or one of the KEYC_* constants above 0x10FFFF for the other keys, with
 * KEYC_META and KEYC_CTRL OR-ed on. Space is 0x20. Control letters are
 * KEYC_CTRL | 'r' (lower case), never 0x12.
 *
 * Key names are tmux's (send-keys): "C-r", "M-x", "C-M-x", "F1".."F12",
 * "Tab", "BTab", "Space", "Enter", "Escape", "BSpace", "DC", "IC", "Home",
 * "End", "PPage", "NPage", "Up", "Down", "Left", "Right", "M-Left", or a
 * single character ("a", "?", "[", "你"). Named keys and the C- and M-
 * prefixes are case-insensitive; a plain character is not ("U" is not
 * "u"). C- goes with letters and @ [ \ ] ^ _ ? / only. Keys a terminal
 * sends as the same byte are the same key: C-/ is C-_, C-@ is C-Space,
 * C-[ is Escape, C-? and C-h are BSpace, C-i is Tab, C-j and C-m are Enter.
 *
 * The key file ($XDG_CONFIG_HOME/tingxie/keys, else ~/.config/tingxie/keys)
 * is UTF-8 text. Blank lines and lines starting with # are ignored. Every
 * other line is
 *
 *	ACTION KEY...
 *
 * with words separated by spaces or tabs, and replaces that action's keys;
 * "ACTION none" leaves the action without keys. A key may be bound to one
 * action only, except that edit and commit may share keys (Enter edits
 * when not editing and commits when editing).
 */
#ifndef TX_KEYS_H
#define TX_KEYS_H

#include <stddef.h>
#include <stdint.h>

typedef uint32_t key_code;

#define KEYC_NONE	((key_code)0)
#define KEYC_SPECIAL	((key_code)0x00200000)	/* first non-character key */
#define KEYC_META	((key_code)0x10000000)
#define KEYC_CTRL	((key_code)0x20000000)
#define KEYC_MODIFIERS	(KEYC_META | KEYC_CTRL)

enum {
	KEYC_F1 = KEYC_SPECIAL,
	KEYC_F2,
	KEYC_F3,
	KEYC_F4,
	KEYC_F5,
	KEYC_F6,
	KEYC_F7,
	KEYC_F8,
	KEYC_F9,
	KEYC_F10,
	KEYC_F11,
	KEYC_F12,
	KEYC_UP,
	KEYC_DOWN,
	KEYC_LEFT,
	KEYC_RIGHT,
	KEYC_HOME,
	KEYC_END,
	KEYC_PPAGE,
	KEYC_NPAGE,
	KEYC_IC,
	KEYC_DC,
	KEYC_BSPACE,
	KEYC_ENTER,
	KEYC_TAB,
	KEYC_BTAB,
	KEYC_ESCAPE
};

/* Big enough for any name key_to_string() writes. */
#define KEY_STRING_SIZE 32

/* Parses a key name; KEYC_NONE if it is not one. */
key_code	 key_from_string(const char *);
/*
 * Writes the canonical name of a key into buf and returns buf; a code
 * that is no key is written "none".
 */
const char	*key_to_string(key_code, char *buf, size_t len);

/* What the keys of the transcription screen do, in the order of the help. */
enum action {
	ACTION_PLAY_PAUSE,
	ACTION_PLAY_SEGMENT,
	ACTION_LOOP_SEGMENT,
	ACTION_REPLAY,
	ACTION_SEEK_BACK,
	ACTION_SEEK_FORWARD,
	ACTION_SLOWER,
	ACTION_FASTER,
	ACTION_PREV_SEGMENT,
	ACTION_NEXT_SEGMENT,
	ACTION_GOTO_TIME,
	ACTION_MARK_START,
	ACTION_NEW_SEGMENT,
	ACTION_SPLIT,
	ACTION_MERGE_NEXT,
	ACTION_DELETE_SEGMENT,
	ACTION_NUDGE_START_EARLIER,
	ACTION_NUDGE_START_LATER,
	ACTION_NUDGE_END_EARLIER,
	ACTION_NUDGE_END_LATER,
	ACTION_SNAP,
	ACTION_PICK_SPEAKER,
	ACTION_PICK_LANGUAGE,
	ACTION_PICK_DIALECT,
	ACTION_SPEAKER_1,	/* ACTION_SPEAKER_1 + i: the recording's i-th */
	ACTION_SPEAKER_2,
	ACTION_SPEAKER_3,
	ACTION_SPEAKER_4,
	ACTION_SPEAKER_5,
	ACTION_SPEAKER_6,
	ACTION_SPEAKER_7,
	ACTION_SPEAKER_8,
	ACTION_SPEAKER_9,
	ACTION_EDIT,
	ACTION_COMMIT,
	ACTION_CANCEL,
	ACTION_COMPLETE,
	ACTION_ADD_WORD,
	ACTION_UNDO,
	ACTION_REDO,
	ACTION_ZOOM_IN,
	ACTION_ZOOM_OUT,
	ACTION_SEARCH,
	ACTION_FILTER,
	ACTION_NEXT_TASK,
	ACTION_ACCEPT,
	ACTION_REJECT,
	ACTION_CONFIRM,
	ACTION_TASK_FILTER,
	ACTION_AUTOPLAY,
	ACTION_MODE,
	ACTION_HELP,
	ACTION_QUIT,
	ACTION_COUNT
};

struct action_info {
	const char	*name;		/* "play-pause" */
	const char	*description;	/* N_() */
	const char	*defaults;	/* space-separated key names */
};

/* NULL if the action is out of range. */
const struct action_info *action_info(enum action);
/* Returns 0 and sets *out, or -1 if no action has that name. */
int		 action_from_name(const char *, enum action *out);

struct keymap;

/* A key map with the default keys. */
struct keymap	*keymap_new(void);
void		 keymap_free(struct keymap *);
/*
 * Applies the key file at path. A missing file is not an error. Returns 0,
 * or -1 with *cause ("PATH:LINE: ...") and the map unchanged.
 */
int		 keymap_load(struct keymap *, const char *path, char **cause);
/* Stores up to max actions bound to key in out; returns how many. */
size_t		 keymap_lookup(const struct keymap *, key_code, enum action *out,
		     size_t max);
/* The keys of an action, canonical and space-separated ("" if none). */
char		*keymap_keys(const struct keymap *, enum action);
/* The user's key file (see above), or NULL if there is no home. */
char		*keymap_default_path(void);

#endif
