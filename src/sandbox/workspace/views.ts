// The views shown to each person: a stack of at most three modals and one Home tab, each with what
// the person entered and the errors the app answered, and a hash that views.update may check.
import { interactiveElementsOf, withSlackAssignedIdentifiers } from "../block-kit-reading.ts";
import { arrayField, copyJson, stringField, type TJsonObject, type TJsonValue } from "../json.ts";
import type { TSlackIdentifiers } from "../slack-identifiers.ts";
import type { TSlackView, TViewType } from "../slack-records.ts";
import type { TViewStateValues } from "../view-state.ts";
import type { TWorkspaceChange } from "./changes.ts";
import type { TOutcome } from "./outcome.ts";

/** Slack keeps at most three views in a modal's stack. */
export const MAXIMUM_MODAL_STACK = 3;

export interface TViewStore {
  openModal(userId: string, definition: TJsonObject): TSlackView;
  pushModal(userId: string, definition: TJsonObject): TOutcome<TSlackView>;
  updateView(viewId: string, definition: TJsonObject, expectedHash?: string): TOutcome<TSlackView>;
  /** Closes a modal view: the one on top goes back to the one under it; closing the root closes all. */
  closeView(viewId: string): void;
  clearModals(userId: string): void;
  setViewState(viewId: string, state: TViewStateValues): void;
  setViewErrors(viewId: string, errors: Readonly<Record<string, string>>): void;
  publishHome(userId: string, definition: TJsonObject, expectedHash?: string): TOutcome<TSlackView>;
  viewById(viewId: string): TSlackView | undefined;
  viewByExternalId(externalId: string): TSlackView | undefined;
  /** The modal stack shown to a person, root first; empty when no modal is open. */
  openViewsOf(userId: string): readonly TSlackView[];
  homeOf(userId: string): TSlackView | undefined;
}

interface TViewRecord {
  id: string;
  type: TViewType;
  userId: string;
  definition: TJsonObject;
  state: TViewStateValues;
  errors: Record<string, string>;
  hash: string;
  rootViewId: string;
  previousViewId: string | null;
  isOpen: boolean;
}

function snapshotView(record: TViewRecord): TSlackView {
  const definition = copyJson(record.definition);
  const title = definition.title;
  return {
    id: record.id,
    type: record.type,
    userId: record.userId,
    callbackId: stringField(definition, "callback_id") ?? "",
    privateMetadata: stringField(definition, "private_metadata") ?? "",
    externalId: stringField(definition, "external_id") ?? "",
    title:
      typeof title === "object" && title !== null && !Array.isArray(title)
        ? (stringField(title, "text") ?? "")
        : "",
    blocks: arrayField(definition, "blocks") ?? [],
    definition,
    state: structuredClone(record.state),
    errors: { ...record.errors },
    hash: record.hash,
    rootViewId: record.rootViewId,
    previousViewId: record.previousViewId,
    isOpen: record.isOpen,
  };
}

/** Keeps what a person entered in elements a views.update leaves in place (same block_id, action_id and type). */
function stateKeptAcrossUpdate(state: TViewStateValues, blocks: readonly TJsonValue[]): TViewStateValues {
  const kept: TViewStateValues = {};
  for (const element of interactiveElementsOf(blocks)) {
    const entry = state[element.blockId]?.[element.actionId];
    if (entry === undefined || stringField(entry, "type") !== element.type) continue;
    kept[element.blockId] = { ...kept[element.blockId], [element.actionId]: entry };
  }
  return kept;
}

export function createViewStore(options: {
  readonly identifiers: TSlackIdentifiers;
  readonly clock: () => number;
  readonly publish: (change: TWorkspaceChange) => void;
}): TViewStore {
  const { identifiers, clock } = options;
  const views = new Map<string, TViewRecord>();
  const modalStacks = new Map<string, string[]>();
  const homes = new Map<string, string>();
  const changedFor = (userId: string) => options.publish({ kind: "views_changed", userId });

  function normalisedDefinition(definition: TJsonObject): TJsonObject {
    const copy = copyJson(definition);
    copy.blocks = withSlackAssignedIdentifiers(arrayField(copy, "blocks") ?? [], identifiers);
    return copy;
  }

  function newView(
    userId: string,
    type: TViewType,
    definition: TJsonObject,
    previous: TViewRecord | undefined,
  ): TViewRecord {
    const id = identifiers.viewId();
    const record: TViewRecord = {
      id,
      type,
      userId,
      definition: normalisedDefinition(definition),
      state: {},
      errors: {},
      hash: identifiers.viewHash(clock()),
      rootViewId: previous?.rootViewId ?? id,
      previousViewId: previous?.id ?? null,
      isOpen: true,
    };
    views.set(id, record);
    return record;
  }

  function closeStack(userId: string): void {
    for (const viewId of modalStacks.get(userId) ?? []) {
      const record = views.get(viewId);
      if (record !== undefined) record.isOpen = false;
    }
    modalStacks.delete(userId);
  }

  function viewOfExternalId(externalId: string): TViewRecord | undefined {
    if (externalId === "") return undefined;
    return [...views.values()].find((record) => stringField(record.definition, "external_id") === externalId);
  }

  return {
    openModal(userId, definition) {
      closeStack(userId);
      const record = newView(userId, "modal", definition, undefined);
      modalStacks.set(userId, [record.id]);
      changedFor(userId);
      return snapshotView(record);
    },
    pushModal(userId, definition) {
      const stack = modalStacks.get(userId) ?? [];
      const top = views.get(stack[stack.length - 1] ?? "");
      if (top === undefined) return { ok: false, error: "not_found" };
      if (stack.length >= MAXIMUM_MODAL_STACK) return { ok: false, error: "push_limit_reached" };
      const record = newView(userId, "modal", definition, top);
      stack.push(record.id);
      changedFor(userId);
      return { ok: true, value: snapshotView(record) };
    },
    updateView(viewId, definition, expectedHash) {
      const record = views.get(viewId);
      if (record === undefined || !record.isOpen) return { ok: false, error: "not_found" };
      if (expectedHash !== undefined && expectedHash !== record.hash)
        return { ok: false, error: "hash_conflict" };
      record.definition = normalisedDefinition(definition);
      record.state = stateKeptAcrossUpdate(record.state, arrayField(record.definition, "blocks") ?? []);
      record.errors = {};
      record.hash = identifiers.viewHash(clock());
      changedFor(record.userId);
      return { ok: true, value: snapshotView(record) };
    },
    closeView(viewId) {
      const record = views.get(viewId);
      if (record === undefined || record.type !== "modal") return;
      const stack = modalStacks.get(record.userId) ?? [];
      const position = stack.indexOf(viewId);
      if (position <= 0) {
        closeStack(record.userId);
      } else {
        for (const closedId of stack.splice(position)) {
          const closed = views.get(closedId);
          if (closed !== undefined) closed.isOpen = false;
        }
      }
      changedFor(record.userId);
    },
    clearModals(userId) {
      closeStack(userId);
      changedFor(userId);
    },
    setViewState(viewId, state) {
      const record = views.get(viewId);
      if (record === undefined) return;
      record.state = structuredClone(state);
      changedFor(record.userId);
    },
    setViewErrors(viewId, errors) {
      const record = views.get(viewId);
      if (record === undefined) return;
      record.errors = { ...errors };
      changedFor(record.userId);
    },
    publishHome(userId, definition, expectedHash) {
      const existing = views.get(homes.get(userId) ?? "");
      if (existing === undefined) {
        const record = newView(userId, "home", definition, undefined);
        homes.set(userId, record.id);
        changedFor(userId);
        return { ok: true, value: snapshotView(record) };
      }
      if (expectedHash !== undefined && expectedHash !== existing.hash)
        return { ok: false, error: "hash_conflict" };
      existing.definition = normalisedDefinition(definition);
      existing.state = stateKeptAcrossUpdate(existing.state, arrayField(existing.definition, "blocks") ?? []);
      existing.hash = identifiers.viewHash(clock());
      changedFor(userId);
      return { ok: true, value: snapshotView(existing) };
    },
    viewById(viewId) {
      const record = views.get(viewId);
      return record === undefined ? undefined : snapshotView(record);
    },
    viewByExternalId(externalId) {
      const record = viewOfExternalId(externalId);
      return record === undefined ? undefined : snapshotView(record);
    },
    openViewsOf(userId) {
      return (modalStacks.get(userId) ?? []).flatMap((viewId) => {
        const record = views.get(viewId);
        return record === undefined ? [] : [snapshotView(record)];
      });
    },
    homeOf(userId) {
      const record = views.get(homes.get(userId) ?? "");
      return record === undefined ? undefined : snapshotView(record);
    },
  };
}
