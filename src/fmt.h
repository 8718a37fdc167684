/*
 * fmt.h: corpus and interchange formats, the contract between the export
 * and import core (export.c, import.c) and one file per format
 * (fmt-NAME.c).
 *
 * Writing. The core selects segments, gives every recording, speaker and
 * utterance a safe id, prepares text and audio, and calls a format's
 * write() once per output directory (once per split for corpus formats)
 * with an export_set. write() creates only files directly inside set->dir,
 * through fmt_create()/fmt_commit(), with names it makes from fixed words
 * and the safe ids; it never writes outside set->dir. Times are written
 * from frames with fmt_seconds() / fmt_ms() so every format rounds alike.
 *
 * Reading. read() parses one file (or, for Kaldi, one data directory)
 * into an import_doc and nothing else: no project is touched. A malformed
 * input fails with *cause naming the file and the line (or element) and
 * what is wrong. Times are kept as the decimal seconds the file has
 * ("12.345"), converted to frames exactly by the core.
 *
 * Validation. validate() checks a directory as the format's own tools
 * would (Kaldi's validate_data_dir.sh rules); the core runs it after
 * every export of that format.
 */
#ifndef TX_FMT_H
#define TX_FMT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "markup.h"
#include "store.h"

struct checker;

/* ---- export ---- */

enum export_audio {
	EXPORT_AUDIO_REF,	/* point at the original files, with offsets */
	EXPORT_AUDIO_CUT	/* one mono file per segment */
};

enum export_text {
	EXPORT_TEXT_MARKUP,	/* as transcribed, markup kept */
	EXPORT_TEXT_ASR		/* normalised for training (markup_normalize) */
};

#define EXPORT_MAX_SPLITS 8

struct export_split {
	char		 name[32];	/* [a-z0-9_-] */
	unsigned	 percent;
};

struct export_options {
	const char		*format;
	const char		*out;		/* the output directory */
	int			 force;		/* write into a non-empty out */
	/* which segments (NULL: any) */
	int			 stage;		/* minimum stage; -1: default */
	const char		*lang;
	const char		*dialect;
	const char		*speaker;
	const char		*rec;
	/* audio */
	enum export_audio	 audio;
	int			 rate;		/* cut: sample rate, default 16000 */
	int			 flac;		/* cut: FLAC rather than WAV */
	double			 pad;		/* cut: seconds added each side */
	/* text */
	enum export_text	 text;
	struct markup_norm	 norm;		/* EXPORT_TEXT_ASR: how */
	int			 words;		/* segment unspaced scripts */
	/* splits by speaker; none: one directory */
	struct export_split	 splits[EXPORT_MAX_SPLITS];
	size_t			 nsplits;
	uint64_t		 seed;
};

struct export_recording {
	const struct store_recording	*rec;
	const char			*id;	/* safe id */
	char				*path;	/* absolute path of its audio */
	char				*lang;	/* its default language or NULL */
};

struct export_speaker {
	const struct speaker		*spk;
	const char			*id;	/* safe id */
};

struct export_item {
	const struct segment		*seg;
	const struct export_recording	*rec;
	const struct export_speaker	*spk;	/* NULL: no speaker */
	char				*id;	/* utterance id, <spk>-<rec>-... */
	char				*text;	/* as exported */
	const char			*lang;	/* segment's, else recording's */
	const char			*dialect; /* segment's, else speaker's */
	char				*audio;	/* cut file relative to the set's
						   directory, or NULL */
	int64_t				 start;	/* frames of the recording */
	int64_t				 end;
};

struct export_set {
	const struct export_options	*opt;
	struct store			*store;
	struct checker			*checker;	/* lexicons */
	const char			*dir;	/* exists; write here only */
	/*
	 * The absolute path dir will have when the export is in place (it
	 * is built under another name): for paths written into files. NULL
	 * means dir itself.
	 */
	const char			*final_dir;
	const char			*split;	/* NULL, or the split's name */
	/* what is in this set, in id order */
	struct export_recording		*recs;
	size_t				 nrecs;
	struct export_speaker		*spks;
	size_t				 nspks;
	/* in recording order, then by start */
	struct export_item		*items;
	size_t				 nitems;
	/* the project's active dialect tags (controlled vocabularies) */
	struct vocab_item		*dialects;
	size_t				 ndialects;
};

/*
 * Opens set->dir/name (name is one path component: no '/', not "." or
 * "..") for writing, as a temporary file; fmt_commit() closes it and
 * renames it into place, so a file exists whole or not at all. On failure
 * both return NULL / -1 with *cause naming the file.
 */
FILE	*fmt_create(const struct export_set *, const char *name, char **cause);
int	 fmt_commit(const struct export_set *, FILE *, const char *name,
	     char **cause);
/* Seconds with exactly 3 decimals ("12.345"), rounded half away from 0. */
char	*fmt_seconds(int64_t frames, int rate, char *buf, size_t len);
/* Whole milliseconds, rounded half away from zero. */
int64_t	 fmt_ms(int64_t frames, int rate);
/* Writes s as a JSON string (quotes included), UTF-8 kept raw. */
void	 fmt_json_string(FILE *, const char *s);

/* ---- import ---- */

struct import_segment {
	char	*recording;	/* recording id named by the file, or NULL */
	char	*start;		/* decimal seconds as written: "12.345" */
	char	*end;
	char	*speaker;	/* code, or NULL */
	char	*lang;		/* BCP 47, or NULL */
	char	*dialect;
	char	*text;		/* NFC not required: the core normalises */
	int	 channel;	/* 0-based, -1 unknown */
	long	 line;		/* where it was read (or element number) */
};

struct import_speaker {
	char	*code;
	char	*name;
	char	*gender;	/* f, m, o or NULL */
	char	*lang;
	char	*dialect;
};

struct import_doc {
	char			*media;	/* audio file the document names */
	int			 machine; /* made by an ASR system */
	struct import_speaker	*spks;
	size_t			 nspks;
	struct import_segment	*segs;
	size_t			 nsegs;
};

/* Appends a zeroed segment / speaker to doc and returns it. */
struct import_segment	*import_doc_segment(struct import_doc *);
struct import_speaker	*import_doc_speaker(struct import_doc *);
void			 import_doc_free(struct import_doc *);

/* ---- the formats ---- */

struct fmt_ops {
	const char	*name;		/* "kaldi", "textgrid", ... */
	const char	*description;	/* N_() */
	int		 corpus;	/* ASR corpus: splits, audio, ids */
	int		(*write)(const struct export_set *, char **cause);
	int		(*read)(const char *path, struct import_doc *,
			    char **cause);
	int		(*validate)(const char *dir, char **cause);
};

extern const struct fmt_ops *const fmt_table[];
const struct fmt_ops	*fmt_find(const char *name);

#endif
