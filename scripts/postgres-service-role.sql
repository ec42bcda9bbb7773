-- The service's own PostgreSQL role (issue 21): it logs in, owns no table and bypasses no
-- row-level security, so the policies hold it. The owner (DATABASE_OWNER_URL) migrates and
-- grants it what it needs at every start. Run once, as a superuser; docker-compose.yml does.
-- Choose your own password.
CREATE ROLE interactiewijzer LOGIN PASSWORD 'interactiewijzer' NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
