/* err.c: user-facing messages on stderr. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "base/err.h"

int kg_verbosity;

__attribute__((format(printf, 1, 0)))
static void vmsg(const char *fmt, va_list ap, int errnum)
{
	size_t n = strlen(fmt);

	flockfile(stderr);	/* one line, even from the pipeline's threads */
	fputs("kgraph: ", stderr);
	vfprintf(stderr, fmt, ap);
	if (n && fmt[n - 1] == ':')
		fprintf(stderr, " %s", strerror(errnum));
	fputc('\n', stderr);
	funlockfile(stderr);
}

int kg_error(const char *fmt, ...)
{
	int e = errno;
	va_list ap;

	va_start(ap, fmt);
	vmsg(fmt, ap, e);
	va_end(ap);
	return -1;
}

void kg_warn(const char *fmt, ...)
{
	int e = errno;
	va_list ap;

	va_start(ap, fmt);
	vmsg(fmt, ap, e);
	va_end(ap);
}

void kg_info(const char *fmt, ...)
{
	int e = errno;
	va_list ap;

	if (kg_verbosity < 1)
		return;
	va_start(ap, fmt);
	vmsg(fmt, ap, e);
	va_end(ap);
}
