/*
 * fuzz.h: shared by the libFuzzer targets in fuzz/ (see docs/reliability.md).
 * Each target is one file with LLVMFuzzerTestOneInput; `make fuzz` builds
 * them into build/fuzz/, `make fuzz-run` runs each on its seed corpus.
 */
#ifndef KG_FUZZ_H
#define KG_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

#endif
