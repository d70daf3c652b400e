#!/usr/bin/env bash
# Real builds without a Docker engine (../../../shared/REAL-BUILDS.md): buildah from Debian,
# and base images made offline with debootstrap from Debian's packages:
#   localhost/golang:1.19-bookworm   Debian 12 minbase + golang-go (Go 1.19) + ca-certificates + gcc (cgo)
#   localhost/debian:bookworm-slim   Debian 12 minbase + ca-certificates (a glibc runtime)
#   localhost/golang:1.23-bookworm   the 1.19 image + Go 1.23 from bookworm-backports, GOTOOLCHAIN=local
#                                    (real repositories with a newer go line; nothing is downloaded at build time)
# Idempotent: what exists is kept. Prints what it did; exits non-zero when it cannot.
set -euo pipefail

STORE=${GD_BUILDAH_ROOT:-/var/tmp/go-dockerfile-buildah}
export BUILDAH_ISOLATION=chroot
B="buildah --root $STORE/root --runroot $STORE/runroot --storage-driver overlay"
log() { echo "[real-builds setup] $*"; }
start=$(date +%s)

# buildah runs as root here (chroot isolation, a machine-wide store): no rootless set-up.
[ "$(id -u)" -eq 0 ] || { log "real builds need root (buildah with chroot isolation and the store in $STORE)"; exit 1; }

need=()
command -v buildah >/dev/null || need+=(buildah)
command -v debootstrap >/dev/null || need+=(debootstrap)
command -v file >/dev/null || need+=(file)
if ((${#need[@]})); then
  command -v apt-get >/dev/null || { log "${need[*]} missing and no apt-get (not Debian): install them yourself"; exit 1; }
  log "installing ${need[*]}"
  apt-get update -qq || { log "apt-get update failed (offline?)"; exit 1; }
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null || { log "apt-get install ${need[*]} failed"; exit 1; }
fi

mkdir -p "$STORE"
exec 9>"$STORE/.lock"
flock 9

# The Debian archive apt already uses (a URL whose path ends in /debian; not -security, not third-party repos).
urls=$( (grep -rhoE 'https?://[^ ]+' /etc/apt/sources.list /etc/apt/sources.list.d/ 2>/dev/null || true) | sed 's#/*$##' | grep -v -- '-security')
MIRROR=$(echo "$urls" | grep -E '/debian$' | head -1 || true)
[ -n "$MIRROR" ] || MIRROR=$(echo "$urls" | grep -E '/debian/' | head -1 || true)
[ -n "$MIRROR" ] || { log "no Debian mirror configured in apt sources"; exit 1; }

make_image() { # name packages
  local name=$1 include=$2
  if $B inspect --type image "$name" >/dev/null 2>&1; then log "$name present"; return; fi
  local rootfs="$STORE/rootfs-${name//[\/:]/-}"
  rm -rf "$rootfs"
  log "debootstrap $name ($include)"
  debootstrap --variant=minbase --include="$include" bookworm "$rootfs" "$MIRROR" >"$STORE/debootstrap.log" 2>&1 \
    || { tail -20 "$STORE/debootstrap.log"; exit 1; }
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
  local c m
  c=$($B from scratch)
  m=$($B mount "$c")
  tar -C "$rootfs" -cf - . | tar -C "$m" -xf -
  $B config --env PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin --env GOPATH=/go "$c"
  $B umount "$c" >/dev/null
  $B commit --rm "$c" "$name" >/dev/null
  rm -rf "$rootfs"
  log "$name built"
}

make_image localhost/golang:1.19-bookworm golang-go,ca-certificates,gcc,libc6-dev,git
make_image localhost/debian:bookworm-slim ca-certificates

# Go 1.23 from Debian's backports suite, on top of the 1.19 image (same mirror).
if $B inspect --type image localhost/golang:1.23-bookworm >/dev/null 2>&1; then log "localhost/golang:1.23-bookworm present"
else
  log "localhost/golang:1.23-bookworm (golang-1.23-go from bookworm-backports)"
  c=$($B from localhost/golang:1.19-bookworm)
  $B run --isolation chroot "$c" -- sh -c "echo 'deb $MIRROR bookworm-backports main' > /etc/apt/sources.list.d/backports.list && apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -t bookworm-backports golang-1.23-go >/dev/null && rm -rf /var/lib/apt/lists/* /etc/apt/sources.list.d/backports.list"
  $B config --env PATH=/usr/lib/go-1.23/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin --env GOTOOLCHAIN=local "$c"
  $B commit --rm "$c" localhost/golang:1.23-bookworm >/dev/null
  log "localhost/golang:1.23-bookworm built"
fi

log "done in $(( $(date +%s) - start )) s (store $STORE)"
