// What the page remembers that the workspace does not: the notices Slack's client shows a person when
// the app's answer was refused (`/usuarios failed with the error "operation_timeout"`), where the
// person sees them, and the reasons of each refusal by the timeline entry of the request, for the
// developer panel. Kept in memory, the latest few hundred.

export type TNoticePlace =
  | { readonly kind: "conversation"; readonly channel: string }
  | { readonly kind: "home" }
  | { readonly kind: "modal"; readonly viewId: string };

export interface TSlackNotice {
  readonly id: number;
  /** Milliseconds since the epoch, on the workspace clock. */
  readonly at: number;
  readonly userId: string;
  readonly place: TNoticePlace;
  readonly text: string;
}

export interface TNoticeBoard {
  add(notice: Omit<TSlackNotice, "id">): TSlackNotice;
  noticesFor(userId: string): readonly TSlackNotice[];
  /** Slack did not apply the app's answer to the request of this timeline entry, for these reasons. */
  recordAnswerRefusal(sequence: number, reasons: readonly string[]): void;
  answerRefusalOf(sequence: number): readonly string[] | undefined;
}

const KEPT_NOTICES = 500;
const KEPT_REFUSALS = 1_000;

export function createNoticeBoard(onChange: () => void): TNoticeBoard {
  const notices: TSlackNotice[] = [];
  const refusals = new Map<number, readonly string[]>();
  let lastId = 0;
  return {
    add(notice) {
      lastId += 1;
      const added = { ...notice, id: lastId };
      notices.push(added);
      if (notices.length > KEPT_NOTICES) notices.shift();
      onChange();
      return added;
    },
    noticesFor: (userId) => notices.filter((notice) => notice.userId === userId),
    recordAnswerRefusal(sequence, reasons) {
      refusals.set(sequence, [...reasons]);
      if (refusals.size > KEPT_REFUSALS) {
        const oldest = refusals.keys().next().value;
        if (oldest !== undefined) refusals.delete(oldest);
      }
      onChange();
    },
    answerRefusalOf: (sequence) => refusals.get(sequence),
  };
}
