/*
 * ringbuf.h: a lock-free ring of 16-bit samples between one producer
 * thread and one consumer thread.
 *
 * The consumer side (ringbuf_read, ringbuf_readable) neither locks nor
 * allocates: it runs in the audio callback.
 */
#ifndef TX_RINGBUF_H
#define TX_RINGBUF_H

#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

struct ringbuf {
	int16_t			*buf;
	size_t			 size;	/* a power of two, in samples */
	atomic_size_t		 head;	/* total written */
	atomic_size_t		 tail;	/* total read */
};

/* Makes a ring holding at least min samples. */
void	 ringbuf_init(struct ringbuf *, size_t min);
void	 ringbuf_free(struct ringbuf *);
size_t	 ringbuf_readable(struct ringbuf *);
size_t	 ringbuf_writable(struct ringbuf *);
/* Copies up to n samples; returns how many. */
size_t	 ringbuf_write(struct ringbuf *, const int16_t *, size_t n);
size_t	 ringbuf_read(struct ringbuf *, int16_t *, size_t n);

#endif
