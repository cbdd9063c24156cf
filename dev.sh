#!/usr/bin/env bash
# The two entry points of this repo, for a fresh clone on a machine with only Node 20 + npm:
#   ./dev.sh demo [express|fastify|nextjs|react-router|tanstack-react-start|astro|nuxt] — emulator + a sample app, prints a sign-in link
#   ./dev.sh demo agent — both emulators + the Express app; an AI browser agent signed in as the demo user
#   ./dev.sh test   — the whole test suite (what CI runs)
set -euo pipefail
cd "$(dirname "$0")"
source scripts/toolchain.sh
agent_tasks_ensure_toolchain

# Real servers the tests start (Chromium for the browser tests, Redis for @agent-tasks/redis), from
# Debian's apt when missing.
ensure_apt_package() {
  local binary="$1" package="$2" purpose="$3"
  if [ -x "$binary" ]; then return 0; fi
  echo "agent-tasks: installing Debian's $package for $purpose…" >&2
  local sudo=""
  if [ "$(id -u)" != "0" ]; then sudo="sudo"; fi
  $sudo apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$package" >&2
}

install_deps() {
  pnpm install --frozen-lockfile --reporter=append-only
}

case "${1:-}" in
  demo)
    if [ "${2:-}" = "agent" ]; then ensure_apt_package "${CHROMIUM_PATH:-/usr/bin/chromium}" chromium "the agent demo"; fi
    install_deps
    exec pnpm demo "${@:2}"
    ;;
  test)
    ensure_apt_package "${CHROMIUM_PATH:-/usr/bin/chromium}" chromium "the browser tests"
    ensure_apt_package "${REDIS_SERVER_PATH:-/usr/bin/redis-server}" redis-server "the Redis tests"
    install_deps
    exec pnpm test
    ;;
  *)
    echo "usage: ./dev.sh demo [express|fastify|nextjs|react-router|tanstack-react-start|astro|nuxt|agent] | ./dev.sh test" >&2
    exit 64
    ;;
esac
