# Container image of the bot: `docker build -t schulabsentismus-bot .` (see README, "Deploy").

# 0) Build tools, only in case better-sqlite3 finds no prebuilt binary (never in the runtime image).
FROM node:20-bookworm-slim AS toolchain
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app

# 1) Build: TypeScript to dist/, the tabs to dist/web (npm run build).
FROM toolchain AS build
COPY package.json package-lock.json .npmrc ./
RUN npm ci
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY scripts ./scripts
RUN npm run build

# 2) Production dependencies only (compiled here, so the runtime image has no compiler).
FROM toolchain AS deps
COPY package.json package-lock.json .npmrc ./
RUN npm ci --omit=dev && npm cache clean --force

# 3) Runtime: what `node dist/index.js` reads – dist/ (with dist/web), knowledge/, the preview questions.
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production PORT=3978
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY knowledge ./knowledge
COPY tests/eval/project.jsonl ./tests/eval/project.jsonl
# Only used with STORAGE=sqlite (a single instance); mount a volume here to keep it.
RUN mkdir -p data && chown node:node data
USER node
EXPOSE 3978
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3978) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "--max-old-space-size=224", "dist/index.js"]
