-- pg_trgm backs the typo-tolerant search; drizzle-kit does not create extensions.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
