/*
 * player.h: playing a stretch of a recording.
 *
 * A decoder thread reads the file (libsndfile), picks a channel, changes the
 * speed with the pitch kept (libsonic) and fills a lock-free ring; the
 * output pulls from the ring on its own thread. The caller (the screen or a
 * command) only sends requests and reads the playhead, an atomic frame
 * position in the recording.
 *
 * Not thread-safe: one controlling thread per player.
 */
#ifndef TX_PLAYER_H
#define TX_PLAYER_H

#include <stdint.h>

#include "output.h"

#define PLAYER_SPEED_MIN 0.5
#define PLAYER_SPEED_MAX 2.0

struct player;

struct player_request {
	const char	*path;
	int64_t		 from;		/* frames */
	int64_t		 to;		/* frames; 0 = to the end */
	double		 speed;		/* 0.5 .. 2.0; 1.0 is bit-exact */
	int		 channel;	/* -1 = all channels, else one, as mono */
};

/* Starts an output; NULL with *cause when it has no device. */
struct player	*player_new(const struct output_ops *, char **cause);
void		 player_free(struct player *);
/*
 * Stops what plays and starts the request; returns 0 when sound starts,
 * -1 for a bad request or an unreadable file, -2 when the output device
 * cannot be opened or started; *cause says why.
 */
int		 player_play(struct player *, const struct player_request *,
		     char **cause);
void		 player_stop(struct player *);
/* Nonzero while a request is playing. */
int		 player_active(struct player *);
/* Blocks until the request has played to its end. */
void		 player_wait(struct player *);
/* The frame of the recording being heard now. */
int64_t		 player_position(struct player *);
/* Why decoding stopped early, or NULL; valid once the player is idle. */
const char	*player_error(struct player *);
/* Frames of silence the output had to insert because the ring ran dry. */
uint64_t	 player_underruns(struct player *);

#endif
