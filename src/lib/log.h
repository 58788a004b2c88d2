/*
 * log — one-line log messages to stderr with a UTC timestamp.
 */
#ifndef ATLAS_LOG_H
#define ATLAS_LOG_H

void log_info(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void log_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void log_debug(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Suppress info lines (errors still print). */
void log_set_quiet(int quiet);

#endif
