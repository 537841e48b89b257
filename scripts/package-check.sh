#!/usr/bin/env bash
# Installs the package scripts/package.sh built into a clean Debian 12 root
# made by debootstrap, and runs it there as a wall PC would: apt resolves its
# dependencies from the mirror, postinst makes the user and the key, the
# bundled show renders, and the master starts as the hyperwall user with the
# unit's command line and serves. Needs root and a Debian mirror; takes
# minutes (CI leaves it out, docs/install.md).
# Usage: scripts/package-check.sh [--mirror URL] [--keep] [DEB]
set -euo pipefail
cd "$(dirname "$0")/.."

mirror=http://deb.debian.org/debian
keep=false
deb=""
while [ $# -gt 0 ]; do
  case "$1" in
    --mirror) [ $# -ge 2 ] || { echo "usage: scripts/package-check.sh [--mirror URL] [--keep] [DEB]" >&2; exit 2; }
              mirror="$2"; shift ;;
    --keep) keep=true ;;
    -h|--help) echo "usage: scripts/package-check.sh [--mirror URL] [--keep] [DEB]"; exit 0 ;;
    -*) echo "usage: scripts/package-check.sh [--mirror URL] [--keep] [DEB]" >&2; exit 2 ;;
    *) deb="$1" ;;
  esac
  shift
done
[ -n "$deb" ] || deb=$(ls build/hyperwall_*.deb 2>/dev/null | head -1)
[ -f "$deb" ] || { echo "package-check: no package: run scripts/package.sh first" >&2; exit 2; }
[ "$(id -u)" -eq 0 ] || { echo "package-check: needs root (debootstrap, chroot)" >&2; exit 1; }
command -v debootstrap >/dev/null || { echo "package-check: needs debootstrap (scripts/install-deps.sh)" >&2; exit 1; }

root=$(mktemp -d /var/tmp/hyperwall-root.XXXXXX)
chmod 755 "$root"  # the root folder of the clean system, where the hyperwall user runs
cleanup() {
  umount "$root/proc" 2>/dev/null || true
  if $keep; then echo "package-check: root kept in $root"; else rm -rf "$root"; fi
}
trap cleanup EXIT
step() { echo "package-check: $* ($SECONDS s)"; }

step "debootstrap bookworm (minbase) from $mirror"
debootstrap --variant=minbase bookworm "$root" "$mirror" >"$root.log" 2>&1 ||
  { tail -20 "$root.log" >&2; exit 1; }
rm -f "$root.log"
mount -t proc proc "$root/proc"
cp "$deb" "$root/tmp/hyperwall.deb"
in_root() {
  chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive "$@"
}

step "apt install the package"
in_root apt-get update -qq 2>&1 | grep -v "unsandboxed as root" || true
in_root apt-get install -y -qq --no-install-recommends \
  /tmp/hyperwall.deb >"$root/tmp/apt.log" 2>&1 || { tail -20 "$root/tmp/apt.log" >&2; exit 1; }

step "check the install"
in_root id hyperwall
[ "$(in_root stat -c '%a %U' /etc/hyperwall/wall.key)" = "600 hyperwall" ] ||
  { echo "package-check: wall.key is not 0600 hyperwall" >&2; exit 1; }
in_root hyperwall --help >/dev/null
in_root systemd-analyze verify --man=no /lib/systemd/system/hyperwall-master.service \
  /lib/systemd/system/hyperwall-node@0.service

step "render the bundled show"
in_root env SDL_VIDEODRIVER=dummy HOME=/tmp hyperwall rehearse /etc/hyperwall/shows/start.hwshow \
  --wall 1x1-1080p --headless --snapshot /tmp/snapshots >/dev/null
ls "$root/tmp/snapshots" | grep -q png || { echo "package-check: no snapshot" >&2; exit 1; }

step "run the master as the unit does"
port=$((30000 + RANDOM % 20000))
in_root hyperwall plan /etc/hyperwall/shows/start.hwshow --wall 1x1-1080p >/dev/null
cp "$root/usr/share/doc/hyperwall/examples/wall.json" "$root/etc/hyperwall/wall.json"
in_root mkdir -p /var/lib/hyperwall /var/cache/hyperwall
in_root chown hyperwall:hyperwall /var/lib/hyperwall /var/cache/hyperwall
command=$(sed -n 's|^ExecStart=||p' "$root/lib/systemd/system/hyperwall-master.service")
in_root runuser -u hyperwall -- env HYPERWALL_STATE=/etc/hyperwall HYPERWALL_CACHE=/var/cache/hyperwall \
  timeout 60 $command --bind 127.0.0.1 --port "$port" --http-port $((port + 1)) >"$root/tmp/master.log" 2>&1 &
master=$!
for _ in $(seq 1 100); do
  grep -q "web remote at" "$root/tmp/master.log" && break
  kill -0 "$master" 2>/dev/null || break
  sleep 0.3  # polling the log for the master's line, bounded by the loop
done
status=0
in_root hyperwall ctl --master "http://127.0.0.1:$((port + 1))" status >/dev/null || status=$?
kill "$master" 2>/dev/null || true
wait "$master" || true
if [ "$status" -ne 0 ]; then
  cat "$root/tmp/master.log" >&2
  echo "package-check: the installed master did not answer ctl status" >&2
  exit 1
fi
step "passed: the package installs in a clean Debian 12 root, its units verify and its master serves"
