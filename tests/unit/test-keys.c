/* test-keys.c: key names, the default key map and the key file. */
#include "unit.h"

#include <errno.h>

#include "keys.h"

static const struct {
	const char	*name;
	key_code	 key;
	const char	*canonical;
} names[] = {
	{ "a", 'a', "a" },
	{ "U", 'U', "U" },
	{ "u", 'u', "u" },
	{ "?", '?', "?" },
	{ "[", '[', "[" },
	{ "-", '-', "-" },
	{ "#", '#', "#" },
	{ "\xe4\xbd\xa0", 0x4f60, "\xe4\xbd\xa0" },		/* 你 */
	{ "\xc3\xa9", 0xe9, "\xc3\xa9" },			/* é */
	{ "\xf0\x9f\x8e\xa7", 0x1f3a7, "\xf0\x9f\x8e\xa7" },	/* 🎧 */
	{ "C-r", KEYC_CTRL | 'r', "C-r" },
	{ "C-R", KEYC_CTRL | 'r', "C-r" },
	{ "c-r", KEYC_CTRL | 'r', "C-r" },
	{ "M-x", KEYC_META | 'x', "M-x" },
	{ "m-x", KEYC_META | 'x', "M-x" },
	{ "M-X", KEYC_META | 'X', "M-X" },
	{ "C-M-x", KEYC_CTRL | KEYC_META | 'x', "C-M-x" },
	{ "M-C-x", KEYC_CTRL | KEYC_META | 'x', "C-M-x" },
	{ "M--", KEYC_META | '-', "M--" },
	{ "M-=", KEYC_META | '=', "M-=" },
	{ "M-_", KEYC_META | '_', "M-_" },
	{ "M-,", KEYC_META | ',', "M-," },
	{ "M-\xe4\xbd\xa0", KEYC_META | 0x4f60, "M-\xe4\xbd\xa0" },
	{ "C-_", KEYC_CTRL | '_', "C-_" },
	{ "C-/", KEYC_CTRL | '_', "C-_" },
	{ "C-@", KEYC_CTRL | ' ', "C-Space" },
	{ "C-Space", KEYC_CTRL | ' ', "C-Space" },
	{ "C-\\", KEYC_CTRL | '\\', "C-\\" },
	{ "C-]", KEYC_CTRL | ']', "C-]" },
	{ "C-^", KEYC_CTRL | '^', "C-^" },
	{ "C-[", KEYC_ESCAPE, "Escape" },
	{ "C-?", KEYC_BSPACE, "BSpace" },
	{ "C-h", KEYC_BSPACE, "BSpace" },
	{ "C-i", KEYC_TAB, "Tab" },
	{ "C-m", KEYC_ENTER, "Enter" },
	{ "C-j", KEYC_ENTER, "Enter" },
	{ "F1", KEYC_F1, "F1" },
	{ "f5", KEYC_F5, "F5" },
	{ "F10", KEYC_F10, "F10" },
	{ "F12", KEYC_F12, "F12" },
	{ "Tab", KEYC_TAB, "Tab" },
	{ "TAB", KEYC_TAB, "Tab" },
	{ "BTab", KEYC_BTAB, "BTab" },
	{ "Space", ' ', "Space" },
	{ "space", ' ', "Space" },
	{ "M-Space", KEYC_META | ' ', "M-Space" },
	{ "Enter", KEYC_ENTER, "Enter" },
	{ "Escape", KEYC_ESCAPE, "Escape" },
	{ "BSpace", KEYC_BSPACE, "BSpace" },
	{ "DC", KEYC_DC, "DC" },
	{ "Delete", KEYC_DC, "DC" },
	{ "IC", KEYC_IC, "IC" },
	{ "Insert", KEYC_IC, "IC" },
	{ "Home", KEYC_HOME, "Home" },
	{ "End", KEYC_END, "End" },
	{ "PPage", KEYC_PPAGE, "PPage" },
	{ "PageUp", KEYC_PPAGE, "PPage" },
	{ "pgup", KEYC_PPAGE, "PPage" },
	{ "NPage", KEYC_NPAGE, "NPage" },
	{ "PageDown", KEYC_NPAGE, "NPage" },
	{ "PgDn", KEYC_NPAGE, "NPage" },
	{ "Up", KEYC_UP, "Up" },
	{ "Down", KEYC_DOWN, "Down" },
	{ "Left", KEYC_LEFT, "Left" },
	{ "right", KEYC_RIGHT, "Right" },
	{ "M-Left", KEYC_META | KEYC_LEFT, "M-Left" },
	{ "M-F5", KEYC_META | KEYC_F5, "M-F5" },
	{ "M-Enter", KEYC_META | KEYC_ENTER, "M-Enter" },
};

static void
test_names(void **state)
{
	char		buf[KEY_STRING_SIZE];
	key_code	k;

	(void)state;
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		k = key_from_string(names[i].name);
		if (k != names[i].key)
			fail_msg("%s: got %#x, want %#x", names[i].name,
			    (unsigned)k, (unsigned)names[i].key);
		assert_string_equal(key_to_string(k, buf, sizeof buf),
		    names[i].canonical);
		/* The canonical name parses to the same key. */
		assert_int_equal(key_from_string(names[i].canonical), k);
	}
	assert_string_equal(key_to_string(KEYC_NONE, buf, sizeof buf), "none");
	assert_true(KEYC_F12 > 0x10ffff);
	assert_int_equal(KEYC_F1 + 4, KEYC_F5);
}

static void
test_bad_names(void **state)
{
	const char *bad[] = { "", " ", "C-", "M-", "F13", "F0", "Foo", "ab",
	    "C-1", "C-Left", "C-\xe4\xbd\xa0", "C-C-x", "M-M-x", "X-a",
	    "\t", "\x7f", "\xe4\xbd", "\xe4\xbd\xa0\xe5\xa5\xbd", "\xc0\xaf",
	    "\xed\xa0\x80", "none", "C--", "--" };

	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		if (key_from_string(bad[i]) != KEYC_NONE)
			fail_msg("'%s' parsed", bad[i]);
	}
}

static void
test_actions(void **state)
{
	enum action	a;

	(void)state;
	for (int i = 0; i < ACTION_COUNT; i++) {
		const struct action_info *ai = action_info((enum action)i);

		assert_non_null(ai);
		assert_non_null(ai->description);
		assert_null(strchr(ai->description, '\t'));
		assert_int_equal(action_from_name(ai->name, &a), 0);
		assert_int_equal(a, i);
	}
	assert_string_equal(action_info(ACTION_PLAY_PAUSE)->name, "play-pause");
	assert_string_equal(action_info(ACTION_QUIT)->name, "quit");
	assert_string_equal(action_info(ACTION_REPLAY)->defaults, "C-r F3 r");
	assert_null(action_info(ACTION_COUNT));
	assert_int_equal(action_from_name("paly-pause", &a), -1);
	assert_int_equal(action_from_name("Play-Pause", &a), -1);
}

static void
test_defaults(void **state)
{
	struct keymap	*km = keymap_new();
	enum action	 out[4];
	key_code	 seen[256];
	size_t		 nseen = 0;
	char		*s, *word, *save;

	(void)state;
	for (int a = 0; a < ACTION_COUNT; a++) {
		const struct action_info *ai = action_info((enum action)a);

		/* The defaults are written canonically. */
		s = keymap_keys(km, (enum action)a);
		assert_string_equal(s, ai->defaults);
		for (word = strtok_r(s, " ", &save); word != NULL;
		    word = strtok_r(NULL, " ", &save)) {
			key_code k = key_from_string(word);

			assert_int_not_equal(k, KEYC_NONE);
			if (a == ACTION_COMMIT && k == KEYC_ENTER)
				continue;
			for (size_t j = 0; j < nseen; j++) {
				if (seen[j] == k)
					fail_msg("%s of %s is bound twice",
					    word, ai->name);
			}
			seen[nseen++] = k;
			if (k == KEYC_ENTER)
				continue;
			assert_int_equal(keymap_lookup(km, k, out, 4), 1);
			assert_int_equal(out[0], a);
		}
		free(s);
	}
	assert_int_equal(keymap_lookup(km, KEYC_ENTER, out, 4), 2);
	assert_int_equal(out[0], ACTION_EDIT);
	assert_int_equal(out[1], ACTION_COMMIT);
	assert_int_equal(keymap_lookup(km, KEYC_ENTER, out, 1), 1);
	assert_int_equal(keymap_lookup(km, 'z', out, 4), 0);
	assert_int_equal(keymap_lookup(km, KEYC_CTRL | 'r', out, 4), 1);
	assert_int_equal(out[0], ACTION_REPLAY);
	assert_int_equal(keymap_lookup(km, ' ', out, 4), 1);
	assert_int_equal(out[0], ACTION_PLAY_PAUSE);
	keymap_free(km);
}

/* Writes text to DIR/NAME; returns the path (caller frees). */
static char *
write_file(const char *dir, const char *name, const char *text)
{
	char	*path;
	FILE	*f;

	if (asprintf(&path, "%s/%s", dir, name) < 0)
		abort();
	if ((f = fopen(path, "w")) == NULL)
		fail_msg("%s: %s", path, strerror(errno));
	fputs(text, f);
	fclose(f);
	return path;
}

static void
assert_keys(const struct keymap *km, enum action a, const char *want)
{
	char	*s = keymap_keys(km, a);

	assert_string_equal(s, want);
	free(s);
}

static void
test_load(void **state)
{
	struct keymap	*km = keymap_new();
	char		*dir = unit_tmpdir(), *path, *cause = NULL;
	enum action	 out[4];

	(void)state;
	path = write_file(dir, "keys",
	    "# my keys\n"
	    "\n"
	    "   # indented comment\n"
	    "play-pause\tF4  Tab\n"
	    "delete-segment none\r\n"
	    "  search C-f /\n"
	    "replay F5 F5 \xe4\xbd\xa0\n"
	    "play-segment C-p\n"
	    "edit i\n"
	    "commit Enter M-Enter\n"
	    "help NONE\n"
	    "help F1");
	if (keymap_load(km, path, &cause) != 0)
		fail_msg("%s", cause);
	assert_keys(km, ACTION_PLAY_PAUSE, "F4 Tab");
	assert_keys(km, ACTION_DELETE_SEGMENT, "");
	assert_keys(km, ACTION_SEARCH, "C-f /");
	/* F5 moved from play-segment, which a later line rebinds. */
	assert_keys(km, ACTION_REPLAY, "F5 \xe4\xbd\xa0");
	assert_keys(km, ACTION_PLAY_SEGMENT, "C-p");
	assert_keys(km, ACTION_HELP, "F1");
	assert_keys(km, ACTION_QUIT, "C-c q");
	assert_int_equal(keymap_lookup(km, ' ', out, 4), 0);
	assert_int_equal(keymap_lookup(km, 'D', out, 4), 0);
	assert_int_equal(keymap_lookup(km, KEYC_ENTER, out, 4), 1);
	assert_int_equal(out[0], ACTION_COMMIT);
	assert_int_equal(keymap_lookup(km, 0x4f60, out, 4), 1);
	assert_int_equal(out[0], ACTION_REPLAY);
	free(path);

	/* Edit and commit may share any key. */
	path = write_file(dir, "share", "edit Enter F2\ncommit F2 Enter\n");
	if (keymap_load(km, path, &cause) != 0)
		fail_msg("%s", cause);
	assert_int_equal(keymap_lookup(km, KEYC_F2, out, 4), 2);
	free(path);

	/* A missing file leaves the map as it is. */
	if (asprintf(&path, "%s/missing/keys", dir) < 0)
		abort();
	assert_int_equal(keymap_load(km, path, &cause), 0);
	assert_keys(km, ACTION_PLAY_PAUSE, "F4 Tab");
	free(path);

	keymap_free(km);
	unit_rmtree(dir);
	free(dir);
}

static void
test_load_errors(void **state)
{
	static const struct {
		const char	*text;
		const char	*error;		/* after "PATH:" */
	} cases[] = {
		{ "# x\n\nplay-pause F4\npaly-pause Tab\n",
		  "4: unknown action 'paly-pause' (see 'tingxie keys')" },
		{ "play-pause C-\n", "1: 'C-' is not a key name" },
		{ "a\nb\n", "1: unknown action 'a' (see 'tingxie keys')" },
		{ "#\nplay-pause Tab F13\n", "2: 'F13' is not a key name" },
		{ "play-pause Tab none\n", "1: 'none' is not a key name" },
		{ "\n\n\n\n\n\nreplay F5\n",
		  "7: F5 is already bound to play-segment" },
		{ "replay F5\nhelp F5\n",
		  "1: F5 is already bound to play-segment" },
		{ "replay F5\nplay-segment p\nhelp F5\n",
		  "3: F5 is already bound to replay" },
		{ "help F5\nreplay F5\nplay-segment p\n",
		  "2: F5 is already bound to help" },
		{ "search Enter\n", "1: Enter is already bound to edit" },
		{ "search C-i\n", "1: Tab is already bound to play-pause" },
		{ "undo\n", "1: no keys for undo (to unbind it: undo none)" },
	};
	struct keymap	*km = keymap_new();
	char		*dir = unit_tmpdir(), *path, *cause, *want;
	char		*before[ACTION_COUNT];

	(void)state;
	for (int a = 0; a < ACTION_COUNT; a++)
		before[a] = keymap_keys(km, (enum action)a);
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		cause = NULL;
		path = write_file(dir, "keys", cases[i].text);
		if (keymap_load(km, path, &cause) != -1)
			fail_msg("case %zu loaded", i);
		if (asprintf(&want, "%s:%s", path, cases[i].error) < 0)
			abort();
		assert_string_equal(cause, want);
		free(want);
		free(cause);
		free(path);
		/* The map is as it was. */
		for (int a = 0; a < ACTION_COUNT; a++)
			assert_keys(km, (enum action)a, before[a]);
	}

	/* A file that exists but cannot be read. */
	cause = NULL;
	assert_int_equal(keymap_load(km, dir, &cause), -1);
	assert_non_null(cause);
	assert_true(strncmp(cause, dir, strlen(dir)) == 0);
	free(cause);
	for (int a = 0; a < ACTION_COUNT; a++) {
		assert_keys(km, (enum action)a, before[a]);
		free(before[a]);
	}
	keymap_free(km);
	unit_rmtree(dir);
	free(dir);
}

static void
assert_path(const char *want)
{
	char	*p = keymap_default_path();

	if (want == NULL)
		assert_null(p);
	else
		assert_string_equal(p, want);
	free(p);
}

static void
test_default_path(void **state)
{
	char	*xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");

	(void)state;
	xdg = xdg != NULL ? strdup(xdg) : NULL;
	home = home != NULL ? strdup(home) : NULL;

	setenv("HOME", "/home/ann", 1);
	setenv("XDG_CONFIG_HOME", "/etc/xdg/ann", 1);
	assert_path("/etc/xdg/ann/tingxie/keys");
	setenv("XDG_CONFIG_HOME", "", 1);
	assert_path("/home/ann/.config/tingxie/keys");
	setenv("XDG_CONFIG_HOME", "relative/dir", 1);
	assert_path("/home/ann/.config/tingxie/keys");
	unsetenv("XDG_CONFIG_HOME");
	assert_path("/home/ann/.config/tingxie/keys");
	unsetenv("HOME");
	assert_path(NULL);
	setenv("XDG_CONFIG_HOME", "/x", 1);
	assert_path("/x/tingxie/keys");

	if (xdg != NULL)
		setenv("XDG_CONFIG_HOME", xdg, 1);
	else
		unsetenv("XDG_CONFIG_HOME");
	if (home != NULL)
		setenv("HOME", home, 1);
	free(xdg);
	free(home);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_bad_names),
		cmocka_unit_test(test_actions),
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_load),
		cmocka_unit_test(test_load_errors),
		cmocka_unit_test(test_default_path),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
