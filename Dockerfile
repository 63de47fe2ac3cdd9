# The bot's container: build once, run the compiled output on a pruned install as a non-root user.
# Every RUN here is a command test/deploy/production-start.deploy.ts runs on a clean copy of the
# project (no base image is reachable on the machines this project is built on).

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
COPY scripts ./scripts
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
COPY scripts ./scripts
RUN npm ci --omit=dev --no-audit --no-fund
COPY --from=build /app/dist ./dist
# The sandbox page's static files, read at run time beside the compiled code.
COPY src/sandbox/site/assets ./src/sandbox/site/assets
# The embedded database and the .eml files live here when DATABASE_URL and SMTP_URL are unset.
RUN mkdir -p data && chown node:node data
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "dist/cli/readiness-probe.js"]
CMD ["node", "dist/main.js"]
