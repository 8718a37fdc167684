/*
 * fixture.h: a fresh project with a recording, for the unit tests of the
 * store and what sits on it. Include after unit.h and the engine headers.
 */
#ifndef TX_FIXTURE_H
#define TX_FIXTURE_H

#include <sys/stat.h>

struct fixture {
	char		*dir;
	char		*project;
	char		*wav;
	struct store	*s;
};

static inline int
setup(void **state)
{
	struct fixture	*fx = calloc(1, sizeof *fx);
	char		*cause = NULL;

	fx->dir = unit_tmpdir();
	if (asprintf(&fx->project, "%s/p.tingxie", fx->dir) < 0 ||
	    asprintf(&fx->wav, "%s/audio/tone.wav", fx->dir) < 0)
		return -1;
	fx->s = store_create(fx->project, &cause);
	if (fx->s == NULL)
		fail_msg("%s", cause);
	*state = fx;
	return 0;
}

static inline int
teardown(void **state)
{
	struct fixture	*fx = *state;

	store_close(fx->s);
	unit_rmtree(fx->dir);
	free(fx->dir);
	free(fx->project);
	free(fx->wav);
	free(fx);
	return 0;
}

/* Adds fx->wav as a recording the way 'tingxie add' does. */
static inline int64_t
add_recording(struct fixture *fx, int64_t frames, char **cause)
{
	struct store_recording	 rec = { 0 };
	struct audio_scan	 scan;
	int64_t			 existing;
	char			 dir[4096];
	int			 rc;

	snprintf(dir, sizeof dir, "%s/audio", fx->dir);
	mkdir(dir, 0777);
	if (access(fx->wav, F_OK) != 0)
		unit_write_tone(fx->wav, SF_FORMAT_WAV, 16000, 1, frames, 440);
	if (audio_scan(fx->wav, NULL, NULL, &scan, cause) != 0)
		return -1;
	rec.name = (char *)"tone";
	rec.path = store_relativize(fx->s, fx->wav, cause);
	rec.checksum = scan.checksum;
	rec.size = scan.size;
	rec.mtime = scan.mtime;
	rec.format = scan.info.format;
	rec.rate = scan.info.rate;
	rec.channels = scan.info.channels;
	rec.frames = scan.info.frames;
	rc = store_recording_add(fx->s, &rec, scan.peaks, &existing, cause);
	audio_scan_clear(&scan);
	free(rec.path);
	return rc == 0 ? rec.id : -1;
}

/* Adds a speaker by code (no other fields). */
static inline void
add_speaker(struct fixture *fx, const char *code)
{
	struct speaker	 sp = { 0 };
	char		*cause = NULL;

	sp.code = strdup(code);
	if (store_speaker_add(fx->s, &sp, &cause) != 0)
		fail_msg("%s", cause);
	speaker_clear(&sp);
}

/*
 * Adds a segment as a person would (store_segment_create), seconds at the
 * fixture's 16 kHz, in cmn-Hans; returns its id.
 */
static inline int64_t
add_text_segment(struct fixture *fx, int64_t rec, double from, double to,
    const char *speaker, const char *text, enum segment_stage stage)
{
	struct segment	 seg = { 0 };
	char		*cause = NULL;
	int64_t		 id;

	seg.recording_id = rec;
	seg.start = (int64_t)(from * 16000);
	seg.end = (int64_t)(to * 16000);
	seg.speaker = speaker != NULL ? strdup(speaker) : NULL;
	seg.text = strdup(text);
	seg.lang = strdup("cmn-Hans");
	seg.stage = stage;
	if (store_segment_create(fx->s, &seg, &cause) != 0)
		fail_msg("%s", cause);
	id = seg.id;
	segment_clear(&seg);
	return id;
}

#endif
