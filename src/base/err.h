/*
 * err.h: messages to the user, in one format: "kgraph: what: why".
 *
 * kg_error() prints and returns -1, so lower layers can `return
 * kg_error(...)` (git's error()).  A format ending in ':' gets
 * ": strerror(errno)" appended (OpenBSD's err(3) habit).  Diagnostics go
 * to stderr only; stdout belongs to the data.
 */
#ifndef KG_ERR_H
#define KG_ERR_H

int kg_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void kg_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Verbosity: -1 quiet (errors only), 0 default, 1 verbose. */
extern int kg_verbosity;
void kg_info(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
