# Sourced by dev.sh and .ci/run: puts Node 24 and the pinned pnpm on PATH, taken from the npm
# registry itself (the `node` package ships real Node binaries), so a machine with only
# Node 20 + npm needs nothing else.
AGENT_TASKS_NODE_MAJOR=24
AGENT_TASKS_PNPM_VERSION=10.34.8

agent_tasks_toolchain_ok() {
  command -v node >/dev/null 2>&1 && command -v pnpm >/dev/null 2>&1 &&
    [ "$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null)" = "$AGENT_TASKS_NODE_MAJOR" ] &&
    [ "$(pnpm --version 2>/dev/null)" = "$AGENT_TASKS_PNPM_VERSION" ]
}

agent_tasks_ensure_toolchain() {
  agent_tasks_toolchain_ok && return 0
  command -v npx >/dev/null 2>&1 || { echo "agent-tasks: npx (npm) is needed to fetch Node $AGENT_TASKS_NODE_MAJOR and pnpm" >&2; return 1; }
  echo "agent-tasks: fetching Node $AGENT_TASKS_NODE_MAJOR and pnpm $AGENT_TASKS_PNPM_VERSION from the npm registry…" >&2
  local bin
  bin=$(npx -y -p "node@$AGENT_TASKS_NODE_MAJOR" -p "pnpm@$AGENT_TASKS_PNPM_VERSION" -- sh -c 'dirname "$(command -v pnpm)"' 2>/dev/null | tail -n 1)
  [ -n "$bin" ] && [ -x "$bin/node" ] || { echo "agent-tasks: could not fetch Node $AGENT_TASKS_NODE_MAJOR via npx" >&2; return 1; }
  export PATH="$bin:$PATH"
  agent_tasks_toolchain_ok || { echo "agent-tasks: toolchain check failed after fetching (node $(node --version), pnpm $(pnpm --version))" >&2; return 1; }
}
