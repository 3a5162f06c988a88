/**
 * Whether DATABASE_URL points at a connection pooler in transaction mode (PgBouncer), as far as
 * the URL says: `?pgbouncer=true` (Prisma's own flag, so one URL serves both) or PgBouncer's
 * default port 6432. Behind such a pooler consecutive transactions of one client may run on
 * different server connections, so nothing may outlive a transaction: named prepared statements
 * (42P05 "already exists" / 26000 "does not exist") and session advisory locks break.
 * Returns why the URL looks like a pooler, or null.
 */
export function poolerIn(url: string): string | null {
  const parsed = new URL(url);
  const flag = parsed.searchParams.get('pgbouncer');
  if (flag !== null) return flag === 'true' ? 'pgbouncer=true' : null;
  return parsed.port === '6432' ? 'port 6432' : null;
}

/** The URL without `pgbouncer=`, which is ours (and Prisma's), not a PostgreSQL parameter. */
export function withoutPoolerHint(url: string): string {
  const parsed = new URL(url);
  if (!parsed.searchParams.has('pgbouncer')) return url;
  parsed.searchParams.delete('pgbouncer');
  return parsed.toString();
}
