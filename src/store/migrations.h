/*
 * migrations — the SQLite schema as an ordered list of migrations. Entry i
 * brings the schema from version i to i+1 (PRAGMA user_version). Applied by
 * store_migrate in store_sqlite.c, each in its own transaction. Never edit a
 * migration that has shipped; append a new one.
 */
#ifndef ATLAS_MIGRATIONS_H
#define ATLAS_MIGRATIONS_H

/* The migrations, oldest first; SQL scripts of one or more statements. */
extern const char *const store_migrations[];
/* Number of entries in store_migrations = the current schema version. */
extern const int store_migration_count;

#endif
