#!/usr/bin/env bash
# Three evidence replicas behind nginx, in one podman pod.
#
#   deploy/pod.sh up       # builds evidence-nginx if missing, starts the pod, waits until every replica is healthy
#   deploy/pod.sh status   # each container's state and health
#   deploy/pod.sh down     # stops and removes the pod
#
# The containers of a pod share one network namespace: the replicas listen on 127.0.0.1:8081..8083 inside
# it (EVIDENCE_PORT; EVIDENCE_HOST stays 0.0.0.0 as in the image, reachable only through the pod), nginx
# listens on 8080 and is the only port published, on the host's loopback. Every container runs with a
# read-only root filesystem, no capabilities and its image's health check. The replicas share nothing: each
# reads its own copy of the database in the image, so a new corpus is a new image, rolled out replica by
# replica (`podman rm -f evidence-pod-2 && deploy/pod.sh up` starts the missing one again from $IMAGE).
#
# Environment: IMAGE (default evidence:latest), POD (evidence-pod), PORT (host loopback port, 8080).
set -euo pipefail
# Without systemd, podman cannot schedule the image's periodic health checks and says so on every run, start
# and stop; the checks are run on demand here (podman healthcheck run). Only that message is dropped.
podman() { command podman "$@" 2> >(grep -v 'systemd connection' >&2); }
here=$(cd "$(dirname "$0")" && pwd)

IMAGE=${IMAGE:-evidence:latest}
NGINX_IMAGE=${NGINX_IMAGE:-localhost/evidence-nginx:latest}
POD=${POD:-evidence-pod}
PORT=${PORT:-8080}
REPLICA_PORTS=(8081 8082 8083)   # must match the upstream block of deploy/nginx.conf

replica_name() { echo "$POD-$1"; }

up() {
    if ! podman image exists "$IMAGE"; then
        echo "image $IMAGE not found: build it first (podman build --pull=never --format docker -t $IMAGE .)" >&2
        exit 1
    fi
    if ! podman image exists "$NGINX_IMAGE"; then
        echo "building $NGINX_IMAGE from deploy/nginx.Dockerfile"
        podman build --pull=never --format docker -t "$NGINX_IMAGE" -f "$here/nginx.Dockerfile" "$here" >/dev/null
    fi
    if ! podman pod exists "$POD"; then
        podman pod create --name "$POD" -p "127.0.0.1:$PORT:8080" >/dev/null
    fi
    local i
    for i in 1 2 3; do
        local name; name=$(replica_name "$i")
        if podman container exists "$name"; then
            podman start "$name" >/dev/null
        else
            podman run -d --pod "$POD" --name "$name" --pull=never --read-only --cap-drop=ALL \
                --security-opt=no-new-privileges --health-interval=5s \
                -e EVIDENCE_PORT="${REPLICA_PORTS[$((i - 1))]}" "$IMAGE" >/dev/null
        fi
    done
    if podman container exists "$POD-nginx"; then
        podman start "$POD-nginx" >/dev/null
    else
        podman run -d --pod "$POD" --name "$POD-nginx" --pull=never --read-only --tmpfs /tmp \
            --cap-drop=ALL --security-opt=no-new-privileges "$NGINX_IMAGE" >/dev/null
    fi
    wait_ready 60
    echo "evidence: 3 replicas behind nginx on http://127.0.0.1:$PORT"
}

# Every replica's own health check (`evidence healthcheck`, as the image's HEALTHCHECK runs it), then nginx.
wait_ready() {
    local limit=$1 start=$SECONDS i
    for i in 1 2 3; do
        until podman healthcheck run "$(replica_name "$i")" >/dev/null 2>&1; do
            if (( SECONDS - start >= limit )); then
                echo "replica $(replica_name "$i") not healthy after ${limit} s" >&2
                podman logs --tail 20 "$(replica_name "$i")" >&2 || true
                exit 1
            fi
            sleep 0.5
        done
    done
    until curl -fsS --max-time 2 "http://127.0.0.1:$PORT/health" -o /dev/null 2>/dev/null; do
        if (( SECONDS - start >= limit )); then echo "nginx not answering after ${limit} s" >&2; exit 1; fi
        sleep 0.5
    done
}

status() {
    podman ps -a --pod --filter "pod=$POD" --format '{{.Names}}\t{{.Status}}'
}

down() {
    podman pod rm -f -t 10 "$POD" >/dev/null 2>&1 || true
}

case "${1:-}" in
    up) up ;;
    down) down ;;
    status) status ;;
    wait) wait_ready "${2:-60}" ;;
    *) echo "usage: $0 up|status|down" >&2; exit 2 ;;
esac
