/*
 * checksum.h: streaming 64-bit content checksum (the XXH64 algorithm).
 *
 * Used to tell whether a recording's file has changed since it was added.
 * Not a cryptographic hash.
 */
#ifndef TX_CHECKSUM_H
#define TX_CHECKSUM_H

#include <stddef.h>
#include <stdint.h>

struct checksum {
	uint64_t	v[4];
	uint64_t	total;
	uint8_t		buf[32];
	size_t		buflen;
	uint64_t	seed;
};

void	 checksum_init(struct checksum *, uint64_t seed);
void	 checksum_update(struct checksum *, const void *data, size_t len);
uint64_t checksum_final(const struct checksum *);
/* The checksum of a whole buffer in one call. */
uint64_t checksum_buffer(const void *data, size_t len, uint64_t seed);
/* Formats a checksum as stored in the project: "xxh64:" and 16 hex digits. */
void	 checksum_format(uint64_t, char buf[24]);

#endif
