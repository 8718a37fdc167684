/*
 * import.h: reading transcripts from other tools into a project.
 *
 * import_file() has the format (fmt.h) read one file into an import_doc,
 * then writes it in one transaction: speakers the project does not have
 * are added, each segment is checked and added (as machine-made when the
 * format is ASR output), and anything wrong refuses the whole file with
 * the file and line (or element) named. Segments already in the project
 * (same recording, times, speaker and text) are not added twice.
 */
#ifndef TX_IMPORT_H
#define TX_IMPORT_H

#include <stddef.h>

#include "fmt.h"

struct import_report {
	size_t	  added;		/* segments */
	size_t	  already;		/* segments that were there */
	size_t	  speakers;		/* speakers added */
	char	**notes;		/* what was changed on the way in */
	size_t	  nnotes;
};

/*
 * Imports one file (or Kaldi data directory). rec names the recording
 * every segment belongs to; NULL: the one the file names (by recording
 * id, or its media file's name).
 */
int	 import_file(struct store *, const struct fmt_ops *, const char *path,
	     const char *rec, struct import_report *, char **cause);
void	 import_report_free(struct import_report *);

#endif
