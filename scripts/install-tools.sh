#!/usr/bin/env bash
# Installs what the repository needs beyond the machine's Node.js (20 or later; the project's own
# Node.js 24 comes with `pnpm install`): pnpm 12.4.2 and, with --test, Debian's chromium (browser
# tests), a Chinese font (so the tests' screenshots show Chinese, not boxes), postgresql (the
# second database the tests run against) and zsh and fish (the CLI's completion scripts are loaded
# into them), nginx and systemd (`nginx -t` and `systemd-analyze verify` check the files in deploy/).
set -euo pipefail

if [ "${1:-}" = "--test" ]; then
  missing=()
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  [ -d /usr/share/fonts/truetype/wqy ] || missing+=(fonts-wqy-microhei)
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
  command -v zsh >/dev/null 2>&1 || missing+=(zsh)
  command -v fish >/dev/null 2>&1 || missing+=(fish)
  command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx)
  command -v systemd-analyze >/dev/null 2>&1 || missing+=(systemd)
  if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" != 0 ]; then
      echo "install-tools: need ${missing[*]} (apt-get install ${missing[*]}, as root)" >&2
      exit 1
    fi
    echo "install-tools: installing ${missing[*]} from Debian…" >&2
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
fi

if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm --version)" != "12.4.2" ]; then
  echo "install-tools: installing pnpm 12.4.2…" >&2
  npm install -g pnpm@12.4.2 >/dev/null 2>&1
fi
