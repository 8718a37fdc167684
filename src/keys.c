/* keys.c: key names, the actions, the default key map and the key file. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <utf8proc.h>

#include "i18n.h"
#include "keys.h"
#include "xmalloc.h"

#define KEY_SEPARATORS " \t"

/* Names of the keys that are not characters; the first for a key wins. */
static const struct key_name {
	const char	*name;
	key_code	 key;
} key_names[] = {
	{ "F1", KEYC_F1 },
	{ "F2", KEYC_F2 },
	{ "F3", KEYC_F3 },
	{ "F4", KEYC_F4 },
	{ "F5", KEYC_F5 },
	{ "F6", KEYC_F6 },
	{ "F7", KEYC_F7 },
	{ "F8", KEYC_F8 },
	{ "F9", KEYC_F9 },
	{ "F10", KEYC_F10 },
	{ "F11", KEYC_F11 },
	{ "F12", KEYC_F12 },
	{ "Up", KEYC_UP },
	{ "Down", KEYC_DOWN },
	{ "Left", KEYC_LEFT },
	{ "Right", KEYC_RIGHT },
	{ "Home", KEYC_HOME },
	{ "End", KEYC_END },
	{ "PPage", KEYC_PPAGE },
	{ "PageUp", KEYC_PPAGE },
	{ "PgUp", KEYC_PPAGE },
	{ "NPage", KEYC_NPAGE },
	{ "PageDown", KEYC_NPAGE },
	{ "PgDn", KEYC_NPAGE },
	{ "IC", KEYC_IC },
	{ "Insert", KEYC_IC },
	{ "DC", KEYC_DC },
	{ "Delete", KEYC_DC },
	{ "BSpace", KEYC_BSPACE },
	{ "Enter", KEYC_ENTER },
	{ "Tab", KEYC_TAB },
	{ "BTab", KEYC_BTAB },
	{ "Escape", KEYC_ESCAPE },
	{ "Space", ' ' },
};

/*
 * What C- makes of the characters other than letters, and of the letters
 * a terminal sends as another key's byte.
 */
static const struct key_ctrl {
	char		 c;
	key_code	 key;
} key_ctrls[] = {
	{ ' ', KEYC_CTRL | ' ' },
	{ '@', KEYC_CTRL | ' ' },	/* both 0x00 */
	{ '[', KEYC_ESCAPE },
	{ '\\', KEYC_CTRL | '\\' },
	{ ']', KEYC_CTRL | ']' },
	{ '^', KEYC_CTRL | '^' },
	{ '_', KEYC_CTRL | '_' },
	{ '/', KEYC_CTRL | '_' },	/* both 0x1f */
	{ '?', KEYC_BSPACE },		/* 0x7f */
	{ 'h', KEYC_BSPACE },		/* 0x08 */
	{ 'i', KEYC_TAB },
	{ 'j', KEYC_ENTER },
	{ 'm', KEYC_ENTER },
};

static const struct action_info actions[ACTION_COUNT] = {
	[ACTION_PLAY_PAUSE] = { "play-pause",
	    N_("Play or pause"), "Tab Space" },
	[ACTION_PLAY_SEGMENT] = { "play-segment",
	    N_("Play the current segment"), "C-p F5 p" },
	[ACTION_LOOP_SEGMENT] = { "loop-segment",
	    N_("Play the current segment over and over"), "C-o F6 L" },
	[ACTION_REPLAY] = { "replay",
	    N_("Play again from 3 seconds before the playhead"), "C-r F3 r" },
	[ACTION_SEEK_BACK] = { "seek-back",
	    N_("Move the playhead back"), "M-h F7 Left" },
	[ACTION_SEEK_FORWARD] = { "seek-forward",
	    N_("Move the playhead forward"), "M-l F8 Right" },
	[ACTION_SLOWER] = { "slower",
	    N_("Play slower"), "M-- F9 <" },
	[ACTION_FASTER] = { "faster",
	    N_("Play faster"), "M-= F10 >" },
	[ACTION_PREV_SEGMENT] = { "prev-segment",
	    N_("Go to the previous segment"), "Up M-p k" },
	[ACTION_NEXT_SEGMENT] = { "next-segment",
	    N_("Go to the next segment"), "Down M-n j" },
	[ACTION_GOTO_TIME] = { "goto-time",
	    N_("Go to a time"), "M-g g" },
	[ACTION_MARK_START] = { "mark-start",
	    N_("Mark the start of a new segment at the playhead"), "M-m m" },
	[ACTION_NEW_SEGMENT] = { "new-segment",
	    N_("New segment from the start mark to the playhead, or around "
	    "the playhead"), "M-a n" },
	[ACTION_SPLIT] = { "split",
	    N_("Split the current segment at the playhead"), "M-s s" },
	[ACTION_MERGE_NEXT] = { "merge-next",
	    N_("Merge the current segment with the next"), "M-j J" },
	[ACTION_DELETE_SEGMENT] = { "delete-segment",
	    N_("Delete the current segment"), "D" },
	[ACTION_NUDGE_START_EARLIER] = { "nudge-start-earlier",
	    N_("Move the segment's start earlier"), "M-, [" },
	[ACTION_NUDGE_START_LATER] = { "nudge-start-later",
	    N_("Move the segment's start later"), "M-. ]" },
	[ACTION_NUDGE_END_EARLIER] = { "nudge-end-earlier",
	    N_("Move the segment's end earlier"), "M-< {" },
	[ACTION_NUDGE_END_LATER] = { "nudge-end-later",
	    N_("Move the segment's end later"), "M-> }" },
	[ACTION_SNAP] = { "snap",
	    N_("Snap the segment's boundaries to nearby quiet points"),
	    "M-q Q" },
	[ACTION_PICK_SPEAKER] = { "pick-speaker",
	    N_("Choose the segment's speaker from a list, or add one"),
	    "M-w w" },
	[ACTION_PICK_LANGUAGE] = { "pick-language",
	    N_("Choose the segment's language"), "M-t t" },
	[ACTION_PICK_DIALECT] = { "pick-dialect",
	    N_("Choose the segment's dialect tag"), "M-v v" },
	[ACTION_SPEAKER_1] = { "speaker-1",
	    N_("Give the segment the recording's speaker 1"), "M-1 1" },
	[ACTION_SPEAKER_2] = { "speaker-2",
	    N_("Give the segment the recording's speaker 2"), "M-2 2" },
	[ACTION_SPEAKER_3] = { "speaker-3",
	    N_("Give the segment the recording's speaker 3"), "M-3 3" },
	[ACTION_SPEAKER_4] = { "speaker-4",
	    N_("Give the segment the recording's speaker 4"), "M-4 4" },
	[ACTION_SPEAKER_5] = { "speaker-5",
	    N_("Give the segment the recording's speaker 5"), "M-5 5" },
	[ACTION_SPEAKER_6] = { "speaker-6",
	    N_("Give the segment the recording's speaker 6"), "M-6 6" },
	[ACTION_SPEAKER_7] = { "speaker-7",
	    N_("Give the segment the recording's speaker 7"), "M-7 7" },
	[ACTION_SPEAKER_8] = { "speaker-8",
	    N_("Give the segment the recording's speaker 8"), "M-8 8" },
	[ACTION_SPEAKER_9] = { "speaker-9",
	    N_("Give the segment the recording's speaker 9"), "M-9 9" },
	[ACTION_EDIT] = { "edit",
	    N_("Edit the segment's text"), "Enter i" },
	[ACTION_COMMIT] = { "commit",
	    N_("Save the text being edited"), "Enter" },
	[ACTION_CANCEL] = { "cancel",
	    N_("Stop editing without saving, or stop playing"), "Escape" },
	[ACTION_COMPLETE] = { "complete",
	    N_("Complete the word being typed from the lexicon (again: the "
	    "next candidate)"), "C-n" },
	[ACTION_ADD_WORD] = { "add-word",
	    N_("Add the unknown word at or before the cursor to the "
	    "project's lexicon"), "M-o o" },
	[ACTION_UNDO] = { "undo",
	    N_("Undo the last change"), "C-_ u" },
	[ACTION_REDO] = { "redo",
	    N_("Redo the last change undone"), "M-_ U" },
	[ACTION_ZOOM_IN] = { "zoom-in",
	    N_("Zoom in on the waveform"), "+ =" },
	[ACTION_ZOOM_OUT] = { "zoom-out",
	    N_("Zoom out of the waveform"), "-" },
	[ACTION_SEARCH] = { "search",
	    N_("Find text in the segments"), "C-s /" },
	[ACTION_FILTER] = { "filter",
	    N_("Show only segments whose text, speaker, language, dialect or stage contains a string"),
	    "M-/ F" },
	[ACTION_NEXT_TASK] = { "next-task",
	    N_("Take the next segment of your queue and go to it"), "C-t T" },
	[ACTION_ACCEPT] = { "accept",
	    N_("Accept the segment (saving the text being edited first), "
	    "then take the next task"), "M-y a" },
	[ACTION_REJECT] = { "reject",
	    N_("Send the segment back to its transcriber with a comment, "
	    "then take the next task"), "M-x x" },
	[ACTION_CONFIRM] = { "confirm",
	    N_("Confirm the segment's speaker, language and dialect, then "
	    "take the next task"), "M-c c" },
	[ACTION_TASK_FILTER] = { "task-filter",
	    N_("Choose the language and dialect of the tasks you take"),
	    "f" },
	[ACTION_AUTOPLAY] = { "autoplay",
	    N_("Play each task as it is taken, or not"), "P" },
	[ACTION_MODE] = { "mode",
	    N_("Switch between all segments and your queue (review or "
	    "linguist mode)"), "R" },
	[ACTION_HELP] = { "help",
	    N_("Show or hide the keys"), "F1 ?" },
	[ACTION_QUIT] = { "quit",
	    N_("Save and quit"), "C-c q" },
};

struct keymap {
	key_code	*keys[ACTION_COUNT];
	size_t		 nkeys[ACTION_COUNT];
};

/* ---- key names ---- */

/* A code point that stands for itself as a key name. */
static int
key_is_char(key_code key)
{
	return key > 0x20 && key != 0x7f && (key < 0x80 || key >= 0xa0) &&
	    key < 0x110000 && utf8proc_codepoint_valid((utf8proc_int32_t)key);
}

/* One UTF-8 character and nothing else. */
static key_code
key_char(const char *s)
{
	utf8proc_int32_t	cp;
	utf8proc_ssize_t	n;

	if (*s == '\0')
		return KEYC_NONE;
	n = utf8proc_iterate((const utf8proc_uint8_t *)s, -1, &cp);
	if (n <= 0 || s[n] != '\0' || !key_is_char((key_code)cp))
		return KEYC_NONE;
	return (key_code)cp;
}

/* A key without modifiers. */
static key_code
key_base(const char *s)
{
	for (size_t i = 0; i < sizeof key_names / sizeof key_names[0]; i++) {
		if (strcasecmp(s, key_names[i].name) == 0)
			return key_names[i].key;
	}
	return key_char(s);
}

static key_code
key_ctrl(key_code key)
{
	if (key >= 'A' && key <= 'Z')
		key += 'a' - 'A';
	for (size_t i = 0; i < sizeof key_ctrls / sizeof key_ctrls[0]; i++) {
		if (key == (key_code)key_ctrls[i].c)
			return key_ctrls[i].key;
	}
	if (key >= 'a' && key <= 'z')
		return KEYC_CTRL | key;
	return KEYC_NONE;
}

/* Strips one "C-" or "M-" from *s; returns its modifier or 0. */
static key_code
key_modifier(const char **s)
{
	const char	*p = *s;
	key_code	 m;

	if (p[0] == '\0' || p[1] != '-' || p[2] == '\0')
		return 0;
	if (p[0] == 'C' || p[0] == 'c')
		m = KEYC_CTRL;
	else if (p[0] == 'M' || p[0] == 'm')
		m = KEYC_META;
	else
		return 0;
	*s += 2;
	return m;
}

key_code
key_from_string(const char *s)
{
	key_code	key, mods = 0, m;

	while ((m = key_modifier(&s)) != 0) {
		if (mods & m)
			return KEYC_NONE;
		mods |= m;
	}
	if ((key = key_base(s)) == KEYC_NONE)
		return KEYC_NONE;
	if ((mods & KEYC_CTRL) && (key = key_ctrl(key)) == KEYC_NONE)
		return KEYC_NONE;
	return key | (mods & KEYC_META);
}

const char *
key_to_string(key_code key, char *buf, size_t len)
{
	key_code		 base = key & ~KEYC_MODIFIERS;
	const char		*name = NULL;
	char			 ch[8];
	utf8proc_ssize_t	 n;

	for (size_t i = 0; i < sizeof key_names / sizeof key_names[0]; i++) {
		if (key_names[i].key == base) {
			name = key_names[i].name;
			break;
		}
	}
	if (name == NULL && key_is_char(base)) {
		n = utf8proc_encode_char((utf8proc_int32_t)base,
		    (utf8proc_uint8_t *)ch);
		ch[n] = '\0';
		name = ch;
	}
	if (name == NULL)
		snprintf(buf, len, "none");
	else
		snprintf(buf, len, "%s%s%s", (key & KEYC_CTRL) ? "C-" : "",
		    (key & KEYC_META) ? "M-" : "", name);
	return buf;
}

/* ---- actions ---- */

const struct action_info *
action_info(enum action a)
{
	if ((unsigned)a >= ACTION_COUNT)
		return NULL;
	return &actions[a];
}

int
action_from_name(const char *name, enum action *out)
{
	for (int a = 0; a < ACTION_COUNT; a++) {
		if (strcmp(actions[a].name, name) == 0) {
			*out = (enum action)a;
			return 0;
		}
	}
	return -1;
}

/* ---- the key map ---- */

static int
keymap_has(const struct keymap *km, int a, key_code key)
{
	for (size_t i = 0; i < km->nkeys[a]; i++) {
		if (km->keys[a][i] == key)
			return 1;
	}
	return 0;
}

/* Replaces an action's keys with keys[0..n), dropping repeats. */
static void
keymap_set(struct keymap *km, int a, const key_code *keys, size_t n)
{
	free(km->keys[a]);
	km->keys[a] = NULL;
	km->nkeys[a] = 0;
	if (n == 0)
		return;
	km->keys[a] = xreallocarray(NULL, n, sizeof *keys);
	for (size_t i = 0; i < n; i++) {
		if (!keymap_has(km, a, keys[i]))
			km->keys[a][km->nkeys[a]++] = keys[i];
	}
}

/*
 * Parses space-separated key names into *keys (caller frees). Returns how
 * many, or -1 with the first word that is no key in *bad.
 */
static ssize_t
keymap_parse(const char *s, key_code **keys, char **bad)
{
	size_t	 n = 0, len;
	char	*word;

	*keys = NULL;
	for (s += strspn(s, KEY_SEPARATORS); *s != '\0';
	    s += strspn(s, KEY_SEPARATORS)) {
		len = strcspn(s, KEY_SEPARATORS);
		word = xstrndup(s, len);
		s += len;
		*keys = xreallocarray(*keys, n + 1, sizeof **keys);
		if (((*keys)[n++] = key_from_string(word)) == KEYC_NONE) {
			free(*keys);
			*keys = NULL;
			*bad = word;
			return -1;
		}
		free(word);
	}
	return (ssize_t)n;
}

struct keymap *
keymap_new(void)
{
	struct keymap	*km = xcalloc(1, sizeof *km);
	key_code	*keys;
	char		*bad;
	ssize_t		 n;

	for (int a = 0; a < ACTION_COUNT; a++) {
		/* The unit tests check that every default parses. */
		if ((n = keymap_parse(actions[a].defaults, &keys, &bad)) < 0)
			abort();
		keymap_set(km, a, keys, (size_t)n);
		free(keys);
	}
	return km;
}

void
keymap_free(struct keymap *km)
{
	if (km == NULL)
		return;
	for (int a = 0; a < ACTION_COUNT; a++)
		free(km->keys[a]);
	free(km);
}

static struct keymap *
keymap_copy(const struct keymap *km)
{
	struct keymap	*copy = xcalloc(1, sizeof *copy);

	for (int a = 0; a < ACTION_COUNT; a++)
		keymap_set(copy, a, km->keys[a], km->nkeys[a]);
	return copy;
}

size_t
keymap_lookup(const struct keymap *km, key_code key, enum action *out,
    size_t max)
{
	size_t	n = 0;

	for (int a = 0; a < ACTION_COUNT && n < max; a++) {
		if (keymap_has(km, a, key))
			out[n++] = (enum action)a;
	}
	return n;
}

char *
keymap_keys(const struct keymap *km, enum action a)
{
	char	*s, name[KEY_STRING_SIZE];
	size_t	 off = 0;

	if ((unsigned)a >= ACTION_COUNT)
		return xstrdup("");
	s = xcalloc(km->nkeys[a] + 1, KEY_STRING_SIZE);
	for (size_t i = 0; i < km->nkeys[a]; i++) {
		key_to_string(km->keys[a][i], name, sizeof name);
		off += (size_t)sprintf(s + off, "%s%s", i > 0 ? " " : "",
		    name);
	}
	return s;
}

char *
keymap_default_path(void)
{
	const char	*xdg = getenv("XDG_CONFIG_HOME");
	const char	*home = getenv("HOME");

	/* The XDG base directory spec says to ignore relative paths. */
	if (xdg != NULL && xdg[0] == '/')
		return xprintf("%s/tingxie/keys", xdg);
	if (home != NULL && home[0] != '\0')
		return xprintf("%s/.config/tingxie/keys", home);
	return NULL;
}

/* ---- the key file ---- */

struct keymap_file {
	const char	*path;
	size_t		 line;
	size_t		 lines[ACTION_COUNT];	/* where each was set, or 0 */
};

/* Applies one line of the key file. */
static int
keymap_line(struct keymap *km, struct keymap_file *kf, char *line,
    char **cause)
{
	enum action	 a;
	key_code	*keys;
	char		*name, *bad;
	ssize_t		 n;

	line += strspn(line, KEY_SEPARATORS);
	if (*line == '\0' || *line == '#')
		return 0;
	name = line;
	line += strcspn(line, KEY_SEPARATORS);
	if (*line != '\0')
		*line++ = '\0';
	line += strspn(line, KEY_SEPARATORS);
	if (action_from_name(name, &a) != 0) {
		*cause = xprintf(_("%s:%zu: unknown action '%s' (see 'tingxie "
		    "keys')"), kf->path, kf->line, name);
		return -1;
	}
	if (*line == '\0') {
		*cause = xprintf(_("%s:%zu: no keys for %s (to unbind it: "
		    "%s none)"), kf->path, kf->line, name, name);
		return -1;
	}
	if (strncasecmp(line, "none", 4) == 0 &&
	    line[4 + strspn(line + 4, KEY_SEPARATORS)] == '\0') {
		keymap_set(km, a, NULL, 0);
		kf->lines[a] = kf->line;
		return 0;
	}
	if ((n = keymap_parse(line, &keys, &bad)) < 0) {
		*cause = xprintf(_("%s:%zu: '%s' is not a key name"), kf->path,
		    kf->line, bad);
		free(bad);
		return -1;
	}
	keymap_set(km, a, keys, (size_t)n);
	free(keys);
	kf->lines[a] = kf->line;
	return 0;
}

/* Edit and commit may share keys: one applies when the other does not. */
static int
keymap_may_share(int a, int b)
{
	return (a == ACTION_EDIT && b == ACTION_COMMIT) ||
	    (a == ACTION_COMMIT && b == ACTION_EDIT);
}

/*
 * Finds a key on two actions; the error names the line that bound it
 * last, the earliest such line if there are several.
 */
static int
keymap_check(const struct keymap *km, const struct keymap_file *kf,
    char **cause)
{
	size_t		 best = 0;
	int		 holder = 0;
	key_code	 key = KEYC_NONE, k;
	char		 name[KEY_STRING_SIZE];

	for (int a = 0; a < ACTION_COUNT; a++) {
		for (size_t i = 0; i < km->nkeys[a]; i++) {
			k = km->keys[a][i];
			for (int b = 0; b < ACTION_COUNT; b++) {
				if (b == a || keymap_may_share(a, b) ||
				    !keymap_has(km, b, k))
					continue;
				/* Report from the later of the two lines. */
				if (kf->lines[a] < kf->lines[b] ||
				    (kf->lines[a] == kf->lines[b] && a < b))
					continue;
				if (best == 0 || kf->lines[a] < best) {
					best = kf->lines[a];
					holder = b;
					key = k;
				}
			}
		}
	}
	if (key == KEYC_NONE)
		return 0;
	*cause = xprintf(_("%s:%zu: %s is already bound to %s"), kf->path, best,
	    key_to_string(key, name, sizeof name), actions[holder].name);
	return -1;
}

static int
keymap_read(struct keymap *km, struct keymap_file *kf, FILE *f, char **cause)
{
	char	*line = NULL;
	size_t	 size = 0;
	ssize_t	 len;
	int	 rc = 0;

	while (rc == 0 && (len = getline(&line, &size, f)) != -1) {
		kf->line++;
		while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
			line[--len] = '\0';
		rc = keymap_line(km, kf, line, cause);
	}
	if (rc == 0 && ferror(f)) {
		*cause = xprintf(_("%s: %s"), kf->path, strerror(errno));
		rc = -1;
	}
	free(line);
	return rc;
}

int
keymap_load(struct keymap *km, const char *path, char **cause)
{
	struct keymap_file	 kf = { .path = path };
	struct keymap		*copy;
	FILE			*f;
	int			 rc;

	if ((f = fopen(path, "r")) == NULL) {
		if (errno == ENOENT)
			return 0;
		*cause = xprintf(_("%s: %s"), path, strerror(errno));
		return -1;
	}
	copy = keymap_copy(km);
	rc = keymap_read(copy, &kf, f, cause);
	fclose(f);
	if (rc == 0)
		rc = keymap_check(copy, &kf, cause);
	if (rc == 0) {
		for (int a = 0; a < ACTION_COUNT; a++)
			keymap_set(km, a, copy->keys[a], copy->nkeys[a]);
	}
	keymap_free(copy);
	return rc;
}
