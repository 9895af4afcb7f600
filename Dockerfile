# One image for every Ragstream app; the first argument picks which one runs:
#   docker run ragstream gateway | command-api | query-api | projector | admin-cli provision
# Build: docker build -t ragstream:0.1.0 .

FROM node:20-bookworm-slim AS build
WORKDIR /app
# swagger-ui-dist's analytics postinstall has nothing to report to from a build.
ENV SCARF_ANALYTICS=false
COPY package.json package-lock.json ./
# The lockfile is written where the registry serves only linux-x64 binaries; npm ci may call it
# out of sync elsewhere, and npm install then resolves the same versions for this platform.
RUN npm ci --no-audit --no-fund || npm install --no-audit --no-fund
COPY .swcrc ./
COPY scripts/build.mjs scripts/build.mjs
COPY contracts contracts
COPY libs libs
COPY apps apps
RUN node scripts/build.mjs && npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim
# tini as PID 1 forwards SIGTERM to node and reaps children, so stops are graceful.
RUN apt-get update && apt-get install -y --no-install-recommends tini && rm -rf /var/lib/apt/lists/*
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/dist dist
COPY scripts/docker-entrypoint.sh /usr/local/bin/ragstream
USER node
ENTRYPOINT ["tini", "--", "ragstream"]
CMD ["gateway"]
