# Peer Coach as a container, for hosts that run containers (Azure Container Apps, App Service for
# Containers, Kubernetes). The App Service deployment in infra/ does not use it. See docs/deploy.md.
#
#   docker build -t peer-coach .
#   docker run -p 3978:3978 --env-file peer-coach.env peer-coach
#
# Node.js 24 LTS, the newest major package.json's engines claims; CI runs the tests on each of them
# (22 too: --build-arg NODE_VERSION=22 also works, until 22's end of life on 30 April 2027).
ARG NODE_VERSION=24

# --- build: all dependencies, compile TypeScript to dist/ -------------------------------------
FROM node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# no install scripts: the compiler needs none, and nothing runs that the build does not need
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
# the card templates are imported by src/cards/*.ts; tsc copies them to dist/cards/
COPY cards ./cards
RUN npm run build

# --- runtime: production dependencies and the compiled bot only -------------------------------
FROM node:${NODE_VERSION}-bookworm-slim AS runtime
ENV NODE_ENV=production \
    NODE_OPTIONS=--max-old-space-size=1024 \
    PORT=3978
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
# dist/src (the bot) and dist/cards (the card templates it loads): everything it reads at run time
COPY --from=build /app/dist ./dist
# the embedded store's snapshot folder, for a trial run without COSMOS_ENDPOINT (mount a volume here)
RUN mkdir .data && chown node:node .data
USER node
EXPOSE 3978
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3978) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/src/index.js"]
