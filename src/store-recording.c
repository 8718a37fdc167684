/* store-recording.c: recordings and their peak caches in the project. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "lang.h"
#include "text.h"
#include "peaks.h"
#include "store-int.h"
#include "xmalloc.h"

#define RECORDING_COLUMNS \
	"r.id, r.name, r.path, r.checksum, r.size, r.mtime, r.format, " \
	"r.rate, r.channels, r.frames, r.lang, " \
	"(SELECT count(*) FROM segment s WHERE s.recording_id = r.id " \
	"AND s.deleted = 0)"

static void
store_recording_row(sqlite3_stmt *st, void *dst)
{
	struct store_recording	*r = dst;

	r->id = sqlite3_column_int64(st, 0);
	r->name = store_column_text(st, 1);
	r->path = store_column_text(st, 2);
	r->checksum = store_column_text(st, 3);
	r->size = sqlite3_column_int64(st, 4);
	r->mtime = sqlite3_column_int64(st, 5);
	r->format = store_column_text(st, 6);
	r->rate = sqlite3_column_int(st, 7);
	r->channels = sqlite3_column_int(st, 8);
	r->frames = sqlite3_column_int64(st, 9);
	r->lang = store_column_text(st, 10);
	r->nsegments = sqlite3_column_int64(st, 11);
}

void
store_recording_clear(struct store_recording *r)
{
	free(r->name);
	free(r->path);
	free(r->checksum);
	free(r->format);
	free(r->lang);
	memset(r, 0, sizeof *r);
}

void
store_recording_list_free(struct store_recording *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		store_recording_clear(&list[i]);
	free(list);
}

/* Finds a recording already holding this path or content. */
static int
store_recording_duplicate(struct store *s, const struct store_recording *r,
    int64_t *existing, char **cause)
{
	static const char sql[] =
	    "SELECT id, name, path = ? FROM recording "
	    "WHERE path = ? OR checksum = ? OR name = ? "
	    "ORDER BY path = ? DESC, checksum = ? DESC LIMIT 1";
	sqlite3_stmt	*st;
	int		 rc, same_path, same_sum;
	char		*name;

	if ((st = store_stmt(s, sql, cause)) == NULL)
		return -1;
	store_bind_text(st, 1, r->path);
	store_bind_text(st, 2, r->path);
	store_bind_text(st, 3, r->checksum);
	store_bind_text(st, 4, r->name);
	store_bind_text(st, 5, r->path);
	store_bind_text(st, 6, r->checksum);
	rc = sqlite3_step(st);
	if (rc == SQLITE_DONE)
		return 0;
	if (rc != SQLITE_ROW) {
		*cause = store_error(s, _("looking for the recording"));
		return -1;
	}
	*existing = sqlite3_column_int64(st, 0);
	name = store_column_text(st, 1);
	same_path = sqlite3_column_int(st, 2);
	sqlite3_reset(st);
	same_sum = 0;
	if (!same_path) {
		struct store_recording	 other;
		char			*ignored = NULL;

		if (store_recording_get(s, *existing, &other, &ignored) == 0) {
			same_sum = strcmp(other.checksum, r->checksum) == 0;
			store_recording_clear(&other);
		}
		free(ignored);
	}
	if (same_path)
		*cause = xprintf(_("%s: already in the project as '%s'"),
		    r->path, name);
	else if (same_sum)
		*cause = xprintf(_("%s: the same audio is already in the "
		    "project as '%s'"), r->path, name);
	else {
		*cause = xprintf(_("%s: a recording named '%s' exists already; "
		    "give this one another name with --name"), r->path, name);
		*existing = 0;
	}
	free(name);
	return -1;
}

static int
store_peaks_insert(struct store *s, int64_t rec, struct peaks_builder *pb,
    char **cause)
{
	static const char lsql[] =
	    "INSERT INTO peak_level (recording_id, level, frames_per_bin, bins, "
	    "chunk_bins) VALUES (?, ?, ?, ?, ?)";
	static const char csql[] =
	    "INSERT INTO peak_chunk (recording_id, level, chunk, data) "
	    "VALUES (?, ?, ?, ?)";
	struct store_peak_level	 lv;
	sqlite3_stmt		*st;
	size_t			 csize;
	unsigned char		*buf;
	ssize_t			 n;
	int			 rc = -1;

	csize = peaks_builder_bin_size(pb) * PEAKS_CHUNK_BINS;
	buf = xmalloc(csize);
	for (int k = 0; k < peaks_builder_levels(pb); k++) {
		peaks_builder_level(pb, k, &lv);
		if (lv.bins == 0)
			continue;
		if ((st = store_stmt(s, lsql, cause)) == NULL)
			goto out;
		sqlite3_bind_int64(st, 1, rec);
		sqlite3_bind_int(st, 2, k);
		sqlite3_bind_int64(st, 3, lv.frames_per_bin);
		sqlite3_bind_int64(st, 4, lv.bins);
		sqlite3_bind_int(st, 5, lv.chunk_bins);
		if (store_step_done(s, st, _("saving the waveform"), cause) != 0)
			goto out;
		for (int64_t chunk = 0;; chunk++) {
			if ((n = peaks_builder_read(pb, k, buf, csize, cause)) < 0)
				goto out;
			if (n == 0)
				break;
			if ((st = store_stmt(s, csql, cause)) == NULL)
				goto out;
			sqlite3_bind_int64(st, 1, rec);
			sqlite3_bind_int(st, 2, k);
			sqlite3_bind_int64(st, 3, chunk);
			sqlite3_bind_blob(st, 4, buf, (int)n, SQLITE_STATIC);
			if (store_step_done(s, st, _("saving the waveform"),
			    cause) != 0)
				goto out;
		}
	}
	rc = 0;
out:
	free(buf);
	return rc;
}

int
store_recording_add(struct store *s, struct store_recording *r,
    struct peaks_builder *pb, int64_t *existing, char **cause)
{
	static const char sql[] =
	    "INSERT INTO recording (name, path, checksum, size, mtime, format, "
	    "rate, channels, frames, lang, added, added_by) "
	    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
	sqlite3_stmt	*st;
	int64_t		 author;
	char		*tag, *nfc, *why = NULL;
	int		 rc = -1;

	*existing = 0;
	/* Names are one line of NFC text: they end up in files. */
	if ((nfc = text_normalize(r->name, &why)) == NULL || *nfc == '\0') {
		*cause = xprintf(_("recording name '%s' must be one line of "
		    "text without control characters (choose one with "
		    "--name)"), r->name);
		free(why);
		free(nfc);
		return -1;
	}
	/* Tags are stored in their usual letter case (lang.h). */
	if (r->lang != NULL) {
		if (lang_check(r->lang, cause) != 0)
			goto out;
		tag = lang_canonical(r->lang);
		free(r->lang);
		r->lang = tag;
	}
	if (store_author(s, &author, cause) != 0 ||
	    store_begin(s, cause) != 0)
		goto out;
	if (store_recording_duplicate(s, r, existing, cause) != 0)
		goto fail;
	if ((st = store_stmt(s, sql, cause)) == NULL)
		goto fail;
	store_bind_text(st, 1, nfc);
	store_bind_text(st, 2, r->path);
	store_bind_text(st, 3, r->checksum);
	sqlite3_bind_int64(st, 4, r->size);
	sqlite3_bind_int64(st, 5, r->mtime);
	store_bind_text(st, 6, r->format);
	sqlite3_bind_int(st, 7, r->rate);
	sqlite3_bind_int(st, 8, r->channels);
	sqlite3_bind_int64(st, 9, r->frames);
	store_bind_text(st, 10, r->lang);
	sqlite3_bind_int64(st, 11, store_now_ms());
	sqlite3_bind_int64(st, 12, author);
	if (store_step_done(s, st, _("adding the recording"), cause) != 0)
		goto fail;
	r->id = sqlite3_last_insert_rowid(s->db);
	if (pb != NULL && store_peaks_insert(s, r->id, pb, cause) != 0)
		goto fail;
	rc = store_commit(s, cause);
	goto out;
fail:
	store_rollback(s);
out:
	free(nfc);
	return rc;
}

static int
store_recording_one(struct store *s, sqlite3_stmt *st,
    struct store_recording *out, const char *what, char **cause)
{
	int	rc = sqlite3_step(st);

	if (rc == SQLITE_ROW) {
		store_recording_row(st, out);
		sqlite3_reset(st);
		return 0;
	}
	if (rc == SQLITE_DONE)
		*cause = xprintf(_("%s: no recording '%s' (see 'tingxie info "
		    "%s')"), s->path, what, s->path);
	else
		*cause = store_error(s, _("reading recordings"));
	sqlite3_reset(st);
	return -1;
}

int
store_recording_get(struct store *s, int64_t id, struct store_recording *out,
    char **cause)
{
	static const char sql[] =
	    "SELECT " RECORDING_COLUMNS " FROM recording r WHERE r.id = ?";
	sqlite3_stmt	*st;
	char		 what[32];

	if ((st = store_stmt(s, sql, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	snprintf(what, sizeof what, "%lld", (long long)id);
	return store_recording_one(s, st, out, what, cause);
}

int
store_recording_find(struct store *s, const char *name,
    struct store_recording *out, char **cause)
{
	static const char sql[] =
	    "SELECT " RECORDING_COLUMNS " FROM recording r WHERE r.name = ? "
	    "OR r.path = ? OR CAST(r.id AS TEXT) = ? "
	    "ORDER BY r.name = ? DESC LIMIT 1";
	sqlite3_stmt	*st;

	if ((st = store_stmt(s, sql, cause)) == NULL)
		return -1;
	for (int i = 1; i <= 4; i++)
		store_bind_text(st, i, name);
	return store_recording_one(s, st, out, name, cause);
}

static void
store_recording_release(void *list, size_t n)
{
	store_recording_list_free(list, n);
}

int
store_recording_list(struct store *s, struct store_recording **out, size_t *n,
    char **cause)
{
	static const char sql[] =
	    "SELECT " RECORDING_COLUMNS " FROM recording r ORDER BY r.name";
	sqlite3_stmt	*st;
	void		*rows;
	int		 rc;

	*out = NULL;
	*n = 0;
	if ((st = store_stmt(s, sql, cause)) == NULL)
		return -1;
	rc = store_collect(s, st, sizeof **out, store_recording_row,
	    store_recording_release, &rows, n, _("reading recordings"), cause);
	*out = rows;
	return rc;
}

int
store_peak_levels(struct store *s, int64_t rec, struct store_peak_level **out,
    size_t *n, char **cause)
{
	static const char sql[] =
	    "SELECT level, frames_per_bin, bins, chunk_bins FROM peak_level "
	    "WHERE recording_id = ? ORDER BY level";
	sqlite3_stmt	*st;
	int		 rc;

	*out = xcalloc(PEAKS_MAX_LEVELS, sizeof **out);
	*n = 0;
	if ((st = store_stmt(s, sql, cause)) == NULL)
		goto fail;
	sqlite3_bind_int64(st, 1, rec);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && *n < PEAKS_MAX_LEVELS) {
		struct store_peak_level *l = &(*out)[(*n)++];

		l->level = sqlite3_column_int(st, 0);
		l->frames_per_bin = sqlite3_column_int64(st, 1);
		l->bins = sqlite3_column_int64(st, 2);
		l->chunk_bins = sqlite3_column_int(st, 3);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		*cause = store_error(s, _("reading the waveform"));
		goto fail;
	}
	return 0;
fail:
	free(*out);
	*out = NULL;
	return -1;
}

int
store_peak_chunk(struct store *s, int64_t rec, int level, int64_t chunk,
    unsigned char **data, size_t *len, char **cause)
{
	static const char sql[] =
	    "SELECT data FROM peak_chunk WHERE recording_id = ? AND level = ? "
	    "AND chunk = ?";
	sqlite3_stmt	*st;
	int		 rc;

	*data = NULL;
	*len = 0;
	if ((st = store_stmt(s, sql, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, rec);
	sqlite3_bind_int(st, 2, level);
	sqlite3_bind_int64(st, 3, chunk);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*len = (size_t)sqlite3_column_bytes(st, 0);
		*data = xmalloc(*len + 1);
		memcpy(*data, sqlite3_column_blob(st, 0), *len);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW) {
		*cause = rc == SQLITE_DONE ?
		    xprintf(_("the waveform cache of recording %lld is missing "
		    "chunk %lld"), (long long)rec, (long long)chunk) :
		    store_error(s, _("reading the waveform"));
		return -1;
	}
	return 0;
}

int
store_recording_id(struct store *s, const char *name, int64_t *id,
    char **cause)
{
	struct store_recording	rec;

	if (store_recording_find(s, name, &rec, cause) != 0)
		return -1;
	*id = rec.id;
	store_recording_clear(&rec);
	return 0;
}
