// The Slack app: Bolt in HTTP mode (commands, interactivity, events and options all POSTed to
// /slack/events, mounted on our HTTP server) or in Socket Mode when SLACK_APP_TOKEN is set.
// This file only wires: middleware, then each feature's register().
import { App, HTTPModuleFunctions, HTTPReceiver } from "@slack/bolt";
import type { ExtendedErrorHandlerArgs } from "@slack/bolt/dist/App.js";
import type { TEnvironment } from "../config/environment.ts";
import type { TRoute } from "../http/http-server.ts";
import { boltLogger } from "./bolt-logger.ts";
import type { TSlackFeatureDependencies } from "./feature-dependencies.ts";
import { SLACK_FEATURES } from "./features/index.ts";
import { inputTextMiddleware } from "./middleware/input-text-middleware.ts";
import { requestContextMiddleware } from "./middleware/request-context-middleware.ts";
import { findRequestContext } from "./request-context.ts";
import { isWithinSigningWindow } from "./request-timestamp.ts";

export const SLACK_EVENTS_PATH = "/slack/events";

export interface TSlackApp {
  readonly app: App;
  /** HTTP mode: the route to mount on the HTTP server. */
  readonly route: TRoute | undefined;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function createSlackApp(
  environment: TEnvironment & { SLACK_BOT_TOKEN: string },
  dependencies: TSlackFeatureDependencies,
): TSlackApp {
  // Bolt names its own component on each line (bolt-app, web-api:WebClient…): one component key a line.
  const logger = boltLogger(dependencies.logger);
  const clientOptions =
    environment.SLACK_API_URL === undefined
      ? {}
      : { slackApiUrl: withTrailingSlash(environment.SLACK_API_URL) };
  const socketMode = environment.SLACK_APP_TOKEN !== undefined;
  const receiver =
    socketMode || environment.SLACK_SIGNING_SECRET === undefined
      ? undefined
      : new HTTPReceiver({
          signingSecret: environment.SLACK_SIGNING_SECRET,
          endpoints: SLACK_EVENTS_PATH,
          // Ack first, work after: Slack waits 3 seconds at most.
          processBeforeResponse: false,
          logger,
          // A signed body Bolt itself cannot read (an event whose `user` is null makes Bolt's own
          // reading throw a TypeError before any listener): 400, not a 500 Slack would retry.
          processEventErrorHandler: async (args) => {
            if (!(args.error instanceof TypeError) || args.response.headersSent)
              return HTTPModuleFunctions.defaultProcessEventErrorHandler(args);
            dependencies.logger.warn(
              { component: "slack", err: args.error },
              "refused a signed Slack request whose body Bolt could not read",
            );
            args.response.writeHead(400, { "content-type": "text/plain; charset=utf-8" });
            args.response.end("malformed Slack request");
            return true;
          },
        });
  const app = new App({
    token: environment.SLACK_BOT_TOKEN,
    logger,
    clientOptions,
    // The error handler gets the request's context: its line names the request id.
    extendedErrorHandler: true,
    // No auth.test from the constructor: with a wrong token its rejection went unhandled (a stack
    // trace, exit 1). start() runs it through init(), after slack-connection.ts checked the tokens.
    deferInitialization: true,
    ...(receiver === undefined
      ? {
          socketMode: true,
          appToken: environment.SLACK_APP_TOKEN,
          signingSecret: environment.SLACK_SIGNING_SECRET,
          // A copy: the Socket Mode client writes its 100-retry policy into the options it is given,
          // which would otherwise be the listeners' clients' too.
          installerOptions: { clientOptions: { ...clientOptions } },
        }
      : { receiver }),
  });
  app.use(requestContextMiddleware(dependencies.useCases));
  app.use(inputTextMiddleware(dependencies.locale, dependencies.logger));
  for (const feature of SLACK_FEATURES) feature.register(app, dependencies);
  app.error(async ({ error, context }: ExtendedErrorHandlerArgs) => {
    dependencies.logger.error(
      {
        component: "slack",
        err: error,
        code: (error as { code?: unknown }).code,
        requestId: findRequestContext(context)?.requestId,
      },
      "unhandled Slack error",
    );
  });
  return {
    app,
    route:
      receiver === undefined
        ? undefined
        : {
            method: "POST",
            path: SLACK_EVENTS_PATH,
            handler: (request, response) => {
              if (!isWithinSigningWindow(request.headers["x-slack-request-timestamp"], Date.now())) {
                dependencies.logger.warn(
                  { component: "slack", path: SLACK_EVENTS_PATH },
                  "refused a Slack request whose timestamp is missing or more than 5 minutes from now",
                );
                response.writeHead(401, { "content-type": "text/plain; charset=utf-8" });
                response.end("request timestamp out of range");
                return;
              }
              return receiver.requestListener(request, response);
            },
          },
    start: async () => {
      // auth.test once (deferInitialization), its bot ids kept for every request; then the socket.
      await app.init();
      if (socketMode) await app.start();
    },
    stop: async () => {
      if (socketMode) await app.stop();
    },
  };
}

function withTrailingSlash(url: string): string {
  return url.endsWith("/") ? url : `${url}/`;
}
