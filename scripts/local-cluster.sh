#!/usr/bin/env bash
# Starts a local cluster of skiff-server nodes on this machine, for trying replication out:
#
#   scripts/local-cluster.sh [NODES (default 3)] [GROUPS (default 1)]
#
# Node i serves gRPC on port 7410+i and Raft on port 7500+i, with its data in
# data/local-cluster/n<i>. Ctrl-C stops every node gracefully. See docs/cluster.md.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
nodes="${1:-3}"
groups="${2:-1}"
if ! [[ "$nodes" =~ ^[1-9]$ ]] || ! [[ "$groups" =~ ^[0-9]+$ ]]; then
  echo "usage: scripts/local-cluster.sh [NODES 1-9] [GROUPS]" >&2
  exit 2
fi
peers=""
for i in $(seq 1 "$nodes"); do
  peers="${peers:+$peers,}n$i=127.0.0.1:$((7500 + i))"
done
# Build once, before the nodes race to do it.
"$here/skiff-server" --version >/dev/null
pids=()
stop() {
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait
}
trap stop INT TERM
for i in $(seq 1 "$nodes"); do
  "$here/skiff-server" --data-dir "$here/data/local-cluster/n$i" --host 127.0.0.1 --port $((7410 + i)) \
    --node-id "n$i" --peers "$peers" --groups "$groups" &
  pids+=("$!")
done
endpoints=""
for i in $(seq 1 "$nodes"); do endpoints="${endpoints:+$endpoints,}127.0.0.1:$((7410 + i))"; done
echo "Cluster of $nodes nodes ($groups groups). Connect with: ./skiff --url jdbc:skiff://127.0.0.1:7411" >&2
echo "Status: ./skiff cluster status --endpoint $endpoints   Stop: Ctrl-C" >&2
wait
