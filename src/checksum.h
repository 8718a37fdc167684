/*
 * checksum.h: fast 64-bit checksums of data, for telling whether audio
 * changed. Not cryptographic.
 *
 * xxh64_*: the XXH64 algorithm, streaming; checked against xxhsum.
 * checksum_*: what recordings use. Data is cut into 1 KiB blocks; each is
 * compressed to 64 bits with NH (the universal hash of UMAC, RFC 4418:
 * sums of products of key-offset 32-bit word pairs) under a fixed key, and
 * the block values and the length are combined with XXH64. NH costs one
 * 32x32->64 multiply per 8 bytes and vectorises, so checksumming keeps up
 * with decoding.
 */
#ifndef TX_CHECKSUM_H
#define TX_CHECKSUM_H

#include <stddef.h>
#include <stdint.h>

struct xxh64 {
	uint64_t	v[4];
	uint64_t	total;
	uint8_t		buf[32];
	size_t		buflen;
	uint64_t	seed;
};

/*
 * SplitMix64: advances *state and returns the next of a sequence of
 * well-mixed 64-bit values (for seeded, reproducible choices).
 */
uint64_t splitmix64(uint64_t *state);
void	 xxh64_init(struct xxh64 *, uint64_t seed);
void	 xxh64_update(struct xxh64 *, const void *data, size_t len);
uint64_t xxh64_final(const struct xxh64 *);
uint64_t xxh64_buffer(const void *data, size_t len, uint64_t seed);

#define CHECKSUM_BLOCK 1024

struct checksum {
	struct xxh64	outer;
	uint64_t	total;
	uint8_t		buf[CHECKSUM_BLOCK];
	size_t		buflen;
};

void	 checksum_init(struct checksum *);
void	 checksum_update(struct checksum *, const void *data, size_t len);
uint64_t checksum_final(struct checksum *);
uint64_t checksum_buffer(const void *data, size_t len);

#endif
