# nginx as the load balancer in front of the evidence replicas (deploy/pod.sh builds it as evidence-nginx).
# Built from Debian slim, like the service image. deploy/pod.sh builds it with --pull=never, so
# debian:bookworm-slim must be in the local store first (podman pull docker.io/library/debian:bookworm-slim;
# machines without a registry: see the note in scripts/container-test.sh).
FROM debian:bookworm-slim

LABEL org.opencontainers.image.title="evidence-nginx" \
      org.opencontainers.image.description="nginx load balancer for evidence replicas" \
      org.opencontainers.image.base.name="docker.io/library/debian:bookworm-slim"

# Versions follow bookworm's point releases and security updates, as in the service image.
# hadolint ignore=DL3008
RUN apt-get update \
 && apt-get install -y --no-install-recommends nginx-light \
 && rm -rf /var/lib/apt/lists/* \
 && rm -f /etc/nginx/sites-enabled/default

COPY nginx.conf /etc/nginx/nginx.conf

USER 33:33
EXPOSE 8080
STOPSIGNAL SIGQUIT
CMD ["nginx", "-g", "daemon off;"]
