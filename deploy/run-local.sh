#!/usr/bin/env bash
# The whole topology on one machine, as deploy/ describes it for production:
#   PostgreSQL ◄── PgBouncer (transaction mode) ◄── 3 instances ──► Redis Cluster (3 masters)
#                                                      ▲
#                                  clients ──► haproxy (deploy/haproxy.cfg)
# Needs: a running PostgreSQL (POSTGRES_URL, default postgresql://postgres@127.0.0.1:5432/medqa,
# created if missing), and pgbouncer, redis-server/redis-cli 7 and haproxy (Debian: apt-get
# install pgbouncer redis-server haproxy). Ctrl-C stops everything it started.
set -euo pipefail
cd "$(dirname "$0")/.."

POSTGRES_URL=${POSTGRES_URL:-postgresql://postgres@127.0.0.1:5432/medqa}
PORT=${PORT:-8080}                # where haproxy listens
BASE=${BASE_PORT:-17000}          # the rest use BASE… BASE+20
work=$(mktemp -d /tmp/medqa-deploy.XXXXXX)
chmod 755 "$work"
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT INT TERM

db=${POSTGRES_URL##*/}; db=${db%%\?*}
admin=${POSTGRES_URL%/*}/postgres
psql "$admin" -tAc "SELECT 1 FROM pg_database WHERE datname = '$db'" | grep -q 1 || psql "$admin" -c "CREATE DATABASE \"$db\""

# PgBouncer: instances hold client connections to it; it multiplexes them onto 20 server ones.
pg_host=$(node -e "const u=new URL(process.argv[1]);console.log(u.hostname, u.port||5432, decodeURIComponent(u.username))" "$POSTGRES_URL")
read -r host port user <<<"$pg_host"
cat >"$work/pgbouncer.ini" <<INI
[databases]
* = host=$host port=$port
[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $((BASE + 10))
unix_socket_dir =
auth_type = trust
auth_file = $work/userlist.txt
pool_mode = transaction
default_pool_size = 20
max_client_conn = 1000
INI
echo "\"$user\" \"\"" >"$work/userlist.txt"
chmod 644 "$work"/*
as_user=(); [ "$(id -u)" = 0 ] && as_user=(-u postgres)   # pgbouncer refuses to run as root
pgbouncer "${as_user[@]}" "$work/pgbouncer.ini" & pids+=($!)

# Redis Cluster: three masters (give each a replica in production: --cluster-replicas 1).
nodes=()
for i in 0 1 2; do
  p=$((BASE + i)); mkdir -p "$work/redis-$p"
  redis-server --port "$p" --cluster-enabled yes --cluster-config-file "$work/redis-$p/nodes.conf" \
    --dir "$work/redis-$p" --save "" --appendonly no --bind 127.0.0.1 --daemonize no --loglevel warning & pids+=($!)
  nodes+=("127.0.0.1:$p")
done
for n in "${nodes[@]}"; do until redis-cli -h 127.0.0.1 -p "${n#*:}" ping >/dev/null 2>&1; do sleep 0.2; done; done
redis-cli --cluster create "${nodes[@]}" --cluster-replicas 0 --cluster-yes >/dev/null
until redis-cli -p "$BASE" cluster info | grep -q cluster_state:ok; do sleep 0.2; done

# Three instances: through PgBouncer (?pgbouncer=true: prepared statements off, migrations safe),
# on the cluster, trusting the one proxy in front of them for client addresses.
bouncer_url="postgresql://$user@127.0.0.1:$((BASE + 10))/$db?pgbouncer=true"
cluster=$(IFS=,; echo "${nodes[*]}")
for i in 1 2 3; do
  DATABASE_URL=$bouncer_url DATABASE_POOL_SIZE=10 REDIS_CLUSTER_NODES=$cluster TRUST_PROXY=1 \
    NODE_ENV=production HOST=127.0.0.1 PORT=$((BASE + 10 + i)) node --max-semi-space-size=64 --import tsx src/main.ts & pids+=($!)
done
for i in 1 2 3; do until curl -sf "http://127.0.0.1:$((BASE + 10 + i))/readyz" >/dev/null; do sleep 0.5; done; done

MEDQA_BIND="127.0.0.1:$PORT" MEDQA_APP1="127.0.0.1:$((BASE + 11))" MEDQA_APP2="127.0.0.1:$((BASE + 12))" \
  MEDQA_APP3="127.0.0.1:$((BASE + 13))" haproxy -db -f deploy/haproxy.cfg & pids+=($!)
echo "ready: http://127.0.0.1:$PORT/graphql (3 instances, PgBouncer, Redis Cluster); Ctrl-C stops it all"
wait
