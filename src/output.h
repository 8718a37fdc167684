/*
 * output.h: where the player's samples go, as a struct of operations.
 *
 * An output pulls interleaved 16-bit frames from the player on a thread of
 * its own (PortAudio's callback, or a pacing thread). The pull function
 * never blocks or allocates; it returns fewer frames than asked only at the
 * end of the stream, and the output then plays what it has and finishes.
 */
#ifndef TX_OUTPUT_H
#define TX_OUTPUT_H

#include <stddef.h>
#include <stdint.h>

typedef size_t (*output_pull_fn)(void *arg, int16_t *buf, size_t frames);

struct output_ops {
	const char	*name;
	/* Once per player; may fail (no device). */
	int		(*init)(char **cause);
	void		(*exit)(void);
	/* Opens a stream at rate with channels; returns its state. */
	void		*(*open)(int rate, int channels, output_pull_fn, void *arg,
			    char **cause);
	int		(*start)(void *, char **cause);
	/* Nonzero once a started stream has played its end. */
	int		(*done)(void *);
	/* Stops at once, dropping what the device holds. */
	void		(*stop)(void *);
	void		(*close)(void *);
};

/* PortAudio's default output device. */
extern const struct output_ops output_portaudio;
/* No sound: samples are taken at the pace of real time and dropped. */
extern const struct output_ops output_null;

/*
 * While quiet, standard error goes to /dev/null: for libraries (ALSA, JACK)
 * that print start-up chatter. Nests; not for use from several threads.
 */
void	output_quiet_begin(void);
void	output_quiet_end(void);

#endif
