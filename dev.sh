#!/usr/bin/env bash
# The two entry points of this repo, for a fresh clone on a machine with only Node 20 + npm:
#   ./dev.sh demo [express|fastify|nextjs|react-router|tanstack-react-start|astro|nuxt] — emulator + a sample app, prints a sign-in link
#   ./dev.sh test   — the whole test suite (what CI runs)
set -euo pipefail
cd "$(dirname "$0")"
source scripts/toolchain.sh
agent_tasks_ensure_toolchain

ensure_chromium() {
  if [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then return 0; fi
  echo "agent-tasks: installing Debian's chromium for the browser tests…" >&2
  local sudo=""
  if [ "$(id -u)" != "0" ]; then sudo="sudo"; fi
  $sudo apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >&2
}

install_deps() {
  pnpm install --frozen-lockfile --reporter=append-only
}

case "${1:-}" in
  demo)
    install_deps
    exec pnpm demo "${@:2}"
    ;;
  test)
    ensure_chromium
    install_deps
    exec pnpm test
    ;;
  *)
    echo "usage: ./dev.sh demo [express|fastify|nextjs|react-router|tanstack-react-start|astro|nuxt] | ./dev.sh test" >&2
    exit 64
    ;;
esac
