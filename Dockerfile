# One image for both processes of the production setup (docker-compose.yml): the API (default command) and the
# projector (`node dist/apps/projector/src/main.js`). Not built on the development machine (no Docker engine
# there); see README.md, "Production setup".

# Build: compile TypeScript, then keep only the runtime dependencies. better-sqlite3 (the embedded stores, still
# used by the CLI and the default mode) is a native addon: npm ci fetches a prebuilt binary or, failing that,
# compiles it, hence python3, make and g++ in this stage only.
FROM node:20-bookworm-slim AS build
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY apps ./apps
COPY libs ./libs
RUN npm run build && npm prune --omit=dev

# Run: no compiler, no sources, not root.
FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    LEDGER_DATA_DIR=/app/data \
    LEDGER_SEED_DIR=/app/seeds
WORKDIR /app
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY seeds ./seeds
# secrets/ exists in the image so that a named volume mounted there starts out owned by node.
RUN mkdir -p /app/data/secrets && chown -R node:node /app/data
USER node
EXPOSE 3000
# Node 20 has fetch; the slim image has no curl. /health answers 503 when a store is unreachable.
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=5 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "dist/apps/ledger-api/src/main.js"]
