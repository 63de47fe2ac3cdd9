// The workspace's people, as the use cases may ask about them: who holds an email address. The
// Slack surface gives it (users.lookupByEmail); inputs without a workspace simply do not.
export interface SlackDirectory {
  /** The Slack user id of the workspace member with this email, or undefined for none. */
  slackUserIdByEmail(email: string): Promise<string | undefined>;
}
