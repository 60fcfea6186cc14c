#!/usr/bin/env bash
# The tests run against real peers, not mocks: Prometheus and Prometheus Alertmanager, a notification daemon
# (dunst) under a virtual X display with its own D-Bus session, Chromium for the UI, and
# redis-server behind the sync server's Redis extension.
# This installs the Debian/Ubuntu packages that provide them, or stops at once naming them.
set -euo pipefail

# command → Debian package that provides it
declare -A needs=(
  [prometheus-alertmanager]=prometheus-alertmanager
  [amtool]=prometheus-alertmanager
  # a real Prometheus evaluates alerting rules and sends them to Alertmanager (the whole chain)
  [prometheus]=prometheus
  [dunst]=dunst
  [dunstctl]=dunst
  [Xvfb]=xvfb
  [xauth]=xauth
  [dbus-daemon]=dbus
  [dbus-launch]=dbus-x11
  [notify-send]=libnotify-bin
  # dunstctl talks to dunst through busctl
  [busctl]=systemd
  [chromium]=chromium
  # team sync scale-out: two Hocuspocus processes share one incident through Redis
  [redis-server]=redis-server
)
# Fonts are not commands; Chromium renders tofu without one.
font_check() { [ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]; }

missing=()
for cmd in "${!needs[@]}"; do
  command -v "$cmd" >/dev/null 2>&1 || missing+=("${needs[$cmd]}")
done
font_check || missing+=(fonts-dejavu-core)
[ ${#missing[@]} -eq 0 ] && exit 0

# De-duplicate, keep it readable.
mapfile -t missing < <(printf '%s\n' "${missing[@]}" | sort -u)
echo "system-deps: the tests need these Debian packages: ${missing[*]}" >&2

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo_cmd=(sudo -n)
  else
    echo "system-deps: not root and no passwordless sudo; install them with:" >&2
    echo "  sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "system-deps: apt-get not found; install the packages above with your system's package manager." >&2
  exit 1
fi

echo "system-deps: installing with apt-get…" >&2
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq >&2
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
echo "system-deps: done." >&2
