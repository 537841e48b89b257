#!/usr/bin/env bash
# Installs the Debian 12 packages hyperwall builds, packages and runs with; with --tests
# also what the tests and benchmarks need (Chromium, npm, ImageMagick, clang).
# Idempotent: only what is missing is installed (as root, or through sudo).
set -euo pipefail

with_tests=false
case "${1:-}" in
  --tests) with_tests=true ;;
  "") ;;
  *) echo "usage: scripts/install-deps.sh [--tests]" >&2; exit 2 ;;
esac

packages=(
  build-essential cmake pkg-config git
  libsdl2-dev libsdl2-image-dev libsdl2-ttf-dev fonts-dejavu-core
  libcurl4-openssl-dev nlohmann-json3-dev libcli11-dev
  libasio-dev libcpp-httplib-dev
  libpng-dev  # PNG encoding set for speed (tiler/PngEncoder.cpp); SDL_image's encoder has no level
  libssl-dev  # SHA-256 of show files (engine/net/Sha256.cpp, OpenSSL libcrypto)
  # Movie decoding (engine/movie/MovieFile.cpp, MovieSoundtrack.cpp): FFmpeg 5.1's demuxers, decoders, scaler and resampler
  libavformat-dev libavcodec-dev libswscale-dev libswresample-dev libavutil-dev
  # Opening hours in the wall's time zone (config/ScheduleCalendar.cpp): GCC 12 has no
  # std::chrono time zones; Debian's date reads the system's tzdata
  libhowardhinnant-date-dev tzdata
  libx11-dev libxext-dev  # X11 DPMS: a blanked node powers its display down (engine/render/DisplayPower.cpp)
  libsystemd-dev  # sd_notify: READY and watchdog pings for the systemd units (engine/net/ServiceNotifier.cpp)
  # DNS-SD: the master announces itself, nodes and ctl find it (engine/net/WallAnnouncer.cpp, MasterBrowser.cpp)
  libavahi-client-dev
  libgtest-dev
  xvfb  # optional: a real X display for interactive rehearsal on a machine without one
  lintian      # checks the Debian package scripts/package.sh builds (scripts/test.sh runs it)
  systemd      # systemd-analyze verify on that package's units (a container may lack it)
  debootstrap  # a clean Debian root to install that package in (scripts/package-check.sh)
)
if $with_tests; then
  packages+=(
    imagemagick  # the tiler benchmark's baseline (bench/tile-bench.sh)
    ffmpeg       # test movies made on the spot (tests/support/TestMovie.cpp)
    chromium     # the web remote's browser test (web/tests, docs/api.md)
    clang              # fuzz targets and the sanitizer test run (scripts/fuzz.sh, scripts/sanitize.sh)
    libclang-rt-14-dev # clang 14's libFuzzer, ASan and UBSan runtimes for those
    avahi-daemon dbus-daemon  # the DNS-SD tests' own daemon and bus (tests/net/MasterDiscoveryTest.cpp)
  )
fi

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
  [ "$status" = "installed" ] || missing+=("$p")
done
# Node.js and npm run the browser test; any install that provides npm will do.
if $with_tests; then command -v npm >/dev/null || missing+=(nodejs npm); fi
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
else
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "install-deps: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
    sudo="sudo"
  fi
  echo "install-deps: installing ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

$with_tests || exit 0
# The browser test's one npm package (playwright-core), exactly as locked.
web_tests="$(dirname "$0")/../web/tests"
if [ ! -d "$web_tests/node_modules/playwright-core" ] ||
   [ "$web_tests/package-lock.json" -nt "$web_tests/node_modules/.package-lock.json" ]; then
  echo "install-deps: npm ci in web/tests"
  (cd "$web_tests" && npm ci --no-audit --no-fund)
fi
