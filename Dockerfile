# evidence: a small, non-root image that serves a prebuilt, read-only evidence database.
#
#   podman build --pull=never --format docker -t evidence .      (or: docker build -t evidence .)
#   podman run --rm --read-only -p 127.0.0.1:8080:8080 evidence
#
# Stage 1 builds the release binary with the Swift standard library linked in statically, and ingests
# the bundled seeds/ into a database. Stage 2 is Debian slim with only the shared libraries the binary
# links (checked with ldd in stage 1: libsqlite3, libxml2 and what libxml2 needs).

FROM swift:6.3-bookworm AS build

# The sqlite3 shell turns the ingested database from WAL into rollback-journal mode, so that a read-only
# root filesystem can serve it (a read-only WAL database needs a writable folder for its -shm file).
# Versions follow bookworm's point releases and security updates; pinning them would break the build at
# each update, so they are left to the distribution.
# hadolint ignore=DL3008
RUN apt-get update \
 && apt-get install -y --no-install-recommends sqlite3 \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /src

# Dependencies first: this layer is rebuilt only when Package.swift changes.
COPY Package.swift ./
RUN swift package resolve

# Tests/ too: SwiftPM checks that every target of Package.swift has its folder, even for one product.
COPY Sources ./Sources
COPY Tests ./Tests
RUN swift build -c release --static-swift-stdlib --product evidence \
 && install -D -m 0755 "$(swift build -c release --static-swift-stdlib --show-bin-path)/evidence" /out/usr/local/bin/evidence \
 && strip /out/usr/local/bin/evidence \
 && echo "evidence links:" && ldd /out/usr/local/bin/evidence

# Run-time data, and the default database built from the seeds.
COPY schema.sql /out/app/schema.sql
COPY lexicon /out/app/lexicon
COPY seeds /out/app/seeds
RUN mkdir -p /out/app/db /out/data \
 && EVIDENCE_HOME=/out/app /out/usr/local/bin/evidence ingest --db /out/app/db/evidence.sqlite /out/app/seeds \
 && sqlite3 /out/app/db/evidence.sqlite 'PRAGMA journal_mode = DELETE;' 'PRAGMA integrity_check;' \
 && chmod 0444 /out/app/db/evidence.sqlite


FROM debian:bookworm-slim

ARG VERSION=dev
ARG REVISION=unknown
ARG CREATED=unknown

LABEL org.opencontainers.image.title="evidence" \
      org.opencontainers.image.description="Health documents turned into an evidence base in SQLite, served as a read-only JSON API" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.created="${CREATED}" \
      org.opencontainers.image.documentation="README.md, section Deployment" \
      org.opencontainers.image.base.name="docker.io/library/debian:bookworm-slim"

# Only what the binary links (see the ldd output of the build stage). Versions: see the build stage.
# hadolint ignore=DL3008
RUN apt-get update \
 && apt-get install -y --no-install-recommends libsqlite3-0 libxml2 \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 evidence \
 && useradd --system --uid 10001 --gid 10001 --no-create-home --home-dir /nonexistent \
            --shell /usr/sbin/nologin evidence

COPY --from=build /out/usr/local/bin/evidence /usr/local/bin/evidence
# Owned by root and not writable by the service: the database is only read at run time.
COPY --from=build /out/app /app
# /data is where a volume with a bigger corpus goes (documents and a database): owned by the service user,
# so that a new named volume mounted there is writable by `evidence ingest`.
COPY --from=build --chown=10001:10001 /out/data /data

ENV EVIDENCE_HOME=/app \
    EVIDENCE_DB=/app/db/evidence.sqlite \
    EVIDENCE_HOST=0.0.0.0 \
    EVIDENCE_PORT=8080

USER 10001:10001
WORKDIR /data
EXPOSE 8080
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=10s --timeout=5s --start-period=10s --retries=3 \
    CMD ["evidence", "healthcheck", "--timeout", "3"]

CMD ["evidence", "serve"]
