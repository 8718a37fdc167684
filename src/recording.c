/* recording.c: checking recordings' files against the project. */
#include "config.h"

#include <sys/stat.h>

#include <stdlib.h>
#include <string.h>

#include "audio.h"
#include "i18n.h"
#include "recording.h"

enum recording_state
recording_state(const struct store *s, const struct store_recording *rec)
{
	struct stat	 sb;
	char		*path, sum[AUDIO_CHECKSUM_SIZE], *cause = NULL;
	int		 rc;

	path = store_resolve(s, rec->path);
	rc = stat(path, &sb);
	if (rc != 0 || !S_ISREG(sb.st_mode)) {
		free(path);
		return RECORDING_MISSING;
	}
	if (sb.st_size != rec->size) {
		free(path);
		return RECORDING_CHANGED;
	}
	if ((int64_t)sb.st_mtim.tv_sec * 1000000000 + sb.st_mtim.tv_nsec ==
	    rec->mtime) {
		free(path);
		return RECORDING_OK;
	}
	rc = audio_checksum(path, sum, &cause);
	free(path);
	free(cause);
	if (rc != 0)
		return RECORDING_MISSING;
	return strcmp(sum, rec->checksum) == 0 ? RECORDING_OK :
	    RECORDING_CHANGED;
}

const char *
recording_state_name(enum recording_state st)
{
	switch (st) {
	case RECORDING_MISSING:
		return _("missing");
	case RECORDING_CHANGED:
		return _("changed");
	default:
		return "";
	}
}
