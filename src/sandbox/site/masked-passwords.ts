// What the developer panel shows of a request: the typed values of a password form hidden. The
// page is no log, but a screen shared in a demo or a screenshot in a bug report should not carry a
// password either. A form counts as a password form when its callback_id or an input's block_id
// names a password (in English or Spanish); every value typed into such a form is hidden.
import { isJsonObject, type TJsonValue } from "../json.ts";

const PASSWORD_WORD = /password|contrase/i;
export const HIDDEN_VALUE = "•••••• (oculto)";

export function withPasswordsMasked(request: TJsonValue): TJsonValue {
  if (!isJsonObject(request)) return request;
  const view = request.view;
  if (!isJsonObject(view)) return request;
  const state = view.state;
  if (!isJsonObject(state) || !isJsonObject(state.values)) return request;
  const callbackId = typeof view.callback_id === "string" ? view.callback_id : "";
  const wholeForm = PASSWORD_WORD.test(callbackId);
  const values = Object.fromEntries(
    Object.entries(state.values).map(([blockId, actions]) => [
      blockId,
      wholeForm || PASSWORD_WORD.test(blockId) ? masked(actions) : actions,
    ]),
  );
  return { ...request, view: { ...view, state: { ...state, values } } };
}

/** Every string `value` inside, hidden. */
function masked(value: TJsonValue): TJsonValue {
  if (Array.isArray(value)) return value.map(masked);
  if (!isJsonObject(value)) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [
      key,
      key === "value" && typeof inner === "string" ? HIDDEN_VALUE : masked(inner),
    ]),
  );
}
