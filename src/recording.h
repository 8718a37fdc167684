/*
 * recording.h: whether a recording's file is still what was added.
 */
#ifndef TX_RECORDING_H
#define TX_RECORDING_H

#include "store.h"

enum recording_state {
	RECORDING_OK,
	RECORDING_MISSING,	/* no file at the stored path */
	RECORDING_CHANGED	/* a file is there, with other content */
};

/*
 * Checks the file behind rec: its size first, then, if its mtime moved,
 * its checksum (so a touched but unchanged file is still OK).
 */
enum recording_state	 recording_state(const struct store *,
			     const struct store_recording *);
const char		*recording_state_name(enum recording_state);

#endif
