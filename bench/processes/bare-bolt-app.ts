// The floor the bot is compared with: a bare Bolt app on Bolt's HTTPReceiver, with the bot's
// signing secret and Web API base, one command, one action and one view listener that only ack.
// Run as its own process (like the bot) by bare-app-process.ts; prints "listening" when up.
import { App, HTTPReceiver } from "@slack/bolt";

const { PORT, SLACK_SIGNING_SECRET, SLACK_BOT_TOKEN, SLACK_API_URL } = process.env;
if (PORT === undefined || SLACK_SIGNING_SECRET === undefined || SLACK_BOT_TOKEN === undefined) {
  process.stderr.write("bare-bolt-app: PORT, SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN are required\n");
  process.exit(2);
}

const receiver = new HTTPReceiver({
  signingSecret: SLACK_SIGNING_SECRET,
  endpoints: "/slack/events",
  processBeforeResponse: false,
});
const app = new App({
  token: SLACK_BOT_TOKEN,
  receiver,
  ...(SLACK_API_URL === undefined ? {} : { clientOptions: { slackApiUrl: SLACK_API_URL } }),
});
app.command(/.*/, async ({ ack }) => {
  await ack();
});
app.action(/.*/, async ({ ack }) => {
  await ack();
});
app.view(/.*/, async ({ ack }) => {
  await ack();
});

await app.start(Number(PORT));
process.stdout.write("listening\n");

const stop = () => {
  app.stop().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
